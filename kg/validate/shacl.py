"""Validate one article's graph against the SHACL shapes in ``ontology/shapes.ttl``.

The data graph is a single article's named graph copied into a plain :class:`rdflib.Graph`
(article node, its ``schema:text``, evidence, selectors and every extracted statement). The
ontology ``ontology/parley.ttl`` is passed to pySHACL as ``ont_graph`` so that the class hierarchy
(``kg:Person rdfs:subClassOf kg:Actor`` ...) is visible to ``sh:targetClass`` and ``sh:class``
without the graph builder having to copy it into every article graph. RDFS inference stays off:
it would type values from property ranges and hide untyped speakers and agents.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pyshacl
from rdflib import Graph, Literal, Node, URIRef
from rdflib.namespace import RDF, SH

from ..resources import resource
from .sparql_shapes import add_results, run_sparql_shapes, sparql_shapes

SHAPES_PATH = resource("ontology") / "shapes.ttl"
ONTOLOGY_PATH = resource("ontology") / "parley.ttl"


@dataclass(frozen=True)
class Violation:
    """One ``sh:ValidationResult`` of a report, flattened.

    focus_node: the node that failed (``sh:focusNode``).
    shape: IRI of the shape that failed (``sh:sourceShape``), e.g. ``kgsh:Claim-speaker``.
    path: the property path checked (``sh:resultPath``), None for node-level constraints.
    message: ``sh:resultMessage`` (the shape's ``sh:message``, with SPARQL variables filled in).
    severity: ``sh:Violation``, ``sh:Warning`` or ``sh:Info``.
    value: the offending value (``sh:value``), if the constraint reports one.
    component: the constraint component (``sh:sourceConstraintComponent``), e.g.
        ``sh:MinCountConstraintComponent`` or ``sh:SPARQLConstraintComponent``.
    """

    focus_node: Node
    shape: Node
    path: Node | None
    message: str
    severity: URIRef
    value: Node | None = None
    component: URIRef | None = None


@dataclass
class ValidationReport:
    """The outcome of :func:`validate_graph`.

    conforms: True when no result has severity ``sh:Violation``.
    results: every validation result, sorted by shape and focus node for stable output.
    report_graph: pySHACL's SHACL validation report graph, unchanged.
    """

    conforms: bool
    results: list[Violation] = field(default_factory=list)
    report_graph: Graph = field(default_factory=Graph)


@cache
def _shapes_graph() -> Graph:
    # Parsed once per process: validate_graph runs once per article.
    return load_shapes()


@cache
def _core_shapes_graph() -> Graph:
    """The shapes without their SPARQL constraints and SPARQL targets, for pySHACL; those run on
    Oxigraph instead (kg/validate/sparql_shapes.py explains why)."""
    shapes = load_shapes()
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        shapes.remove((shape, SH.sparql, constraint))
    for shape, target in list(shapes.subject_objects(SH.target)):
        if (target, RDF.type, SH.SPARQLTarget) in shapes:
            shapes.remove((shape, SH.target, target))
    return shapes


@cache
def _sparql_shapes() -> list:
    return sparql_shapes(_shapes_graph(), _ontology_graph())


@cache
def _ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def load_shapes() -> Graph:
    """Parse ``ontology/shapes.ttl`` into a new graph (the caller may modify it)."""
    return Graph().parse(SHAPES_PATH, format="turtle")


def validate_graph(data: Graph) -> ValidationReport:
    """Validate one article's graph against the Parley shapes.

    Implements the checks of ``ontology/shapes.ttl`` (kgsh: shapes over kg: terms), including
    the SPARQL-based ones, which is why pySHACL runs in advanced mode.

    data: one article's statements as a plain graph (not a Dataset); it is not modified,
        since pySHACL validates a copy when an ontology is mixed in.

    Returns a :class:`ValidationReport` whose ``results`` name the failing shape of each result.
    """
    conforms, report_graph, _text = pyshacl.validate(
        data,
        shacl_graph=_core_shapes_graph(),
        ont_graph=_ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    found = run_sparql_shapes(data, _sparql_shapes(), _ontology_graph())
    add_results(report_graph, found)
    conforms = bool(conforms) and not any(shape.severity == SH.Violation for shape, _ in found)
    return ValidationReport(
        conforms=bool(conforms),
        results=_violations(report_graph),
        report_graph=report_graph,
    )


def _violations(report: Graph) -> list[Violation]:
    results = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        message = report.value(result, SH.resultMessage)
        results.append(
            Violation(
                focus_node=report.value(result, SH.focusNode),
                shape=report.value(result, SH.sourceShape),
                path=report.value(result, SH.resultPath),
                message=str(message) if isinstance(message, Literal) else "",
                severity=report.value(result, SH.resultSeverity),
                value=report.value(result, SH.value),
                component=report.value(result, SH.sourceConstraintComponent),
            )
        )
    return sorted(results, key=lambda v: (str(v.shape), str(v.focus_node), str(v.value)))
