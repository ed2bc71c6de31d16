"""One claim per statement: claims found twice, or in pieces, are made one.

A quotation inside the reported clause of the same speaker, the same statement repeated in the headline
and the body (or in an embedded post), and two quotations of one speaker in one sentence joined by a verb
that has no subject of its own ("...," Trump said, confirming that "...") are one claim each.
"""
from __future__ import annotations

import re

from typing import Sequence

from spacy.tokens import Token

from ...model import Claim, Span
from ..text.quotes import Quote

STOP = frozenset("""a an the of to in on at for and or but that this these those is are was were be been it its
he she they them his her their we our you i as by with from will would has have had do did not""".split())
MIN_QUOTE_WORDS = 2  # a repeated quotation this long is the same statement
REPEAT_SHARE = 0.8  # a claim this much contained in another of the same speaker repeats it
MIN_REPEAT_WORDS = 4
HEADLINE_SHARE = 0.5  # a headline's claim this much contained in a later claim of its speaker repeats it
MIN_HEADLINE_WORDS = 3
HEADLINE_STOPS = frozenset(".!?\"”’'…:;)")


def nested_dropped(claims: list[Claim]) -> list[Claim]:
    """Drop a claim whose words lie inside another claim of the same speaker ("criticised what he
    called ...", a quote inside its reported clause)."""
    def inside(a: Claim, b: Claim) -> bool:
        return a is not b and a.speaker == b.speaker and b.evidence.start <= a.evidence.start \
            and a.evidence.end <= b.evidence.end and (a.evidence != b.evidence or id(a) > id(b))
    return [c for c in claims if not any(inside(c, o) for o in claims)]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP}


def repeats_dropped(claims: list[Claim]) -> list[Claim]:
    """Drop a claim that repeats a longer (or earlier, equally long) claim of the same speaker: a
    headline restating the body, an embedded post repeating the quotation."""
    words = [_words(c.text) for c in claims]
    out = []
    for i, c in enumerate(claims):
        w = words[i]
        def repeats(j: int) -> bool:
            o = words[j]
            if j == i or claims[j].speaker != c.speaker or len(w) < MIN_REPEAT_WORDS:
                return False
            if len(o) < len(w) or len(o) == len(w) and j > i:
                return False
            return len(w & o) >= REPEAT_SHARE * len(w)
        if not any(repeats(j) for j in range(len(claims))):
            out.append(c)
    return out


def _headline(text: str, claim: Claim) -> bool:
    """The claim lies in a line that ends without a stop: a headline or a standfirst."""
    end = text.find("\n", claim.evidence.end)
    line = text[text.rfind("\n", 0, claim.evidence.start) + 1:end if end >= 0 else len(text)].rstrip()
    return bool(line) and line[-1] not in HEADLINE_STOPS


def headline_repeats_dropped(claims: list[Claim], text: str) -> list[Claim]:
    """Drop a headline's claim that a later claim of the same speaker tells again in other words:
    "Deal came after 96 hours, officials say" over the body's "in the last 96 hours the deal came ..."
    (a headline words it shorter, so half its words in the body's claim are enough)."""
    words = [_words(c.text) for c in claims]
    def retold(i: int) -> bool:
        w = words[i]
        return len(w) >= MIN_HEADLINE_WORDS and any(
            j > i and claims[j].speaker == claims[i].speaker and claims[j].evidence.start >= claims[i].evidence.end
            and len(w & words[j]) >= HEADLINE_SHARE * len(w) for j in range(len(claims)))
    return [c for i, c in enumerate(claims) if not (_headline(text, c) and retold(i))]


def _quoted(claim: Claim, quotes: Sequence[Quote]) -> frozenset[str]:
    return frozenset(" ".join(_words_in_order(q.text)) for q in quotes
                     if claim.evidence.start <= q.start and q.end <= claim.evidence.end)


def _words_in_order(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def quote_repeats_dropped(claims: list[Claim], quotes: Sequence[Quote]) -> list[Claim]:
    """Drop a claim that quotes the same words as an earlier claim of the same speaker: the standfirst,
    a photo caption and the body each telling that X called Y "my friend" are one statement. Only
    quotations of two words or more count (a one-word scare quote may recur in different statements).
    The longest of them is kept."""
    best: dict[tuple[str, frozenset[str]], Claim] = {}
    keys = []
    for c in claims:
        key = (c.speaker, frozenset(q for q in _quoted(c, quotes) if len(q.split()) >= MIN_QUOTE_WORDS))
        keys.append(key)
        if key[1] and (key not in best or len(c.text) > len(best[key].text)):
            best[key] = c  # the fullest telling stands for them all (the body's, not the headline's)
    return [c for c, key in zip(claims, keys) if not key[1] or best[key] is c]


def joined_quotes(claims: list[Claim], origin: dict[int, tuple[Token, bool]]) -> list[Claim]:
    """Join two quotations of one speaker in one sentence when the second verb borrows the first's
    subject (a participle or a conjoined verb): '"A," she said, confirming that "B"' is one quote.

    origin (dict): claim index -> (reporting verb, whether the claim's text is quoted words).
    """
    order = sorted(range(len(claims)), key=lambda i: claims[i].evidence.start)
    dropped: set[int] = set()
    for a, b in zip(order, order[1:]):
        if a in dropped or a not in origin or b not in origin:
            continue
        (va, qa), (vb, qb) = origin[a], origin[b]
        ca, cb = claims[a], claims[b]
        if not (qa and qb) or ca.speaker != cb.speaker or va.sent != vb.sent or va.i == vb.i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in vb.children) or vb.head.i != va.i:
            continue
        ca.text = f"{ca.text} ... {cb.text}"
        ca.evidence = Span(ca.evidence.start, max(ca.evidence.end, cb.evidence.end))
        dropped.add(b)
    return [c for i, c in enumerate(claims) if i not in dropped]
