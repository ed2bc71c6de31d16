"""Whether a sentence attests a concrete document: signed, initialled, drawn up, dated ("the 1994
accord"), "under the agreement", "the truce took effect"; and whether it only carries a claim ("in a
joint statement, X said"). Read by the mention module for each document noun."""
from __future__ import annotations

from spacy.tokens import Token

from .vocab import ATTEST_VERBS, IN_FORCE, PART_NOUNS, PROPOSE_VERBS, PROVISION_VERBS, REPORTING

LAPSE_VERBS = frozenset("collapse expire lapse unravel crumble hold".split())  # what only a made document does
IMPLICATIVE = frozenset("manage succeed help bring get".split())  # "managed to seal the accord" happened


def realis(verb: Token) -> bool:
    """The verb reports a document that exists: not negated, not an infinitive ("yet to be reached")
    unless a verb that implies it happened governs it ("managed to seal", "helped broker")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head.lemma_ in IMPLICATIVE or verb.head.head.lemma_ in IMPLICATIVE
    return True


def attested(tok: Token, outer: Token) -> bool:
    if any(c.dep_ in ("relcl", "acl") and c.lemma_ in ATTEST_VERBS for c in tok.children):
        return True
    head = outer.head
    if outer.dep_ in ("dobj", "nsubjpass", "nsubj") and head.lemma_ in ATTEST_VERBS and realis(head):
        return True
    if outer.dep_ == "nsubj" and head.lemma_ in PROVISION_VERBS:
        return True
    if outer.dep_ == "nsubj" and head.lemma_ in LAPSE_VERBS and realis(head):
        return True  # "the ceasefire agreement collapsed", "the accord expired": it was in force
    if outer.dep_ == "nsubj" and head.lemma_ in IN_FORCE and any(  # "the truce took effect at midnight"
            t.lower_ == IN_FORCE[head.lemma_] for c in head.children for t in c.subtree):
        return True
    if outer.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in ("signing", "signature", "conclusion"):
        return True  # "the signing of a mineral rights deal"
    if outer.dep_ in ("dobj", "nsubjpass") and drafts(head) and realis(head):
        return True  # "Qatar drew up the framework", "a draft prepared by Oman"
    if dated(tok):
        return True  # "the 1994 accord", "the agreement of March 2023": a document that existed then
    return outer.dep_ == "pobj" and head.lower_ == "under"


def is_year(tok: Token) -> bool:
    return tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2099


def dated(tok: Token) -> bool:
    """The document noun carries the year or date it was made: "the 1994 accord", "the 2015 deal",
    "the agreement of March 2023" (a date after "of", not "a deal of 2026 tariffs")."""
    if any(c.dep_ in ("nummod", "compound", "amod", "nmod") and is_year(c) and c.i < tok.i for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ == "DATE" and any(is_year(x) for x in obj.subtree):
                return True
    return False


def part_of(tok: Token) -> Token:
    """The noun a verb governs when the mention is only part of it: "the first phase of the deal"."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in PART_NOUNS:
        tok = tok.head.head
    return tok


def signed(tok: Token) -> bool:
    """The document is reported signed ("signed the declaration", "the signing of the deal")."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_ in ("sign", "ink", "initial") and realis(head):
        return True
    if any(c.dep_ in ("relcl", "acl") and c.lemma_ == "sign" for c in tok.children):
        return True
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in ("signing", "signature")


def is_channel(tok: Token) -> bool:
    """"In a joint statement, the two governments said ...": the document only carries a claim."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "through", "via"):
        return False
    verb = tok.head.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_ in REPORTING


def relative_attest(tok: Token, end: int) -> Token | None:
    """An attesting verb in a relative clause right after the noun phrase ("... that the two
    governments signed"), also when the parser attached it elsewhere."""
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].idx < end:
        j += 1
    if j >= len(doc) or doc[j].lower_ not in ("that", "which"):
        return None
    for t in doc[j + 1:min(j + 8, tok.sent.end)]:
        if t.pos_ in ("VERB", "AUX"):
            return t if t.lemma_ in ATTEST_VERBS and t.tag_ in ("VBD", "VBN") else None
    return None


def drafts(verb: Token) -> bool:
    """ "proposed", "drafted", "drew up", "put forward": a verb that says who made the document."""
    if verb.lemma_ == "draw":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return verb.lemma_ in PROPOSE_VERBS or verb.lemma_ in ("prepare", "author", "write")
