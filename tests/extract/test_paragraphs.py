"""A line break in the body ends a sentence before the parser runs (kg_paragraph_starts)."""
import spacy

from kg.extract.pipeline import paragraph_starts


def test_paragraph_starts_mark_each_line_after_a_break():
    nlp = spacy.blank("en")
    doc = paragraph_starts(nlp.make_doc("Envoys Meet In Oslo\nThe two delegations met on Monday. They spoke.\n\nA second line"))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Envoys", "The", "A"]
    assert doc[1].is_sent_start is None  # inside a line: left to the parser


def test_paragraph_starts_leave_a_doc_without_breaks_alone():
    nlp = spacy.blank("en")
    doc = paragraph_starts(nlp.make_doc("One line only, with no break at all."))
    assert [t.i for t in doc if t.is_sent_start] == [0]
