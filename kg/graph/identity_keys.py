"""Which stored reports can change the meeting identity of a report: keys for an index.

Meeting identity (``identity.py``) is a greedy pass over every report in one canonical order, so a
report's IRI depends on the reports it can be grouped with, and on theirs, transitively. Two
reports *interact* when one could ever join a group the other belongs to, or their groups could
compete for one IRI. This module over-approximates that relation by keys: each report files
itself under ``filed`` keys and looks for partners under ``read`` keys; reports ``a`` and ``b``
may interact only if ``read(a)`` meets ``filed(b)`` (and then also ``read(b)`` meets
``filed(a)``, give or take a week bucket). A build follows these keys from the reports that
changed, through the index kept in the store, until no new report turns up; identity decided
over that closed set gives every report in it the IRI a batch build over the whole store gives
(``kg/reconcile_scope.py``). Why the relation below is enough, from the rules in ``identity.py``:

- Dated reports are taken before undated ones and never join an undated group, and a group's date
  is that of its first report; so while dated reports are grouped, every member of a group is
  dated within a day of that date, and a dated report joining it is within two days of every
  member. It joins because its place agrees with the group's place (a member's place), or, where
  one side has no place, because it shares a surname with a member: keys "d" (place, day) and
  "s"/"sp" (surname, day; "sp" only for reports without a place).
- An undated report joins a group whose place (a member's) agrees with its own. That member is
  dated within two days of the group's date, which lies -45..+21 days from the report's
  publication (keys "w" / "uw": place and week, both ways), or has no bound when the report has
  no publication date ("a" / "un"); or the member is itself undated ("u": place, any time).
- Places agree when one's bare name is in the other's containment chain: a report files its
  chain's names ("C") and its bare name ("H") and reads the other way round.
- Groups whose first reports make the same base IRI are told apart by a suffix in canonical
  order, and a base may equal another plus "-2": key "i".
"""
from __future__ import annotations

import re
from datetime import date

from ..model import Meeting
from . import iri
from .identity import UNDATED_WINDOW_AFTER, UNDATED_WINDOW_BEFORE, _closure, _surnames

# days a dated meeting of a group may be from an undated report's publication, plus the day a
# member may be from the group's date
_BEFORE, _AFTER = UNDATED_WINDOW_BEFORE + 1, UNDATED_WINDOW_AFTER + 1
_SUFFIX = re.compile(r"-[0-9]+$")
SEP = "\x1f"


def _k(*parts) -> str:
    return SEP.join(str(p) for p in parts)


def _weeks(first: int, last: int) -> range:
    return range(first // 7, last // 7 + 1)


def _naming(m: Meeting) -> list[str]:
    base = str(iri.meeting_iri(m.place, m.date, [p.name for p in m.participants]))
    out = [_k("i", base)]
    if _SUFFIX.search(base):
        out.append(_k("i", _SUFFIX.sub("", base)))
    return out


def filed_keys(m: Meeting, published: date | None) -> set[str]:
    """The keys a report (meeting ``m`` of an article published on ``published``) is filed under."""
    out = set(_naming(m))
    people = _surnames(p.name for p in m.participants)
    if m.date is not None:
        d = m.date.toordinal()
        out |= {_k("s", s, d) for s in people}
        if m.place is None:
            out |= {_k("sp", s, d) for s in people} | {_k("spany", s) for s in people}
            return out
        head, names, _ = _closure(m.place)
        for side, name in [("H", head)] + [("C", n) for n in names]:
            out |= {_k("d", side, name, d), _k("w", side, name, d // 7), _k("a", side, name)}
        return out
    if m.place is None:
        return out
    head, names, _ = _closure(m.place)
    for side, name in [("H", head)] + [("C", n) for n in names]:
        out.add(_k("u", side, name))
        if published is None:
            out.add(_k("un", side, name))
        else:
            out |= {_k("uw", side, name, published.toordinal() // 7), _k("uany", side, name)}
    return out


def read_keys(m: Meeting, published: date | None) -> list[tuple[str | None, list[str]]]:
    """Where a report's partners are filed, as (gate, keys): when a gate is given, the keys are
    worth looking up only if something is filed under the gate (a cheap test before many keys)."""
    out: list[tuple[str | None, list[str]]] = [(None, _naming(m))]
    people = sorted(_surnames(p.name for p in m.participants))
    if m.date is not None:
        d = m.date.toordinal()
        days = range(d - 2, d + 3)
        if m.place is None:
            out.append((None, [_k("s", s, x) for s in people for x in days]))
            return out
        for s in people:
            out.append((_k("spany", s), [_k("sp", s, x) for x in days]))
        head, names, _ = _closure(m.place)
        pairs = [("H", n) for n in sorted(names)] + [("C", head)]
        out.append((None, [_k("d", side, name, x) for side, name in pairs for x in days]))
        out.append((None, [_k("un", side, name) for side, name in pairs]))
        for side, name in pairs:
            out.append((_k("uany", side, name), [_k("uw", side, name, w) for w in _weeks(d - _AFTER, d + _BEFORE)]))
        return out
    if m.place is None:
        return out
    head, names, _ = _closure(m.place)
    pairs = [("H", n) for n in sorted(names)] + [("C", head)]
    out.append((None, [_k("u", side, name) for side, name in pairs]))
    if published is None:
        out.append((None, [_k("a", side, name) for side, name in pairs]))
    else:
        p = published.toordinal()
        out.append((None, [_k("w", side, name, w) for side, name in pairs for w in _weeks(p - _BEFORE, p + _AFTER)]))
    return out
