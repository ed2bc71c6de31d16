"""Participants named apart from a meeting mention: heads of delegation ("the delegation is led by X"),
members ("X was also part of the delegation"), companions ("accompanied by X"), attendance lists
("Among the leaders who attended were ..."), persons placed in the session ("At the end of the
session A and B ...") and roles taken ("X acted as mediator"). Each joins the meeting current at
its position."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Participant, Span
from ..actors.index import ActorIndex
from ..actors.coref import RELATIVES, Resolver, antecedent
from .participants import HEAD_OF_DELEGATION, Joiner, listed_persons, persons, subject, tok_span
from .roles import HOST, MEDIATOR
from .where import doc_tokens, place_label as place_of
from .lineup import lineups

ATTEND_VERBS = frozenset("attend participate join".split())
DELEGATION_NOUNS = frozenset("delegation team side mediation".split())
GOVERNMENT_WORDS = frozenset("government rebel opposition".split())
MEMBER_NOUNS = frozenset("part member members one".split())
CHIEF_WORDS = frozenset("chief lead top principal".split())
LEAD_VERBS = frozenset("lead head".split())
LEAD_FORMS = frozenset("led leads leading headed heads heading".split())  # the small model's lemmas slip
ACT_AS_ROLES = {"host": HOST, "co-host": HOST, "chair": HOST, "co-chair": HOST, "mediator": MEDIATOR,
                "facilitator": MEDIATOR}


def _lead_phrase(t: Token, res: Resolver, idx: ActorIndex) -> list[tuple[str, Span]]:
    """Heads named around the delegation noun ``t``, each with the span that says so."""
    h = t.head
    found: list[tuple[str, Span]] = []
    leads = h.lemma_ in LEAD_VERBS or h.lower_ in LEAD_FORMS
    if leads and t.dep_ == "nsubjpass":  # "the delegation is led by X"
        agent = next((c for c in h.children if c.dep_ == "agent"), None)
        for p in (agent.children if agent is not None else []):
            found += [(n, Span(t.left_edge.idx, s.end)) for n, s in persons(p, res, idx, companions=False)]
        if agent is not None and not found:  # "headed by the Secretary of the Council, X": the holder's name
            for x in (x for x in agent.subtree if x.dep_ == "appos" and x.i in idx.token_actor):
                found += [(n, Span(t.left_edge.idx, s.end)) for n, s in persons(x, res, idx, companions=False)]
    elif leads and t.dep_ == "dobj":  # "X led the delegation", "X, who led the delegation"
        subj = subject(h)
        if subj is not None and subj.lower_ in RELATIVES | {"he", "she"}:
            name, how = res.actor(subj)
            if name and how in ("person", "pronoun") and idx.kind(name) == "Person":
                who = antecedent(subj) if subj.lower_ in RELATIVES else subj
                found.append((name, tok_span(who, t)))
        elif subj is not None:  # "X and Y led the American delegation"
            found += [(n, Span(s.start, t.idx + len(t))) for n, s in persons(subj, res, idx, companions=False)]
        if found:  # "X led the mediation with Y": a co-leader
            for w in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "with"):
                for p in w.children:
                    found += [(n, tok_span(t, p)) for n, _ in persons(p, res, idx, companions=False)]
    elif h.lower_ == "of" and h.head.lower_ in ("head", "chief", "leader"):  # "head of the delegation, X"
        np = h.head
        while np.dep_ in ("conj", "appos") and np.head.i != np.i:
            np = np.head
        named = persons(np, res, idx, companions=False)
        named += [p for c in np.children if c.dep_ == "appos" for p in persons(c, res, idx, companions=False)]
        found += [(n, Span(min(s.start, np.left_edge.idx), max(s.end, t.idx + len(t)))) for n, s in named]
    elif leads and h.dep_ in ("csubj", "advcl", "nsubj") and h.head.lemma_ == "be":  # "Heading the team was X"
        for a in (c for c in h.head.children if c.dep_ in ("attr", "nsubj") and c.i > h.i):
            found += [(n, Span(h.idx, s.end)) for n, s in persons(a, res, idx, companions=False)]
    for c in t.children:  # "the US team, headed by X"
        if c.dep_ == "acl" and (c.lemma_ in LEAD_VERBS or c.lower_ in LEAD_FORMS):
            for p in (x for a in c.children if a.dep_ == "agent" for x in a.children):
                found += [(n, Span(t.idx, s.end)) for n, s in persons(p, res, idx, companions=False)]
    return found or _headed_next(t, res, idx)


def _headed_next(t: Token, res: Resolver, idx: ActorIndex) -> list[tuple[str, Span]]:
    """ "between the US team, headed by X, and ...": the words right after the team say who heads it,
    wherever the parser hung "headed" (often on the main verb)."""
    doc = t.doc
    k = t.i + 1 + (t.i + 1 < len(doc) and doc[t.i + 1].text == ",")
    if k + 1 >= len(doc) or doc[k].lower_ not in LEAD_FORMS or doc[k + 1].lower_ != "by":
        return []
    return [(n, Span(t.idx, s.end)) for p in doc[k + 1].children
            for n, s in persons(p, res, idx, companions=False)]


def _is_delegation(t: Token, idx: ActorIndex) -> bool:
    """ "the delegation", "the Chinese team", "the American side" (a team or side of a country)."""
    return t.lemma_ in DELEGATION_NOUNS and t.pos_ == "NOUN" and (
        t.lemma_ in ("delegation", "mediation") or any(c.dep_ in ("amod", "compound") and c.i in idx.countries for c in t.children)
        or any(c.dep_ in ("compound", "amod") and c.lower_ in GOVERNMENT_WORDS for c in t.children))


def delegation_members(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """kg:HeadOfDelegation ("the delegation is led by X", "X, who led the delegation", "head of the
    delegation, X"), their companions, and plain members ("X was also part of the delegation")."""
    out: list[Joiner] = []
    for t in doc_tokens(doc):
        if not _is_delegation(t, idx):
            continue
        role = MEDIATOR if t.lemma_ == "mediation" else HEAD_OF_DELEGATION
        for name, span in _lead_phrase(t, res, idx):
            out.append(Joiner(t.idx, Participant(name, role, span)))
        near = [c for c in t.children] + [x for c in t.children if c.dep_ == "acl" for x in c.children]
        near += [x for c in near if c.dep_ == "agent" for x in c.conjuncts]  # "led by A and including B"
        for c in near:  # "a delegation led by A and including B and C"
            if c.lemma_ == "include" and c.dep_ in ("prep", "acl", "conj"):
                for p in (p for p in c.children if p.dep_ in ("pobj", "dobj")):
                    out += [Joiner(t.idx, Participant(n, None, Span(t.idx, s.end))) for n, s in persons(p, res, idx)]
        h = t.head
        if h.lower_ == "of" and h.head.lower_ in MEMBER_NOUNS and h.head.dep_ == "appos":
            who = h.head.head  # "A and B, the other members of the delegation"
            while who.dep_ == "conj" and who.head.i != who.i:
                who = who.head
            for name, span in persons(who, res, idx, companions=False):
                out.append(Joiner(t.idx, Participant(name, None, Span(span.start, t.idx + len(t)))))
        if h.lower_ == "of" and h.head.lower_ in MEMBER_NOUNS and h.head.dep_ in ("attr", "nsubj"):
            subj = subject(h.head.head) if h.head.dep_ == "attr" else None
            for name, span in persons(subj, res, idx) if subj is not None else []:
                out.append(Joiner(t.idx, Participant(name, None, Span(span.start, t.idx + len(t)))))
    return out


def companions(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "X was accompanied by Y", "X, who was accompanied by Y": Y takes part wherever X does."""
    out: list[Joiner] = []
    for t in doc_tokens(doc):
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


ROLL_NOUNS = frozenset("participant attendee".split())


def _present(be: Token, idx: ActorIndex) -> list[Joiner]:
    """ "Also present were A and B", "A and B were also present", "The participants were A, B and C",
    "Representing Ukraine were A and B"."""
    kids = list(be.children)
    if not any(c.dep_ == "acomp" and c.lower_ == "present" for c in kids) and not any(
            c.dep_ == "nsubj" and c.lemma_ in ROLL_NOUNS and c.i < be.i for c in kids) and not any(
            c.dep_ == "csubj" and c.lower_ == "representing" for c in kids):  # "Representing X were A and B"
        return []
    after = next((c for c in kids if c.dep_ in ("attr", "nsubj") and c.i > be.i), None)
    before = next((c for c in kids if c.dep_ == "nsubj" and c.i < be.i and c.lemma_ not in ROLL_NOUNS), None)
    listed = after if after is not None else before
    if listed is None:
        return []
    return [Joiner(be.idx, Participant(n, None, Span(min(s.start, be.idx), max(s.end, be.idx + len(be)))))
            for n, s in listed_persons(be.doc[listed.left_edge.i], idx)]


REFERRING = frozenset("they it these those meeting meetings talks session ceremony summit".split())


def _attended(t: Token, idx: ActorIndex) -> list[Joiner]:
    """ "They were attended by A and B" (the talks just named), "A also attended" (with no object:
    the meeting just named, not "attended the funeral")."""
    kids = list(t.children)
    agent = next((c for c in kids if c.dep_ == "agent"), None)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if agent is not None and subj is not None and subj.dep_ == "nsubjpass" and subj.lower_ in REFERRING:
        listed = [p for p in agent.children if p.dep_ == "pobj"]
    elif agent is None and subj is not None and subj.dep_ == "nsubj" and t.lemma_ == "attend" \
            and not any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in kids):
        listed = [subj]
    else:
        return []
    role = HEAD_OF_DELEGATION if t.lower_ in LEAD_FORMS else None  # "they were led on the US side by A"
    return [Joiner(t.idx, Participant(n, role, Span(min(s.start, t.idx), max(s.end, t.idx + len(t)))))
            for p in listed for n, s in listed_persons(t.doc[p.left_edge.i], idx)]


def _comprised(t: Token, idx: ActorIndex) -> list[Joiner]:
    """ "The US delegation comprised / included A, B and C": the members of a delegation named so."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None or not _is_delegation(subj, idx):
        return []
    return [Joiner(t.idx, Participant(n, None, Span(t.idx, s.end)))
            for n, s in listed_persons(t.doc[obj.left_edge.i], idx)]


def _in_attendance(t: Token, idx: ActorIndex) -> list[Joiner]:
    """The persons between "with" and "in attendance"."""
    doc = t.doc
    w = next((x for x in reversed(doc[t.sent.start:t.i]) if x.lower_ == "with"), None)
    if w is None or w.i + 1 >= t.i:
        return []
    return [Joiner(t.idx, Participant(n, None, Span(w.idx, t.idx + len(t))))
            for n, s in listed_persons(doc[w.i + 1], idx) if s.end <= t.idx]


def attendance_lists(doc: Doc, idx: ActorIndex) -> list[Joiner]:
    """ "Among the leaders who attended were A, B and C", "Among those attending were A and B": the
    list after the copula takes part; so do those said to be present, and the participants listed."""
    out: list[Joiner] = []
    for t in doc_tokens(doc):
        if t.lemma_ == "be" and t.pos_ == "AUX":
            out += _present(t, idx)
            continue
        if t.lower_ == "attendance" and t.head.lower_ == "in":  # "..., with A and B in attendance"
            out += _in_attendance(t, idx)
            continue
        if (t.lemma_ in ATTEND_VERBS or t.lower_ in LEAD_FORMS) and t.pos_ == "VERB" \
                and t.dep_ not in ("relcl", "acl", "xcomp"):
            out += _attended(t, idx)
        if t.lemma_ in ("include", "comprise") and t.pos_ == "VERB":  # "the US delegation comprised A, B"
            out += _comprised(t, idx)
        if t.lemma_ not in ATTEND_VERBS or t.dep_ not in ("relcl", "acl") or any(c.dep_ == "dobj" for c in t.children):
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
    for t in doc_tokens(doc):
        if t.lower_ != "with" or t.i == 0 or doc[t.i - 1].lower_ != "together" or t.i + 1 >= len(doc):
            continue
        verb = next((h for h in t.ancestors if h.pos_ == "VERB"), None)
        if verb is None:
            continue
        where = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for p in c.children
                 if place_of(p, idx) not in (None, *countries)]
        if not where:
            continue
        place = place_of(where[0], idx)
        subj = subject(verb)
        named = (persons(subj, res, idx) if subj is not None else []) + listed_persons(doc[t.i + 1], idx)
        for name, span in named:
            out.append(Joiner(t.idx, Participant(name, None, span), place=place))
    return out


REFERENCE_NOUNS = frozenset("session talks meeting negotiations summit".split())
PHASE_NOUNS = frozenset("end start beginning close course margins sidelines".split())


def _place_words(t: Token, idx: ActorIndex) -> str | None:
    """ "the Ohrid meeting": the place named inside the noun phrase."""
    return next((place_of(c, idx) for c in t.children if c.dep_ in ("compound", "amod")
                 and place_of(c, idx)), None)


def in_session(doc: Doc, idx: ActorIndex) -> list[Joiner]:
    """ "At the end of the session A and B spoke", "During the talks, A ...": the persons the clause
    opens with, after a phrase placing it inside the (definite) meeting; and "in A's presence"."""
    out: list[Joiner] = []
    for t in doc_tokens(doc):
        if t.lower_ not in REFERENCE_NOUNS or t.pos_ != "NOUN" or not any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "their") for c in t.children):
            continue
        place = _place_words(t, idx)
        prep = t.head
        if prep.lower_ == "of" and prep.head.lower_ in PHASE_NOUNS and prep.head.dep_ == "pobj":
            prep = prep.head.head
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "towards", "toward", "during", "throughout", "on") \
                or prep.i != prep.sent.start and not (prep.i > 0 and doc[prep.i - 1].is_punct):
            continue  # only a phrase opening its clause
        for name, span in listed_persons(doc[t.i + 1], idx) if t.i + 1 < len(doc) else []:
            out.append(Joiner(t.idx, Participant(name, None, Span(prep.idx, span.end)), place=place))
        for p in t.sent:
            if p.lower_ == "presence" and p.i > t.i:
                for c in (c for c in p.children if c.dep_ == "poss" and idx.kind(idx.token_actor.get(c.i, "")) == "Person"):
                    out.append(Joiner(t.idx, Participant(idx.token_actor[c.i], None, tok_span(c, p)), place=place))
    return out


