"""One meeting told in halves: a sentence gives its place ("their bilateral meeting in Tianjin"),
another its day ("the pair were to hold bilateral talks on Monday"). Two such mentions of one
article are one meeting when nothing else could be either half and the mentions say they are the
same: the same named session, the same two or more attendees, or both name the summit on whose
margins another meeting took place. A definite mention of a day with no place is the placed
meeting of that day when there is one."""
from __future__ import annotations

from datetime import timedelta
from typing import Callable, Sequence

from ...model import Participant


def _agree(a, b) -> bool:
    if a.backdrop and b.backdrop:  # "on the margins of the summit" twice: the article's one summit
        return True
    if a.session is not None and a.session == b.session:
        return True
    return len(a.names() & b.names()) >= 2


def join_halves(concrete: list, related: Callable, merge: Callable) -> list:
    """``concrete`` with each placed-but-undated mention merged into the only dated-but-unplaced
    one it agrees with (and which agrees with no other placed one).

    concrete (list[Mention]): the article's mentions with a place or a date, one per meeting.
    related (callable): whether two mentions can be one meeting (place, date, session).
    merge (callable): merge the second mention into the first.
    RETURNS (list[Mention]): the mentions left.
    """
    placed = [c for c in concrete if c.place and not c.date and not c.fresh and not c.background]
    dated = [c for c in concrete if c.date and not c.place and not c.fresh and not c.background]
    gone: set[int] = set()
    for p in placed:
        fits: Sequence = [d for d in dated if id(d) not in gone and related(p, d) and _agree(p, d)]
        if len(fits) != 1:
            continue
        d = fits[0]
        if sum(1 for q in placed if related(q, d) and _agree(q, d)) != 1:
            continue
        merge(d, p)
        if p.status == "Held" and d.status == "Scheduled":
            d.status = "Held"  # a report that it took place outweighs the plan told before it
        d.start, d.seen = min(d.start, p.start), [*d.seen, p.pos]
        gone.add(id(p))
    return [c for c in concrete if id(c) not in gone]


def join_same_day(concrete: list, related: Callable, merge: Callable) -> list:
    """``concrete`` with each definite dated-but-unplaced mention ("On Sunday the negotiations went
    into their second day") merged into the one placed meeting of that day it can be."""
    gone: set[int] = set()
    for d in concrete:
        if d.place or not d.date or not d.definite or d.fresh or d.background or d.backdrop:
            continue
        fits = [c for c in concrete if c is not d and id(c) not in gone and c.place and c.date == d.date
                and related(c, d)]
        if len(fits) == 1:
            merge(fits[0], d)
            fits[0].seen.append(d.pos)
            gone.add(id(d))
    return [c for c in concrete if id(c) not in gone]


def signers_at_summit(concrete: list, same_place: Callable) -> None:
    """A signing held at the summit's place on its day is a meeting of its own, and its signers
    attended the summit too ("at the summit in X, A and B signed the declaration"); an undated
    signing takes the summit's day.

    same_place (callable): whether two mentions' places agree.
    """
    summits = [c for c in concrete if c.session == "summit" and not c.fresh and not c.background]
    for s in (c for c in concrete if c.session == "signing"):
        fits = [u for u in summits if same_place(u, s) and (s.date is None or u.date is None or u.date == s.date)]
        if len(fits) != 1:
            continue
        u = fits[0]
        for p in s.attendees:
            if p.name not in u.names():
                u.attendees.append(Participant(p.name, None, p.evidence))
        if s.date is None and u.date is not None:
            s.date, s.basis = u.date, u.basis


def date_next_days(mentions: list) -> None:
    """ "Talks opened in Istanbul on Monday ... They resumed the next day with C": the follow-up session
    is the day after the last dated meeting told before it, at its place (GOLD_FORMAT: a session that
    "resumed the next day" keeps the attendees it is reported with)."""
    last = None
    for m in mentions:
        if m.next_day and m.date is None and last is not None:
            m.date, m.basis = last.date + timedelta(days=1), "relative"
            m.place = m.place or last.place
            m.fresh = True  # another session than the one before
        elif m.date is not None and not m.background and not m.fresh:
            last = m
