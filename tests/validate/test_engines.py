"""The sparql engine (shapes compiled to SPARQL on Oxigraph) reports what pySHACL reports.

Every broken and edge variant of tests/validate/test_shapes.py goes through both engines; the
results must agree on focus node, path, shape, severity, constraint component, value and message.
Values are compared as Oxigraph stores them ("119.0"^^xsd:decimal is "119"), the one thing the
engines read differently (kg/validate/sparql_engine.py explains why).
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.store.oxigraph import from_ox, to_ox
from kg.validate.core_sparql import UnsupportedShape, core_checks
from kg.validate.shacl import (
    _ontology_graph,
    load_shapes,
    validate_graph,
    validate_graph_pyshacl,
    validate_graphs_reports,
)
from kg.validate.sparql_engine import per_graph

from test_shapes import BROKEN, FIXTURE, KGSH, STILL_CONFORMING, variant

CASES = [pytest.param(p.values[0], id=p.id) for p in BROKEN + STILL_CONFORMING] + [pytest.param("", id="fixture")]
SPARQL_CASES = [pytest.param(p.values[0], id=p.id) for p in BROKEN
                if any(s in load_shapes().subjects(SH.sparql) for s in p.values[1])]


@pytest.fixture(scope="module")
def conforming() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def canonical(node):
    """A term as Oxigraph stores it."""
    if not isinstance(node, Literal):
        return node
    scratch = ox.Store()
    scratch.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), to_ox(node), ox.DefaultGraph()))
    return from_ox(next(iter(scratch)).object)


def results(report, *, message: bool = True) -> list[tuple]:
    """The report's results as comparable tuples; an inverse path as ('^', predicate)."""
    out = []
    for v in report.results:
        path = v.path
        if isinstance(path, BNode):
            path = ("^", report.report_graph.value(path, SH.inversePath))
        out.append((v.focus_node, path, v.shape, v.severity, v.component, canonical(v.value),
                    v.message if message else None))
    return sorted(out, key=str)


@pytest.mark.parametrize("update", CASES)
def test_engines_agree_on_every_shape_variant(conforming: Graph, update: str) -> None:
    data = variant(conforming, update) if update else conforming
    fast = validate_graph(data, engine="sparql")
    reference = validate_graph(data, engine="pyshacl")
    assert results(fast) == results(reference)
    assert fast.conforms == reference.conforms
    # the report graph holds the same results as the flattened list
    assert len(set(fast.report_graph.subjects(SH.sourceShape, None))) == len(fast.results)


@pytest.mark.parametrize("update", SPARQL_CASES)
def test_engines_agree_with_pyshacl_running_the_sparql_constraints(conforming: Graph, update: str) -> None:
    # The SHACL-SPARQL constraints run on Oxigraph in both engines; here pySHACL runs them itself,
    # pre-binding $this, as the spec defines them.
    data = variant(conforming, update)
    full = validate_graph_pyshacl(data, sparql_in_pyshacl=True)
    assert results(validate_graph(data), message=False) == results(full, message=False)
    assert full.results


def test_engines_batch_keeps_article_graphs_apart(conforming: Graph) -> None:
    # The variants share every node IRI; validated as one batch each must still get only its own
    # results, as when validated alone.
    graphs = [variant(conforming, p.values[0]) for p in BROKEN[:40]] + [conforming]
    together = validate_graphs_reports(graphs)
    alone = [validate_graph(g) for g in graphs]
    assert [results(r) for r in together] == [results(r) for r in alone]
    assert together[-1].conforms and not any(r.conforms for r in together[:-1])


def test_engines_agree_on_an_ill_typed_literal(conforming: Graph) -> None:
    data = variant(conforming, "DELETE DATA { proposal:19-point-framework kg:numberOfPoints 19 } ;"
                               'INSERT DATA { proposal:19-point-framework kg:numberOfPoints "nineteen"^^xsd:integer }')
    fast = validate_graph(data)
    assert {v.shape for v in fast.results} == {KGSH["Proposal-numberOfPoints"]}
    assert results(fast) == results(validate_graph(data, engine="pyshacl"))


