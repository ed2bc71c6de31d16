"""The one place that runs the stages in order: ingest, extract, identity, graph, validate, store.

A build reads the articles, re-extracts only those that are new or changed (the content hash in
each article's record decides), and then settles what depends on the whole set of articles in
the store: which reports are one meeting (``kg/graph/identity.py``, over every stored report in
one canonical order) and the dates undated articles resolve against. Article graphs whose
outcome changed are rewritten from their stored facts without the language model, so the store
after any sequence of builds and removals equals one batch build over the same articles.

Writes are ordered so that a kill at any point loses nothing: an article's record (the proof
that its graph is complete) is deleted first and written last; readers see a published snapshot
after each chunk, in which every article graph is whole. A bad file, or an article whose
extraction or graph fails, is reported with a code and the rest of the batch still lands.
"""
from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from .errors import Errors, IngestError, Warnings, display_path
from .graph import facts_graph, resolve_meetings
from .graph.inference import ONTOLOGY_GRAPH, refresh_derived
from .graph.iri import graph_iri
from .ingest import read_folder
from .model import Article, ArticleFacts
from .store import GraphStore
from .store.records import ArticleRecord, dumps, read_facts, read_records

log = logging.getLogger(__name__)

STORE_CHUNK = 256  # articles whose graphs are built, validated, stored and published together


@dataclass
class ArticleOutcome:
    article: Article
    triples: int = 0
    violations: list = field(default_factory=list)  # kg.validate.store.GraphFinding


@dataclass
class BuildReport:
    landed: list[ArticleOutcome] = field(default_factory=list)  # new or changed articles written
    errors: list[Exception] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged: int = 0  # read, same content as stored: not redone
    skipped: int = 0  # paths not read, duplicates (each reported in warnings)
    rewritten: int = 0  # stored article graphs rewritten because a cross-article decision changed
    removed: list[str] = field(default_factory=list)  # sources taken out (kg remove, --prune)
    degraded: int = 0  # landed with text and metadata only (W203)
    store_violations: list = field(default_factory=list)  # kg.validate.store_checks.StoreFinding

    @property
    def triples(self) -> int:
        return sum(o.triples for o in self.landed)

    @property
    def violations(self) -> list:
        """Per-article shape violations, then the store-wide ones (rules across articles)."""
        return [v for o in self.landed for v in o.violations] + self.store_violations

    def summary(self) -> str:
        parts = [f"{len(self.landed)} landed", f"{self.unchanged} unchanged", f"{self.skipped} skipped",
                 f"{len(self.errors)} failed"]
        if self.degraded:
            parts.append(f"{self.degraded} without extracted facts")
        if self.rewritten:
            parts.append(f"{self.rewritten} rewritten for cross-article changes")
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        return ", ".join(parts)


def crash_point(name: str) -> None:
    """Crash-test hook: with KG_CRASH_AT=name in the environment the process kills itself with
    SIGKILL here, so tests can stop a real build at exact points of its write phase."""
    if os.environ.get("KG_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _extract_all(articles: list[Article], nlp, *, n_process: int, context: list[date], report: BuildReport,
                 tick: Callable[[int], None]) -> list[ArticleFacts]:
    """Facts for each article, in order, from one ``nlp.pipe`` over the batch; if an article
    makes it fail, that article and the ones after it are redone one at a time. An article whose
    extraction fails even alone lands with its text and metadata only (W203): input the
    extractor cannot handle (another script, odd characters) must not cost the article."""
    from .extract import extract, extract_many

    out: list[ArticleFacts] = []
    try:
        for facts in extract_many(articles, nlp, n_process=n_process, context_dates=context):
            out.append(facts)
            tick(1)
    except Exception:  # noqa: BLE001 - isolate the failing article below
        log.debug("batch extraction failed after %d articles; going on one by one", len(out), exc_info=True)
        for article in articles[len(out):]:
            try:
                out.append(extract(article, nlp, context_dates=context))
            except Exception as e:  # noqa: BLE001 - reported per article, batch goes on
                log.debug("extraction failed for %s", article.path, exc_info=True)
                report.warnings.append(Warnings.W203.format(path=article.path, reason=_reason(e)))
                report.degraded += 1
                out.append(ArticleFacts(article=article))
            tick(1)
    return out


