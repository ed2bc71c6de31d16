"""kg:role of a participation: kg:Host, kg:Guest, kg:Mediator, kg:HeadOfDelegation.

- Host: the subject of host / receive / welcome / (co-)chair, the agent of "hosted by", the person of
  "at the invitation of"; and a head of state or government meeting in their own country's capital
  (or a seat of government there: "in the Kremlin").
- Guest: the object of a hosting verb, and the other participants of a hosted meeting who are not
  on the host's side.
- Mediator: "mediated / brokered by X", "with X mediating", "X's mediation", "mediator X".
- HeadOfDelegation: see :mod:`participants` ("the delegation is led by X").

Each role carries the span that supports it.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from ...model import Participant, Span
from ..actors.index import ActorIndex
from ..actors.coref import Resolver
from ..text.gazetteer import Gazetteer, norm
from .participants import HEAD_OF_DELEGATION, HOST_VERBS, persons

HOST, GUEST, MEDIATOR = "Host", "Guest", "Mediator"
PRIORITY = {MEDIATOR: 4, HOST: 3, HEAD_OF_DELEGATION: 2, GUEST: 1}
CHAIR_VERBS = frozenset("chair co-chair cochair".split())
MEDIATE_VERBS = frozenset("mediate broker facilitate".split())
MEDIATE_FORMS = frozenset("mediated mediating brokered brokering facilitated facilitating".split())
MEDIATOR_NOUNS = frozenset("mediator mediators facilitator facilitators".split())
LEADER_WORDS = frozenset("president premier chancellor king queen emir sultan leader".split())
NOT_LEADER = frozenset("vice deputy former acting foreign opposition".split())


def give(parts: list[Participant], name: str, role: str | None, span: Span | None) -> None:
    """Add ``name`` to ``parts``, or raise its role when ``role`` says more (Mediator > Host >
    HeadOfDelegation > Guest); the evidence follows the role."""
    for p in parts:
        if p.name == name:
            if role and PRIORITY.get(role, 0) > PRIORITY.get(p.role or "", 0):
                p.role, p.evidence = role, span or p.evidence
            return
    parts.append(Participant(name, role, span))


def join(span: Span, tok: Token) -> Span:
    """The span from a name to a cue word, whichever comes first."""
    return Span(min(span.start, tok.idx), max(span.end, tok.idx + len(tok)))


def _persons(tok: Token | None, res: Resolver, idx: ActorIndex) -> list[tuple[str, Span]]:
    return persons(tok, res, idx) if tok is not None else []


def host_roles(verb: Token, res: Resolver, idx: ActorIndex) -> list[Participant]:
    """Roles given by a hosting verb: "X received Y", "Y was welcomed by X", "a ceremony hosted by
    X", "X and Y co-chaired the summit"."""
    if verb.lemma_ not in HOST_VERBS | CHAIR_VERBS and verb.lower_.replace("-", "") not in ("cochaired", "chaired"):
        return []
    out: list[Participant] = []
    for c in verb.children:
        if c.dep_ == "nsubj":
            out += [Participant(n, HOST, join(s, verb)) for n, s in _persons(c, res, idx)]
        elif c.dep_ == "agent":
            for p in c.children:
                out += [Participant(n, HOST, join(s, verb)) for n, s in _persons(p, res, idx)]
        elif c.dep_ in ("dobj", "nsubjpass") and verb.lemma_ in HOST_VERBS:
            out += [Participant(n, GUEST, join(s, verb)) for n, s in _persons(c, res, idx)]
            for w in (w for w in c.children if w.dep_ == "prep" and w.lower_ == "for"):  # "a dinner for X"
                out += [Participant(n, GUEST, join(s, verb)) for p in w.children for n, s in _persons(p, res, idx)]
        elif c.dep_ == "prep" and c.lower_ == "for" and verb.lemma_ == "host":  # "hosted a dinner for X"
            out += [Participant(n, GUEST, join(s, verb)) for p in c.children for n, s in _persons(p, res, idx)]
    return out


