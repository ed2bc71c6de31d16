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


ENGINES = ("sparql", "pyshacl")


def validate_graph(data: Graph, *, engine: str = "sparql") -> ValidationReport:
    """Validate one article's graph against the Parley shapes.

    data (Graph): one article's statements as a plain graph; it is not modified.
    engine (str): ``sparql`` (default) runs the shapes compiled to SPARQL on Oxigraph
        (kg.validate.sparql_engine); ``pyshacl`` is the reference validator.
    RETURNS (ValidationReport): whose ``results`` name the failing shape of each result.
    """
    return validate_graphs_reports([data], engine=engine)[0]


def validate_graphs_reports(graphs: list[Graph], *, engine: str = "sparql") -> list[ValidationReport]:
    """Validate several article graphs at once, each on its own (see :func:`validate_graph`).

    With the ``sparql`` engine the whole batch is one Oxigraph store and each compiled check
    runs once for all of it; a graph the compiled shapes cannot judge exactly (it states
    rdfs:subClassOf, or describes ontology terms) goes to pySHACL.
    """
    if engine == "pyshacl":
        return [validate_graph_pyshacl(g) for g in graphs]
    if engine != "sparql":
        raise ValueError(f"unknown validation engine {engine!r}; known: {', '.join(ENGINES)}")
    from .sparql_engine import engine as sparql_engine, report

    found = sparql_engine().validate(graphs)
    return [report(r) if r is not None else validate_graph_pyshacl(g) for r, g in zip(found, graphs)]


def validate_graph_pyshacl(data: Graph, *, sparql_in_pyshacl: bool = False) -> ValidationReport:
    """Validate one article's graph with pySHACL, the reference validator.

    Implements the checks of ``ontology/shapes.ttl`` (kgsh: shapes over kg: terms): the core
    shapes in pySHACL, the SHACL-SPARQL constraints on Oxigraph one graph at a time
    (kg.validate.sparql_shapes explains why), or in pySHACL too with ``sparql_in_pyshacl``
    (slow: pySHACL parses each SPARQL constraint once per focus node).

    data: one article's statements as a plain graph (not a Dataset); it is not modified,
        since pySHACL validates a copy when an ontology is mixed in.

    Returns a :class:`ValidationReport` whose ``results`` name the failing shape of each result.
    """
    import pyshacl  # the reference engine: imported when used (0.15 s, most of it rdflib's SPARQL parser)

    conforms, report_graph, _text = pyshacl.validate(
        data,
        shacl_graph=_shapes_graph() if sparql_in_pyshacl else _core_shapes_graph(),
        ont_graph=_ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    found = [] if sparql_in_pyshacl else run_sparql_shapes(data, _sparql_shapes(), _ontology_graph())
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
