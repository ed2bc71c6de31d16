"""One label per person over the final set of articles, in a build (``kg/graph/names.py``).

An article's stored facts keep its person labels as extracted; its record keeps each with the
label its graph was written under, and the index files both (``plabel``). A build decides the
labels again over the final set (the stored labels of the articles that stay, and those just
extracted) before meeting identity, whose IRIs name the participants, and rewrites every stored
article written under another label. The labels are a function of the set alone: any order of
builds and removals gives the graph of one batch build. A change smaller than the store decides
only the names it can reach (:class:`Scope`), read from the index by the keys names.py pairs on,
with each name's article count and written label kept set-wide (``kg/store/index.py``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .graph.names import (close_surname, entry_parts, full_name, name_keys, near_keys, pair, person_entry,
                          person_labels, surname_of)
from .model import ArticleFacts
from .store.index import StoreIndex


@lru_cache(maxsize=1)
def verified() -> frozenset[str]:
    """The canonical person labels of the gazetteer and the verified Wikidata entries."""
    from .extract.text.gazetteer import load_gazetteer

    return frozenset(load_gazetteer().persons.values())


def extracted_persons(facts: ArticleFacts) -> list[str]:
    """The person labels of one article's facts, as extracted."""
    return sorted({a.name for a in facts.actors if a.kind == "Person"})


def set_labels(index: StoreIndex, leaving: set[str], arriving: Iterable[list[str]]) -> Mapping[str, str]:
    """Variant -> label over the final set: the stored articles but those ``leaving`` (removed or
    re-extracted), and the person labels of each article ``arriving``. A change smaller than the
    store re-decides only the names it can reach (:class:`Scope`), else every name is decided."""
    arriving = [sorted(set(names)) for names in arriving]
    if not index.at_least(len(arriving) + 1):
        return whole_labels(index, leaving, arriving)
    return Scope(index, leaving, arriving).labels()


def whole_labels(index: StoreIndex, leaving: set[str], arriving: Iterable[list[str]]) -> dict[str, str]:
    """:func:`set_labels` over every person name of the store, in one scan of the index."""
    counts: Counter = Counter()
    for g, v in index.pairs("plabel"):
        if g not in leaving:
            counts[entry_parts(v)[0]] += 1
    for names in arriving:
        counts.update(set(names))
    return person_labels(counts, verified())


