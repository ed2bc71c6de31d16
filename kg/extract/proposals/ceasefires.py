"""Ceasefires and truces as kg:Proposal: "an immediate, permanent ceasefire" two states agreed to,
"a 48-hour truce" that was extended, "the plan for a 30-day ceasefire" one side put forward.

A ceasefire mention becomes a proposal when the text reports it as a concrete arrangement: it was
agreed, reached, brokered, announced, offered, accepted, extended (not only "discussed" or
"possible"), or it has a duration of its own ("a 48-hour ceasefire"). Its name keeps what tells it
apart from other ceasefires: the parties ("India-Pakistan"), the duration and other modifiers, and a
place phrase ("in the Middle East"); "truce" and "armistice" are named "ceasefire", one word for one
thing. A plan, proposal or offer *for* a ceasefire is that ceasefire, proposed ("30-day ceasefire
plan", with the proposer). A ceasefire inside the terms of an agreement or a statement ("an accord
that swaps a Gaza ceasefire for ...", "a statement on a ceasefire") is left to that document.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..actors.index import ActorIndex
from ..actors.parties import actor_of, coordinated_pairs, parties_in
from .attestation import part_of
from .mentions import AGREEMENT_HEADS, DECLARATION_HEADS, HEDGES, PlanMention, family_of, party_prefix
from .phrases import is_broker, modifier_words

CEASEFIRE_HEADS = frozenset("ceasefire ceasefires truce truces armistice".split())
WRAPPERS = frozenset("plan plans proposal proposals offer offers initiative blueprint roadmap".split())
ATTEST = frozenset("""agree reach broker announce confirm offer propose accept extend implement declare settle
seal strike sign observe violate breach produce secure back welcome mediate table present hold honour honor
respect restore maintain break collapse""".split())
IN_FORCE = frozenset("hold collapse break take begin start enter come expire end last survive remain".split())
EVENTS = frozenset("violation breach extension implementation collapse announcement signing".split())
PROPOSE = frozenset("offer propose table present submit suggest float".split())
BROKER = frozenset("broker mediate".split())
NUMBER_WORD = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
               r"twenty|thirty|forty|sixty|ninety|hundred)")
DURATION = re.compile(rf"\b{NUMBER_WORD}(?:\s*(?:-|–|to|or)\s*{NUMBER_WORD})*\s*-?\s*(?:hour|day|week|month|year)s?\b",
                      re.I)


def _verb_of(tok: Token) -> Token | None:
    """The verb that governs the ceasefire noun: its object, passive subject, "agree to X",
    "settle on X", "sign up to X", or a participle after it ("a truce agreed on Monday")."""
    tok = part_of(tok)  # "agreed to the first phase of the ceasefire"
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on", "upon", "into") and tok.head.head.pos_ == "VERB":
        return tok.head.head
    if tok.dep_ == "conj":
        return _verb_of(tok.head)
    return None


def _realis(verb: Token) -> bool:
    """Not negated, not an infinitive of intent ("hopes to reach"), not a question of will."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in ("would", "could", "might")) for c in verb.children):
        return False  # "agreed to extend the truce", "managed to restore the ceasefire": it exists
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.head.lemma_ in IMPLIED


IMPLIED = frozenset("agree manage decide help succeed".split())


def _attested(tok: Token) -> bool:
    if any(c.dep_ in ("acl", "relcl") and (c.lemma_ in ATTEST or c.lemma_ in IN_FORCE) for c in tok.children):
        return True  # "a 48-hour ceasefire agreed on Oct 15", "the ceasefire that took effect"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in EVENTS and any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children):
        return True  # "violations of the ceasefire"
    verb = _verb_of(tok)
    if verb is None:
        return False
    if tok.dep_ == "nsubj":
        if verb.lemma_ in IN_FORCE:
            return _realis(verb)
        return verb.tag_ in ("VBD", "VBN") and verb.lemma_ == "agree"  # flat parse of "a truce agreed on ..."
    return verb.lemma_ in ATTEST and _realis(verb)