def sentence_roles(sent: SpacySpan, res: Resolver, idx: ActorIndex) -> list[Participant]:
    """Hosts and mediators a sentence names apart from the meeting's verb: "at the invitation of X",
    "mediated by X", "with X mediating", "X's mediation", "mediator X"."""
    out: list[Participant] = []
    for t in sent:
        low = t.lower_
        if low == "invitation" and t.head.lower_ == "at":  # "at the invitation of X"
            for of in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
                for p in of.children:
                    out += [Participant(n, HOST, Span(t.head.idx, s.end)) for n, s in _persons(p, res, idx)]
            for p in (c for c in t.children if c.dep_ == "poss"):
                out += [Participant(n, HOST, Span(t.head.idx, t.idx + len(t))) for n, _ in _persons(p, res, idx)]
        elif t.pos_ == "VERB" and (t.lemma_ in MEDIATE_VERBS or low in MEDIATE_FORMS):
            out += _mediating(t, res, idx)
        elif low in MEDIATE_FORMS and t.dep_ == "pobj" and t.head.lower_ == "with":  # parsed as a noun
            out += [Participant(n, MEDIATOR, Span(s.start, t.idx + len(t))) for n, s in _persons(t, res, idx)]
        elif low == "mediation":  # "X's mediation", "the mediation of X"
            for c in t.children:
                if c.dep_ == "poss":
                    out += [Participant(n, MEDIATOR, join(Span(c.left_edge.idx, c.idx + len(c)), t)) for n, _ in _persons(c, res, idx)]
                elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
                    for p in c.children:
                        out += [Participant(n, MEDIATOR, Span(t.idx, s.end)) for n, s in _persons(p, res, idx)]
        elif low in MEDIATOR_NOUNS:  # "mediator X", "X, the mediator", "X acted as mediator"
            out += _named_mediator(t, res, idx)
    return out


def _mediating(verb: Token, res: Resolver, idx: ActorIndex) -> list[Participant]:
    out: list[Participant] = []
    for c in verb.children:
        if c.dep_ == "agent":  # "talks mediated by X"
            for p in c.children:
                out += [Participant(n, MEDIATOR, Span(verb.idx, s.end)) for n, s in _persons(p, res, idx)]
        elif c.dep_ == "nsubj":  # "X mediated the talks"
            out += [Participant(n, MEDIATOR, Span(s.start, verb.idx + len(verb))) for n, s in _persons(c, res, idx)]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "with X mediating"
        out += [Participant(n, MEDIATOR, Span(s.start, verb.idx + len(verb)))
                for n, s in persons(verb.head, res, idx)]
    return out


def _named_mediator(t: Token, res: Resolver, idx: ActorIndex) -> list[Participant]:
    cands: list[Token] = []
    if t.dep_ in ("compound", "nmod") or t.dep_ == "appos":  # "mediator X", "X, the mediator"
        cands.append(t.head)
    cands += [c for c in t.children if c.dep_ == "appos"]  # "the mediator, X"
    if t.dep_ == "pobj" and t.head.lower_ == "as":  # "X acted / served as mediator"
        subj = next((c for c in t.head.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            cands.append(subj)
    out = []
    for c in cands:
        for n, s in _persons(c, res, idx):
            out.append(Participant(n, MEDIATOR, Span(min(s.start, t.idx), max(s.end, t.idx + len(t)))))
    return out


def seat_country(place: str | None, g: Gazetteer) -> str | None:
    """The country governed from ``place`` (a capital; a seat such as the Kremlin gives its city)."""
    if not place:
        return None
    for part in place.split(", "):  # "Kremlin, Moscow": the venue, then its city
        key = norm(part)
        found = g.capitals.get(key) or g.capitals.get(norm(g.venues.get(key, "")))
        if found:
            return found
    return None


def side(name: str, idx: ActorIndex, g: Gazetteer) -> str | None:
    """The country a participant acts for: its affiliation, a seat of government standing for its
    country ("the Kremlin's aide": Russia)."""
    actor = idx.actors.get(name)
    if actor is None or not actor.affiliation:
        return None
    return seat_country(actor.affiliation, g) or g.countries.get(norm(actor.affiliation)) or actor.affiliation


def _leads_country(name: str, country: str, idx: ActorIndex, g: Gazetteer) -> bool:
    actor = idx.actors.get(name)
    if actor is None or side(name, idx, g) != country:
        return False
    for title in actor.titles:
        words = set(norm(title).split())
        if words & NOT_LEADER:
            continue
        if words & LEADER_WORDS or {"prime", "minister"} <= words:
            return True
    return False


def settle_roles(parts: list[Participant], place: str | None, idx: ActorIndex, g: Gazetteer,
                 evidence: Span | None) -> None:
    """Host by seat of government, then Guest for the others of a hosted meeting.

    parts (list[Participant]): the meeting's participants, changed in place.
    place (str | None): the meeting's place label.
    evidence (Span | None): the span placing the meeting, evidence of a seat host's role.
    """
    country = seat_country(place, g)
    if country:
        for p in parts:
            if p.role is None and _leads_country(p.name, country, idx, g):
                p.role, p.evidence = HOST, evidence or p.evidence
    hosts = [p for p in parts if p.role == HOST]
    if not hosts:
        return
    host_sides = {side(h.name, idx, g) for h in hosts} - {None}
    for p in parts:
        if p.role is None and (side(p.name, idx, g) is None or side(p.name, idx, g) not in host_sides):
            p.role = GUEST
