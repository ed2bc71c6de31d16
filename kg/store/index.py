"""Indexes over the article records, so that a build reads only the records it needs.

A record (``records.py``) is one JSON value per article. A build asks narrower questions of them:
is this graph IRI stored with this content hash, which graph holds this text, which dates does
the set hold, which undated articles were dated against another set of dates, which articles
were made by another extractor, which were built from this folder or go by this name, and which
reports can change the meeting identity of a changed one (``kg/graph/identity_keys.py``). Each
is answered from triples beside the records in the state graph, ``(graph, ix:KIND, value)``,
written whenever a record is and taken out with it: a lookup is a pattern match on Oxigraph's
indexes, never a scan of every record. Set-wide, each person name as extracted keeps the number
of articles writing it under each label (``pcount``), and each pairing key the names filed under it
(``pname``): what deciding the labels of a change needs, without reading every article of a name.

The index is a function of the records: it is written after the record (a kill in between
leaves the ``pending`` flag set, and the next build rebuilds the index whole from the records),
and an entry whose record is gone is ignored. A store that is not the embedded one (a remote
SPARQL store) gets :class:`MemoryIndex`, built from every record once per build, as before.
"""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from .oxigraph import STATE_GRAPH, STATE_NS
from .records import ArticleRecord, read_records

INDEX_VERSION = "kg.record_index.v4"
SUMMARY = "https://w3id.org/parley/id/state/index"  # subject of the set-wide entries
IX = STATE_NS + "ix/"
_KINDS = ("sha", "version", "date", "ctx", "root", "name", "meet", "plabel", "pkey", "psur")


def context_digest(context: Iterable[date] | None) -> str:
    """A short name for the dates an undated article was dated against."""
    text = ",".join(d.isoformat() for d in context or [])
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:32]


def record_names(rec: ArticleRecord) -> set[str]:
    """What ``kg remove`` may name an article by: its graph IRI, source, path, file, full path."""
    names = {rec.graph, rec.source, rec.path, rec.file}
    if rec.root:
        names |= {str(Path(rec.root) / rec.file), f"{Path(rec.root) / rec.file}".rstrip("/")}
    return {n for n in names if n}


def entries(rec: ArticleRecord) -> set[tuple[str, str]]:
    """The index entries of one record, as (kind, value)."""
    from ..graph.identity_keys import filed_keys
    from ..graph.names import close_surname, name_keys, person_entry, renamed_meetings

    out = {("sha", rec.sha256), ("version", rec.extractor),
           ("date", rec.published.isoformat() if rec.published else "")}
    if rec.published is None:
        out.add(("ctx", context_digest(rec.context)))
    if rec.root:
        out.add(("root", rec.root))
    out |= {("name", n) for n in record_names(rec)}
    out |= {("meet", k) for m in rec.meetings for k in filed_keys(m, rec.published)}
    # the person labels as extracted and as written, and the meetings under the labels written
    out |= {("plabel", person_entry(raw, label)) for raw, label in rec.persons.items()}
    out |= {("pkey", k) for raw in rec.persons for k in name_keys(raw)}  # names.py's pairing keys
    out |= {("psur", s) for raw in rec.persons if (s := close_surname(raw))}
    if any(raw != label for raw, label in rec.persons.items()):
        out |= {("meet", k) for m in renamed_meetings(rec.meetings, rec.persons) for k in filed_keys(m, rec.published)}
    return out


def _node(kind: str, value: str) -> ox.NamedNode:
    """The subject of the set-wide entries of one person name or pairing key."""
    return ox.NamedNode(f"{SUMMARY}/{kind}/{hashlib.sha256(value.encode('utf-8')).hexdigest()[:32]}")


