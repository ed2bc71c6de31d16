"""Who sat at the table, named in the sentences around a meeting: line-ups of the sides.

- "Washington was represented by A, together with B and C"
- "On the Russian side sat A, B and C"
- "Among those counterparts were A, B and C"; "brought several officials with him, among them A, B"
- "Pakistan's delegation, which also included A and B"
- "A's team", "the delegation of A": the person a team belongs to heads it

Each joins the meeting current at its position (see :class:`participants.Joiner`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Participant, Span
from ..actors.index import ActorIndex
from ..actors.coref import Resolver
from .where import doc_tokens
from .participants import HEAD_OF_DELEGATION, Joiner, listed_persons, persons, tok_span
from .roles import HOST, MEDIATOR

GROUP_NOUNS = frozenset("""counterparts participants attendees leaders officials delegates members guests
negotiators those them""".split())
TEAM_NOUNS = frozenset("team delegation".split())
PART_NOUNS = frozenset("member official part aide staffer representative".split())  # some of the team
INCLUDE_VERBS = frozenset("include comprise feature".split())


def _represented(t: Token, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "X was represented by A, together with B": the persons of the agent phrase."""
    out: list[Joiner] = []
    for a in (c for c in t.children if c.dep_ == "agent"):
        for p in a.children:
            out += [Joiner(t.idx, Participant(n, None, Span(t.idx, s.end))) for n, s in persons(p, res, idx)]
            if p.i + 1 < len(t.doc):
                out += [Joiner(t.idx, Participant(n, None, Span(t.idx, s.end)))
                        for n, s in listed_persons(t.doc[p.i], idx)]
            for w in (x for x in p.subtree if x.lower_ == "with" and x.dep_ == "prep"):  # "A, together with B"
                for q in w.children:
                    out += [Joiner(t.idx, Participant(n, None, Span(t.idx, s.end))) for n, s in persons(q, res, idx)]
    return out


def _side_seats(t: Token, idx: ActorIndex) -> list[Joiner]:
    """ "On the Russian side sat A, B and C": the persons after the verb."""
    if not any(c.dep_ == "prep" and any(p.lemma_ in ("side", "table") for p in c.children) for c in t.children):
        return []
    if t.i + 1 >= len(t.doc):
        return []
    return [Joiner(t.idx, Participant(n, None, Span(t.idx, s.end))) for n, s in listed_persons(t.doc[t.i + 1], idx)]


def _among(t: Token, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "Among those counterparts were A, B" / "..., among them A, B and C". After "X brought officials
    with him, among them A, B", A and B go where X goes (X anchors them)."""
    words = GROUP_NOUNS | {"the", "these", "whom"}
    if t.i + 1 >= len(t.doc) or t.doc[t.i + 1].lower_ not in words:
        return []
    end = t.sent.end
    j = t.i + 1
    while j < end and t.doc[j].lower_ in words:
        j += 1
    if j < end and t.doc[j].lemma_ == "be":
        j += 1
    if j >= end:
        return []
    named = listed_persons(t.doc[j], idx)
    heads = [t.head] if t.head.dep_ in ("appos", "conj") else []  # the parse keeps the list whole
    for h in heads + [c for c in t.children if c.dep_ == "pobj"]:
        if h.i in idx.token_actor:
            named += [p for p in persons(h, res, idx, companions=False) if p[0] not in [n for n, _ in named]]
    verb = next((h for h in t.ancestors if h.pos_ == "VERB"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    anchor = idx.token_actor.get(subj.i) if subj is not None and subj.i < t.i else None
    anchor = anchor if anchor and idx.kind(anchor) == "Person" else None
    return [Joiner(t.idx, Participant(n, None, Span(t.idx, s.end)), anchor if n != anchor else None)
            for n, s in named]


def _team_owner(t: Token, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "A's delegation", "the delegation of A", "A's team": A heads the side at the meeting."""
    out: list[Joiner] = []
    part = t.head.lower_ == "of" and t.head.head.lemma_ in PART_NOUNS  # "senior members of A's team"
    for c in () if part else t.children:
        who = c if c.dep_ == "poss" else next((p for p in c.children if p.dep_ == "pobj"), None) \
            if c.dep_ == "prep" and c.lower_ == "of" else None
        if who is None or who.lower_ in ("its", "their", "our"):
            continue
        name = idx.token_actor.get(who.i)
        if who.lower_ in ("his", "her"):
            name, how = res.actor(who)
            if how not in ("person", "pronoun"):
                continue
        if name and idx.kind(name) == "Person":
            out.append(Joiner(t.idx, Participant(name, HEAD_OF_DELEGATION, tok_span(who, t))))
    for r in (c for c in t.children if c.dep_ == "relcl" and c.lemma_ in INCLUDE_VERBS):
        for o in (c for c in r.children if c.dep_ == "dobj"):  # "the delegation, which also included A"
            out += [Joiner(t.idx, Participant(n, None, Span(t.idx, s.end))) for n, s in persons(o, res, idx)]
    return out


RUN_FORMS = {"chaired": HOST, "co-chaired": HOST, "hosted": HOST, "mediated": MEDIATOR, "brokered": MEDIATOR,
             "led": HEAD_OF_DELEGATION, "headed": HEAD_OF_DELEGATION}


def _ran_it(t: Token, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "A chaired them", "B mediated it" (the meeting just named), "C led the Ukrainians" (a side named
    by its people): the subject takes part in the current meeting, in the role the verb gives."""
    objs = [c for c in t.children if c.dep_ == "dobj"]
    if not objs:
        return []
    obj = objs[0]
    side = obj.i in idx.countries and obj.tag_ == "NNPS"  # "the Ukrainians"
    if t.lower_ in ("led", "headed") and not side or not side and obj.lower_ not in ("them", "it"):
        return []
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return []
    return [Joiner(t.idx, Participant(n, RUN_FORMS[t.lower_], Span(s.start, obj.idx + len(obj))))
            for n, s in persons(subj, res, idx, companions=False)]


def lineups(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """Participants named in line-ups of the sides, in text order."""
    out: list[Joiner] = []
    for t in doc_tokens(doc):
        if t.lemma_ == "represent" and t.tag_ == "VBN":
            out += _represented(t, res, idx)
        elif t.lemma_ == "sit" and t.pos_ == "VERB" or t.lemma_ == "be" and t.pos_ == "AUX":
            out += _side_seats(t, idx)  # "On the Russian side sat / were A, B and C"
        elif t.pos_ == "VERB" and t.lower_ in RUN_FORMS:
            out += _ran_it(t, res, idx)
        elif t.lower_ == "among":
            out += _among(t, res, idx)
        elif t.lemma_ in TEAM_NOUNS and t.pos_ == "NOUN":
            out += _team_owner(t, res, idx)
        elif t.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in t.children) \
                and not any(c.dep_ == "prep" for c in t.children):  # "A, who had also taken part"
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            out += [Joiner(t.idx, Participant(n, None, Span(s.start, t.idx + len(t))))
                    for n, s in (persons(subj, res, idx) if subj is not None else [])]
    return out
