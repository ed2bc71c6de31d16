"""The build hands the sparql engine its graphs as pyoxigraph triples, which the engine loads as
N-Triples text (kg/validate/sparql_engine.py): the same results as for the same graph given
as an rdflib Graph, on every broken and edge variant of the shape tests."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, URIRef

from kg.store.oxigraph import to_ox
from kg.validate.sparql_engine import engine

from test_engines import CASES
from test_shapes import FIXTURE, variant

pytestmark = pytest.mark.issue(11)


@pytest.fixture(scope="module")
def conforming() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def _triples(g: Graph) -> list:
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in g]


@pytest.mark.parametrize("update", CASES)
def test_triples_and_graph_give_the_same_results(conforming: Graph, update: str) -> None:
    data = variant(conforming, update) if update else conforming
    as_graph, as_triples = engine().validate([data, _triples(data)])
    if as_graph is None:
        assert as_triples is None  # both handed to pySHACL
        return
    assert sorted(as_triples, key=str) == sorted(as_graph, key=str)


def test_a_batch_mixes_graphs_and_triples_without_mixing_their_results(conforming: Graph) -> None:
    broken = variant(conforming, next(c.values[0] for c in CASES if c.values[0]))
    found = engine().validate([_triples(conforming), _triples(broken), broken, _triples(conforming)])
    assert found[1] and sorted(found[1], key=str) == sorted(found[2], key=str)
    assert found[0] == found[3] == engine().validate([conforming])[0]


def test_a_graph_with_a_blank_node_keeps_it(conforming: Graph) -> None:
    data = Graph()
    for t in conforming:
        data.add(t)
    node = BNode("b0")
    focus = next(iter(data.subjects()))
    data.add((focus, URIRef("https://w3id.org/parley/ontology#evidence"), node))  # evidence must be an IRI
    as_graph, as_triples = engine().validate([data, _triples(data)])
    assert as_triples is not None and sorted(as_triples, key=str) == sorted(as_graph, key=str)
    assert any(r[7] == node for r in as_triples)  # the blank node itself is the reported value
