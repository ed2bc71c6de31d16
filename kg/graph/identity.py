"""One meeting, one node: decide which meeting IRI each reported meeting gets.

Articles report the same encounter with different detail: one gives "Moscow, 2 December",
another "the meeting in Moscow", a third "on December 1, Zelensky met Macron". Place and date
identify a meeting. A report without a date joins the one dated meeting at the same place (when
exactly one is known near the article's date); a report without a place joins a meeting of the
same date (within a day) that shares a participant. Otherwise it gets an IRI of its own, made
from what it does have, so the choice is deterministic for a given store and batch.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rdflib import URIRef

from ..model import ArticleFacts, Meeting
from . import iri

UNDATED_WINDOW_BEFORE = 45  # days: an undated report refers back at most this far...
UNDATED_WINDOW_AFTER = 21  # ...or ahead (a scheduled meeting)


@dataclass
class KnownMeeting:
    node: URIRef
    place: str | None
    when: date | None
    attendees: set[str] = field(default_factory=set)


def _surnames(names) -> set[str]:
    return {n.split()[-1].lower() for n in names if n}


def _place_key(place: str | None) -> str | None:
    return iri.slug(place) if place else None


class MeetingRegistry:
    """The meetings known so far: those in the store plus those of the batch being built."""

    def __init__(self, known: list[KnownMeeting] | None = None) -> None:
        self.known: list[KnownMeeting] = list(known or [])

    def add_dated(self, batch: list[ArticleFacts]) -> None:
        """Register every meeting of the batch that has a date, before resolving the rest."""
        for facts in batch:
            for m in facts.meetings:
                if m.date:
                    self._remember(self._own_iri(m), m)

    def _own_iri(self, m: Meeting) -> URIRef:
        return iri.meeting_iri(m.place, m.date, [p.name for p in m.participants])

    def _remember(self, node: URIRef, m: Meeting) -> None:
        for k in self.known:
            if k.node == node:
                k.attendees |= {p.name for p in m.participants}
                return
        self.known.append(KnownMeeting(node, m.place, m.date, {p.name for p in m.participants}))

    def resolve(self, m: Meeting, published: date | None) -> URIRef:
        """The IRI for meeting ``m`` reported by an article published on ``published``."""
        node = self._own_iri(m)
        if m.place and not m.date:
            node = self._undated(m, published) or node
        elif m.date and not m.place:
            node = self._placeless(m) or node
        self._remember(node, m)
        return node

    def _undated(self, m: Meeting, published: date | None) -> URIRef | None:
        key = _place_key(m.place)
        found = {k.node: k for k in self.known if k.when and _place_key(k.place) == key}
        people = _surnames(p.name for p in m.participants)
        if published:
            found = {n: k for n, k in found.items()
                     if -UNDATED_WINDOW_AFTER <= (published - k.when).days <= UNDATED_WINDOW_BEFORE}
            if people:
                found = {n: k for n, k in found.items() if not k.attendees or people & _surnames(k.attendees)}
        elif people:
            # no date to compare: only who met can tell one Washington meeting from another, so
            # ask for two shared participants (one when only one is named)
            need = min(2, len(people))
            found = {n: k for n, k in found.items() if len(people & _surnames(k.attendees)) >= need}
        return next(iter(found)) if len(found) == 1 else None

    def _placeless(self, m: Meeting) -> URIRef | None:
        people = _surnames(p.name for p in m.participants)
        for k in sorted(self.known, key=lambda k: k.place is None):  # placed meetings first
            if k.when and abs((k.when - m.date).days) <= 1 and people & _surnames(k.attendees):
                return k.node
        return None


def resolve_meetings(batch: list[ArticleFacts], known: list[KnownMeeting] | None = None) -> list[list[URIRef]]:
    """Meeting IRIs for each article of ``batch`` (same order as ``facts.meetings``)."""
    registry = MeetingRegistry(known)
    registry.add_dated(batch)
    return [[registry.resolve(m, facts.article.published) for m in facts.meetings] for facts in batch]
