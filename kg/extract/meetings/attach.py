"""Attendees told apart from a meeting's place and date: mentions with neither ("the talks", "the
meeting between A and B") and participants named apart from any mention (:mod:`attendance`) join
one of the article's meetings.

- A bare mention joins the meeting it shares a person and a word with ("the meeting between A and B"
  after "A will meet B in X"), else the current meeting when it names it the same way ("the summit"
  after the summit, not after a dinner the same persons attended), else one it shares a person with,
  else the current meeting when it is definite ("the talks").
- A bare mention naming another session than the meeting it refers to ("sat down for one-on-one
  talks" in an article whose meeting is the multilateral round) is that session: a meeting of its own
  at the same place and day (GOLD_FORMAT: separate same-day sessions stay separate).
- A joiner joins the current meeting at its place (an anchored joiner only where its anchor is); a
  one-to-one session holds its two persons only, so a joiner goes to another meeting that fits.
"""
from __future__ import annotations

from dataclasses import replace

from .roles import give
from .sessions import agree


def current(concrete: list, pos: int):
    """The meeting mentioned last before ``pos`` (else the first one)."""
    def last(c) -> int:
        return max(p for p in (c.pos, *c.seen) if p <= pos)
    before = [c for c in concrete if c.pos <= pos]
    if before:
        return max(before, key=last)
    return min(concrete, key=lambda c: c.pos) if concrete else None


def attach_bare(concrete: list, bare: list) -> None:
    """Give the attendees of mentions without place or date to the meeting they refer to."""
    # "on the eve of the summit": not told as at it; "will meet again": a later meeting, not this one
    for m in (b for b in bare if not b.backdrop and not b.fresh):
        names = m.names()
        shared = [c for c in concrete if names & c.names()]
        cur = current(concrete, m.pos)
        target = next((c for c in shared if c.words & m.words), None) or (
            cur if m.definite and cur is not None and cur.words & m.words else None)
        target = target or next(iter(shared), None)
        if target is None and (m.definite or not names or cur is not None and _other_session(m, cur)):
            target = cur  # "An afternoon session followed with A and B": another session of that day
        if target is not None and _other_session(m, target):  # the session's own meeting, else a new one
            day = target.date
            own = [c for c in concrete if c.session == m.session and day in (None, c.date or day)]  # that day
            target = own[0] if own else _sibling(target, m) if names else target
            if target not in concrete:
                concrete.append(target)
        if target is not None:
            for p in m.attendees:
                give(target.attendees, p.name, p.role, p.evidence)


def _other_session(m, target) -> bool:
    """ "one-on-one talks" named apart from the day's plenary: two sessions, not one meeting (a bare
    mention beside a summit may tell of the summit in the same breath: it stays with it)."""
    return not agree(m.session, target.session) and "summit" not in (m.session, target.session) \
        and not m.background and not m.fresh


def _sibling(target, m):
    """The session ``m`` names, held at the place and on the day of ``target``."""
    return replace(target, start=m.start, end=m.end, pos=m.pos, session=m.session, attendees=[], seen=[],
                   words=set(m.words), one_to_one=m.one_to_one, backdrop=False, background=False)


def attach_joiners(concrete: list, joiners: list) -> None:
    """Give each participant named apart from a mention to the meeting current at its position."""
    for j in joiners:  # an anchored joiner goes where its anchor is ("X brought A with him")
        fit = [c for c in concrete if j.place in (None, c.place) and (j.anchor is None or j.anchor in c.names())]
        fit = [c for c in fit if not c.one_to_one or j.participant.name in c.names()] or fit
        target = current([c for c in fit if not c.background and c.pos <= j.pos], j.pos) or current(fit, j.pos)
        if target is not None and (j.anchor is None or j.anchor in target.names()):
            give(target.attendees, j.participant.name, j.participant.role, j.participant.evidence)
