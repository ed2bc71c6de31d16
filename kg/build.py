"""The one place that runs the stages in order: ingest, extract, identity, graph, validate, store.

A build reads the articles, re-extracts only those that are new or changed (the content hash in
each article's record decides), and then settles what depends on the whole set of articles in
the store: which reports are one meeting (``kg/graph/identity.py``, as over every stored report
in one canonical order, but computed only over those a change can reach) and the dates undated
articles resolve against. Article graphs whose outcome changed are rewritten from their stored
facts without the language model, so the store after any sequence of builds and removals equals
one batch build over the same articles. Work and memory follow the change, not the store: the
records are found through their index, article texts wait on disk until their chunk is
extracted, and graphs are built, validated and written one chunk at a time.

Writes are ordered so that a kill at any point loses nothing: an article's record (the proof
that its graph is complete) is deleted first and written last; readers see a published snapshot
after each chunk, in which every article graph is whole. A bad file, or an article whose
extraction or graph fails, is reported with a code and the rest of the batch still lands.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Iterable

from .errors import Errors, IngestError, display_path
from .graph.iri import graph_iri
from .ingest import read_folder
from .ingest.spill import TextSpill
from .model import Article
from .reconcile import STORE_CHUNK, ArticleOutcome, BuildReport, Reconcile, crash_point
from .store import GraphStore
from .store.index import StoreIndex, open_index, record_names

__all__ = ["STORE_CHUNK", "ArticleOutcome", "BuildReport", "build", "remove"]


def build(source: str | Path | Iterable[Article], store: GraphStore, *, nlp=None, validate: bool = True,
          n_process: int = 1, progress: Callable[[int], None] | None = None, linker=None,
          prune: bool = False, total: Callable[[int], None] | None = None,
          cluster: str | None = None) -> BuildReport:
    """Build (or update) the graph from a folder of articles.

    source (str | Path | Iterable[Article]): a folder of articles, or articles already read.
    store (GraphStore): where each article's named graph lands (replaced when the article changed).
    nlp: a loaded pipeline from :func:`kg.extract.load_nlp` (or a callable returning one);
        loaded here, only if some article needs extracting, when omitted.
    validate (bool): check each written article graph against the SHACL shapes.
    n_process (int): spaCy processes.
    progress (callable): called with the number of articles just extracted (or taken, already
        extracted, from an interrupted build).
    total (callable): called once with the number of articles to extract, for a progress bar's
        rate and time left.
    linker (kg.link.Linker): links actors and places to Wikidata; the offline cache when omitted.
    prune (bool): also remove the articles built earlier from this folder whose files are gone.
    cluster (str): extract on a Dask cluster: a scheduler address (tcp://host:port) or local:N
        (kg/cluster.py); the store is still written here. RAISES kg.cluster.ClusterError (E740-E745).
    RETURNS (BuildReport): what landed, what failed, what was skipped, the shape violations found.
    """
    report = BuildReport()
    t = time.perf_counter()
    root = None
    failed_files: set[str] = set()
    texts = None
    if isinstance(source, (str, Path)):
        texts = TextSpill()  # the texts wait on disk until their chunk is extracted
        ingested = read_folder(source, spill=texts)
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
    t = report.timed("read", t)
    index = open_index(store)
    report.timed("records", t)
    removed: set[str] = set()
    if prune and root is not None:
        removed = _gone(store, index, articles, root, failed_files)
    Reconcile(store, report, removed=removed, nlp=nlp, validate=validate, n_process=n_process,
              progress=progress, linker=linker, total=total, cluster=cluster, index=index).run(articles, root,
                                                                                          texts=texts)
    return report


def _gone(store: GraphStore, index: StoreIndex, articles: list[Article], root: Path,
          failed_files: set[str]) -> set[str]:
    """Graphs built from ``root`` whose article is no longer there (its file gone, or a record no
    longer in a file read whole); graphs without a record are leftovers of an interrupted build."""
    read = {str(graph_iri(a)) for a in articles}
    gone = set()
    for g in index.graphs("root", str(root)):
        rec = index.get(g)
        if rec is None or rec.root != str(root) or g in read:
            continue
        path = root / rec.file
        if not os.path.lexists(path) or display_path(path) not in failed_files:
            gone.add(g)
    gone |= {str(g) for g in store.named_graphs()} - index.all_graphs() - read
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
    index = open_index(store)
    removed: set[str] = set()
    for target in targets:
        found = {g for g in index.graphs("name", target) if (rec := index.get(g)) and target in record_names(rec)}
        if not found and target in {str(g) for g in store.named_graphs()}:
            found = {target}
        if not found:
            report.errors.append(IngestError(Errors.E706.format(what=target), target))
        removed |= found
    if removed:
        Reconcile(store, report, removed=removed, nlp=nlp, validate=validate, n_process=1, progress=None,
                  linker=linker, index=index).run([], None)
    return report


