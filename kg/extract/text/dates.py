"""A small rule-based resolver for the date expressions news reports use about meetings.

Explicit dates ("November 30", "on the 2nd of December", "December 1, 2025"), weekdays ("on Sunday",
read with the verb's tense), "yesterday", "today", "tomorrow", "a week ago", "three days ago". Vague
expressions ("last week", "next week", "late November", "over the weekend") resolve to None: a date
is never invented. A date without a year takes the year that puts it nearest the anchor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("vague", re.compile(r"\b(?:late|early|mid|end of|beginning of|the end of)[\s-]+" + _MON, re.I)),
    ("explicit", re.compile(r"\b(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MON + _YEAR + r"\b", re.I)),
    ("explicit", re.compile(r"\b" + _MON + r"\s+" + _DAY + r"\b" + _YEAR, re.I)),
    ("ago", re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                       r"(?P<unit>days?|weeks?)\s+ago\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("vague", re.compile(r"\b(?:last|next|this|the coming|the past)\s+(?:week|month|weekend|year)\b|"
                         r"\b(?:over|at|during)\s+the\s+weekend\b", re.I)),
]


WEEKDAY_GAP = re.compile(r"[\s,]*\(?\s*(?:the\s+)?")
# words that make a date a bound, not the day of the event: "before August 1", "until Friday"
BOUND_WORDS = frozenset("before by until till ahead deadline through".split())


@dataclass(frozen=True)
class DateExpr:
    """A date expression found in text: character offsets, kind and its parsed fields."""

    start: int
    end: int
    kind: str  # explicit, ago, weekday, deictic, vague
    text: str
    fields: tuple[tuple[str, str], ...]

    def get(self, key: str) -> str | None:
        return dict(self.fields).get(key)


def find_dates(text: str, offset: int = 0) -> list[DateExpr]:
    """Every date expression in ``text`` (non-overlapping, earlier patterns win), offsets + ``offset``."""
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "explicit" and not 1 <= int(m.group("day")) <= 31:
                continue
            if kind == "explicit" and m.group("mon").lower() in ("may", "mar") and m.group("mon")[0].islower():
                continue  # the verb "may", the word "mar"
            taken.append((m.start(), m.end()))
            fields = tuple((k, v) for k, v in m.groupdict().items() if v)
            found.append(DateExpr(m.start() + offset, m.end() + offset, kind, m.group(), fields))
    return _weekday_with_date(sorted(found, key=lambda d: d.start), text, offset)


def _weekday_with_date(found: list[DateExpr], text: str, offset: int) -> list[DateExpr]:
    """ "Friday, October 17th", "Tuesday (Jun 10)": a weekday written right before an explicit date is
    one expression, and the explicit date wins (GOLD_FORMAT: when they disagree, the date counts)."""
    out: list[DateExpr] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "weekday" and d.kind == "explicit" and \
                WEEKDAY_GAP.fullmatch(text[prev.end - offset:d.start - offset]):
            out[-1] = DateExpr(prev.start, d.end, "explicit", text[prev.start - offset:d.end - offset], d.fields)
            continue
        out.append(d)
    return out


def _nearest_year(month: int, day: int, anchor: date) -> date | None:
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - anchor).days) < abs((best - anchor).days):
            best = cand
    return best


def resolve(expr: DateExpr, *, published: date | None, context_dates: Sequence[date] = (),
            future: bool = False) -> tuple[date | None, str | None]:
    """Resolve a date expression to (date, basis); basis is explicit, relative or batch.

    expr (DateExpr): the expression.
    published (date | None): the article's publication date, the anchor of relative expressions.
    context_dates (Sequence[date]): publication dates of the other articles of the batch, used to
        choose the year of an explicit date when the article has no date of its own.
    future (bool): the verb is future/scheduled ("will meet"), so weekdays count forward.
    RETURNS (tuple): the date or None, and how it was found.
    """
    if expr.kind == "vague":
        return None, None
    if expr.kind == "explicit":
        mon = expr.get("mon").lower().rstrip(".")
        month, day = MONTHS.get(mon) or MONTHS[mon[:3]], int(expr.get("day"))
        if expr.get("year"):
            try:
                return date(int(expr.get("year")), month, day), "explicit"
            except ValueError:
                return None, None
        if published:
            return _nearest_year(month, day, published), "explicit"
        if context_dates:
            cands = [d for d in (_nearest_year(month, day, c) for c in context_dates) if d]
            best = min(cands, key=lambda d: min(abs((d - c).days) for c in context_dates), default=None)
            return best, "batch"
        return None, None
    if published is None:  # relative expressions need the article's own date
        return None, None
    if expr.kind == "deictic":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[expr.get("word").lower()]
        return published + timedelta(days=shift), "relative"
    if expr.kind == "ago":
        n = expr.get("n").lower()
        count = int(n) if n.isdigit() else NUMBERS[n]
        days = count * (7 if expr.get("unit").lower().startswith("week") else 1)
        return published - timedelta(days=days), "relative"
    if expr.kind == "weekday":
        wd = WEEKDAYS[expr.get("wd").lower()]
        rel = (expr.get("rel") or "").lower()
        if rel == "next" or (future and rel != "last"):
            return published + timedelta(days=(wd - published.weekday()) % 7), "relative"
        return published - timedelta(days=(published.weekday() - wd) % 7), "relative"
    return None, None
