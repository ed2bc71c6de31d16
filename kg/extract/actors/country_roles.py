"""What a country mention does in its sentence: acts (an actor), names a location (a place), or only
qualifies someone's title ("UK Prime Minister Keir Starmer", "Japan's chief negotiator") or says
whose a named group is ("Yemen's Houthi militants"), which by itself does not make the country an
actor. A capital that acts ("Tokyo secured a cut", "Moscow
insisted") stands for its country (a metonym).
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Span as SpacySpan, Token

from .person_spans import HEAD_TITLES

LOCATIVE_PREPS = frozenset("in at near across throughout within inside around outside".split())
# nouns of a part of a country or a form of state: "in the Republic of Yemen", "on Pakistan's western border"
GEO_NOUNS = frozenset("""republic kingdom state emirate sultanate federation city capital province region
territory territories soil airspace border borders coast east west north south northeast northwest southeast
southwest interior countryside""".split())
MODIFIER_DEPS = frozenset(("compound", "amod", "nmod", "poss"))
AGENT_DEPS = frozenset(("nsubj", "nsubjpass"))


def is_locative(span: SpacySpan, idx: Any) -> bool:
    """A country named as a location ("in Ukraine", "Geneva, Switzerland", "at the UK's historic
    Lancaster House", "in the Republic of Yemen") rather than an agent.

    idx (ActorIndex): the article's index so far (its places and venues are read).
    """
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    if span.start >= 2 and span.doc[span.start - 1].text == "," and span.start - 2 in idx.token_place:
        return True
    head = root.head
    if root.dep_ == "poss" and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS and (
            head.lower_ in GEO_NOUNS or head.text[:1].isupper() or head.i in idx.venues):
        return True  # "at the UK's Lancaster House", "on Pakistan's soil"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in GEO_NOUNS and \
            head.head.dep_ == "pobj" and head.head.head.lower_ in LOCATIVE_PREPS:
        return True  # "in the Republic of Yemen", "in the east of Ukraine"
    return False


def title_only(span: SpacySpan) -> bool:
    """The country only qualifies a person's title: "UK Prime Minister Keir Starmer", "Japan's chief
    negotiator", "US envoy Tom Barrack", "the US president"."""
    root = span.root
    if root.dep_ not in MODIFIER_DEPS or root.head.i < span.end:
        return False
    head = root.head
    while head.lower_ not in HEAD_TITLES and head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head
    if head.lower_ in HEAD_TITLES:
        return True
    between = span.doc[span.end:head.i]
    return head.ent_type_ == "PERSON" and any(t.lower_ in HEAD_TITLES for t in between)


def group_owner(span: SpacySpan) -> bool:
    """The country only says whose a named group is: "Yemen's Houthi militants", "Somalia's Shabaab
    fighters". The group is the actor; the country is one only where it acts elsewhere."""
    root = span.root
    if root.head.i < span.end or not (root.dep_ == "poss" or root.dep_ == "nmod" and any(
            c.tag_ == "POS" for c in root.children)):  # "Yemen’s" parsed as a modifier with its case
        return False
    head = root.head
    return any(c.dep_ in ("compound", "amod") and c.i > root.i and c.ent_type_ in ("NORP", "ORG")
               for c in head.children)


def capital_agent(tok: Token) -> bool:
    """A capital as the subject of a verb ("Tokyo had secured ...", "Washington and Beijing agreed")."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.is_sent_start and nxt is not None and nxt.text in (",", "—", "–", "-", "("):
        return False  # a dateline: "PARIS, Sept 4 —"
    t = tok
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    return t.dep_ in AGENT_DEPS and t.head.pos_ in ("VERB", "AUX")
