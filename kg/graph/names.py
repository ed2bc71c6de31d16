"""One label per person across the articles of a store.

Each article names its persons as well as its own text allows: one gives "Badr bin Hamad Al Busaidi",
another "Badr Albusaidi"; one "Rustem Umerov", a bulletin only "Umerov". Each label mints its own
IRI, so the graph would hold one real person twice. :func:`person_labels` maps every variant to one
label, decided over the set of all articles' person names only:

* two full names are one person when their surnames agree (the same word after particles such as
  "Al" are joined to it and "Jr." dropped, or a close spelling: Skibitskyi / Skybytskyi) and so do
  their given names (equal, one the start of the other, or a close spelling: Serhiy / Sergiy);
* a surname alone is the one full name of the set with that surname, and stays as it is when
  two different persons share it;
* the label of a group is a verified label when one member is verified, else the spelling most
  articles use, then the longest, then the first in alphabetical order.

Pure functions of the set of names and their article counts: the same articles give the same
labels in whatever order they were added (the graph of an incremental build equals a batch build).
:func:`rename_persons` applies a mapping to one article's facts (a copy to write, never the facts
kept in the store, so a later set can decide again).
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from copy import deepcopy

import numpy
from rapidfuzz import fuzz, process

from ..model import ArticleFacts, Meeting

PARTICLES = frozenset("al el bin ibn bint von van der de da du di".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z ]+", " ", text.replace("'", "").replace("’", "")).split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words


def _surname(words: list[str]) -> str:
    """ "al busaidi" and "albusaidi" are one surname: a particle before the last word joins it."""
    if len(words) >= 3 and words[-2] in ("al", "el"):
        return words[-2] + words[-1]
    return words[-1] if words else ""


def _fold(word: str) -> str:
    """A transliteration key: "yury" / "yuri", "sergey" / "sergei", "dmitriy" / "dmitri"."""
    word = word.replace("iy", "i").replace("y", "i").replace("kh", "h")
    return re.sub(r"(.)\1", r"\1", word)


def _same_surname(a: str, b: str) -> bool:
    return a == b or _fold(a) == _fold(b) or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 80)


def _same_given(a: str, b: str) -> bool:
    """ "Serhiy" / "Sergiy", "Yury" / "Yuri", "Kh" / "Khawaja"; not "Ali" / "Alice", "Mark" / "Mary"."""
    if a == b or _fold(a) == _fold(b) or (len(min(a, b, key=len)) <= 2 and (a.startswith(b) or b.startswith(a))):
        return True
    return a[:1] == b[:1] and min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 80


def _rank(name: str, counts: Mapping[str, int], verified: set[str]) -> tuple:
    return (name not in verified, -counts.get(name, 0), -len(name), name)


def person_labels(counts: Mapping[str, int], verified: Iterable[str] = ()) -> dict[str, str]:
    """Variant -> label for the person names of a set of articles.

    counts: each person label of the set -> number of articles that use it.
    verified: labels known to be canonical (the gazetteer's and the linker cache's persons).
    RETURNS: only the names that change.
    """
    verified = set(verified)
    names = sorted(counts)
    full = [n for n in names if len(_words(n)) >= 2]
    # union-find over full names, in sorted order (the result does not depend on input order)
    parent = {n: n for n in full}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    keyed = [(n, _words(n)) for n in full]
    by_initial: dict[str, list[tuple[str, list[str]]]] = {}
    for n, w in keyed:  # a given name only matches one with its initial: compare within those
        by_initial.setdefault(w[0][0], []).append((n, w))
    for bucket in by_initial.values():
        surnames = [_surname(w) for _, w in bucket]
        for i, j in _surname_pairs(surnames, surnames):
            (a, wa), (b, wb) = bucket[i], bucket[j]
            if i >= j or not _same_given(wa[0], wb[0]):
                continue
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for n in full:
        groups.setdefault(root(n), []).append(n)
    out: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for members in groups.values():
        label = min(members, key=lambda n: _rank(n, counts, verified))
        for n in members:
            label_of[n] = label
            if n != label:
                out[n] = label
    alone = [n for n in names if len(_words(n)) == 1 and n not in verified]
    found: dict[int, set[str]] = {}
    for i, j in _surname_pairs([_words(n)[0] for n in alone], [_surname(w) for _, w in keyed]):
        found.setdefault(i, set()).add(label_of[keyed[j][0]])
    last_word: dict[str, set[str]] = {}
    for f, wf in keyed:
        last_word.setdefault(wf[-1], set()).add(label_of[f])
    for i, n in enumerate(alone):  # a surname alone: the one person of the set with that surname
        labels = found.get(i, set()) | last_word.get(_words(n)[0], set())
        if len(labels) == 1:
            out[n] = labels.pop()
    return out


FUZZY_ROWS = 1024  # surnames compared at once with the rest (bounds the score matrix)


def _surname_pairs(left: list[str], right: list[str]) -> set[tuple[int, int]]:
    """Every (i, j) with ``_same_surname(left[i], right[j])``: equal and folded spellings through a
    dictionary, close spellings through rapidfuzz's matrix (C++, not a pair loop in Python)."""
    out: set[tuple[int, int]] = set()
    by_key: dict[str, list[int]] = {}
    for j, s in enumerate(right):
        by_key.setdefault(s, []).append(j)
        by_key.setdefault("\0" + _fold(s), []).append(j)
    for i, s in enumerate(left):
        out.update((i, j) for j in by_key.get(s, []) + by_key.get("\0" + _fold(s), []))
    rows = [i for i, s in enumerate(left) if len(s) >= 5]
    cols = [j for j, s in enumerate(right) if len(s) >= 5]
    for k in range(0, len(rows) if cols else 0, FUZZY_ROWS):
        part = rows[k:k + FUZZY_ROWS]
        scores = process.cdist([left[i] for i in part], [right[j] for j in cols], scorer=fuzz.ratio,
                               score_cutoff=80, dtype=numpy.uint8)
        # a uint8 score is rounded: the few candidates are checked again exactly
        out.update((part[a], cols[b]) for a, b in zip(*numpy.nonzero(scores))
                   if fuzz.ratio(left[part[a]], right[cols[b]]) >= 80)
    return out