def presence(doc: Doc, idx: ActorIndex) -> list[Joiner]:
    """ "The presence of X was credited ...", "X's presence at the talks": X took part (the current
    meeting); "in A's presence" inside a session phrase is :func:`in_session`'s."""
    out: list[Joiner] = []
    for t in doc_tokens(doc):
        if t.lower_ != "presence" or t.pos_ != "NOUN" or t.head.lower_ in ("in", "without"):
            continue
        who = [c for c in t.children if c.dep_ == "poss"]
        who += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for w in who:
            name = idx.token_actor.get(w.i)
            if name and idx.kind(name) == "Person":
                out.append(Joiner(t.idx, Participant(name, None, tok_span(t, w))))
    return out


def acting_as(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "X acted as host and mediator", "X served as mediator": X takes part in the current meeting."""
    out: list[Joiner] = []
    for t in doc_tokens(doc):
        if t.lemma_ not in ("act", "serve") or t.pos_ != "VERB":
            continue
        roles = [n for a in t.children if a.dep_ == "prep" and a.lower_ == "as" for p in a.children
                 for n in (p, *p.conjuncts) if n.lower_ in ACT_AS_ROLES]
        subj = subject(t)
        if not roles or subj is None:
            continue
        role = MEDIATOR if any(ACT_AS_ROLES[r.lower_] == MEDIATOR for r in roles) else HOST
        for name, span in persons(subj, res, idx, companions=False):
            out.append(Joiner(t.idx, Participant(name, role, Span(span.start, roles[-1].idx + len(roles[-1])))))
    return out


def chief_negotiators(doc: Doc, idx: ActorIndex) -> list[Joiner]:
    """ "X, the rebels' chief negotiator, ...", "lead negotiator X": a party's chief negotiator heads its
    delegation at the current meeting; "Russian negotiator X" (a side's negotiator) takes part in it."""
    out: list[Joiner] = []
    for t in doc_tokens(doc):
        if t.lemma_ != "negotiator" or t.dep_ not in ("appos", "compound"):
            continue
        mods = [c for c in t.children if c.dep_ in ("amod", "compound", "poss")]
        chief = any(c.lower_ in CHIEF_WORDS for c in mods)
        if not chief and not any(c.i in idx.countries for c in mods):
            continue
        name = idx.token_actor.get(t.head.i)
        if name and idx.kind(name) == "Person":
            out.append(Joiner(t.idx, Participant(name, HEAD_OF_DELEGATION if chief else None, tok_span(t.head, t))))
    return out


ARRIVAL_VERBS = frozenset("arrive land".split())
TRIP_VERBS = frozenset("fly travel".split())  # "A and B flew to Moscow": they go where the meeting is


def arrivals(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """ "A and B arrived in Riyadh on Monday", "flew to Riyadh": they take part in the article's meeting
    in that city (a country is too wide to say which meeting)."""
    out: list[Joiner] = []
    countries = set(idx.countries.values())
    for t in doc_tokens(doc):
        if t.pos_ != "VERB" or t.lemma_ not in ARRIVAL_VERBS | TRIP_VERBS or any(c.dep_ == "neg" for c in t.children):
            continue
        preps = ("in", "at") if t.lemma_ in ARRIVAL_VERBS else ("to",)
        where = [place_of(p, idx) for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                 for p in c.children if p.dep_ == "pobj"]
        where = [w for w in where if w and w not in countries]
        subj = subject(t)
        if not where or subj is None:
            continue
        for name, span in persons(subj, res, idx):
            out.append(Joiner(t.idx, Participant(name, None, Span(span.start, t.idx + len(t))), place=where[0]))
    return out


def joiners(doc: Doc, res: Resolver, idx: ActorIndex) -> list[Joiner]:
    """Participants named apart from any meeting mention, in text order."""
    found = delegation_members(doc, res, idx) + companions(doc, res, idx) + attendance_lists(doc, idx)
    found += co_present(doc, res, idx) + in_session(doc, idx) + acting_as(doc, res, idx) + presence(doc, idx)
    found += chief_negotiators(doc, idx) + lineups(doc, res, idx) + arrivals(doc, res, idx)
    return sorted(found, key=lambda j: j.pos)
