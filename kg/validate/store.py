"""Validate a whole store, one article graph at a time.

pyshacl over an Oxigraph-backed graph goes quadratic once there are violations
(../shared/notes), so each named graph is copied into memory and validated alone: linear in
the number of articles, and the same check the build runs as each article lands.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from ..graph.namespaces import KG, OA
from ..store import GraphStore
from .shacl import validate_graph


@dataclass
class GraphFinding:
    """One violation, with what a reader needs to find it: the focus node's label, the
    article it came from and the words behind it."""

    graph: URIRef
    violation: object  # kg.validate.shacl.Violation
    label: str | None = None
    article: str | None = None
    words: str | None = None


@dataclass
class StoreReport:
    graphs: int = 0
    findings: list[GraphFinding] = field(default_factory=list)
    report_graph: Graph = field(default_factory=Graph)

    @property
    def conforms(self) -> bool:
        return not self.findings


def _context(g: Graph, focus) -> tuple[str | None, str | None, str | None]:
    label = next((str(o) for o in g.objects(focus, RDFS.label)), None)
    article = next((str(o) for o in g.subjects(None, KG.Article) for o in g.objects(o, KG.fileName)), None)
    words = None
    for ev in g.objects(focus, KG.evidence):
        for sel in g.objects(ev, OA.hasSelector):
            exact = next(iter(g.objects(sel, OA.exact)), None)
            if exact is not None:
                words = str(exact)
                break
        if words:
            break
    return label, article, words


def validate_store(store: GraphStore, graphs: list[URIRef] | None = None) -> StoreReport:
    """Validate every article graph (or the given ones) against the shapes."""
    report = StoreReport()
    for graph in graphs if graphs is not None else store.named_graphs():
        data = store.graph(graph)
        result = validate_graph(data)
        report.graphs += 1
        report.report_graph += result.report_graph
        for v in result.results:
            label, article, words = _context(data, v.focus_node)
            report.findings.append(GraphFinding(graph, v, label, article, words))
    return report
