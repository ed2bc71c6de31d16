"""Organisations the text defines by a long name and an acronym: "Long Name (LN)".

The small NER and the gazetteer ruler break such names where a place or a small word sits inside
them: "the Democratic Forces for the Liberation of Rwanda (FDLR)" comes out as the country Rwanda
and no organisation, "the Allied Democratic Forces (ADF" as one span running into the bracket. The
acronym in brackets fixes the left edge: the capitalised words before it whose initials spell it
(in order, or in another order for an acronym of the name in another language: FDLR, AES) are one
organisation, and so is every later use of the acronym. A known organisation's acronym ("the
Islamic State of Iraq and Syria (ISIS)") gives the whole run the known organisation's name.

Posts ("National Security Advisor (NSA)"), documents ("... Agreement (CEPA)") and places ("Kurdistan
Region of Iraq (KRI)") are left alone: only a run with an organisation word in it is a body.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from .filters import ORG_WORDS
from .org_names import DOCUMENT_HEADS, POST_WORDS

CONNECTORS = frozenset("of for the and in on at de du des la le al el 's ’s - & d'".split())
BODY_WORDS = ORG_WORDS | frozenset("corps mission militia brigades battalion programme program".split())
MAX_RUN = 12  # tokens of a long name


def _acronym(doc: Doc, open_i: int) -> tuple[int, str] | None:
    """(index of ")", upper-case letters) of an acronym in brackets opening at ``open_i``."""
    j = open_i + 1
    parts = []
    while j < len(doc) and j - open_i <= 3 and doc[j].text != ")":
        parts.append(doc[j].text)
        j += 1
    text = "".join(parts)
    if j >= len(doc) or not parts or not text.replace("-", "").isalnum() or not text[:1].isupper():
        return None
    letters = "".join(c for c in text if c.isupper())
    if len(letters) < 2 or sum(c.islower() for c in text) > 1:  # "MoU" passes, "Feb" does not
        return None
    return j, letters


def _spells(words, letters: str) -> bool:
    """The words spell the acronym: each capitalised word gives its initial (an upper-case word all
    its letters), a small word may give its initial ("UN Mission in South Sudan", UNMISS)."""
    seen: set[tuple[int, int]] = set()

    def go(w: int, k: int) -> bool:
        if (w, k) in seen:
            return False
        seen.add((w, k))
        if w == len(words):
            return k == len(letters)
        t = words[w]
        if not (t.is_alpha and t.text[:1].isupper() and t.lower_ != "the"):  # a small word
            return go(w + 1, k) or (t.is_alpha and letters[k:k + 1] == t.text[0].upper() and go(w + 1, k + 1))
        part = t.text if t.text.isupper() else t.text[0]
        return letters.startswith(part.upper(), k) and go(w + 1, k + len(part))

    return go(0, 0)


def _run(doc: Doc, open_i: int, letters: str) -> int | None:
    """Start of the long name before the bracket at ``open_i`` whose initials spell ``letters``."""
    best = None
    i = open_i - 1
    while i >= 0 and open_i - i <= MAX_RUN:
        t = doc[i]
        if t.is_space or "\n" in t.whitespace_:
            break
        capital = t.is_alpha and t.text[:1].isupper() and t.lower_ not in ("the",)
        if not capital and t.lower_ not in CONNECTORS:
            break
        if capital:
            run = doc[i:open_i]
            initials = "".join(w.text[0] for w in run if w.is_alpha and w.text[:1].isupper() and w.lower_ != "the")
            if _spells(list(run), letters) or sorted(initials) == sorted(letters):
                best = i
                break
            if best is None and initials.startswith(letters) \
                    and _place_tail(doc, i, open_i, len(letters)):
                best = i  # "National Unity Government of Myanmar (NUG)"
        i -= 1
    return best


def _place_tail(doc: Doc, start: int, end: int, n: int) -> bool:
    """The words after the first ``n`` capitalised ones are "of <Place>"."""
    count = 0
    for t in doc[start:end]:
        if t.is_alpha and t.text[:1].isupper() and t.lower_ != "the":
            count += 1
        if count == n:
            tail = doc[t.i + 1:end]
            return len(tail) >= 2 and tail[0].lower_ == "of" and bool(tail[-1].ent_type_ in ("GPE", "LOC")
                                                                     or tail[-1].ent_id_)
    return False


def _is_body(span: SpacySpan) -> bool:
    """A body, not a post or a document: an organisation word in the name, and the head of its first
    part ("Prime Minister's Office", not "National Security Advisor" or "Director General of ...")
    no post word."""
    words = [t.lower_ for t in span if t.is_alpha]
    if not words or any(w in DOCUMENT_HEADS for w in words):
        return False
    first = []
    for t in span:
        if t.is_alpha and t.text.islower():
            break
        if t.is_alpha and t.lower_ != "the":
            first.append(t.lower_)
    if first and first[-1] in POST_WORDS and first[-1] not in BODY_WORDS:
        return False
    return any(w in BODY_WORDS or w.rstrip("s") in BODY_WORDS for w in words)


def _longer(ent: SpacySpan, start: int, n: int) -> bool:
    """An entity that holds more than the acronym ("SCO Summit"): the NER's reading stays."""
    lead = 1 if ent.start < start and ent.doc[ent.start].lower_ == "the" else 0
    return ent.end - ent.start - lead > n


def _label(span: SpacySpan) -> str:
    text = span.text[4:] if span.text.lower().startswith("the ") else span.text
    return " ".join(text.split()).replace("’", "'")


def defined_acronyms(doc: Doc) -> list[SpacySpan]:
    """The doc's entities with each "Long Name (LN)" organisation one ORG span (its id ``org:Long
    Name``, or the known organisation's id when the acronym is one) and every use of LN the same.

    doc (Doc): the parsed article.
    RETURNS (list[Span]): entities to assign back to ``doc.ents``.
    """
    ents = list(doc.ents)
    found: list[tuple[SpacySpan, list[str], str]] = []  # long name span, acronym token texts, id
    for t in doc[2:-2]:
        if t.text != "(":
            continue
        acro = _acronym(doc, t.i)
        if acro is None:
            continue
        close, letters = acro
        start = _run(doc, t.i, letters)
        if start is None:
            continue
        span = doc[start:t.i]
        known = next((e for e in ents if e.start == t.i + 1 and e.end == close), None)
        exact = next((e for e in ents if e.start in (start, start - 1) and e.end == t.i and e.ent_id_), None)
        if exact is not None or not (_is_body(span) or known is not None and known.ent_id_.startswith("org:")):
            continue  # the gazetteer's own name ("Rapid Support Forces (RSF)"), a post, a place
        ident = known.ent_id_ if known is not None and known.ent_id_.startswith("org:") else f"org:{_label(span)}"
        found.append((span, [x.text for x in doc[t.i + 1:close]], ident))
    if not found:
        return ents
    new = [SpacySpan(doc, s.start, s.end, label="ORG", span_id=ident) for s, _, ident in found]
    for _, words, ident in found:
        n = len(words)
        for t in doc:
            if [x.text for x in doc[t.i:t.i + n]] != words:
                continue
            if any(e.start <= t.i < e.end and (e.ent_id_ and e.ent_id_ != ident or _longer(e, t.i, n))
                   for e in ents) or any(t.i < m.end and m.start < t.i + n for m in new):
                continue
            new.append(SpacySpan(doc, t.i, t.i + n, label="ORG", span_id=ident))
    kept = [e for e in ents if not any(e.start < m.end and m.start < e.end for m in new)]
    return sorted(kept + new, key=lambda e: e.start)