def person_counts(facts: Iterable[ArticleFacts]) -> Counter:
    """Person label -> number of articles naming it, over ``facts``."""
    counts: Counter = Counter()
    for f in facts:
        counts.update({a.name for a in f.actors if a.kind == "Person"})
    return counts


def rename_persons(facts: ArticleFacts, mapping: Mapping[str, str]) -> bool:
    """Apply ``mapping`` (from :func:`person_labels`) to one article's facts in place: its person
    actors (two that become one are merged), and every place that names them (participants,
    speakers, proposers, affiliations, links). RETURNS whether anything changed."""
    if not any(a.kind == "Person" and a.name in mapping for a in facts.actors):
        return False

    def new(name):
        return mapping.get(name, name) if name is not None else None

    persons = {a.name for a in facts.actors if a.kind == "Person"}
    actors = []
    by_name = {}
    for a in facts.actors:
        if a.kind == "Person" and a.name in mapping:
            a.aliases.add(a.name)
            a.name = mapping[a.name]
        same = by_name.get((a.name, a.kind))
        if same is None:
            by_name[(a.name, a.kind)] = a
            actors.append(a)
        else:  # two spellings of one person in this article
            same.mentions += [m for m in a.mentions if m not in same.mentions]
            same.aliases |= a.aliases
            same.titles |= a.titles
            same.affiliation = same.affiliation or a.affiliation
            same.wikidata = same.wikidata or a.wikidata
    facts.actors = actors
    for a in facts.actors:
        if a.affiliation in persons:
            a.affiliation = new(a.affiliation)
    for m in facts.meetings:
        seen, kept = set(), []
        for p in m.participants:
            if p.name in persons:
                p.name = new(p.name)
            if p.name not in seen:
                seen.add(p.name)
                kept.append(p)
        m.participants = kept
    for c in facts.claims:
        if c.speaker in persons:
            c.speaker = new(c.speaker)
    for p in facts.proposals:
        if p.proposer in persons:
            p.proposer = new(p.proposer)
    seen_links, links = set(), []
    for link in facts.links:
        if link.kind == "Person" and link.name in persons:
            link.name = new(link.name)
        if (link.name, link.kind) not in seen_links:
            seen_links.add((link.name, link.kind))
            links.append(link)
    facts.links = links
    return True


