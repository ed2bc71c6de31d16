"""When a meeting mention took place: the date expression that belongs to the mention.

The mention's own words come first ("talks in Rome on April 19"). Failing that, a date elsewhere in
its sentence counts only when it hangs on the clause the trigger sits in ("On Sunday, the talks
went into their second day") and on the same line (a bulleted summary is one "sentence" to the
parser). A date written as a bound ("before August 1", "until Friday", "from 5 pm on Saturday") is
never the meeting's day. Multi-day talks get their start date: "two days of talks ended on Tuesday"
began on Monday; "went into their second day on Sunday" began on Saturday.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Sequence

from spacy.tokens import Span as SpacySpan, Token

from ..text.dates import BOUND_WORDS, NUMBERS, DateExpr, find_dates, resolve
from ..text.doctext import doc_text

# the signature line of an embedded social-media post: "— Name (@handle) Month D, YYYY"
POST_SIGNATURE = re.compile(r"[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\s*$")
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
NEXT_DAY = re.compile(r"\b(?:the next|the following) (?:day|morning)\b|\ba day later\b", re.I)


def next_day(scope: list[Token]) -> bool:
    """ "resumed the next day", "a day later": the mention is dated by the meeting told before it."""
    return bool(scope) and NEXT_DAY.search(scope[0].doc[scope[0].i:scope[-1].i + 1].text) is not None


def is_bound(expr: DateExpr, text: str) -> bool:
    """ "before August 1", "by Friday", "ahead of Tuesday", "from 5 pm on Saturday": a deadline or a
    starting point, not the day of the event."""
    words = text[max(0, expr.start - 40):expr.start].lower().replace(",", " ").split()
    words = [w for w in words if w not in ("on", "the")][-3:]
    return bool(words) and (words[-1] in BOUND_WORDS or words[-2:] == ["ahead", "of"]
                            or words[-1] in ("am", "pm", "hours", "hrs") and "from" in words)


def _governor(tok: Token) -> Token | None:
    """The verb a date token hangs on."""
    return next((h for h in tok.ancestors if h.pos_ in ("VERB", "AUX")), None)


def _attached(expr: DateExpr, trig: Token) -> bool:
    """The date hangs on the trigger's own clause (its verb, or one of the verbs governing it), on the
    trigger's line."""
    doc = trig.doc
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    lo, hi = sorted((trig.idx, expr.start))
    if "\n" in doc_text(doc)[lo:hi]:
        return False
    chain = _clause_chain(trig)
    gov = _governor(span.root)
    if gov is not None and gov.dep_ == "advcl" and gov.tag_ == "VBG" and gov.head.i in chain:
        return True  # "Speaking late on Sunday, A said the meeting had been productive"
    return gov is None or gov.i in chain or span.root.head.i in chain


def _clause_chain(trig: Token) -> set[int]:
    """The trigger and the words governing it within its clause; the clause of a reporting verb
    counts for a past event reported as done ("said on Tuesday that the talks had ended")."""
    out = {trig.i}
    h = trig
    while h.head.i != h.i:
        if h.dep_ in ("conj", "relcl", "acl", "parataxis", "csubj"):
            break
        if h.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in h.children):
            break  # "..., as A and B held their summit": at the same time
        if h.dep_ == "ccomp" and not any(c.lower_ == "had" for c in h.children):
            break  # "said on Sunday that the talks had ended / the meeting had been productive": done by then
        h = h.head
        out.add(h.i)
    return out


def _days_before_start(trig: Token) -> int:
    """How many days a multi-day mention runs before the day its sentence gives: "two days of talks"
    ended that day (1); "the talks went into their second day" that day (1)."""
    of = trig.head
    if of.lower_ == "of" and of.head.lemma_ == "day":
        n = next((c for c in of.head.children if c.dep_ == "nummod"), None)
        count = NUMBERS.get(n.lower_) if n is not None else None
        count = count or (int(n.text) if n is not None and n.text.isdigit() else 0)
        return max(0, min(count, 7) - 1)
    for t in trig.sent:
        if t.lemma_ == "day" and t.i > trig.i - 12:
            ordinal = next((ORDINALS[c.lower_] for c in t.children if c.lower_ in ORDINALS), 0)
            if ordinal and any(h.lemma_ in ("spill", "go", "enter", "stretch", "run", "move") for h in t.ancestors):
                return ordinal - 1
    return 0


