"""One meeting, one node: decide which meeting IRI each reported meeting gets.

Articles report the same encounter with different detail: one gives "Moscow, 2 December",
another "the meeting in the Kremlin", a third "on December 1, Zelensky met Macron". Reports are
grouped into meetings by these rules:

- Two reports of one article are never one meeting (extraction already joined what it could: what
  it kept apart are two sessions, a bilateral and a signing). Two meetings already in the store are
  never joined either.
- Places agree when one lies within the other ("White House, Washington" and "Washington"; "Riyadh"
  and "Saudi Arabia"); sharing a city is never enough by itself.
- Dated reports: dates within a day and places agreeing (reports often name different sides of one
  table, so disjoint participant lists do not part them); a report without a place needs a shared
  participant.
- A report without a date joins a meeting at an agreeing place only when its article was published
  near the meeting's date (UNDATED_WINDOW_* days; NO_NAME_WINDOW when either side names no
  participant), and the two share a participant where both name some; without a publication date
  it needs two shared participants (one if it names only one); naming none, it stays apart (nothing
  but the city would join it). With two candidates it stays apart.
- An article without a publication date is placed in time by the latest date of the meetings it
  reports (it was written after them, or about a plan): "talks in Florida over the weekend" in an
  undated article that also dates the Moscow meeting of Tuesday.

The result is a pure function of the set of reports and known meetings: reports are taken in a
canonical order (not the batch's), and a group's IRI is made from its first report in that order
(or is the stored meeting's IRI); two groups that would get one IRI are told apart by a suffix.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from datetime import date

from rdflib import URIRef

from ..model import ArticleFacts, Meeting
from . import iri

UNDATED_WINDOW_BEFORE = 45  # days: an undated report refers back at most this far...
UNDATED_WINDOW_AFTER = 21  # ...or ahead (a scheduled meeting)
NO_NAME_WINDOW = 10  # days, when either side names no participant: only place and time can tell


@dataclass
class KnownMeeting:
    node: URIRef
    place: str | None
    when: date | None
    attendees: set[str] = field(default_factory=set)


@dataclass
class _Report:
    key: tuple
    doc: str
    place: str | None
    when: date | None
    published: date | None
    people: set[str]
    meeting: Meeting | None = None


@dataclass
class _Group:
    reports: list[_Report]
    node: URIRef | None = None  # a stored meeting's IRI
    place: str | None = None
    when: date | None = None
    people: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    n: int = -1  # its place in the canonical order of groups
    days: list[int] = field(default_factory=list)  # its reports' publication dates (ordinals), sorted

    def add(self, r: _Report) -> None:
        self.reports.append(r)
        self.place = _inner(self.place, r.place) if self.place and r.place else self.place or r.place
        self.when = self.when or r.when
        self.people |= r.people
        self.docs.add(r.doc)
        if r.published:
            insort(self.days, r.published.toordinal())

    def near(self, day: int, before: int, after: int) -> bool | None:
        """Whether the meeting's date (else a report's publication date) lies within ``before`` days
        before ``day`` to ``after`` days after it; None when the group has no date at all."""
        if self.when is not None:
            return -after <= day - self.when.toordinal() <= before
        if not self.days:
            return None
        i = bisect_left(self.days, day - before)
        return i < len(self.days) and self.days[i] <= day + after


_CLOSURES: dict[str, tuple[str, frozenset[str], int]] = {}
_CLOSURES_OF: list = [None]  # the gazetteer the cache was filled from


def _closure(place: str) -> tuple[str, frozenset[str], int]:
    """A place's bare name and the names of every place containing it (and itself), as gazetteer keys,
    with the length of that chain; cached per place (imported late: kg.graph does not need the
    language pipeline loaded until it compares places)."""
    if not _LATE:  # imported once, not on each of the many calls
        from ..extract.meetings.where import chain
        from ..extract.text.gazetteer import load_gazetteer, norm

        _LATE.extend([chain, load_gazetteer, norm])
    chain, load_gazetteer, norm = _LATE
    g = load_gazetteer()
    if _CLOSURES_OF[0] is not g:
        _CLOSURES.clear()
        _CLOSURES_OF[0] = g
    hit = _CLOSURES.get(place)
    if hit is None:
        names = chain(place, g)
        hit = _CLOSURES[place] = (norm(place.split(", ")[0]), frozenset(norm(x) for x in names), len(names))
    return hit


_LATE: list = []


def _agree(a: str, b: str) -> bool:
    """One place lies within the other (``kg.extract.meetings.where.compatible``, from cached chains)."""
    if a == b:
        return True
    ha, ca, _ = _closure(a)
    hb, cb, _ = _closure(b)
    return ha in cb or hb in ca


def _inner(a: str, b: str) -> str:
    """The more specific of two agreeing places (``kg.extract.meetings.where.inner``)."""
    return a if _closure(a)[2] >= _closure(b)[2] else b


def _surnames(names) -> set[str]:
    return {n.split()[-1].lower() for n in names if n}


def _report(doc: str, i: int, m: Meeting, published: date | None) -> _Report:
    names = sorted(p.name for p in m.participants)
    key = (m.date is None, m.date or date.max, m.place is None, m.place or "", names, doc, i)
    return _Report(key, doc, m.place, m.date, published, _surnames(names), m)


def _dated_fits(r: _Report, grp: _Group) -> int | None:
    """How well a dated report fits a group (shared participants), None if it cannot join."""
    if grp.when is None or abs((grp.when - r.when).days) > 1:
        return None
    if r.place and grp.place and not _agree(r.place, grp.place):
        return None
    shared = len(r.people & grp.people)
    if not (r.place and grp.place) and not shared:
        return None  # a placeless report needs a shared participant
    return shared  # one place, one day: reports name different sides of the table


def _undated_fits(r: _Report, grp: _Group) -> int | None:
    if not (r.place and grp.place) or not _agree(r.place, grp.place):
        return None
    shared = len(r.people & grp.people)
    if r.people and grp.people and not shared:
        return None
    if r.published is None or (grp.when is None and not grp.days):
        if not r.people:  # no time and no name to tell by: sharing a city is not enough
            return None
        return shared if shared >= min(2, len(r.people)) else None
    after, before = (UNDATED_WINDOW_AFTER, UNDATED_WINDOW_BEFORE) if shared else (NO_NAME_WINDOW, NO_NAME_WINDOW)
    if not grp.near(r.published.toordinal(), before, after):
        return None
    return shared


def _best(r: _Report, groups: list[_Group]) -> _Group | None:
    """The one group ``r`` joins: the best fit; a tie between groups of different dates is ambiguous.

    groups: the candidates, in canonical order."""
    fits = []
    for grp in groups:
        if r.doc in grp.docs:
            continue
        score = _dated_fits(r, grp) if r.when else _undated_fits(r, grp)
        if score is not None:
            fits.append((score, grp))
    if not fits:
        return None
    top = max(s for s, _ in fits)
    best = [grp for s, grp in fits if s == top]
    if not r.when and len(best) > 1:
        return None  # "the meeting in Moscow" could be either
    if r.when:  # the nearest date, then the first group in canonical order
        best.sort(key=lambda grp: abs((grp.when - r.when).days) if grp.when else 99)
    return best[0]


_ALL, _NONE = "all", "none"  # index slots: every group at a place; groups with no date to anchor a window


class _PlaceIndex:
    """The groups an undated report could join, found without looking at the others.

    An undated report joins only a group whose place agrees with its own (one within the other:
    the report's place is in the group's chain, or the group's place is in the report's chain) and,
    when both have dates, whose anchor dates (the meeting's date, else its reports' publication
    dates) fall within ``-UNDATED_WINDOW_BEFORE .. +UNDATED_WINDOW_AFTER`` days of the report's
    publication. So each group is filed under every name of its place's chain ("under") and its
    own name ("exact"), for every week of its anchors; a lookup reads the few weeks of the window.
    Entries are only ever added (a group's place narrows, its anchors grow): a stale entry offers a
    candidate that ``_undated_fits`` then refuses, and no fitting group is ever left out.
    """

    def __init__(self) -> None:
        self.under: dict[tuple[str, object], set[int]] = {}
        self.exact: dict[tuple[str, object], set[int]] = {}
        self.filed: dict[int, tuple[str | None, set[object]]] = {}  # group -> (place filed, slots)

    def file(self, n: int, grp: _Group, published: date | None = None) -> None:
        """File group ``n`` after it started or took a report published on ``published``."""
        if grp.place is None:
            return
        place, slots = self.filed.get(n, (None, set()))
        new = set()
        if not slots:
            new = {_ALL, _NONE} if grp.when is None and not published else {_ALL}
            if grp.when is not None:
                new.add(grp.when.toordinal() // 7)
        if grp.when is None and published:
            new.add(published.toordinal() // 7)
        new -= slots
        if place != grp.place:  # a new (narrower) place: file it under every slot
            new |= slots
        head, names, _ = _closure(grp.place)
        for slot in new:
            for name in names:
                self.under.setdefault((name, slot), set()).add(n)
            self.exact.setdefault((head, slot), set()).add(n)
        self.filed[n] = (grp.place, slots | new)

    def candidates(self, r: _Report) -> list[int]:
        """Groups (by index, in canonical order) that an undated report might join."""
        if r.place is None:
            return []
        if r.published is None:
            slots: list[object] = [_ALL]
        else:
            day = r.published.toordinal()
            slots = [_NONE, *range((day - UNDATED_WINDOW_BEFORE) // 7, (day + UNDATED_WINDOW_AFTER) // 7 + 1)]
        head, names, _ = _closure(r.place)
        found: set[int] = set()
        for slot in slots:
            found |= self.under.get((head, slot), set())
            for name in names:
                found |= self.exact.get((name, slot), set())
        return sorted(found)


def _group(reports: list[_Report], known: list[KnownMeeting]) -> list[_Group]:
    """Reports in canonical order, each joining its best group or starting one.

    A dated report can only join a group dated within a day (``_dated_fits``), and a group's date is
    fixed when it starts (dated reports come first and never join an undated group), so dated reports
    look only at the groups of three days (an index by day). An undated report looks only at the
    groups at an agreeing place within its date window (``_PlaceIndex``). Both are near-linear in
    the number of meetings; the decisions are those of comparing every pair.
    """
    groups: list[_Group] = []
    by_day: dict[int, list[int]] = {}
    places = _PlaceIndex()

    def start(grp: _Group, published: date | None = None) -> None:
        if grp.when is not None:
            by_day.setdefault(grp.when.toordinal(), []).append(len(groups))
        grp.n = len(groups)
        places.file(grp.n, grp, published)
        groups.append(grp)

    for k in sorted(known, key=lambda k: str(k.node)):
        start(_Group([], node=k.node, place=k.place, when=k.when, people=_surnames(k.attendees),
                     docs={f"store:{k.node}"}))
    for r in sorted(reports, key=lambda r: r.key):
        if r.when is not None:
            day = r.when.toordinal()
            near = sorted(i for d in (day - 1, day, day + 1) for i in by_day.get(d, ()))
        else:
            near = places.candidates(r)
        grp = _best(r, [groups[i] for i in near])
        if grp is None:
            grp = _Group([])
            grp.add(r)
            start(grp, r.published)
        else:
            grp.add(r)
            places.file(grp.n, grp, r.published)
    return groups


def _name(groups: list[_Group]) -> dict[int, URIRef]:
    """IRI per group: the stored one, else from its first report; clashes get a suffix."""
    taken = {grp.node for grp in groups if grp.node is not None}
    out: dict[int, URIRef] = {}
    for n, grp in enumerate(groups):
        if grp.node is not None:
            out[n] = grp.node
            continue
        first = grp.reports[0].meeting
        base = iri.meeting_iri(first.place, first.date, [p.name for p in first.participants])
        node, k = base, 1
        while node in taken:
            k += 1
            node = URIRef(f"{base}-{k}")
        taken.add(node)
        out[n] = node
    return out


def resolve_meetings(batch: list[ArticleFacts], known: list[KnownMeeting] | None = None) -> list[list[URIRef]]:
    """Meeting IRIs for each article of ``batch`` (same order as ``facts.meetings``).

    batch (list[ArticleFacts]): the articles being built (their order does not matter).
    known (list[KnownMeeting] | None): meetings already in the store; reports join them by the same rules.
    RETURNS (list[list[URIRef]]): per article, one IRI per meeting.
    """
    reports: list[list[_Report]] = []
    for facts in batch:
        doc = facts.article.sha256 or facts.article.stem
        published = facts.article.published or max((m.date for m in facts.meetings if m.date), default=None)
        reports.append([_report(doc, i, m, published) for i, m in enumerate(facts.meetings)])
    groups = _group([r for rs in reports for r in rs], list(known or []))
    names = _name(groups)
    where = {id(r): names[n] for n, grp in enumerate(groups) for r in grp.reports}
    return [[where[id(r)] for r in rs] for rs in reports]


class MeetingRegistry:
    """The meetings known so far (from the store): resolve one more report against them."""

    def __init__(self, known: list[KnownMeeting] | None = None) -> None:
        self.known: list[KnownMeeting] = list(known or [])

    def resolve(self, m: Meeting, published: date | None) -> URIRef:
        """The IRI for meeting ``m`` reported by an article published on ``published``."""
        r = _report("registry", 0, m, published)
        groups = _group([r], self.known)
        names = _name(groups)
        return next(names[n] for n, grp in enumerate(groups) if r in grp.reports)
