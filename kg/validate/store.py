"""Validate a whole store: one article graph at a time, then the rules only the store can see.

pyshacl over an Oxigraph-backed graph goes quadratic once there are violations
(../shared/notes), so each named graph is copied into memory and validated alone: linear in
the number of articles, and the same check the build runs as each article lands. Rules whose
evidence spans articles (a revision cycle split over two of them) are SPARQL checks run on the
store itself (:mod:`kg.validate.store_checks`).
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from ..graph.namespaces import KG, OA
from ..store import GraphStore, layout
from ..store.oxigraph import from_ox
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


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def validate_store(store: GraphStore, graphs: list[URIRef] | None = None, *,
                   store_checks: bool = True, engine: str = "sparql", jobs: int | None = None,
                   batch: int = BATCH) -> StoreReport:
    """Validate every article graph (or the given ones) against the shapes, then run the
    store checks (kgsh:StoreRevisionCycle ...) over the whole store.

    store (GraphStore): the store to validate; nothing is written.
    graphs (list[URIRef] | None): the article graphs to validate against the shapes; None for all.
        The store checks always read the whole store: a cross-article rule broken by a new
        article may show up on a node another article states.
    store_checks (bool): also run the store checks.
    engine (str): ``sparql`` (default: batches of BATCH graphs) or ``pyshacl`` (the reference).
    jobs (int | None): processes validating batches of article graphs side by side (None: every
        core). Used for a store opened as a reader on disk with more than one batch; each process
        opens the same snapshot read-only, and the batches' results are put together in batch
        order, so the report is the one a single process makes.
    batch (int): article graphs validated together (one unit of work of a process).
    RETURNS (StoreReport): findings of the shapes, graph by graph, then of the store checks.
    """
    report = StoreReport()
    names = graphs if graphs is not None else store.named_graphs()
    batches = [names[i:i + batch] for i in range(0, len(names), batch)]
    jobs = default_jobs() if jobs is None else max(1, jobs)
    pool_db = _snapshot_path(store) if jobs > 1 and len(batches) > 1 else None
    if pool_db is not None:
        with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=get_context("spawn"),
                                 initializer=_open_worker, initargs=(str(pool_db), engine)) as pool:
            pending = [pool.submit(_worker_batch, batch) for batch in batches]
            found = check_store(store) if store_checks else []  # meanwhile, here
            for future in pending:
                _add(report, future.result())
    else:
        run = _batch_runner(store.store, engine) if isinstance(getattr(store, "store", None), ox.Store) else None
        for batch in batches:
            if run is not None:
                _add(report, run(batch))
            else:  # a store that is not Oxigraph: through rdflib graphs
                data = [store.graph(graph) for graph in batch]
                _add(report, [(graph, result, findings(graph, g, result)) for graph, g, result
                              in zip(batch, data, validate_graphs_reports(data, engine=engine))])
        found = check_store(store) if store_checks else []
    if store_checks:
        report.findings.extend(found)
        report.report_graph += report_graph(found)
    report.report_graph = single_report(report.report_graph)
    return report


def _add(report: StoreReport, done: list[tuple]) -> None:
    for graph, result, found in done:
        report.graphs += 1
        report.report_graph += result.report_graph
        report.findings.extend(found)


def _snapshot_path(store: GraphStore) -> Path | None:
    """The database another process can open read-only beside this one: a reader's snapshot
    (held by this process until it closes), or the primary when no writer holds it; None for an
    in-memory store or the writer itself (RocksDB: no reader beside a writer)."""
    if getattr(store, "path", None) is None or not getattr(store, "read_only", False):
        return None
    if store.snapshot is not None:
        return store.snapshot
    primary = store.path / layout.PRIMARY
    return primary if primary.is_dir() and not layout.writer_active(store.path) else None


def _batch_runner(db: ox.Store, engine_name: str):
    """A function validating one batch of article graphs of ``db``: (graph, ValidationReport,
    findings) for each. The sparql engine reads each article graph's quads straight from the
    Oxigraph store (copying them into rdflib graphs first cost more than validating them); only
    a graph with violations (or one pySHACL must judge) is copied, for its findings' labels and
    words. pyshacl validates the copies."""
    from .shacl import validate_graph_pyshacl
    from .sparql_engine import engine, report as make_report

    def copy(graph: URIRef) -> Graph:
        out = Graph()
        for q in db.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))):
            out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return out

    def pyshacl_batch(batch: list[URIRef]) -> list[tuple]:
        data = [copy(graph) for graph in batch]
        return [(graph, result, findings(graph, g, result))
                for graph, g, result in zip(batch, data, validate_graphs_reports(data, engine="pyshacl"))]

    if engine_name == "pyshacl":
        return pyshacl_batch
    if engine_name != "sparql":
        raise ValueError(f"unknown validation engine {engine_name!r}; known: sparql, pyshacl")
    run = engine()

    def sparql_batch(batch: list[URIRef]) -> list[tuple]:
        out = []
        quads = [list(db.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))) for g in batch]
        for graph, found in zip(batch, run.validate(quads)):
            if found is None:
                data = copy(graph)
                result = validate_graph_pyshacl(data)
            else:
                result = make_report(found)
                data = copy(graph) if result.results else None
            out.append((graph, result, findings(graph, data, result) if data is not None else []))
        return out

    return sparql_batch


_WORKER: dict = {}  # in a validating process: the batch runner over its read-only store


def _open_worker(db: str, engine_name: str) -> None:
    store = ox.Store.read_only(db)
    _WORKER["run"] = _batch_runner(store, engine_name)
    _WORKER["store"] = store


def _worker_batch(batch: list[URIRef]) -> list[tuple]:
    return _WORKER["run"](batch)


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
