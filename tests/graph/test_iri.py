"""Deterministic IRIs: a function of content, never of a counter, clock or random number."""
from __future__ import annotations

from datetime import date

import pytest
from rdflib import URIRef

from kg.graph import iri
from kg.graph.namespaces import KGID
from kg.model import Article, Span

ID = "https://w3id.org/parley/id/"


def _article(text: str = "Talks resumed in Geneva on Sunday.") -> Article:
    import hashlib

    return Article(path="a.txt", stem="a", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())


@pytest.mark.parametrize("name, expected", [
    ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
    ("  Steve   Witkoff ", "steve-witkoff"),
    ("28-point peace plan", "28-point-peace-plan"),
    ("U.S.–China joint statement", "u-s-china-joint-statement"),
    ("Sharm el-Sheikh", "sharm-el-sheikh"),
])
def test_slug_is_ascii_lower_dash_separated(name, expected):
    assert iri.slug(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("Thérèse Kayikwamba Wagner", "therese-kayikwamba-wagner"),
    ("Félix Tshisekedi", "felix-tshisekedi"),
    ("Zürich", "zurich"),
])
def test_slug_folds_diacritics(name, expected):
    assert iri.slug(name) == expected


def test_slug_same_for_composed_and_decomposed_unicode():
    composed = "Th\u00e9r\u00e8se"  # é, è as single code points
    decomposed = "The\u0301re\u0300se"  # e + combining accents
    assert composed != decomposed
    assert iri.slug(composed) == iri.slug(decomposed) == "therese"


def test_slug_is_deterministic_across_calls():
    names = ["Marco Rubio", "Abdel Fattah el-Sisi", "OSCE Minsk Group", "Erdoğan"]
    assert [iri.slug(n) for n in names] == [iri.slug(n) for n in names]


def test_slug_of_a_non_latin_name_is_a_stable_hash():
    assert iri.slug("Владимир Путин") == iri.slug("владимир  путин")
    assert iri.slug("Владимир Путин").startswith("u-")
    assert iri.slug("Владимир Путин") != iri.slug("Путин")


@pytest.mark.parametrize("name", ["", "   ", "—"])
def test_slug_without_letters_or_digits_gives_e301(name):
    with pytest.raises(ValueError, match=r"^\[E301\]"):
        iri.slug(name)


def test_meeting_iri_from_place_and_date():
    node = iri.meeting_iri("Moscow", date(2025, 12, 2), ["Vladimir Putin", "Steve Witkoff"])
    assert node == URIRef(ID + "meeting/moscow-2025-12-02")


def test_meeting_iri_place_and_date_ignore_attendees():
    a = iri.meeting_iri("Geneva", date(2025, 11, 23), ["Marco Rubio"])
    b = iri.meeting_iri("Geneva", date(2025, 11, 23), ["Andriy Yermak", "Dan Driscoll"])
    assert a == b


def test_meeting_iri_undated_uses_place():
    assert iri.meeting_iri("Washington", None, ["Marco Rubio"]) == URIRef(ID + "meeting/washington-undated")


def test_meeting_iri_placeless_uses_date_and_sorted_attendee_surnames():
    node = iri.meeting_iri(None, date(2025, 12, 1), ["Volodymyr Zelenskyy", "Emmanuel Macron"])
    assert node == URIRef(ID + "meeting/2025-12-01-macron-zelenskyy")
    assert iri.meeting_iri(None, date(2025, 12, 1), ["Emmanuel Macron", "Volodymyr Zelenskyy"]) == node


def test_meeting_iri_without_place_date_or_attendees():
    assert iri.meeting_iri(None, None, []) == URIRef(ID + "meeting/undated-unknown")


def test_meeting_iri_place_slug_folds_unicode():
    assert iri.meeting_iri("Genève", date(2025, 11, 23), []) == iri.meeting_iri("Geneve", date(2025, 11, 23), [])


def test_actor_iri_path_follows_the_kind():
    assert iri.actor_iri("Marco Rubio", "Person") == KGID["person/marco-rubio"]
    assert iri.actor_iri("OSCE Minsk Group", "Organization") == KGID["org/osce-minsk-group"]
    assert iri.actor_iri("Ukraine", "Country") == KGID["country/ukraine"]
    assert iri.actor_iri("Ukrainian delegation", "Delegation") == KGID["delegation/ukrainian-delegation"]
    assert iri.actor_iri("a source told CNN", "AnonymousSource") == KGID["actor/anonymous-source"]


def test_article_graph_activity_iris_use_the_content_hash():
    article = _article()
    key = article.sha256[:16]
    assert iri.article_iri(article) == KGID[f"article/{key}"]
    assert iri.graph_iri(article) == KGID[f"graph/{key}"]
    assert iri.activity_iri(article, "kg.extractor.v1") == KGID[f"activity/{key}-kg-extractor-v1"]
    other = _article("Talks resumed in Geneva on Monday.")
    assert iri.article_iri(other) != iri.article_iri(article)


def test_evidence_iri_from_hash_and_offsets():
    article = _article()
    assert iri.evidence_iri(article, Span(6, 13)) == KGID[f"evidence/{article.key}-6-13"]
    assert iri.evidence_iri(article, Span(6, 13)) != iri.evidence_iri(article, Span(6, 14))


def test_participation_and_provision_iris_hang_off_their_parent():
    meeting = KGID["meeting/moscow-2025-12-02"]
    assert iri.participation_iri(meeting, KGID["person/steve-witkoff"]) == URIRef(
        ID + "meeting/moscow-2025-12-02/participation/steve-witkoff")
    plan = iri.proposal_iri("28-point peace plan")
    assert plan == KGID["proposal/28-point-peace-plan"]
    assert iri.provision_iri(plan, "Cap on the armed forces") == URIRef(
        ID + "proposal/28-point-peace-plan/provision/cap-on-the-armed-forces")
