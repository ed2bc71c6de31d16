"""A component that fails on one article degrades to no output, with a warning, not a lost article."""
from __future__ import annotations

import spacy

from kg.extract.pipeline import WARNINGS, guarded


def test_guarded_failure_stores_empty_and_a_warning():
    doc = spacy.blank("en")("The envoys met in Oslo.")

    def broken():
        raise IndexError("odd sentence")

    guarded(doc, "kg.meetings", [], broken)
    assert doc.user_data["kg.meetings"] == []
    assert doc.user_data[WARNINGS] == ["kg.meetings: IndexError('odd sentence')"]


def test_guarded_success_stores_the_result_without_warning():
    doc = spacy.blank("en")("The envoys met in Oslo.")
    guarded(doc, "kg.claims", [], lambda: ["a claim"])
    assert doc.user_data["kg.claims"] == ["a claim"]
    assert WARNINGS not in doc.user_data
