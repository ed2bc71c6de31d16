"""Who took part in a meeting: the named persons around a meeting trigger and the heads of
delegation ("the delegation is led by X"), resolved through :mod:`coref`."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Span
from .actors import ActorIndex
from .coref import Resolver

JOIN_VERBS = frozenset("""hold have attend participate join take begin start engage conduct continue resume lead
open host travel chair co-chair convene""".split())
DELEGATION_NOUNS = frozenset("delegation team side".split())
LEAD_VERBS = frozenset("lead head".split())
LEAD_FORMS = frozenset("led leads leading headed heads heading".split())  # the small model's lemmas slip
HOST_VERBS = frozenset("host receive welcome".split())
WITH_PREPS = frozenset("with between among involving by".split())


def persons(tok: Token, res: Resolver, idx: ActorIndex) -> list[tuple[str, Span]]:
    """Named persons in a participant phrase: conjuncts, appositive lists, "along with" (no possessors,
    no relative clauses)."""
    out: list[tuple[str, Span]] = []
    stack = [tok]
    seen: set[int] = set()
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        name = idx.token_actor.get(t.i)
        is_person = bool(name and idx.kind(name) == "Person")
        if is_person and name not in [n for n, _ in out]:
            out.append((name, Span(t.idx, t.idx + len(t))))
        elif t.lower_ in ("he", "she") and t is tok:
            r = res.pronoun(t)
            if r and idx.kind(r) == "Person":
                out.append((r, Span(t.idx, t.idx + len(t))))
        for c in t.children:
            if c.dep_ in ("conj", "appos") or (c.dep_ == "compound" and c.i in idx.token_actor
                                               and idx.token_actor[c.i] == name):
                stack.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("with", "along") and t.dep_ != "pobj":
                stack.extend(x for x in c.subtree if x.dep_ == "pobj")
            elif not is_person and c.dep_ in ("compound", "nmod") and c.i in idx.token_actor:
                stack.append(c)
    return out


def subject(verb: Token) -> Token | None:
    h = verb
    for _ in range(4):
        s = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if s is not None:
            return s
        if h.dep_ in ("xcomp", "advcl", "pcomp", "conj", "prep", "pobj") and h.head is not h:
            h = h.head
        else:
            return None
    return None


def attendees(trig: Token, verb: Token | None, res: Resolver, idx: ActorIndex) -> list[tuple[str, Span]]:
    """Named persons taking part in the meeting that ``trig`` reports (subject, objects, "with" phrases)."""
    out: list[tuple[str, Span]] = []

    def add(tok: Token | None) -> None:
        if tok is not None:
            out.extend(p for p in persons(tok, res, idx) if p[0] not in [n for n, _ in out])

    for c in trig.children:
        if c.dep_ == "prep" and c.lower_ in WITH_PREPS or c.dep_ in ("agent",):
            for p in c.children:
                add(p)
        if c.dep_ == "acl" and c.lemma_ in ("involve", "include"):
            add(next((x for x in c.children if x.dep_ == "dobj"), None))
        if c.dep_ in ("dobj", "poss") and trig.pos_ == "VERB" or c.dep_ == "poss":
            add(c)
    if trig.pos_ == "VERB" and trig.dep_ == "acl" and trig.head.dep_ == "pobj":
        add(subject(trig.head.head.head))  # "signed it in a ceremony hosted by X": the signatories
    if verb is not None and any(c.dep_ == "neg" for c in verb.children):
        return out  # "X did not travel to the summit"
    if trig.pos_ == "VERB":
        add(subject(trig))
        for c in trig.children:  # a subject the parser split up ("army chief Abdel al-Burhan met")
            if c.dep_ == "nsubj":
                add(c)
    elif verb is not None and verb.lemma_ in JOIN_VERBS | {"be"}:
        if verb.lemma_ in JOIN_VERBS:
            add(subject(verb))
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in WITH_PREPS and c is not trig.head:
                for p in c.children:
                    add(p)
    return out


def delegation_heads(doc: Doc, res: Resolver, idx: ActorIndex) -> list[tuple[int, str, Span]]:
    """ "the delegation is led by X", "X, who led the delegation", "head of the delegation, X"."""
    heads: list[tuple[int, str, Span]] = []
    for t in doc:
        if t.lemma_ not in DELEGATION_NOUNS or t.pos_ != "NOUN" or (
                t.lemma_ != "delegation" and not any(c.dep_ == "amod" and c.i in idx.countries for c in t.children)):
            continue  # "the delegation", "the Chinese team", "the American side"
        h = t.head
        found: list[tuple[str, Span]] = []
        leads = h.lemma_ in LEAD_VERBS or h.lower_ in LEAD_FORMS
        if leads and t.dep_ == "nsubjpass":
            agent = next((c for c in h.children if c.dep_ == "agent"), None)
            for p in (agent.children if agent is not None else []):
                found += persons(p, res, idx)
        elif leads and t.dep_ == "dobj":
            subj = subject(h)
            if subj is not None:
                name, how = res.actor(subj)
                if name and how == "person":
                    found.append((name, Span(subj.idx, subj.idx + len(subj))))
        elif h.lower_ == "of" and h.head.lower_ in ("head", "chief", "leader"):
            np = h.head
            while np.dep_ in ("conj", "appos") and np.head is not np:
                np = np.head
            found += [p for p in persons(np, res, idx)]
            found += [p for c in np.children if c.dep_ == "appos" for p in persons(c, res, idx)]
        for name, span in found:
            heads.append((t.idx, name, span))
    return heads
