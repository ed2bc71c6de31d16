"""Bring the store to the state of one batch build over its final set of articles.

Given the articles read (new, changed or unchanged) and the ones to take out, re-extract what
changed, decide meeting identity again over the changed reports and the stored ones they can
reach (``reconcile_scope.py``; the IRIs of one pass over every report), re-date undated articles
against the final set's dates, and rewrite each article graph whose outcome changed, from its
stored facts (records read through ``store/index.py``, only those needed). Each article is
written in the order that makes a kill at any point harmless: record out, facts, graph, record in.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import time
from datetime import date
from pathlib import Path

import pyoxigraph

from rdflib import URIRef

from .errors import Errors, IngestError, Warnings
from .graph.inference import DERIVED_STATE, ONTOLOGY_GRAPH, RDF_TYPE, has_superclasses, refresh_derived, typed_nodes
from .graph.iri import graph_iri
from .model import Article, ArticleFacts
from .store import GraphStore
from .build_report import ArticleOutcome, BuildReport, crash_point, reason  # noqa: F401 - kg.build's names
from .ingest.spill import TextSpill
from .graph.names import relabelled
from .reconcile_extract import extract_all
from .reconcile_names import extracted_persons, set_labels, written_labels, written_otherwise
from .reconcile_scope import Loading, decide, depending, final_dates, graph_test
from .reconcile_write import file_of, replace_graphs
from .store.index import RecordView, StoreIndex, open_index
from .store.records import ArticleRecord, dumps, extraction_key, read_facts

log = logging.getLogger(__name__)

# articles whose graphs are built, validated, stored and published together (KG_STORE_CHUNK to tune:
# smaller chunks show readers progress sooner, at the cost of a snapshot each)
STORE_CHUNK = int(os.environ.get("KG_STORE_CHUNK", "256"))
# articles per nlp.pipe call with several processes (each call starts the worker processes)
EXTRACT_CHUNK = int(os.environ.get("KG_EXTRACT_CHUNK", "1024"))
KEPT_FACTS = 512  # extracted facts kept in memory for the writes (beyond them: read back from the store)


class Reconcile:
    """Bring the store to the state of one batch build over its final set of articles."""

    def __init__(self, store: GraphStore, report: BuildReport, *, removed: set[str], nlp, validate: bool,
                 n_process: int, progress, linker, total=None, cluster: str | None = None,
                 index: StoreIndex | None = None) -> None:
        self.store, self.report, self.removed = store, report, removed
        self.index = index if index is not None else open_index(store)
        self.records = RecordView(self.index)  # by graph IRI: read when asked for, indexed when written
        self._nlp, self.validate, self.n_process = nlp, validate, n_process
        self.tick = progress or (lambda n: None)
        self.total = total or (lambda n: None)  # told how many articles extraction will tick
        self._linker = linker
        self.cluster = cluster
        self.written = 0  # article graphs written so far (for the crash-test points)
        self.stubs: dict[str, ArticleFacts] = {}  # extracted in this build: what meeting identity needs
        self.persons: dict[str, list[str]] = {}  # the person labels of the articles extracted
        self.labels: dict[str, str] = {}  # person label -> the one label of the final set
        self.kept: dict[str, ArticleFacts] = {}  # the facts extracted last, for the writes
        self.saved: set[str] = set()  # articles whose facts this build has put in the store
        self.touched: set = set()  # nodes typed in a graph written or removed (for the derived graphs)
        self.subjects: set = set()  # subjects of the graphs written (for the store checks)

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

    def run(self, articles: list[Article], root: Path | None, *, texts: TextSpill | None = None) -> None:
        """Land ``articles`` (read from folder ``root``; their texts in ``texts`` when the reader
        kept them there) and take out ``removed``, as one batch build over the final set would."""
        from .extract import EXTRACTOR_VERSION

        store, report, index = self.store, self.report, self.index
        t = time.perf_counter()
        if not store.store.contains_named_graph(pyoxigraph.NamedNode(str(ONTOLOGY_GRAPH))):
            refresh_derived(store)  # derived graphs exist from the first moment on
            store.publish()
        present = graph_test(store)
        fresh: dict[str, Article] = {}
        for a in articles:
            g = str(graph_iri(a))
            if (index.value(g, "sha") == a.sha256 and index.value(g, "version") == EXTRACTOR_VERSION
                    and index.has_record(g) and present(g)):
                report.unchanged += 1
                continue
            other = next((o for o in index.graphs("sha", a.sha256)
                          if o != g and o not in self.removed and index.has_record(o)), None)
            if other is None:
                fresh[g] = a
                continue
            # the same text stored under another source: the copy with the first graph IRI stays
            # (as in one batch build, whatever the order the copies arrived in)
            other_path = self.records[other].path
            if g < other:
                self.removed.add(other)
                fresh[g] = a
                dup, kept = other_path, a.path
            else:
                dup, kept = a.path, other_path
            if dup not in report.duplicates:  # the read already named it
                report.warnings.append(Warnings.W108.format(path=dup, other=kept))
                report.duplicates.append(dup)
                report.skipped += 1
        self.roots = {str(graph_iri(a)): root for a in articles}
        leaving = self.removed | set(fresh)
        context = final_dates(index, leaving, (a.published for a in fresh.values()))
        # stored articles whose facts depend on what changed: undated ones (their dates resolve
        # against the set's dates) and those made by another extractor version
        redo: dict[str, Article] = {}
        for g in depending(index, context, EXTRACTOR_VERSION, leaving=leaving):
            facts = read_facts(store, g)
            if facts is not None and facts.article.text:
                redo[g] = dataclasses.replace(facts.article, text="")  # read again when extracted
                rec = self.records[g]
                self.roots[g] = Path(rec.root) if rec.root else None

        def load(g: str, a: Article) -> Article:
            if g in redo:
                facts = read_facts(store, g)
                return facts.article if facts is not None else a
            return texts.full(a) if texts is not None else a

        todo = Loading({**fresh, **redo}, load)
        if todo:
            self._extract(todo, context, EXTRACTOR_VERSION)
        crash_point("extracted")
        t = report.timed("extract", t)
        # one label per person over the final set; the stored articles written under other
        # labels are rewritten (their meetings' participants, hence their IRIs, change too)
        leaving = self.removed | set(self.stubs)
        self.labels = set_labels(index, leaving, self.persons.values())
        for g in written_otherwise(index, self.labels, leaving):
            self.stubs[g] = self.records[g].stub()
        # meeting identity over the changed articles and every stored one they can reach (old
        # and new reports), in one canonical order: the IRIs of one batch build over the store
        iris, moved = decide(index, self.stubs, self.removed, self.labels)
        writes: list[tuple[str, bool]] = [(g, g in fresh) for g in sorted(self.stubs)] + [(g, False) for g in moved]
        t = report.timed("identity", t)
        # a batch larger than the store it lands in: the store checks are run whole
        whole = not index.at_least(len(writes) + 2 * len(self.removed) + len(todo) + 1)
        # derived graphs: whole at the end after a kill (or on a remote store), else chunk by chunk
        stale = store.get_state(DERIVED_STATE, "stale") is not None or not isinstance(store.store, pyoxigraph.Store)
        if writes or self.removed:
            # until the derived graphs are brought up to date at the end, a rerun must recompute them
            # whole; until the records are all written, it rebuilds their index
            store.set_state(DERIVED_STATE, "stale", "true")
            index.begin()
        for g in sorted(self.removed):
            self._remove(g)
        crash_point("removed")
        chunk = max(1, STORE_CHUNK)
        for i in range(0, len(writes), chunk):  # bounded memory: one chunk's graphs at a time
            mark = len(report.landed)
            self._write_chunk(writes[i:i + chunk], iris, context, EXTRACTOR_VERSION)
            if texts is not None:  # the report keeps the articles, their texts stay on disk
                for o in report.landed[mark:]:
                    o.article = texts.light(o.article)
            if whole:  # the store checks are run whole: no need to remember the subjects
                self.subjects.clear()
            t = report.timed("graphs, validation and writes", t)
            if not stale:
                refresh_derived(store, nodes=self.touched)
                self.touched.clear()
                t = report.timed("derived graphs", t)
            if i + chunk < len(writes):  # the last chunk is published with the derived graphs
                store.publish()
            crash_point(f"chunk-{i // chunk + 1}")
        index.end(written=[g for g, _ in writes], put=self.records.put)
        t = report.timed("graphs, validation and writes", t)
        refresh_derived(store, nodes=None if stale else self.touched)
        store.set_state(DERIVED_STATE, "stale", None)
        crash_point("derived")
        t = report.timed("derived graphs", t)
        if self.validate:  # what no single article shows: a revision cycle across two articles, ...
            from .validate.store_checks import check_store, focus_nodes

            # a small change is checked where its nodes are (a removal breaks no rule)
            focus = None if whole else focus_nodes(store, self.subjects)
            report.store_violations = check_store(store, focus=focus)
        t = report.timed("store-wide checks", t)
        store.flush()
        report.timed("publish", t)

    def _extract(self, todo: dict[str, Article], context: list[date], version: str) -> None:
        """Extract the articles to (re)do in chunks, keeping each one's facts in the store as soon
        as they are made (their record stays out until their graph is written): memory holds one
        chunk's documents, and a rerun after a kill takes the facts already made, by content hash,
        instead of running the language model again. Fills ``self.stubs`` (what meeting identity
        needs of each) and keeps the facts of the last few chunks in memory for the writes."""
        from .link.facts import link_facts

        store, report = self.store, self.report
        self.total(len(todo))
        pending: list[str] = []
        for g in sorted(todo):
            a = todo[g]
            key = extraction_key(a, version, context)
            facts = read_facts(store, g) if store.get_state(g, "extracted") == key else None
            if facts is not None and facts.article.sha256 == a.sha256:
                facts.article = a  # as read now (its path, root and body ranges)
                self._keep(g, facts)
                self.saved.add(g)
                report.resumed += 1
                self.tick(1)
            else:
                pending.append(g)
        size = EXTRACT_CHUNK if self.n_process > 1 else max(1, STORE_CHUNK)
        for i in range(0, len(pending), size):
            order = pending[i:i + size]

            done: set[int] = set()

            def made(k: int, f: ArticleFacts) -> None:  # each article's facts, as soon as they are made
                g = order[k]
                done.add(k)
                try:
                    link_facts(f, self.linker())
                except Exception as e:  # noqa: BLE001 - links are optional: land without them
                    report.warnings.append(Warnings.W202.format(path=f.article.path, detail=f"linking: {reason(e)}"))
                try:
                    text = dumps(f)
                except (ValueError, TypeError):
                    text = None  # not kept: written with its graph, or reported there
                if text is not None:
                    store.set_state(g, "record", None)  # from here until its graph is written: not complete
                    store.set_state(g, "facts", text)
                    store.set_state(g, "extracted", extraction_key(f.article, version, context))
                    self.saved.add(g)
                self._keep(g, f)

            extracted = extract_all([todo[g] for g in order], self._nlp if self.cluster else self.nlp(),
                                    n_process=self.n_process, context=context, report=report, tick=self.tick,
                                    cluster=self.cluster, each=made)
            for k, f in enumerate(extracted):  # a stand-in for extract_all that does not call each
                if k not in done:
                    made(k, f)

    def _keep(self, g: str, facts: ArticleFacts) -> None:
        self.stubs[g] = ArticleFacts(article=Article(path=facts.article.path, stem=facts.article.stem, text="",
                                                     sha256=facts.article.sha256, published=facts.article.published,
                                                     source=facts.article.source), meetings=facts.meetings)
        self.persons[g] = extracted_persons(facts)
        self.kept[g] = facts
        while len(self.kept) > KEPT_FACTS:
            self.kept.pop(next(iter(self.kept)))

    def _facts(self, g: str) -> ArticleFacts | None:
        """An article's facts for its graph: kept from this build, else as stored."""
        facts = self.kept.get(g)
        return facts if facts is not None else read_facts(self.store, g)

    def _remove(self, g: str) -> None:
        rec = self.records.get(g)
        self.touched |= typed_nodes(self.store, g)
        self.store.remove_graph(URIRef(g))
        self.store.set_state(g, "facts", None)
        self.store.set_state(g, "extracted", None)
        self.store.set_state(g, "record", None)
        self.index.drop(g)
        self.report.removed.append(rec.source or rec.path if rec else g)

    def _write_chunk(self, chunk, iris, context, version: str) -> None:
        """Build, validate and write the graphs of one chunk: records out, facts, the graphs (one
        transaction per part), records in; a kill anywhere leaves each article complete or without
        record. With several processes the graphs are built and validated by workers, part by part,
        while this process writes the parts before (kg/graph/parallel.py)."""
        from .graph.parallel import built_graphs

        items = []
        for g, is_new in chunk:
            facts = self._facts(g)
            if facts is None:  # a stored article whose facts cannot be read: left as it is
                continue
            items.append((g, facts, is_new))
        shown = [(g, relabelled(facts, self.labels), iris[g]) for g, facts, _ in items]  # the facts stay as extracted
        parts = built_graphs(shown, version=version, validate=self.validate, processes=self.n_process)
        start = 0
        for part in parts:
            built = []
            for (g, facts, is_new), (triples, notes, violations) in zip(items[start:start + len(part)], part):
                self.report.warnings += [Warnings.W204.format(path=facts.article.path, detail=w[len("language: "):])
                                         if w.startswith("language: ") else
                                         Warnings.W202.format(path=facts.article.path, detail=w)
                                         for w in facts.warnings]
                triples = self._graph(facts, notes, triples)
                if triples is not None:
                    built.append((g, facts, is_new, triples, violations))
            start += len(part)
            self._land(built, iris, context, version)

    def _land(self, built, iris, context, version: str) -> None:
        """Write the graphs built: records out, facts, the graphs (one transaction), records in."""
        ready = []
        for g, _, _, triples, _ in built:
            self.touched |= typed_nodes(self.store, g)
            self.touched |= {t.subject for t in triples if t.predicate == RDF_TYPE and has_superclasses(t.object)}
            self.subjects |= {t.subject for t in triples}
        for g, facts, is_new, triples, violations in built:
            try:
                self.store.set_state(g, "record", None)  # from here until the end: not complete
                if g not in self.saved:
                    self.store.set_state(g, "facts", dumps(facts))
            except (ValueError, TypeError, OSError) as e:
                log.debug("storing failed for %s", facts.article.path, exc_info=True)
                self.report.errors.append(IngestError(Errors.E202.format(path=facts.article.path, reason=reason(e)),
                                                      facts.article.path))
                continue
            ready.append((g, facts, is_new, triples, violations))
        try:
            sizes = replace_graphs(self.store, [(URIRef(g), triples) for g, _, _, triples, _ in ready])
        except (ValueError, TypeError, OSError) as e:  # one bad graph: write them one at a time
            log.debug("chunk write failed, going on one by one", exc_info=True)
            sizes = []
            for g, facts, _, triples, _ in ready:
                try:
                    sizes += replace_graphs(self.store, [(URIRef(g), triples)])
                except (ValueError, TypeError, OSError) as e1:
                    self.report.errors.append(IngestError(Errors.E202.format(path=facts.article.path,
                                                                             reason=reason(e1)), facts.article.path))
                    sizes.append(None)
        for (g, facts, is_new, _triples, violations), triples in zip(ready, sizes):
            if triples is None:
                continue
            a = facts.article
            root = self.roots.get(g)
            rec = self.records.get(g)
            self.written += 1
            crash_point(f"graph-{self.written}")
            record = ArticleRecord(
                graph=g, source=a.source, sha256=a.sha256, path=a.path,
                file=file_of(a, root) if root is not None else (rec.file if rec else a.path),
                root=str(root) if root is not None else (rec.root if rec else None),
                extractor=version, published=a.published, context=context if a.published is None else None,
                meetings=facts.meetings, meeting_iris=[str(i) for i in iris[g]],
                persons=written_labels(facts, self.labels))
            self.store.set_state(g, "record", record.to_json())
            self.records[g] = record
            if is_new:
                self.report.landed.append(ArticleOutcome(a, triples=triples, violations=violations))
            else:
                self.report.rewritten += 1

    def _graph(self, facts: ArticleFacts, notes, triples):
        """The triples built for an article (kg.graph.parallel.graph_of), with its notes reported."""
        for kind, why in notes:
            if kind == "W301":
                self.report.warnings.append(Warnings.W301.format(path=facts.article.path, reason=why))
            elif kind == "degraded":
                self.report.degraded += 1
            else:
                self.report.errors.append(IngestError(Errors.E202.format(path=facts.article.path, reason=why),
                                                      facts.article.path))
        return triples
