"""Who took part in a meeting: the named persons around a meeting trigger, the heads of delegation
("the delegation is led by X"), members ("X was also part of the delegation"), companions
("accompanied by X") and attendance lists ("Among the leaders who attended were ..."), resolved
through :mod:`coref`."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Participant, Span
from .actors import ActorIndex
from .coref import RELATIVES, Resolver, antecedent
from .gazetteer import TITLE_WORDS

JOIN_VERBS = frozenset("""hold have attend participate join take begin start engage conduct continue resume lead
open host travel chair co-chair convene sit""".split())
ATTEND_VERBS = frozenset("attend participate join".split())
DELEGATION_NOUNS = frozenset("delegation team side".split())
MEMBER_NOUNS = frozenset("part member members one".split())
LEAD_VERBS = frozenset("lead head".split())
LEAD_FORMS = frozenset("led leads leading headed heads heading".split())  # the small model's lemmas slip
HOST_VERBS = frozenset("host receive welcome".split())
WITH_PREPS = frozenset("with between among involving by".split())
HEAD_OF_DELEGATION = "HeadOfDelegation"


@dataclass
class Joiner:
    """A participant found outside a meeting mention, attached to the meeting current at ``pos``.
    ``anchor``: a person who must already take part ("X, who was accompanied by Y")."""

    pos: int
    participant: Participant
    anchor: str | None = None
    place: str | None = None  # joins only a meeting at this place


def tok_span(a: Token, b: Token | None = None) -> Span:
    """Character span from the start of the earlier token to the end of the later one."""
    b = a if b is None else b
    first, last = (a, b) if a.i <= b.i else (b, a)
    return Span(first.idx, last.idx + len(last))


def persons(tok: Token, res: Resolver, idx: ActorIndex, *, companions: bool = True) -> list[tuple[str, Span]]:
    """Named persons in a participant phrase: conjuncts, appositive lists, "along with", "accompanied
    by" (unless ``companions`` is False); no possessors, no relative clauses."""
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
            out.append((name, tok_span(t)))
        elif t is tok and (t.lower_ in ("he", "she") or t.lower_ in RELATIVES and t.head.dep_ == "relcl"):
            r, _ = res.actor(t)
            if r and idx.kind(r) == "Person":
                out.append((r, tok_span(antecedent(t)) if t.lower_ in RELATIVES else tok_span(t)))
        for c in t.children:
            if c.dep_ in ("conj", "appos") or (c.dep_ == "compound" and c.i in idx.token_actor
                                               and idx.token_actor[c.i] == name):
                stack.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("with", "along") and t.dep_ != "pobj":
                stack.extend(x for x in c.subtree if x.dep_ == "pobj")
            elif not is_person and c.dep_ in ("compound", "nmod") and c.i in idx.token_actor:
                stack.append(c)
            elif companions and c.dep_ in ("acl", "relcl") and c.lemma_ == "accompany":
                stack.extend(p for a in c.children if a.dep_ == "agent" for p in a.children)
    return out


def listed_persons(start: Token, idx: ActorIndex) -> list[tuple[str, Span]]:
    """Persons of a list read left to right from ``start`` ("Sisi, Qatar's Emir Tamim and Turkish
    President Erdogan"), for lists the parser breaks up; stops at a verb or a relative clause."""
    out: list[tuple[str, Span]] = []
    for t in start.doc[start.i:start.sent.end]:
        if t.pos_ in ("VERB", "AUX") or t.lower_ in RELATIVES | {"whose"} or t.text in (";", ".", ":"):
            break
        name = idx.token_actor.get(t.i)
        if name and idx.kind(name) == "Person":
            if name not in [n for n, _ in out]:
                out.append((name, tok_span(t)))
            else:  # the rest of the name: the span covers it all
                out = [(n, Span(s.start, t.idx + len(t)) if n == name else s) for n, s in out]
        elif not (name or t.is_punct or t.lower_ in ("and", "'s", "’s", "the") or t.lower_ in TITLE_WORDS
                  or t.i in idx.countries or t.pos_ in ("PROPN", "ADJ")):
            break
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
        if c.dep_ == "prep" and c.lower_ == "to" and trig.pos_ == "VERB":  # "presented the plan to X"
            for p in c.children:
                add(p)
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


