"""Run the SHACL-SPARQL constraints of ``ontology/shapes.ttl`` on Oxigraph.

pySHACL evaluates ``sh:sparql`` constraints with rdflib's SPARQL engine and re-parses each query
for every focus node and every run: on one article's graph that was most of the validation time
(bench/build_bench.py; ~60% of it in query parsing and FILTER evaluation). The shapes stay
standard SHACL-SPARQL; only their evaluation moves. Each constraint's SELECT runs once per article
graph on an in-memory Oxigraph store, with ``$this`` left free instead of pre-bound, and the
solutions are kept for the shape's focus nodes. That is equivalent to SHACL's pre-binding
(https://www.w3.org/TR/shacl/#sparql-constraints-prebound) when ``$this`` occurs in a triple
pattern of the query, which :func:`sparql_shapes` checks for every constraint it loads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from ..store.oxigraph import from_ox, to_ox

_VAR = re.compile(r"\{[?$](\w+)\}")


@dataclass(frozen=True)
class SparqlShape:
    shape: URIRef
    classes: frozenset[URIRef]  # sh:targetClass and its subclasses
    target_query: str | None  # a sh:SPARQLTarget's SELECT ?this, already prefixed
    query: str  # the constraint's SELECT $this ..., already prefixed
    message: str
    severity: URIRef


def _prefixes(shapes: Graph, node: Node) -> str:
    lines = []
    for decl_owner in shapes.objects(node, SH.prefixes):
        for decl in shapes.objects(decl_owner, SH.declare):
            prefix, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{ns}>")
    return "\n".join(sorted(set(lines))) + "\n"


def _subclasses(ontology: Graph, cls: URIRef) -> frozenset[URIRef]:
    return frozenset(c for c in ontology.transitive_subjects(RDFS.subClassOf, cls) if isinstance(c, URIRef))


def sparql_shapes(shapes: Graph, ontology: Graph) -> list[SparqlShape]:
    """The node shapes' ``sh:sparql`` constraints, ready to run."""
    out = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = str(shapes.value(constraint, SH.select))
        if not re.search(r"\$this\s+[\w:<]", select):
            raise ValueError(f"{shape}: $this must occur as a subject in the query to run without pre-binding")
        classes: set[URIRef] = set()
        for cls in shapes.objects(shape, SH.targetClass):
            classes |= _subclasses(ontology, cls)
        target = shapes.value(shape, SH.target)
        target_query = None
        if target is not None and (target, RDF.type, SH.SPARQLTarget) in shapes:
            target_query = _prefixes(shapes, target) + str(shapes.value(target, SH.select))
        message = shapes.value(constraint, SH.message) or shapes.value(shape, SH.message)
        out.append(SparqlShape(shape, frozenset(classes), target_query, _prefixes(shapes, constraint) + select,
                               str(message or ""), shapes.value(shape, SH.severity) or SH.Violation))
    return sorted(out, key=lambda s: str(s.shape))


@cache
def _hierarchy(ontology: Graph) -> list:
    # the rdfs:subClassOf triples, so that queries walking the hierarchy see it
    return [ox.Quad(to_ox(s), to_ox(RDFS.subClassOf), to_ox(o), ox.DefaultGraph())
            for s, o in ontology.subject_objects(RDFS.subClassOf) if isinstance(s, URIRef) and isinstance(o, URIRef)]


def _format(message: str, row: dict[str, Node]) -> str:
    return _VAR.sub(lambda m: str(row.get(m.group(1), m.group(0))), message)


def run_sparql_shapes(data: Graph, shapes: list[SparqlShape], ontology: Graph) -> list[tuple[SparqlShape, dict]]:
    """Evaluate ``shapes`` on ``data``; returns (shape, solution) pairs, one per violation."""
    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in data)
    store.extend(_hierarchy(ontology))
    found = []
    for shape in shapes:
        focus: set = set()
        for cls in shape.classes:
            focus |= {q.subject for q in store.quads_for_pattern(None, to_ox(RDF.type), to_ox(cls))}
        if shape.target_query:
            focus |= {s["this"] for s in store.query(shape.target_query)}
        if not focus:
            continue
        result = store.query(shape.query)
        names = [v.value for v in result.variables]
        for solution in result:
            if solution["this"] in focus:
                found.append((shape, {n: from_ox(solution[n]) for n in names if solution[n] is not None}))
    return found


def add_results(report: Graph, found: list[tuple[SparqlShape, dict]]) -> None:
    """Write ``found`` into a pySHACL report graph as standard sh:ValidationResult nodes."""
    root = report.value(None, RDF.type, SH.ValidationReport, any=True)
    for shape, row in found:
        result = BNode()
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, row["this"]))
        report.add((result, SH.sourceShape, shape.shape))
        report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        report.add((result, SH.resultSeverity, shape.severity))
        report.add((result, SH.resultMessage, Literal(_format(shape.message, row))))
        if "value" in row:
            report.add((result, SH.value, row["value"]))
        if "path" in row:
            report.add((result, SH.resultPath, row["path"]))
        if root is not None:
            report.add((root, SH.result, result))
    if root is not None and any(s.severity == SH.Violation for s, _ in found):
        report.set((root, SH.conforms, Literal(False)))