class StoreIndex:
    """The record indexes of the embedded store, kept in its state graph."""

    def __init__(self, store) -> None:
        self.store = store
        self.g = ox.NamedNode(STATE_GRAPH)
        self.p = {k: ox.NamedNode(IX + k) for k in _KINDS + ("dates", "versions", "psurs", "pcount", "pname")}
        # the records read (as they were when first read): what a build writes is not kept here,
        # so memory follows what it reads, not every record it writes
        self.cache: dict[str, ArticleRecord | None] = {}
        if store.get_state(SUMMARY, "built") != INDEX_VERSION or store.get_state(SUMMARY, "pending"):
            self.rebuild()

    @property
    def raw(self) -> ox.Store:
        """The Oxigraph store, asked of the store each time (it reopens its database to let go of
        RocksDB's caches after a large write, ``GraphStore.publish``)."""
        return self.store.store

    # -- writing ------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Every entry again from the records (a first build, an older store, after a kill)."""
        self.store.changed = True
        for p in self.p.values():
            for q in list(self.raw.quads_for_pattern(None, p, None, self.g)):
                self.raw.remove(q)
        for g, rec in read_records(self.store).items():
            self._add(g, entries(rec))
        self.store.set_state(SUMMARY, "built", INDEX_VERSION)
        self.store.set_state(SUMMARY, "pending", None)

    def begin(self) -> None:
        """Records are about to change: until :meth:`end`, a kill means the index is rebuilt."""
        self.store.set_state(SUMMARY, "pending", "true")

    def end(self, *, written: Iterable[str] = (), put: set[str] = frozenset()) -> None:
        """The records are written: ``written`` the graphs meant to be, ``put`` those indexed
        again (one whose write failed after its record was taken out leaves the index too)."""
        for g in written:
            if g not in put and not self.has_record(g):
                self.drop(g)
        self.store.set_state(SUMMARY, "pending", None)

    def put(self, g: str, rec: ArticleRecord) -> None:
        """Index ``rec`` (just written) in place of what graph ``g`` was indexed under."""
        self.cache.pop(g, None)  # read back from the store if asked for
        new, old = entries(rec), self._entries(g)
        self._drop(g, old - new)
        self._add(g, new - old)

    def drop(self, g: str) -> None:
        """Take graph ``g`` out of the index (its record is gone)."""
        self.cache.pop(g, None)
        self._drop(g, self._entries(g))

    def _entries(self, g: str) -> set[tuple[str, str]]:
        s = ox.NamedNode(g)
        return {(k, q.object.value) for k in _KINDS for q in self.raw.quads_for_pattern(s, self.p[k], None, self.g)}

    def _add(self, g: str, found: set[tuple[str, str]]) -> None:
        self.store.changed = True
        s = ox.NamedNode(g)
        self.raw.extend([ox.Quad(s, self.p[k], ox.Literal(v), self.g) for k, v in found])
        summary = ox.NamedNode(SUMMARY)
        for k, v in found:
            if k in ("date", "version", "psur"):
                self.raw.add(ox.Quad(summary, self.p[k + "s"], ox.Literal(v), self.g))
            if k == "plabel":
                self._tally(v, 1)

    def _drop(self, g: str, gone: set[tuple[str, str]]) -> None:
        self.store.changed = True
        s = ox.NamedNode(g)
        for k, v in gone:
            self.raw.remove(ox.Quad(s, self.p[k], ox.Literal(v), self.g))
        summary = ox.NamedNode(SUMMARY)
        for k, v in gone:  # a date or version no record has any more leaves the summary
            if k in ("date", "version", "psur") and not self._any(k, v):
                self.raw.remove(ox.Quad(summary, self.p[k + "s"], ox.Literal(v), self.g))
            if k == "plabel":
                self._tally(v, -1)

    def _tally(self, entry: str, step: int) -> None:
        """One article more (``step`` 1) or fewer (-1) writing a person name under a label; a name
        no article holds any more leaves the keys it is filed under, a new one joins them."""
        from ..graph.names import SEP, entry_parts, name_keys

        raw, label = entry_parts(entry)
        had = self.person(raw)
        node, n = _node("person", raw), had.get(label, 0)
        if n:
            self.raw.remove(ox.Quad(node, self.p["pcount"], ox.Literal(f"{n}{SEP}{label}"), self.g))
        if n + step > 0:
            self.raw.add(ox.Quad(node, self.p["pcount"], ox.Literal(f"{n + step}{SEP}{label}"), self.g))
        total = sum(had.values())
        if (total == 0) != (total + step == 0):
            for k in name_keys(raw):
                q = ox.Quad(_node("key", k), self.p["pname"], ox.Literal(raw), self.g)
                if step > 0:
                    self.raw.add(q)
                else:
                    self.raw.remove(q)

    # -- reading ------------------------------------------------------------------------------
    def get(self, g: str) -> ArticleRecord | None:
        """The record of graph ``g`` (None when there is none, or it cannot be read)."""
        if g not in self.cache:
            text = self.store.get_state(g, "record")
            if text is None:
                return None  # not remembered: a graph without record is one a build is writing
            try:
                self.cache[g] = ArticleRecord.from_json(text)
            except (ValueError, KeyError, TypeError):
                self.cache[g] = None
        return self.cache[g]

    def has_record(self, g: str) -> bool:
        return self.store.get_state(g, "record") is not None

    def value(self, g: str, kind: str) -> str | None:
        for q in self.raw.quads_for_pattern(ox.NamedNode(g), self.p[kind], None, self.g):
            return q.object.value
        return None

    def values(self, g: str, kind: str) -> list[str]:
        """Every value graph ``g`` is indexed under for ``kind``."""
        return sorted(q.object.value for q in self.raw.quads_for_pattern(ox.NamedNode(g), self.p[kind], None, self.g))

    def graphs(self, kind: str, value: str) -> list[str]:
        """The graphs indexed under ``kind`` = ``value`` (their records may be gone: check)."""
        return sorted(q.subject.value for q in self.raw.quads_for_pattern(None, self.p[kind], ox.Literal(value),
                                                                           self.g))

    def person(self, raw: str) -> dict[str, int]:
        """Label -> the number of articles whose graph writes person name ``raw`` (as extracted) so."""
        from ..graph.names import SEP

        out = {}
        for q in self.raw.quads_for_pattern(_node("person", raw), self.p["pcount"], None, self.g):
            n, label = q.object.value.split(SEP, 1)
            out[label] = int(n)
        return out

    def named(self, key: str) -> list[str]:
        """The person names (as extracted) of the set filed under pairing key ``key``."""
        return sorted(q.object.value for q in self.raw.quads_for_pattern(_node("key", key), self.p["pname"], None,
                                                                          self.g))

    def _any(self, kind: str, value: str) -> bool:
        return next(iter(self.raw.quads_for_pattern(None, self.p[kind], ox.Literal(value), self.g)), None) is not None

    def meet_any(self, key: str) -> bool:
        return self._any("meet", key)

    def meet(self, keys: Iterable[str]) -> set[str]:
        p, g = self.p["meet"], self.g
        return {q.subject.value for k in keys for q in self.raw.quads_for_pattern(None, p, ox.Literal(k), g)}

    def summary(self, kind: str) -> list[str]:
        """Every date (kind "dates"), extractor version ("versions") or surname of five letters or
        more ("psurs") some record has."""
        return sorted(q.object.value for q in self.raw.quads_for_pattern(ox.NamedNode(SUMMARY), self.p[kind], None,
                                                                          self.g))

    def undated(self) -> Iterator[tuple[str, str]]:
        """(graph, context digest) of every undated article."""
        for q in self.raw.quads_for_pattern(None, self.p["ctx"], None, self.g):
            yield q.subject.value, q.object.value

    def pairs(self, kind: str) -> Iterator[tuple[str, str]]:
        """(graph, value) of every entry of ``kind``, in one scan (the person labels of the set)."""
        for q in self.raw.quads_for_pattern(None, self.p[kind], None, self.g):
            yield q.subject.value, q.object.value

    def at_least(self, n: int) -> bool:
        """Whether the store holds at least ``n`` article records (counts no further)."""
        count = 0
        for _ in self.raw.quads_for_pattern(None, self.p["sha"], None, self.g):
            count += 1
            if count >= n:
                return True
        return count >= n

    def all_graphs(self) -> set[str]:
        return {q.subject.value for q in self.raw.quads_for_pattern(None, self.p["sha"], None, self.g)}