def _lead_phrase(t: Token, res: Resolver, idx: ActorIndex) -> list[tuple[str, Span]]:
    """Heads named around the delegation noun ``t``, each with the span that says so."""
    h = t.head
    found: list[tuple[str, Span]] = []
    leads = h.lemma_ in LEAD_VERBS or h.lower_ in LEAD_FORMS
    if leads and t.dep_ == "nsubjpass":  # "the delegation is led by X"
        agent = next((c for c in h.children if c.dep_ == "agent"), None)
        for p in (agent.children if agent is not None else []):
            found += [(n, Span(t.left_edge.idx, s.end)) for n, s in persons(p, res, idx, companions=False)]
    elif leads and t.dep_ == "dobj":  # "X led the delegation", "X, who led the delegation"
        subj = subject(h)
        if subj is not None and subj.lower_ in RELATIVES | {"he", "she"}:
            name, how = res.actor(subj)
            if name and how in ("person", "pronoun") and idx.kind(name) == "Person":
                who = antecedent(subj) if subj.lower_ in RELATIVES else subj
                found.append((name, tok_span(who, t)))
        elif subj is not None:  # "X and Y led the American delegation"
            found += [(n, Span(s.start, t.idx + len(t))) for n, s in persons(subj, res, idx, companions=False)]
    elif h.lower_ == "of" and h.head.lower_ in ("head", "chief", "leader"):  # "head of the delegation, X"
        np = h.head
        while np.dep_ in ("conj", "appos") and np.head is not np:
            np = np.head
        named = persons(np, res, idx, companions=False)
        named += [p for c in np.children if c.dep_ == "appos" for p in persons(c, res, idx, companions=False)]
        found += [(n, Span(min(s.start, np.left_edge.idx), max(s.end, t.idx + len(t)))) for n, s in named]
    return found


def _is_delegation(t: Token, idx: ActorIndex) -> bool:
    """ "the delegation", "the Chinese team", "the American side" (a team or side of a country)."""
    return t.lemma_ in DELEGATION_NOUNS and t.pos_ == "NOUN" and (
        t.lemma_ == "delegation" or any(c.dep_ == "amod" and c.i in idx.countries for c in t.children))


def delegation_members(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """kg:HeadOfDelegation ("the delegation is led by X", "X, who led the delegation", "head of the
    delegation, X"), their companions, and plain members ("X was also part of the delegation")."""
    out: list[Joiner] = []
    for t in doc:
        if not _is_delegation(t, idx):
            continue
        for name, span in _lead_phrase(t, res, idx):
            out.append(Joiner(t.idx, Participant(name, HEAD_OF_DELEGATION, span)))
        h = t.head
        if h.lower_ == "of" and h.head.lower_ in MEMBER_NOUNS and h.head.dep_ in ("attr", "nsubj"):
            subj = subject(h.head.head) if h.head.dep_ == "attr" else None
            for name, span in persons(subj, res, idx) if subj is not None else []:
                out.append(Joiner(t.idx, Participant(name, None, Span(span.start, t.idx + len(t)))))
    return out


def companions(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "X was accompanied by Y", "X, who was accompanied by Y": Y takes part wherever X does."""
    out: list[Joiner] = []
    for t in doc:
        if t.lemma_ != "accompany" or t.pos_ != "VERB":
            continue
        who = subject(t) if t.dep_ != "acl" else t.head
        if who is None:
            continue
        anchor, _ = res.actor(who)
        if not anchor or idx.kind(anchor) != "Person":
            continue
        for agent in (c for c in t.children if c.dep_ == "agent"):
            for p in agent.children:
                for name, span in persons(p, res, idx):
                    out.append(Joiner(t.idx, Participant(name, None, Span(t.idx, span.end)), anchor))
    return out


def attendance_lists(doc: Doc, idx: ActorIndex) -> list[Joiner]:
    """ "Among the leaders who attended were A, B and C": the list after the copula takes part."""
    out: list[Joiner] = []
    for t in doc:
        if t.lemma_ not in ATTEND_VERBS or t.dep_ != "relcl" or any(c.dep_ == "dobj" for c in t.children):
            continue
        among = t.head.head
        be = among.head
        if among.lower_ != "among" or be.lemma_ != "be":
            continue
        listed = next((c for c in be.children if c.dep_ in ("nsubj", "attr") and c.i > be.i), None)
        for name, span in listed_persons(listed, idx) if listed is not None else []:
            out.append(Joiner(t.idx, Participant(name, None, Span(among.idx, span.end))))
    return out


def co_present(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "In Geneva he signed the text together with A and B": persons acting together at a named
    place take part in the meeting held there (the place must be a meeting's place)."""
    out: list[Joiner] = []
    countries = set(idx.countries.values())
    for t in doc:
        if t.lower_ != "with" or t.i == 0 or doc[t.i - 1].lower_ != "together" or t.i + 1 >= len(doc):
            continue
        verb = next((h for h in t.ancestors if h.pos_ == "VERB"), None)
        if verb is None:
            continue
        where = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for p in c.children
                 if (idx.token_place.get(p.i) or idx.venues.get(p.i)) not in (None, *countries)]
        if not where:
            continue
        place = idx.token_place.get(where[0].i) or idx.venues.get(where[0].i)
        subj = subject(verb)
        named = (persons(subj, res, idx) if subj is not None else []) + listed_persons(doc[t.i + 1], idx)
        for name, span in named:
            out.append(Joiner(t.idx, Participant(name, None, span), place=place))
    return out


def joiners(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """Participants named apart from any meeting mention, in text order."""
    found = delegation_members(doc, res, idx) + companions(doc, res, idx) + attendance_lists(doc, idx)
    found += co_present(doc, res, idx)
    return sorted(found, key=lambda j: j.pos)
