"""Build and validate the graphs of a chunk of articles, on every core a build may use.

What a build does after the language model is, per article, the same pure work: its facts
become triples (:func:`kg.graph.facts_triples`) and the triples are validated against the shapes
(:func:`kg.validate.batch.validate_triples`). Only the store write must stay in the one process
that holds the store. With ``processes > 1`` (``kg build -j N``, validating) the chunk is cut
into parts that worker processes (forked: they inherit the compiled shapes) build and validate,
handing back each graph as N-Triples bytes; the caller writes part k while the workers build
the parts after it.
The triples come back exactly as made (same terms, same order), so the graph is the same as when
built in this process; an article whose graph cannot be built is reported the same way too.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator, Sequence

import pyoxigraph as ox

from .triples import facts_triples

log = logging.getLogger(__name__)

PART = int(os.environ.get("KG_GRAPH_PART", "32"))  # articles per part handed to a worker: one validation batch
MIN_PARALLEL = 2 * PART  # below this, starting workers costs more than they save
_NT = ox.RdfFormat.N_TRIPLES


def graph_of(facts, meeting_iris, version: str) -> tuple[list | None, list[tuple[str, str]]]:
    """One article's triples, and what went wrong on the way as (kind, reason) notes: ``W301``
    the facts' graph failed and the article is built from its text and metadata only (``degraded``
    follows), ``E202`` even that failed (triples None)."""
    from ..model import ArticleFacts
    from ..reconcile import reason

    notes: list[tuple[str, str]] = []
    try:
        return facts_triples(facts, meeting_iris=meeting_iris, version=version), notes
    except Exception as e:  # noqa: BLE001 - a bug in one article's facts: keep the article
        log.debug("graph failed for %s", facts.article.path, exc_info=True)
        notes.append(("W301", reason(e)))
    notes.append(("degraded", ""))
    try:
        return facts_triples(ArticleFacts(article=facts.article), meeting_iris=[], version=version), notes
    except Exception as e:  # noqa: BLE001
        notes.append(("E202", reason(e)))
        return None, notes


def _build(items: Sequence[tuple], version: str, validate: bool, serialize: bool) -> list[tuple]:
    """(triples or N-Triples bytes or None, notes, violations) for each (graph IRI, facts,
    meeting IRIs) of a part, in order."""
    from rdflib import URIRef

    built = [graph_of(facts, iris, version) for _, facts, iris in items]
    ok = [(URIRef(g), triples) for (g, _, _), (triples, _) in zip(items, built) if triples is not None]
    if validate:
        from ..validate.batch import validate_triples

        found = iter(validate_triples(ok))
    else:
        found = iter([[]] * len(ok))
    out = []
    for triples, notes in built:
        if triples is None:
            out.append((None, notes, []))
            continue
        data = ox.serialize(triples, format=_NT) if serialize else triples
        out.append((data, notes, next(found)))
    return out


def _work(items: Sequence[tuple], version: str, validate: bool) -> list[tuple]:
    return _build(items, version, validate, serialize=True)


def _triples(data: bytes) -> list:
    return [q.triple for q in ox.parse(data, format=_NT)]


def built_graphs(items: Sequence[tuple], *, version: str, validate: bool,
                 processes: int = 1) -> Iterator[list[tuple]]:
    """Build (and validate) the graph of each (graph IRI, facts, meeting IRIs), in parts.

    RETURNS (Iterator[list]): per part, in order, a list of (triples or None, notes, violations),
        one per item: the triples as pyoxigraph triples (:func:`facts_triples`), the notes of
        :func:`graph_of`, the shape violations (kg.validate.store.GraphFinding).
    """
    if processes <= 1 or len(items) < MIN_PARALLEL or not validate:
        # without validation the triples alone cost less than shipping them back as text
        yield _build(items, version, validate, serialize=False)
        return
    from ..validate.sparql_engine import engine

    engine()  # compiled once, here: the forked workers inherit it
    parts = [items[i:i + PART] for i in range(0, len(items), PART)]
    done = 0
    # what exists now is not garbage the workers must look at: without this, each worker's first
    # collection walks (and so copies, page by page) the whole inherited heap, the language model too
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("fork")) as pool:
            for result in pool.map(_work, parts, [version] * len(parts), [validate] * len(parts)):
                yield [(None if data is None else _triples(data), notes, found) for data, notes, found in result]
                done += 1
    except Exception as e:  # noqa: BLE001 - no workers, or they broke: the rest here (a bug shows again here)
        log.debug("graph workers failed (%s); building the rest here", e)
        for part in parts[done:]:
            yield _build(part, version, validate, serialize=False)
    finally:
        gc.unfreeze()