def _reason(e: BaseException) -> str:
    text = f"{type(e).__name__}: {e}".encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 200 else text[:199] + "…"


def build(source: str | Path | Iterable[Article], store: GraphStore, *, nlp=None, validate: bool = True,
          n_process: int = 1, progress: Callable[[int], None] | None = None, linker=None,
          prune: bool = False) -> BuildReport:
    """Build (or update) the graph from a folder of articles.

    source (str | Path | Iterable[Article]): a folder of articles, or articles already read.
    store (GraphStore): where each article's named graph lands (replaced when the article changed).
    nlp: a loaded pipeline from :func:`kg.extract.load_nlp` (or a callable returning one);
        loaded here, only if some article needs extracting, when omitted.
    validate (bool): check each written article graph against the SHACL shapes.
    n_process (int): spaCy processes.
    progress (callable): called with the number of articles just extracted.
    linker (kg.link.Linker): links actors and places to Wikidata; the offline cache when omitted.
    prune (bool): also remove the articles built earlier from this folder whose files are gone.
    RETURNS (BuildReport): what landed, what failed, what was skipped, the shape violations found.
    """
    report = BuildReport()
    root = None
    failed_files: set[str] = set()
    if isinstance(source, (str, Path)):
        ingested = read_folder(source)
        articles, root = ingested.articles, ingested.root
        report.errors += ingested.errors
        report.duplicates += ingested.duplicates
        report.warnings += ingested.warnings
        report.skipped += ingested.skipped
        failed_files = {e.path.rsplit(":", 1)[0] if ":" in e.path else e.path for e in ingested.errors
                        if isinstance(e, IngestError)}
    else:
        articles = list(source)
    crash_point("read")
    records = read_records(store)
    removed: set[str] = set()
    if prune and root is not None:
        removed = _gone(store, records, articles, root, failed_files)
    _Reconcile(store, report, records=records, removed=removed, nlp=nlp, validate=validate,
               n_process=n_process, progress=progress, linker=linker).run(articles, root)
    return report


def _gone(store: GraphStore, records: dict[str, ArticleRecord], articles: list[Article], root: Path,
          failed_files: set[str]) -> set[str]:
    """Graphs built from ``root`` whose article is no longer there (its file gone, or a record no
    longer in a file read whole); graphs without a record are leftovers of an interrupted build."""
    read = {str(graph_iri(a)) for a in articles}
    gone = set()
    for g, rec in records.items():
        if rec.root != str(root) or g in read:
            continue
        path = root / rec.file
        if not os.path.lexists(path) or display_path(path) not in failed_files:
            gone.add(g)
    gone |= {str(g) for g in store.named_graphs()} - set(records) - read
    return gone


def remove(store: GraphStore, targets: Iterable[str], *, nlp=None, validate: bool = True,
           linker=None) -> BuildReport:
    """Take articles out of the store, with every statement only they supported.

    targets (Iterable[str]): each a file path as built (relative to the built folder, or an
        absolute path), the article's URL, or its graph IRI.
    RETURNS (BuildReport): ``removed`` the sources taken out, ``errors`` E706 for a target that
        matches nothing; other article graphs are rewritten where a decision that depended on
        the removed article changes (a meeting it alone tied together).
    """
    report = BuildReport()
    records = read_records(store)
    removed: set[str] = set()
    for target in targets:
        found = {g for g, rec in records.items() if target in _names(rec)}
        if not found and target in {str(g) for g in store.named_graphs()}:
            found = {target}
        if not found:
            report.errors.append(IngestError(Errors.E706.format(what=target), target))
        removed |= found
    if removed:
        _Reconcile(store, report, records=records, removed=removed, nlp=nlp, validate=validate,
                   n_process=1, progress=None, linker=linker).run([], None)
    return report