def test_engines_judge_a_graph_as_oxigraph_stores_it(conforming: Graph) -> None:
    # Oxigraph stores every integer subtype as xsd:integer: the sparql engine accepts a
    # nonNegativeInteger point count, as pySHACL does once the graph is stored and read back.
    data = variant(conforming, "DELETE DATA { proposal:19-point-framework kg:numberOfPoints 19 } ;"
                               'INSERT DATA { proposal:19-point-framework kg:numberOfPoints "19"^^xsd:nonNegativeInteger }')
    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in data)
    stored = Graph()
    for q in store:
        stored.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    assert {v.shape for v in validate_graph(data, engine="pyshacl").results} == {KGSH["Proposal-numberOfPoints"]}
    assert validate_graph(stored, engine="pyshacl").conforms
    assert validate_graph(data).conforms and validate_graph(stored).conforms


def test_engines_agree_when_data_states_its_own_subclass(conforming: Graph) -> None:
    # A graph that extends the class hierarchy changes what SHACL targets: it goes to pySHACL.
    data = variant(conforming, "INSERT DATA { kg:Envoy rdfs:subClassOf kg:Person . person:envoy a kg:Envoy }")
    fast = validate_graph(data)
    assert (URIRef("https://w3id.org/parley/id/person/envoy"), KGSH["Person-evidence"]) in {
        (v.focus_node, v.shape) for v in fast.results}
    assert results(fast) == results(validate_graph(data, engine="pyshacl"))


def test_core_checks_refuse_what_they_cannot_compile() -> None:
    shapes = load_shapes()
    shapes.add((KGSH["Meeting-date"], SH.lessThan, URIRef("https://w3id.org/parley/ontology#endDate")))
    with pytest.raises(UnsupportedShape, match="lessThan"):
        core_checks(shapes, _ontology_graph())


def test_core_checks_cover_every_property_shape() -> None:
    shapes = load_shapes()
    compiled = core_checks(shapes, _ontology_graph())
    checked = {c.shape for c in compiled.checks}
    properties = {s for s in shapes.objects(None, SH.property)}
    assert properties - checked == set()
    assert len(compiled.checks) > 100


def test_per_graph_runs_a_select_inside_graph() -> None:
    query = "PREFIX kg: <https://w3id.org/parley/ontology#>\nSELECT $this ?value WHERE { $this kg:x ?value . }"
    rewritten = per_graph(query)
    assert rewritten.startswith("PREFIX kg:")
    assert "SELECT ?_g $this ?value WHERE { GRAPH ?_g {" in rewritten
    with pytest.raises(ValueError, match="per graph"):
        per_graph("SELECT ?this WHERE { GRAPH ?g { ?this ?p ?o } }")


def test_engines_agree_on_graphs_read_from_a_store(conforming: Graph) -> None:
    # kg validate hands the sparql engine each graph's quads straight from Oxigraph
    from kg.store import GraphStore
    from kg.validate.store import validate_store

    store = GraphStore(None)
    broken = BROKEN[::3]  # a third of the variants: pySHACL on all of them is test_engines_agree_on_every_shape_variant
    for n, p in enumerate(broken + STILL_CONFORMING[:3]):
        store.replace_graph(URIRef(f"https://w3id.org/parley/id/graph/{n:04d}"), variant(conforming, p.values[0]))

    def found(engine: str) -> list:
        return sorted((str(f.graph), str(f.violation.focus_node), str(f.violation.shape), str(f.violation.component),
                       f.label, f.words) for f in validate_store(store, store_checks=False, engine=engine).findings)

    fast = found("sparql")
    assert fast == found("pyshacl")
    assert len({g for g, *_ in fast}) == len(broken)
