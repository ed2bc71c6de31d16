"""Store checks focused on the nodes an added article states (what a small build runs) find every
violation that article is part of, the same as the check over the whole store, and nothing about
nodes it does not touch."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF

from kg.graph.iri import actor_iri, graph_iri
from kg.graph.namespaces import KG
from kg.validate.store_checks import check_store, focus_nodes
from test_store_checks import add, article_facts

pytestmark = pytest.mark.issue(11)


def subjects_of(store, facts) -> set:
    g = ox.NamedNode(str(graph_iri(facts.article)))
    return {q.subject for q in store.store.quads_for_pattern(None, None, None, g)}


def keys(found) -> set:
    return {(f.violation.shape, f.violation.focus_node, f.violation.value, f.graph) for f in found}


@pytest.mark.parametrize("first,second,extra", [
    (dict(published=date(2025, 11, 20)), dict(published=date(2025, 11, 25), meeting_date=date(2025, 11, 23)), False),
    (dict(meeting_date=date(2025, 11, 23)), dict(meeting_date=date(2025, 11, 22)), False),
    (dict(revisions={"Plan X": "Plan Y"}), dict(revisions={"Plan Y": "Plan X"}), False),  # a cycle over two
    ({}, {}, True),  # the second types the first's speaker as a proposal: the first's claim breaks
    ({}, {}, False),  # no violation at all
])
def test_focused_store_checks_find_what_the_added_article_broke(fresh_store, first, second, extra):
    add(fresh_store, article_facts("a", **first))
    b = article_facts("b", **second)
    add(fresh_store, b, extra=[(actor_iri("Marco Rubio", "Person"), RDF.type, KG.Proposal)] if extra else [])
    focus = focus_nodes(fresh_store, subjects_of(fresh_store, b))
    assert focus is not None
    assert keys(check_store(fresh_store, focus=focus)) == keys(check_store(fresh_store))


def test_focused_store_checks_leave_out_nodes_the_article_does_not_state(fresh_store):
    add(fresh_store, article_facts("a", meeting_date=date(2025, 11, 23)))
    add(fresh_store, article_facts("b", meeting_date=date(2025, 11, 22)))
    assert check_store(fresh_store)  # the two disagree on the meeting's date
    assert check_store(fresh_store, focus=[ox.NamedNode("https://w3id.org/parley/id/person/nobody")]) == []
    assert check_store(fresh_store, focus=[]) == []