NESTING_DEPS = frozenset("relcl acl advcl ccomp".split())


def nested_meetings(trig: Token, scope: list[Token], is_trigger) -> set[int]:
    """Positions of the words of other meetings nested in a clause below ``trig`` or beside it: "the
    summit, which opened hours after a dinner that A hosted on Thursday" (Thursday is the dinner's).

    is_trigger (callable): whether a token names a meeting.
    RETURNS (set[int]): token positions whose dates belong to another meeting.
    """
    mine = {trig.i, *(h.i for h in trig.ancestors)}
    out: set[int] = set()
    for t in {*trig.subtree, *scope}:
        if t.i in mine or t.i in out or t.dep_ in ("compound", "amod") or not is_trigger(t):
            continue
        path = [t, *(h for h in t.ancestors if h.i not in mine)]
        if any(x.dep_ in NESTING_DEPS or x.dep_ == "pobj" and x.head.lower_ in ("after", "before", "following")
               for x in path):
            out |= {x.i for x in t.subtree}
    return out


def quoted(expr: DateExpr, sent: SpacySpan) -> bool:
    """The date stands inside a quotation opened in its sentence: a speaker's "today" is the day they
    spoke or posted, which the article does not give (a post quoted the day after)."""
    before = doc_text(sent.doc)[sent.start_char:expr.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _own_start(trig: Token) -> int:
    """Where the trigger's own words begin, with a possessive date before them however the parser hung
    it ("praised Saturday's talks": "Saturday" may be parsed as the verb's, not the talks')."""
    doc, left = trig.doc, trig.left_edge.i
    if left >= 2 and doc[left - 1].lower_ in ("'s", "’s") and doc[left - 2].ent_type_ == "DATE":
        left -= 2
        while left > 0 and doc[left - 1].ent_type_ == "DATE" and doc[left - 1].sent == trig.sent:
            left -= 1
    return left


def mention_date(trig: Token, scope: list[Token], sent: SpacySpan, *, published: date | None,
                 context_dates: Sequence[date], future: bool, sentence_fallback: bool,
                 others: set[int] = frozenset()) -> tuple[date | None, str | None, bool, bool]:
    """The date of the mention of ``trig``.

    scope (list[Token]): the tokens that carry the mention's own place, date and attendees.
    sentence_fallback (bool): a date elsewhere in the sentence may serve (one trigger in it).
    others (set[int]): positions of words of other meetings (:func:`nested_meetings`); their dates
        are not this mention's.
    RETURNS (tuple): date, basis, whether a date expression was written for it, and ``future``
        (raised by "next week").
    """
    doc = trig.doc
    own = doc[_own_start(trig):trig.right_edge.i + 1]  # "Saturday's talks": the trigger's own words first
    span = doc[scope[0].i:scope[-1].i + 1]
    def free(d: DateExpr) -> bool:
        at = doc.char_span(d.start, d.end, alignment_mode="expand")
        return not is_bound(d, doc_text(doc)) and (at is None or at.root.i not in others) \
            and not (d.kind == "deictic" and d.text.lower() in ("today", "tonight") and quoted(d, sent))

    dates = [d for d in find_dates(own.text, own.start_char) if free(d)] or \
        [d for d in find_dates(span.text, span.start_char) if free(d)]
    if not dates and sentence_fallback:
        dates = [d for d in find_dates(sent.text, sent.start_char) if free(d) and _attached(d, trig)]
    if not dates:  # "... Meeting with European Leaders https://t.co/x — The White House (@WhiteHouse) August 18,
        lo = doc_text(doc).rfind("\n", 0, trig.idx) + 1  # 2025": an embedded post is dated by its signature
        hi = doc_text(doc).find("\n", trig.idx)
        post = POST_SIGNATURE.search(doc_text(doc)[lo:hi if hi >= 0 else len(doc_text(doc))])
        if post is not None and lo + post.start() > trig.idx:
            dates = find_dates(post.group("date"), lo + post.start("date"))
    for d in dates:
        when, basis = resolve(d, published=published, context_dates=context_dates, future=future)
        if d.kind == "vague" and d.text.lower().startswith("next"):
            future = True
        if when is not None:
            back = _days_before_start(trig)
            return when - timedelta(days=back), basis, True, future
    return None, None, bool(dates), future