class Scope:
    """The person names whose label a change can move, read from the index by key.

    A full name's label is decided within its group (the full names paired with it, transitively),
    a surname alone's by the groups of the full names it can stand for. The names of the articles
    leaving or arriving, the groups they were or will be in, the surnames alone those groups'
    names can stand for and the groups these can stand for are re-decided: every other name's
    group and candidates are as they were, so its label is the one its articles are written with.
    The names of a key (``pname``) and each name's articles by label written (``pcount``) are
    kept set-wide, so only the graphs leaving are read. The close spellings of a surname are found
    among the set's surnames (``psurs``, one entry a surname, read once)."""

    def __init__(self, index: StoreIndex, leaving: set[str], arriving: list[list[str]]) -> None:
        self.index = index
        self.written: dict[str, dict[str, str]] = {}  # graph read (leaving) -> person label -> as written
        self.gone: Counter = Counter()  # (person label, as written) -> stored articles leaving
        self.arriving: Counter = Counter()  # person label -> articles arriving with it
        self.stored: dict[str, dict[str, int]] = {}  # person label -> as written -> stored articles
        self.by_key: dict[str, set[str]] = {}
        self.looked: set[str] = set()
        self.nearby: dict[str, set[str]] = {}
        self.seen: set[str] = set()
        self.surnames: list[str] | None = None  # the set's surnames a close spelling of which pairs
        for g in sorted(leaving):
            self.written[g] = dict(entry_parts(v) for v in index.values(g, "plabel"))
            for raw, label in self.written[g].items():
                self._see(raw)
                self.gone[raw, label] += 1
        for names in arriving:
            self.arriving.update(names)
            for n in names:
                self._see(n)
        self.seeds = sorted(self.seen)

    def _see(self, name: str) -> None:
        if name not in self.seen:
            self.seen.add(name)
            for k in name_keys(name):
                self.by_key.setdefault(k, set()).add(name)

    def staying(self, name: str) -> dict[str, int]:
        """As written -> the stored articles (not leaving) writing person label ``name`` so."""
        if name not in self.stored:
            self.stored[name] = self.index.person(name)
        return {label: m for label, n in self.stored[name].items() if (m := n - self.gone[name, label]) > 0}

    def count(self, name: str) -> int:
        """The articles of the final set using person label ``name``."""
        return sum(self.staying(name).values()) + self.arriving[name]

    def as_written(self, name: str) -> str:
        """The label the stored articles (not leaving) write ``name`` under (the most used)."""
        found = self.staying(name)
        return min(found, key=lambda label: (-found[label], label)) if found else name

    def near(self, name: str) -> set[str]:
        """Every name of the store or the change that shares a key of ``near_keys(name)``."""
        if self.surnames is None and close_surname(name):
            known = {s for n in self.seen if (s := close_surname(n))}  # the arriving names' too
            self.surnames = sorted(known.union(self.index.summary("psurs")))
        if name in self.nearby:
            return self.nearby[name]
        out: set[str] = set()
        for k in sorted(near_keys(name, self.surnames or ())):
            if k not in self.looked:
                self.looked.add(k)
                for n in self.index.named(k):
                    self._see(n)
            out |= self.by_key.get(k, set())
        self.nearby[name] = out
        return out

    def labels(self) -> Labels:
        sure = verified()
        keep = [n for n in self.seeds if name_keys(n) and (full_name(n) or n not in sure)]
        full = self.groups([n for n in keep if full_name(n)])  # the groups a change is in
        alone = {n for n in keep if not full_name(n)}
        for f in sorted(full):  # the surnames alone these names can stand for
            alone |= {c for c in self.near(f) if not full_name(c) and name_keys(c) and c not in sure
                      and surname_of(c, f)}
        # the groups these can stand for: decided with them (their labels stay as they were)
        support = self.groups([c for a in sorted(alone) for c in self.near(a) if full_name(c) and surname_of(a, c)])
        scope = full | alone | support
        decided = person_labels({n: c for n in scope if (c := self.count(n)) > 0}, sure)
        return Labels(self, full | alone, decided)

    def groups(self, names: list[str]) -> set[str]:
        """The full names paired with ``names``, transitively."""
        out: set[str] = set()
        todo = list(names)
        while todo:
            n = todo.pop()
            if n not in out:
                out.add(n)
                todo += [c for c in self.near(n) if c not in out and full_name(c) and pair(n, c)]
        return out


class Labels(Mapping):
    """Variant -> label of the final set (only the names that change): the names of the scope as
    decided now, any other name as its stored articles are written (looked up when asked)."""

    def __init__(self, scope: Scope, names: set[str], decided: dict[str, str]) -> None:
        self.scope, self.names, self.decided = scope, names, decided

    def _label(self, name: str) -> str:
        if name in self.names:
            return self.decided.get(name, name)
        return self.scope.as_written(name)

    def __getitem__(self, name: str) -> str:
        label = self._label(name)
        if label == name:
            raise KeyError(name)
        return label

    def __iter__(self):
        return iter(sorted(n for n in self.scope.seen if n in self))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:  # a stored name may be renamed though none was decided now
        return True

    def graphs(self) -> list[str]:
        """The graphs read to decide: those leaving (every other name is read set-wide)."""
        return list(self.scope.written)

    def otherwise(self) -> set[str]:
        """The stored graphs writing a name the scope met under another label than its own now
        (every other name keeps the label its articles are written under)."""
        out: set[str] = set()
        for raw in sorted(self.scope.seen):
            label = self.get(raw, raw)
            for written in self.scope.staying(raw):
                if written != label:
                    out.update(self.scope.index.graphs("plabel", person_entry(raw, written)))
        return out


def written_otherwise(index: StoreIndex, labels: Mapping[str, str], leaving: set[str]) -> list[str]:
    """The stored articles (not ``leaving``) whose graph was written under other person labels."""
    if isinstance(labels, Labels):
        out = labels.otherwise()
    else:
        out = {g for g, v in index.pairs("plabel") if labels.get((e := entry_parts(v))[0], e[0]) != e[1]}
    return sorted(g for g in out - leaving if index.get(g) is not None)


def written_labels(facts: ArticleFacts, labels: Mapping[str, str]) -> dict[str, str]:
    """What an article's record keeps: each person label as extracted -> as written."""
    return {raw: labels.get(raw, raw) for raw in extracted_persons(facts)}
