"""Validate a whole store: one article graph at a time, then the rules only the store can see.

pyshacl over an Oxigraph-backed graph goes quadratic once there are violations
(../shared/notes), so each named graph is copied into memory and validated alone: linear in
the number of articles, and the same check the build runs as each article lands. Rules whose
evidence spans articles (a revision cycle split over two of them) are SPARQL checks run on the
store itself (:mod:`kg.validate.store_checks`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from ..graph.namespaces import KG, OA
from ..store import GraphStore
from .shacl import validate_graphs_reports
from .store_checks import check_store, report_graph


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
    findings: list[GraphFinding] = field(default_factory=list)  # and store_checks.StoreFinding
    report_graph: Graph = field(default_factory=Graph)

    @property
    def conforms(self) -> bool:
        return not self.findings


def _owner(g: Graph, focus):
    """A selector or an evidence node has no label: name the statement it supports instead."""
    for ev in g.subjects(OA.hasSelector, focus):
        focus = ev
    return next(iter(g.subjects(KG.evidence, focus)), focus)


def _context(g: Graph, focus) -> tuple[str | None, str | None, str | None]:
    owner = _owner(g, focus)
    label = next((str(o) for o in (*g.objects(owner, RDFS.label), *g.objects(owner, KG.topic))), None)
    if label is None and owner != focus:
        label = f"evidence of {owner}"
    article = next((str(name) for doc in g.subjects(RDF.type, KG.Article) for name in g.objects(doc, KG.fileName)),
                   None)
    words = None
    own = [ev for ev in g.subjects(OA.hasSelector, focus)] or ([focus] if (focus, RDF.type, KG.Evidence) in g else [])
    evidence = own or list(g.objects(owner, KG.evidence))
    for sel in (sel for ev in evidence for sel in g.objects(ev, OA.hasSelector)):
        exact = next(iter(g.objects(sel, OA.exact)), None)
        if exact is not None:
            words = str(exact)
            break
    return label, article, words


def findings(graph: URIRef, data: Graph, result) -> list[GraphFinding]:
    """The violations of one article graph, each with its label, article and words."""
    out = []
    for v in result.results:
        label, article, words = _context(data, v.focus_node)
        out.append(GraphFinding(graph, v, label, article, words))
    return out


BATCH = 256  # article graphs validated together by the sparql engine


def validate_store(store: GraphStore, graphs: list[URIRef] | None = None, *,
                   store_checks: bool = True, engine: str = "sparql") -> StoreReport:
    """Validate every article graph (or the given ones) against the shapes, then run the
    store checks (kgsh:StoreRevisionCycle ...) over the whole store.

    store (GraphStore): the store to validate; nothing is written.
    graphs (list[URIRef] | None): the article graphs to validate against the shapes; None for all.
        The store checks always read the whole store: a cross-article rule broken by a new
        article may show up on a node another article states.
    store_checks (bool): also run the store checks.
    engine (str): ``sparql`` (default: batches of BATCH graphs) or ``pyshacl`` (the reference).
    RETURNS (StoreReport): findings of the shapes, graph by graph, then of the store checks.
    """
    report = StoreReport()
    names = graphs if graphs is not None else store.named_graphs()
    if engine == "sparql" and isinstance(getattr(store, "store", None), ox.Store):
        _validate_stored(store, names, report)
        names = []
    for i in range(0, len(names), BATCH):
        batch = [(graph, store.graph(graph)) for graph in names[i:i + BATCH]]
        for (graph, data), result in zip(batch, validate_graphs_reports([g for _, g in batch], engine=engine)):
            report.graphs += 1
            report.report_graph += result.report_graph
            report.findings.extend(findings(graph, data, result))
    if store_checks:
        found = check_store(store)
        report.findings.extend(found)
        report.report_graph += report_graph(found)
    report.report_graph = single_report(report.report_graph)
    return report


def _validate_stored(store: GraphStore, names: list[URIRef], report: StoreReport) -> None:
    """The sparql engine reading each article graph's quads straight from the Oxigraph store:
    copying them into rdflib graphs first cost more than validating them. Only a graph with
    violations (or one pySHACL must judge) is copied, for its findings' labels and words."""
    from .shacl import validate_graph_pyshacl
    from .sparql_engine import engine, report as make_report

    run = engine()
    for i in range(0, len(names), BATCH):
        batch = names[i:i + BATCH]
        quads = [list(store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))) for g in batch]
        for graph, found in zip(batch, run.validate(quads)):
            if found is None:
                data = store.graph(graph)
                result = validate_graph_pyshacl(data)
            else:
                result = make_report(found)
                data = store.graph(graph) if result.results else None
            report.graphs += 1
            report.report_graph += result.report_graph
            if data is not None:
                report.findings.extend(findings(graph, data, result))


def single_report(merged: Graph) -> Graph:
    """One sh:ValidationReport holding every result: the per-article reports (and the store
    checks') each bring a report node of their own, which a SHACL consumer would read as
    several reports."""
    roots = list(merged.subjects(RDF.type, SH.ValidationReport))
    results = {r for root in roots for r in merged.objects(root, SH.result)}
    for root in roots:
        merged.remove((root, None, None))
    root = URIRef("urn:parley:validation-report")
    merged.add((root, RDF.type, SH.ValidationReport))
    merged.add((root, SH.conforms, Literal(not any(
        merged.value(r, SH.resultSeverity) == SH.Violation for r in results))))
    for r in results:
        merged.add((root, SH.result, r))
    merged.bind("sh", SH)
    return merged
