"""Who took part in a meeting: the named persons around a meeting trigger (subject, objects, "with"
phrases, lists), resolved through :mod:`coref`. Persons named apart from the trigger are in
:mod:`attendance`."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan, Token

from ...model import Participant, Span
from ..actors.index import ActorIndex
from ..actors.coref import RELATIVES, Resolver, antecedent
from ..text.gazetteer import TITLE_WORDS
from .lists import colon_members
from .pairs import across_sequence, is_pair, last_two, pair_subjects, travellers

JOIN_VERBS = frozenset("""hold have attend participate join take begin start engage conduct continue resume lead
open host travel chair co-chair convene sit carry leave""".split())
GATHER_VERBS = frozenset("bring gather unite".split())
WITNESS_VERBS = frozenset("witness look watch observe".split())  # "as C looked on", "which C witnessed"
HOST_VERBS = frozenset("host receive welcome".split())
WITH_PREPS = frozenset("with between among involving by".split())
HEAD_OF_DELEGATION = "HeadOfDelegation"
TALKED_PREPS = frozenset("after following during from at".split())  # "left after talks with Y"


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
        elif t is tok and colon_members(t, idx):  # "with the US team: A and B"
            out += [p for p in colon_members(t, idx) if p[0] not in [n for n, _ in out]]
        elif t is tok and is_pair(t):  # "both men", "the two leaders": the last two persons named
            out += [p for p in last_two(t, idx) if p[0] not in [n for n, _ in out]]
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
            elif not is_person and t is not tok and c.dep_ == "prep" and c.lower_ in ("for", "of", "to"):
                # "the envoy for the dialogue, X": the parser hangs the holder's name on the PP
                stack.extend(a for p in c.children for a in p.children if a.dep_ == "appos")
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
        if name and t.dep_ == "poss" or name and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("'s", "’s"):
            continue  # "Putin's aide Yuri Ushakov": the aide is listed, not Putin
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
        if c.dep_ == "prep" and c.lower_ in WITH_PREPS or c.dep_ in ("agent",) \
                or c.dep_ == "prep" and c.lower_ == "of" and trig.pos_ == "NOUN":  # "a meeting of A, B and C"
            for p in c.children:
                add(p)
        if c.dep_ == "acl" and c.lemma_ in ("involve", "include"):
            add(next((x for x in c.children if x.dep_ == "dobj"), None))
        if c.dep_ == "acl" and c.pos_ == "VERB":  # "talks held with A", "a session followed with B"
            for w in (w for w in c.children if w.dep_ == "prep" and w.lower_ in ("with", "between")):
                for p in w.children:
                    add(p)
        if c.dep_ == "acl" and c.lemma_ == "attend":  # "the meeting, attended by A, B and C"
            for a in (x for x in c.children if x.dep_ == "agent"):
                for p in a.children:
                    add(p)
        if c.dep_ == "npadvmod" and trig.pos_ == "VERB":  # "met his counterpart A": the parser cuts A off
            add(c)
        if c.dep_ in ("dobj", "poss") and trig.pos_ == "VERB" or c.dep_ == "poss":
            add(c)
        if c.dep_ == "prep" and c.lower_ == "to" and trig.pos_ == "VERB":  # "presented the plan to X"
            for p in c.children:
                add(p)
    for c in trig.children:  # "met A, adviser B and the chiefs": a list the parser broke up
        if c.dep_ == "dobj" and trig.pos_ == "VERB" and c.i in idx.token_actor:
            out.extend(p for p in listed_persons(c, idx) if p[0] not in [n for n, _ in out])
    if verb is not None and verb.lemma_ in GATHER_VERBS and trig.dep_ == "nsubj" and trig.head.i == verb.i:
        # "the talks brought together A and B", "brought A face to face with B"
        start = verb.i + 1 + (verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "together")
        if start < len(verb.doc):
            out.extend(p for p in listed_persons(verb.doc[start], idx) if p[0] not in [n for n, _ in out])
        for x in verb.subtree:
            if x.dep_ == "pobj" and x.head.lower_ == "with" and x not in trig.subtree:
                add(x)
    if trig.pos_ == "VERB" and trig.dep_ == "acl" and trig.head.dep_ == "pobj":
        add(subject(trig.head.head.head))  # "signed it in a ceremony hosted by X": the signatories
    for r in trig.children:  # "the talks, which A and B co-chaired", "the summit he plans to hold with B"
        if r.dep_ != "relcl":
            continue
        c = next((x for x in r.children if x.dep_ == "xcomp" and x.lemma_ in JOIN_VERBS), r)
        chair = c.lower_ in ("co-chaired", "chaired") or c.lower_ == "co" and c.i + 2 < len(c.doc) \
            and c.nbor(1).text == "-" and c.nbor(2).lower_ == "chaired"  # "co - chaired" in three tokens
        if c.lemma_ in JOIN_VERBS | HOST_VERBS | GATHER_VERBS | WITNESS_VERBS or chair:
            subj = subject(r)
            if subj is not None and subj.lower_ not in RELATIVES:
                add(subj)
            elif subj is not None and subj.i + 1 < r.i:  # "the talks, which A and B co-chaired": the
                out.extend(p for p in listed_persons(subj.nbor(1), idx)  # names the parse hung anywhere
                           if p[0] not in [n for n, _ in out])
            for x in c.children:
                if x.dep_ == "dobj" and x.lower_ not in RELATIVES or x.dep_ == "prep" and x.lower_ in WITH_PREPS:
                    for p in ([x] if x.dep_ == "dobj" else list(x.children)):
                        add(p)
                        add(_owner(p, idx))
    if trig.dep_ == "nsubjpass" and verb is not None and verb.lemma_ in JOIN_VERBS | {"attend"}:
        for a in (c for c in verb.children if c.dep_ == "agent"):  # "was attended by A and by B"
            for by in (a, *a.conjuncts):
                for p in by.children:
                    add(p)
    if trig.dep_ == "pobj" and trig.head.lower_ in ("at", "during"):  # a caption: "A, the envoy, at the
        who = trig.head.head  # meeting of ..."; "A with B during their meeting"
        who = who.head if who.dep_ == "appos" else who
        if who.i in idx.token_actor:
            add(who)
    if verb is not None and trig in list(verb.children) or trig.pos_ == "VERB":
        v = trig if trig.pos_ == "VERB" else verb
        for c in v.children:  # "conducted through the Omani minister X": the go-between takes part
            if c.dep_ == "prep" and c.lower_ in ("through", "via"):
                for p in c.children:
                    add(p)
    if trig.dep_ == "pobj" and trig.head.lower_ in TALKED_PREPS and verb is not None and trig.head.head.i == verb.i \
            and any(c.dep_ == "prep" and c.lower_ == "with" and persons(p, res, idx)
                    for c in trig.children for p in c.children):
        add(subject(verb))  # "X flew home after a session with Y": X sat in the session with Y
    if trig.dep_ == "pobj" and trig.head.lower_ in ("over", "during") and verb is not None and trig.head.head.i == verb.i:
        add(subject(verb))  # "A lifts his glass to B over dinner"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "with"):
                for p in c.children:
                    add(p)
    colon = next((t for t in trig.doc[trig.i + 1:trig.sent.end] if t.text == ":"), None)
    nxt = _after_colon(trig.sent) if trig.i - trig.sent.start < 12 else None
    if nxt is not None:  # "Signing in X on D:" ending its sentence: the next one says who
        root = nxt.root
        add(subject(root) if root.pos_ in ("VERB", "AUX") else root)
        out.extend(p for p in listed_persons(nxt[0], idx) if p[0] not in [n for n, _ in out])
    elif colon is not None and trig.i - trig.sent.start < 12:  # "Signing in X on D: A and B put their names to"
        after = next((t for t in trig.doc[colon.i + 1:trig.sent.end] if t.pos_ == "VERB"), None)
        if after is not None:
            add(subject(after))
    if any(c.dep_ == "poss" and c.lower_ == "their" for c in trig.children):
        out.extend(p for p in _named_before(trig, idx) if p[0] not in [n for n, _ in out])
    if verb is not None and any(c.dep_ == "neg" for c in verb.children):
        return out  # "X did not travel to the summit"
    for t in pair_subjects(trig):
        add(t)
    for t in travellers(trig):
        add(t)
    root = trig.sent.root
    if root.pos_ in ("NOUN", "PROPN") and root.i != trig.i and trig.dep_ == "relcl" and trig.pos_ == "VERB" \
            and not any(c.pos_ in ("VERB", "AUX") and c.dep_ != "relcl" for c in root.children):
        add(root)  # a caption: "A and B on June 4 at X, where the leaders dined"
    if verb is not None and trig.dep_ == "nsubj" and trig.head.i == verb.i and verb.lemma_ not in JOIN_VERBS:
        for c in verb.children:  # "an afternoon session followed with X"
            if c.dep_ == "prep" and c.lower_ == "with":
                for p in c.children:
                    add(p)
    if verb is not None and not across_sequence(trig, verb):
        for c in (*verb.children, *trig.children):  # "held a round of talks, led by A and B"
            if c.dep_ in ("advcl", "acl") and c.tag_ == "VBN" and c.lower_ in ("led", "headed", "chaired"):
                for a in (x for x in c.children if x.dep_ == "agent"):
                    for p in a.children:
                        add(p)
    if trig.i == trig.sent.start and trig.lower_ in ("meeting", "visiting") and trig.i + 1 < len(trig.doc):
        # "Meeting President A on the margins of the summit, B pledged ...": B met A, however parsed
        out.extend(p for p in listed_persons(trig.doc[trig.i + 1], idx) if p[0] not in [n for n, _ in out])
        if trig.sent.root.pos_ == "VERB":
            add(subject(trig.sent.root))
    if trig.pos_ == "VERB":
        add(subject(trig))
        for c in trig.children:  # "A and B sign the text as C and D look on"
            if c.dep_ == "advcl" and c.lemma_ in WITNESS_VERBS:
                add(subject(c))
        for c in trig.children:  # a subject the parser split up ("army chief Abdel al-Burhan met")
            if c.dep_ == "nsubj":
                add(c)
    elif verb is not None and verb.lemma_ in JOIN_VERBS | {"be"} and not across_sequence(trig, verb):
        if verb.lemma_ in JOIN_VERBS or trig.dep_ == "pobj" and trig.head.head.lower_ in ("present", "on hand"):
            add(subject(verb))  # "X was present for the signing"
        if verb.lemma_ == "join":  # "A joined B for talks", "A was joined by B at the talks"
            for c in verb.children:
                if c.dep_ == "dobj":
                    add(c)
                elif c.dep_ == "agent":
                    for p in c.children:
                        add(p)
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in WITH_PREPS and c is not trig.head:
                for p in c.children:
                    add(p)
    return out


def _after_colon(sent: SpacySpan) -> SpacySpan | None:
    """The sentence after ``sent`` when ``sent`` ends with a colon (a caption or a list announced)."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":":
        return None
    first = next((t for t in sent.doc[sent.end:sent.end + 3] if not t.is_space), None)
    return first.sent if first is not None else None


def _owner(tok: Token, idx: ActorIndex) -> Token | None:
    """ "his team", "the delegation of X": the person a team or delegation belongs to."""
    if tok.lemma_ not in ("team", "delegation", "side"):
        return None
    for c in tok.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            return next((p for p in objs if p.i in idx.token_actor), objs[0] if objs else None)
    return None


def _named_before(trig: Token, idx: ActorIndex) -> list[tuple[str, Span]]:
    """ "A and B ... during their meeting": the persons named earlier in the sentence (at most four)."""
    found: list[tuple[str, Span]] = []
    for t in trig.doc[trig.sent.start:trig.i]:
        name = idx.token_actor.get(t.i)
        if name and idx.kind(name) == "Person" and name not in [n for n, _ in found]:
            found.append((name, tok_span(t, trig)))
    return found[:4]