class MemoryIndex(StoreIndex):
    """The same questions over every record read once (a store other than the embedded one)."""

    def __init__(self, store) -> None:
        self.store = store
        self.records = read_records(store)
        self.cache = dict(self.records)
        self.by: dict[tuple[str, str], set[str]] = {}
        self.labels_of: dict[str, set[str]] = {}  # person name -> every label it was written under
        self.keyed: dict[str, set[str]] = {}  # pairing key -> every person name filed under it
        for g, rec in self.records.items():
            self._add(g, entries(rec))

    def rebuild(self) -> None:
        pass

    def begin(self) -> None:
        pass

    def end(self, *, written: Iterable[str] = (), put: set[str] = frozenset()) -> None:
        pass

    def put(self, g: str, rec: ArticleRecord) -> None:
        self.drop(g)
        self.records[g] = self.cache[g] = rec
        self._add(g, entries(rec))

    def drop(self, g: str) -> None:
        rec = self.records.pop(g, None)
        self.cache[g] = None
        if rec is not None:
            for e in entries(rec):
                self.by.get(e, set()).discard(g)

    def _add(self, g: str, found: set[tuple[str, str]]) -> None:
        from ..graph.names import entry_parts, name_keys

        for e in found:
            self.by.setdefault(e, set()).add(g)
            if e[0] == "plabel":
                raw, label = entry_parts(e[1])
                self.labels_of.setdefault(raw, set()).add(label)
                for k in name_keys(raw):
                    self.keyed.setdefault(k, set()).add(raw)

    def person(self, raw: str) -> dict[str, int]:
        from ..graph.names import person_entry

        counts = {label: len(self.by.get(("plabel", person_entry(raw, label)), ()))
                  for label in self.labels_of.get(raw, ())}
        return {label: n for label, n in counts.items() if n}

    def named(self, key: str) -> list[str]:
        return sorted(raw for raw in self.keyed.get(key, ()) if self.person(raw))

    def get(self, g: str) -> ArticleRecord | None:
        return self.records.get(g)

    def has_record(self, g: str) -> bool:
        return g in self.records

    def value(self, g: str, kind: str) -> str | None:
        rec = self.records.get(g)
        return next((v for k, v in sorted(entries(rec)) if k == kind), None) if rec else None

    def values(self, g: str, kind: str) -> list[str]:
        rec = self.records.get(g)
        return sorted(v for k, v in entries(rec) if k == kind) if rec else []

    def graphs(self, kind: str, value: str) -> list[str]:
        return sorted(self.by.get((kind, value), ()))

    def _any(self, kind: str, value: str) -> bool:
        return bool(self.by.get((kind, value)))

    def meet(self, keys: Iterable[str]) -> set[str]:
        return {g for k in keys for g in self.by.get(("meet", k), ())}

    def summary(self, kind: str) -> list[str]:
        return sorted({v for (k, v), gs in self.by.items() if k == kind[:-1] and gs})

    def undated(self) -> Iterator[tuple[str, str]]:
        for (k, v), gs in list(self.by.items()):
            if k == "ctx":
                yield from ((g, v) for g in sorted(gs))

    def pairs(self, kind: str) -> Iterator[tuple[str, str]]:
        for (k, v), gs in list(self.by.items()):
            if k == kind:
                yield from ((g, v) for g in sorted(gs))

    def at_least(self, n: int) -> bool:
        return len(self.records) >= n

    def all_graphs(self) -> set[str]:
        return set(self.records)


def open_index(store) -> StoreIndex:
    """The record indexes of ``store``: kept in it (embedded), or read whole (remote)."""
    return StoreIndex(store) if isinstance(getattr(store, "store", None), ox.Store) else MemoryIndex(store)


class RecordView:
    """``Reconcile.records``: the records by graph IRI, read from the index when asked for and
    indexed when written (``records[g] = record`` after the record is stored)."""

    def __init__(self, index: StoreIndex) -> None:
        self.index = index
        self.put: set[str] = set()

    def get(self, g: str, default=None):
        rec = self.index.get(g)
        return default if rec is None else rec

    def __getitem__(self, g: str) -> ArticleRecord:
        rec = self.index.get(g)
        if rec is None:
            raise KeyError(g)
        return rec

    def __contains__(self, g: str) -> bool:
        return self.index.get(g) is not None

    def __setitem__(self, g: str, rec: ArticleRecord) -> None:
        self.index.put(g, rec)
        self.put.add(g)