def _subject(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ == "VERB":
        return _subject(verb.head)
    return subj


def _parties(tok: Token, idx: ActorIndex, verb: Token | None) -> list[str]:
    toks = [t for t in tok.subtree if t.i < tok.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod")
            and not t.lower_.endswith("brokered") and not is_broker(t)]
    toks += [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "between" for t in c.subtree]
    found = parties_in(toks, idx) if toks else []
    if len(found) < 2 and verb is not None and verb.lemma_ not in BROKER | PROPOSE:
        subj = _subject(verb)
        if subj is not None:
            found = parties_in(list(subj.subtree), idx)
        if len(found) < 2:  # a parse with no (or the wrong) subject: the pair coordinated just before the verb
            pairs = [p for i, p in coordinated_pairs(tok.doc, idx) if verb.sent.start <= i < verb.i and verb.i - i <= 8]
            found = pairs[-1] if pairs else found
    return found if len(found) >= 2 else []


def _proposer(tok: Token, idx: ActorIndex, verb: Token | None, wrapper: Token | None) -> str | None:
    if wrapper is not None:
        for t in wrapper.subtree:
            if t.i < wrapper.i and t.dep_ in ("poss", "amod", "compound") and actor_of(t, idx):
                return actor_of(t, idx)
        if wrapper.dep_ == "dobj" and wrapper.head.lemma_ in PROPOSE | {"put", "draft"}:
            verb = wrapper.head
    if verb is not None and (verb.lemma_ in PROPOSE or verb.lemma_ == "put" and any(
            c.lower_ == "forward" for c in verb.children)):
        subj = _subject(verb)
        if subj is not None:
            return next((a for a in (actor_of(t, idx) for t in subj.subtree) if a), None)
    return None


def _tail(tok: Token, idx: ActorIndex) -> str:
    """A place phrase after the noun: "in the Middle East", "in particular sectors of the front"; not
    the capital where it was agreed ("a ceasefire in Doha")."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "along", "across")), None)
    if prep is None:
        return ""
    toks = [t for t in prep.subtree if not t.is_punct]
    if not toks or len(toks) > 8 or any(t.pos_ in ("VERB", "AUX") or t.i in idx.capitals or t.i in idx.venues
                                        for t in toks):
        return ""
    if not any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lower_ in ("front", "border", "areas", "sectors", "region",
                                                                    "regions", "line", "zone", "zones")
               for t in toks):
        return ""
    words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in toks if t.dep_ != "det"]
    return " ".join(words)


def _inside_document(tok: Token) -> bool:
    """The ceasefire is part of the terms of an agreement or statement ("an accord that swaps a
    ceasefire for ...", "a statement on a ceasefire", "ceasefire agreement")."""
    for anc in tok.ancestors:
        if anc.i == tok.i:
            continue
        low = anc.lower_
        if low in AGREEMENT_HEADS | DECLARATION_HEADS or family_of(low) in ("agreement", "declaration"):
            return True
        if anc.dep_ in ("ROOT",) or anc.pos_ == "VERB" and anc.dep_ not in ("relcl", "acl"):
            return False
    return False


def ceasefire_mentions(doc: Doc, idx: ActorIndex) -> tuple[list[PlanMention], set[int]]:
    """Ceasefire mentions of one article, and the tokens of plans they wrap ("plan for a ceasefire")."""
    out: list[PlanMention] = []
    wrapped: set[int] = set()
    pairs: list[tuple[int, list[str]]] | None = None
    for tok in doc:
        if tok.lower_ not in CEASEFIRE_HEADS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        wrapper = None
        if tok.dep_ == "compound":
            if tok.head.lower_ not in WRAPPERS:
                continue  # "ceasefire talks"; "ceasefire agreement" is an agreement
            wrapper = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") and tok.head.head.lower_ in WRAPPERS:
            wrapper = tok.head.head
        elif _inside_document(tok):
            continue
        outer = wrapper if wrapper is not None else tok
        left = [t for t in outer.subtree if t.i <= outer.i] + [t for t in tok.subtree if t.i <= tok.i]
        first = min(left, key=lambda t: t.i)
        dets = {t.lower_ for t in left if t.dep_ in ("det", "poss")}
        if dets & {"any", "no"} or any(t.dep_ == "neg" for t in left) or outer.dep_ == "attr" and any(
                c.dep_ == "neg" for c in outer.head.children):
            continue  # "no ceasefire", "it is not a ceasefire"
        end = max(tok.idx + len(tok), outer.idx + len(outer))
        m = PlanMention(tok, first.idx, end, family="ceasefire", head="ceasefire")
        words = modifier_words(tok, idx)
        m.duration = next((DURATION.search(w).group(0).lower() for w in words if DURATION.search(w)), None)
        m.mods = words
        m.tail = _tail(tok, idx)
        verb = _verb_of(outer)
        m.attested = _attested(outer) or (wrapper is not None and _attested(tok))
        m.parties = _parties(tok, idx, verb)
        m.proposer = _proposer(tok, idx, verb, wrapper)
        m.wrapper = "plan" if wrapper is not None and wrapper.lower_.rstrip("s") in ("plan", "proposal", "blueprint",
                                                                                   "roadmap", "initiative") \
            else (wrapper.lower_ if wrapper is not None else None)
        m.definite = not (dets & {"a", "an", "another", "some"})
        m.plural = tok.tag_ in ("NNS", "NNPS") or (wrapper is not None and wrapper.tag_ == "NNS")
        m.hedged = bool({t.lower_ for t in left} & (HEDGES | {"possible", "potential", "eventual"}))
        if wrapper is not None:
            wrapped.add(wrapper.i)
            m.proposed = True
        if not (m.parties or m.mods or m.tail):  # a bare "the ceasefire": the pair the article is about
            pairs = coordinated_pairs(doc, idx) if pairs is None else pairs
            near = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else 0
            before = [p for i, p in pairs if near <= i < tok.i]  # this sentence or the one before
            m.context = before[-1] if before else []
        m.name = ceasefire_name([m])
        out.append(m)
    return out, wrapped


def ceasefire_name(mentions: list[PlanMention]) -> str:
    """"India-Pakistan ceasefire", "48-hour ceasefire", "30-day ceasefire plan", "ceasefire in the Middle
    East": parties, the most specific mention's modifiers, the wrapper noun and the place phrase."""
    parties = next((m.parties for m in mentions if m.parties), [])
    bare = not parties and not any(m.mods or m.tail for m in mentions if m.family == "ceasefire")
    parties = next((m.context for m in mentions if m.context), []) if bare else parties
    own = [m for m in mentions if m.family == "ceasefire"] or mentions
    best = max(own, key=lambda m: (bool(m.duration), len(m.mods) + bool(m.tail), -m.start))
    wrapper = next((m.wrapper for m in mentions if m.wrapper), None)
    tail = best.tail or next((m.tail for m in mentions if m.tail), "")
    prefix = party_prefix(parties)
    words = [prefix, *best.mods, "ceasefire", wrapper or "", tail]
    return " ".join(w for w in words if w)
