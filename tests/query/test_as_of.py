"""As of a date: a choice of the article graphs published by then (issue 10)."""
from __future__ import annotations

from datetime import date

import pytest

from kg.errors import BadParameter
from kg.graph.inference import INFERRED_GRAPH, ONTOLOGY_GRAPH
from kg.query import execute, get_query, graphs_as_of, parse_date

PUBLISHED = """SELECT ?g ?published WHERE { GRAPH ?g { ?g prov:wasDerivedFrom ?a .
               OPTIONAL { ?a schema:datePublished ?published } } }"""


def test_as_of_chooses_the_graphs_published_by_that_day(sample_store):
    published = {row["g"]: row["published"] for row in sample_store.rows(PUBLISHED)}
    day = date(2025, 8, 1)
    chosen = graphs_as_of(sample_store, day)
    expected = {g for g, p in published.items() if p is not None and p.toPython() <= day}
    assert set(chosen) - {ONTOLOGY_GRAPH} == expected
    assert 0 < len(expected) < len(published)
    assert chosen[-1] == ONTOLOGY_GRAPH and INFERRED_GRAPH not in chosen
    undated = {g for g, p in published.items() if p is None}
    assert not undated & set(graphs_as_of(sample_store, "2100-01-01")), "an undated article is never 'known by'"


@pytest.mark.issue(10)
def test_as_of_drops_a_later_articles_statements(sample_store):
    q = get_query("attendees-at-place")
    bindings = q.bind({"place": "Moscow"})
    before = execute(sample_store, q.text, bindings=bindings, as_of="2025-12-01").rows
    after = execute(sample_store, q.text, bindings=bindings, as_of="2025-12-03").rows
    everything = execute(sample_store, q.text, bindings=bindings).rows
    assert before == [] and after == everything and "Vladimir Putin" in {str(r["attendeeLabel"]) for r in after}


@pytest.mark.parametrize("value", ["1 Dec 2025", "2025-13-01", "2025-12-01T00:00", ""])
def test_as_of_bad_date_is_e510(value):
    with pytest.raises(BadParameter, match=r"^\[E510\] as-of date must be YYYY-MM-DD"):
        parse_date(value)
