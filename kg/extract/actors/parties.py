"""The parties a phrase refers to: the countries (or organisations) named in it, and anaphoric
groups ("the two governments", "both sides", "the two countries") resolved to the last pair of
actors the article coordinated ("The United States and China agreed ...").

Used by the proposal stage (party names: "DRC-Rwanda peace agreement") and the claim stage
("the two governments said" speaks for both countries).
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Token

from .index import ActorIndex

GROUP_NOUNS = frozenset("""governments countries sides nations neighbours neighbors parties states leaders
delegations capitals""".split())
GROUP_QUANT = frozenset("two both".split())


def actor_of(tok: Token, idx: ActorIndex) -> str | None:
    """The country or organisation a single token stands for: a named country, its demonym or
    capital, an organisation, a person's country of affiliation, or a noun modified by a
    demonym ("her Rwandan counterpart")."""
    if tok.i in idx.countries:
        return idx.countries[tok.i]
    if tok.i in idx.capitals:
        return idx.capitals[tok.i]
    name = idx.token_actor.get(tok.i)
    if name:
        actor = idx.actors.get(name)
        if actor is None:
            return None
        if actor.kind in ("Country", "Organization"):
            return name
        if actor.affiliation and idx.kind(actor.affiliation) == "Country":
            return actor.affiliation
        return None
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.i in idx.countries:
            return idx.countries[c.i]
    return None


def named_parties(toks: Iterable[Token], idx: ActorIndex) -> list[str]:
    """Distinct countries / organisations / affiliations named in ``toks``, in text order."""
    out: list[str] = []
    for t in sorted(toks, key=lambda x: x.i):
        a = actor_of(t, idx)
        if a and a not in out:
            out.append(a)
    return out


def coordinated_pairs(doc: Doc, idx: ActorIndex) -> list[tuple[int, list[str]]]:
    """(token index, [party A, party B]) for each "A and B" coordination of two different actors."""
    pairs = []
    for t in doc:
        for c in t.children:
            if c.dep_ != "conj":
                continue
            a, b = actor_of(t, idx), actor_of(c, idx)
            if a and b and a != b:
                pairs.append((c.i, [a, b]))
    return pairs


def is_group_anaphor(tok: Token) -> bool:
    """"the two governments", "both sides", "the two countries"."""
    return tok.lower_ in GROUP_NOUNS and any(c.lower_ in GROUP_QUANT for c in tok.children)


def resolve_group(tok: Token, idx: ActorIndex) -> list[str]:
    """The pair of actors a group anaphor refers to: the last coordinated pair before it."""
    before = [p for i, p in coordinated_pairs(tok.doc, idx) if i < tok.i]
    return before[-1] if before else []


def parties_in(toks: Iterable[Token], idx: ActorIndex) -> list[str]:
    """Parties named in ``toks`` or meant by a group anaphor among them."""
    toks = list(toks)
    for t in toks:
        if is_group_anaphor(t):
            found = resolve_group(t, idx)
            if found:
                return found
    return named_parties(toks, idx)