def renamed_meetings(meetings: list[Meeting], mapping: Mapping[str, str]) -> list[Meeting]:
    """Copies of ``meetings`` with their participants under ``mapping``'s labels (two that become
    one kept once): what meeting identity is decided on. The meetings given stay as they are."""
    out = []
    for m in meetings:
        seen, kept = set(), []
        for p in m.participants:
            name = mapping.get(p.name, p.name)
            if name not in seen:
                seen.add(name)
                kept.append(dataclasses.replace(p, name=name))
        out.append(dataclasses.replace(m, participants=kept))
    return out


def relabelled(facts: ArticleFacts, mapping: Mapping[str, str]) -> ArticleFacts:
    """``facts`` under ``mapping``'s labels: a copy when a label changes, else ``facts`` itself."""
    if not any(a.kind == "Person" and a.name in mapping for a in facts.actors):
        return facts
    copy = deepcopy(facts)
    rename_persons(copy, mapping)
    return copy


def name_keys(name: str) -> set[str]:
    """The keys a person name is filed under in the store index: its folded surname and its last
    word. Two names :func:`person_labels` can pair share a key of :func:`near_keys` (what lets a
    build re-decide only the names a change reaches, ``kg/reconcile_names.py``)."""
    words = _words(name)
    return {"f|" + _fold(_surname(words)), "w|" + words[-1]} if words else set()


def close_surname(name: str) -> str | None:
    """The surname a close spelling of which pairs (five letters or more), filed set-wide."""
    words = _words(name)
    s = _surname(words) if words else ""
    return s if len(s) >= 5 else None


def near_keys(name: str, surnames: Iterable[str] = ()) -> set[str]:
    """The keys under which every name :func:`person_labels` can pair with ``name`` is filed, given
    the set's surnames of :func:`close_surname` (those of a close spelling are found among them)."""
    keys = name_keys(name)
    s = close_surname(name)
    if s is not None:
        found = process.extract(s, surnames, scorer=fuzz.ratio, score_cutoff=80, limit=None)
        keys |= {"f|" + _fold(t) for t, _, _ in found if fuzz.ratio(s, t) >= 80}
    return keys


def full_name(name: str) -> bool:
    return len(_words(name)) >= 2


def pair(a: str, b: str) -> bool:
    """Whether :func:`person_labels` joins full names ``a`` and ``b`` into one group directly."""
    wa, wb = _words(a), _words(b)
    return (wa[0][0] == wb[0][0] and _same_surname(_surname(wa), _surname(wb))
            and _same_given(wa[0], wb[0]))


def surname_of(alone: str, full: str) -> bool:
    """Whether the surname ``alone`` can stand for the full name ``full``."""
    word, wf = _words(alone)[0], _words(full)
    return _same_surname(word, _surname(wf)) or word == wf[-1]


SEP = "\x1f"


def person_entry(raw: str, label: str) -> str:
    """An index value: a person label as extracted and the label its article graph was written under."""
    return f"{raw}{SEP}{label}"


def entry_parts(entry: str) -> tuple[str, str]:
    """The (as extracted, as written) labels of a :func:`person_entry`."""
    raw, label = entry.split(SEP, 1)
    return raw, label