def _names(rec: ArticleRecord) -> set[str]:
    names = {rec.graph, rec.source, rec.path, rec.file}
    if rec.root:
        names |= {str(Path(rec.root) / rec.file), f"{Path(rec.root) / rec.file}".rstrip("/")}
    return {n for n in names if n}


class _Reconcile:
    """Bring the store to the state of one batch build over its final set of articles."""

    def __init__(self, store: GraphStore, report: BuildReport, *, records: dict[str, ArticleRecord],
                 removed: set[str], nlp, validate: bool, n_process: int, progress, linker) -> None:
        self.store, self.report, self.records, self.removed = store, report, records, removed
        self._nlp, self.validate, self.n_process = nlp, validate, n_process
        self.tick = progress or (lambda n: None)
        self._linker = linker

    def nlp(self):
        from .extract import load_nlp

        if self._nlp is None:
            self._nlp = load_nlp()
        elif not hasattr(self._nlp, "pipe") and callable(self._nlp):
            self._nlp = self._nlp()
        return self._nlp

    def linker(self):
        from .link import Linker

        if self._linker is None:
            self._linker = Linker.load()
        return self._linker

    def run(self, articles: list[Article], root: Path | None) -> None:
        from .extract import EXTRACTOR_VERSION

        store, report, records = self.store, self.report, self.records
        if not store.store.contains_named_graph(_ox_node(ONTOLOGY_GRAPH)):
            refresh_derived(store)  # derived graphs exist from the first moment on
            store.publish()
        graphs_present = {str(g) for g in store.named_graphs()}
        fresh: dict[str, Article] = {}
        stored_hashes = {rec.sha256: rec for g, rec in records.items() if g not in self.removed}
        for a in articles:
            g = str(graph_iri(a))
            rec = records.get(g)
            if rec and rec.sha256 == a.sha256 and rec.extractor == EXTRACTOR_VERSION and g in graphs_present:
                report.unchanged += 1
            elif a.sha256 in stored_hashes and stored_hashes[a.sha256].graph != g:
                report.warnings.append(Warnings.W108.format(path=a.path, other=stored_hashes[a.sha256].path))
                report.duplicates.append(a.path)
                report.skipped += 1
            else:
                fresh[g] = a
        self.roots = {str(graph_iri(a)): root for a in articles}
        final = {g: rec for g, rec in records.items() if g not in self.removed and g not in fresh}
        context = sorted({d for d in [r.published for r in final.values()] + [a.published for a in fresh.values()]
                          if d})
        # stored articles whose facts depend on what changed: undated ones (their dates resolve
        # against the set's dates) and those made by another extractor version
        redo: dict[str, Article] = {}
        for g, rec in final.items():
            if (rec.published is None and rec.context != context) or rec.extractor != EXTRACTOR_VERSION:
                facts = read_facts(store, g)
                if facts is not None and facts.article.text:
                    redo[g] = facts.article
        for g in redo:
            self.roots[g] = Path(final[g].root) if final[g].root else None
            del final[g]
        todo = {**fresh, **redo}
        new_facts: dict[str, ArticleFacts] = {}
        if todo:
            order = sorted(todo)
            extracted = _extract_all([todo[g] for g in order], self.nlp(), n_process=self.n_process,
                                     context=context, report=report, tick=self.tick)
            from .link.facts import link_facts

            for g, f in zip(order, extracted):
                try:
                    link_facts(f, self.linker())
                except Exception as e:  # noqa: BLE001 - links are optional: land without them
                    report.warnings.append(Warnings.W202.format(path=f.article.path, detail=f"linking: {_reason(e)}"))
                new_facts[g] = f
        crash_point("extracted")
        # meeting identity over every article of the final set, in one canonical order
        everyone = sorted(set(final) | set(new_facts))
        stubs = [new_facts[g] if g in new_facts else final[g].stub() for g in everyone]
        iris = dict(zip(everyone, resolve_meetings(stubs)))
        writes: list[tuple[str, ArticleFacts, bool]] = [(g, new_facts[g], g in fresh) for g in sorted(new_facts)]
        for g in sorted(final):
            if [str(i) for i in iris[g]] != final[g].meeting_iris:
                facts = read_facts(store, g)
                if facts is not None:
                    writes.append((g, facts, False))
        for g in sorted(self.removed):
            self._remove(g)
        crash_point("removed")
        for i in range(0, len(writes), STORE_CHUNK):  # bounded memory: rdflib graphs are large
            self._write_chunk(writes[i:i + STORE_CHUNK], iris, context, EXTRACTOR_VERSION)
            store.publish()
            crash_point(f"chunk-{i // STORE_CHUNK + 1}")
        refresh_derived(store)
        crash_point("derived")
        if self.validate:  # what no single article shows: a revision cycle across two articles, ...
            from .validate.store_checks import check_store

            report.store_violations = check_store(store)
        store.flush()

    def _remove(self, g: str) -> None:
        rec = self.records.get(g)
        self.store.remove_graph(_uri(g))
        self.store.set_state(g, "facts", None)
        self.store.set_state(g, "record", None)
        self.report.removed.append(rec.source or rec.path if rec else g)

    def _write_chunk(self, chunk, iris, context, version: str) -> None:
        from .validate.batch import validate_graphs

        built = []
        for g, facts, is_new in chunk:
            self.report.warnings += [Warnings.W202.format(path=facts.article.path, detail=w) for w in facts.warnings]
            graph = self._graph(facts, iris[g], version)
            if graph is None:
                continue
            built.append((g, facts, is_new, graph))
        found = validate_graphs([(_uri(g), graph) for g, _, _, graph in built]) if self.validate else [[]] * len(built)
        for n, ((g, facts, is_new, graph), violations) in enumerate(zip(built, found), 1):
            a = facts.article
            root = self.roots.get(g)
            rec = self.records.get(g)
            try:
                self.store.set_state(g, "record", None)  # from here until the end: not complete
                self.store.set_state(g, "facts", dumps(facts))
                triples = self.store.replace_graph(_uri(g), graph)
                crash_point(f"graph-{n}")
                self.store.set_state(g, "record", ArticleRecord(
                    graph=g, source=a.source, sha256=a.sha256, path=a.path,
                    file=_file_of(a, root) if root is not None else (rec.file if rec else a.path),
                    root=str(root) if root is not None else (rec.root if rec else None),
                    extractor=version, published=a.published, context=context if a.published is None else None,
                    meetings=facts.meetings, meeting_iris=[str(i) for i in iris[g]]).to_json())
            except (ValueError, TypeError, OSError) as e:
                log.debug("storing failed for %s", a.path, exc_info=True)
                self.report.errors.append(IngestError(Errors.E202.format(path=a.path, reason=_reason(e)), a.path))
                continue
            if is_new:
                self.report.landed.append(ArticleOutcome(a, triples=triples, violations=violations))
            else:
                self.report.rewritten += 1

    def _graph(self, facts: ArticleFacts, meeting_iris, version: str):
        try:
            return facts_graph(facts, meeting_iris=meeting_iris, version=version)
        except Exception as e:  # noqa: BLE001 - a bug in one article's facts: keep the article
            log.debug("graph failed for %s", facts.article.path, exc_info=True)
            self.report.warnings.append(Warnings.W301.format(path=facts.article.path, reason=_reason(e)))
        try:
            self.report.degraded += 1
            return facts_graph(ArticleFacts(article=facts.article), meeting_iris=[], version=version)
        except Exception as e:  # noqa: BLE001
            self.report.errors.append(IngestError(Errors.E202.format(path=facts.article.path, reason=_reason(e)),
                                                  facts.article.path))
            return None


def _file_of(a: Article, root: Path) -> str:
    """The article's file relative to the built folder (a record's path is file:line or file#n)."""
    path = a.path
    for sep in (":", "#"):
        head = path.rsplit(sep, 1)[0]
        if head != path and os.path.lexists(head):
            path = head
            break
    try:
        return Path(path).absolute().relative_to(root).as_posix()
    except ValueError:
        return Path(path).name


def _uri(g: str):
    from rdflib import URIRef

    return URIRef(g)


def _ox_node(g):
    import pyoxigraph

    return pyoxigraph.NamedNode(str(g))
