"""The stored articles whose meeting identity a change can reach.

Meeting identity is decided over every report of the store in one canonical order
(``kg/graph/identity.py``), but a report's IRI depends only on the reports it interacts with,
transitively (``kg/graph/identity_keys.py``). So a build starts from the reports of the articles
it adds, replaces or removes (old and new versions), looks up the stored articles filed under
their keys, then under the keys of those, until nothing new turns up. Deciding identity over the
articles found (and the changed ones) gives each of them the IRI a batch build over the whole
store gives; every other article keeps the IRIs in its record.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Callable, Iterable, Iterator

import pyoxigraph

from .graph.identity_keys import read_keys
from .graph.names import renamed_meetings
from .model import Article, ArticleFacts, Meeting
from .store.index import StoreIndex
from .store.records import ArticleRecord


SCOPE_SHARE = 4  # a scope reaching past 1/SCOPE_SHARE of the store is given up for the whole store


def reach(index: StoreIndex, seeds: Iterable[tuple[Meeting, date | None]], *, skip: set[str],
          labels: Mapping[str, str] | None = None) -> dict[str, ArticleRecord]:
    """Stored articles that may interact with the reports ``seeds`` (meeting, publication date),
    transitively, by graph IRI with their records; the graphs in ``skip`` (removed or being
    replaced: their new facts are among the seeds) are passed through, not returned. Reports
    without a date can tie much of a store together (every undated report at one place shares
    a base IRI): once the scope passes a quarter of the store, every stored article is returned,
    which costs what one batch decision costs, and no more than following the keys further.
    A stored report is followed as extracted and under the person ``labels`` (``variants``)."""
    found: dict[str, ArticleRecord] = {}
    check = 256
    looked: set[str] = set()
    gates: dict[str, bool] = {}
    frontier = list(seeds)
    while frontier:
        keys: set[str] = set()
        for m, published in frontier:
            for gate, ks in read_keys(m, published):
                if gate is not None:
                    if gate not in gates:
                        gates[gate] = index.meet_any(gate)
                    if not gates[gate]:
                        continue
                keys.update(ks)
        keys -= looked
        looked |= keys
        frontier = []
        for g in sorted(index.meet(keys) - found.keys() - skip):
            rec = index.get(g)
            if rec is None:  # an entry left by an interrupted build: no article
                continue
            found[g] = rec
            frontier += [(m, rec.published) for m in variants(rec.meetings, labels, rec)]
        if len(found) >= check:
            if not index.at_least(SCOPE_SHARE * len(found) + len(skip)):
                return everything(index, skip)
            check = 2 * len(found)
    return found


def everything(index: StoreIndex, skip: set[str]) -> dict[str, ArticleRecord]:
    """Every stored article but those in ``skip``, with its record."""
    out = {}
    for g in sorted(index.all_graphs() - skip):
        rec = index.get(g)
        if rec is not None:
            out[g] = rec
    return out


def final_dates(index: StoreIndex, leaving: set[str], arriving: Iterable[date | None]) -> list[date]:
    """The publication dates of the final set, sorted: those of the stored articles that stay
    (a date held only by articles leaving is dropped) and of the ones arriving."""
    dates = {d for d in index.summary("dates") if d}
    for g in leaving:
        d = index.value(g, "date")
        if d in dates and all(o in leaving for o in index.graphs("date", d)):
            dates.discard(d)
    return sorted({date.fromisoformat(d) for d in dates} | {d for d in arriving if d})


def depending(index: StoreIndex, context: list[date], version: str, *, leaving: set[str]) -> list[str]:
    """Stored articles whose facts depend on what changed: undated ones dated against another
    set of dates, and those made by another extractor version."""
    from .store.index import context_digest

    digest = context_digest(context)
    out = {g for g, ctx in index.undated() if ctx != digest}
    for v in index.summary("versions"):
        if v != version:
            out.update(index.graphs("version", v))
    return sorted(out - leaving)


def variants(meetings: list[Meeting], labels: Mapping[str, str] | None, rec: ArticleRecord | None = None
             ) -> list[Meeting]:
    """A report's meetings as extracted, under the person ``labels`` decided now, and (stored)
    under the labels its graph was written with: the keys of all three find every partner."""
    out = list(meetings)
    for names in (labels, rec.persons if rec is not None else None):
        if names:
            out += [m for m in renamed_meetings(meetings, names) if m not in out]
    return out


def decide(index: StoreIndex, stubs: dict[str, ArticleFacts], removed: set[str],
           labels: Mapping[str, str] | None = None) -> tuple[dict[str, list], list[str]]:
    """Meeting identity after a change: ``stubs`` the articles (re)extracted (what identity needs
    of each), ``removed`` the graphs taken out, ``labels`` the person labels of the final set
    (``kg/reconcile_names.py``): identity is decided on the reports under those labels.
    RETURNS the meeting IRIs of the changed articles and of every stored one they reach, by graph
    IRI, and those stored ones whose IRIs change."""
    from .graph.identity import resolve_meetings

    changed = set(stubs) | removed
    labels = labels or {}
    seeds = [(m, s.article.published) for s in stubs.values() for m in variants(s.meetings, labels)]
    seeds += [(m, rec.published) for g in sorted(changed) if (rec := index.get(g))
              for m in variants(rec.meetings, labels, rec)]
    near = reach(index, seeds, skip=changed, labels=labels)
    everyone = sorted(set(near) | set(stubs))

    def stub(g: str) -> ArticleFacts:
        s = stubs[g] if g in stubs else near[g].stub()
        return dataclasses.replace(s, meetings=renamed_meetings(s.meetings, labels)) if labels else s

    iris = dict(zip(everyone, resolve_meetings([stub(g) for g in everyone])))
    return iris, [g for g in sorted(near) if [str(i) for i in iris[g]] != near[g].meeting_iris]


class Loading(Mapping):
    """The articles to extract, by graph IRI, each loaded whole only when asked for (its text
    from the reader's spill, or a stored article's from its facts): memory holds one chunk."""

    def __init__(self, light: dict[str, Article], load: Callable[[str, Article], Article]) -> None:
        self.light, self.load = light, load

    def __getitem__(self, g: str) -> Article:
        return self.load(g, self.light[g])

    def __iter__(self) -> Iterator[str]:
        return iter(self.light)

    def __len__(self) -> int:
        return len(self.light)


def graph_test(store) -> Callable[[str], bool]:
    """Whether the store holds a named graph: asked of Oxigraph each time, or of one list (remote)."""
    if isinstance(store.store, pyoxigraph.Store):
        return lambda g: store.store.contains_named_graph(pyoxigraph.NamedNode(g))
    return {str(g) for g in store.named_graphs()}.__contains__
