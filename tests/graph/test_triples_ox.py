"""The build's graph as pyoxigraph triples (facts_triples) states exactly what facts_graph states,
and the store keeps literals in the canonical form it compares them by."""
from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.graph import facts_graph, facts_triples
from kg.graph.iri import meeting_iri
from kg.store import GraphStore
from kg.store.oxigraph import canonical, from_ox

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import article  # noqa: E402

pytestmark = pytest.mark.issue(11)
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("i", [0, 1, 17])
def test_facts_triples_state_what_facts_graph_states(i):
    facts = article(i).facts
    iris = [meeting_iri(m.place, m.date, []) for m in facts.meetings]
    triples = facts_triples(facts, meeting_iris=iris, version="kg.extractor.v1")
    as_rdflib = Graph()
    for t in triples:
        as_rdflib.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    expected = facts_graph(facts, meeting_iris=iris, version="kg.extractor.v1")
    assert len(triples) == len(set(triples)) == len(expected)
    assert set(as_rdflib) == set(expected)


@pytest.mark.parametrize("value,datatype", [("600000.0", "decimal"), ("0.90", "decimal"), ("019", "integer"),
                                            ("7", "nonNegativeInteger"), ("1", "boolean"), ("2025-12-02", "date"),
                                            ("12", "integer"), ("plain", "string")])
def test_canonical_literal_is_what_the_store_keeps(value, datatype):
    lit = ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))
    scratch = ox.Store()
    node = ox.NamedNode("urn:x")
    scratch.add(ox.Quad(node, node, lit))
    assert canonical(lit) == next(iter(scratch)).object


def test_replace_graphs_rewrites_a_graph_with_literals_written_another_way():
    store = GraphStore()
    g, node = "https://w3id.org/parley/id/graph/x", ox.NamedNode("urn:x")
    first = [ox.Triple(node, node, ox.Literal("0.50", datatype=ox.NamedNode(XSD + "decimal")))]
    assert store.replace_graphs([(g, first)]) == [1]
    again = [ox.Triple(node, node, ox.Literal("0.5", datatype=ox.NamedNode(XSD + "decimal")))]
    assert store.replace_graphs([(g, again)]) == [1]
    assert len(list(store.store.quads_for_pattern(None, None, None, ox.NamedNode(g)))) == 1
    assert len(store) == 1  # the union holds it once, not lost by the rewrite
