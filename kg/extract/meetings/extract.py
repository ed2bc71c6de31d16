"""kg:Meeting: encounters (talks, meetings, summits, visits, calls) with place, date, status and
attendees, found from trigger words and the dependency parse.

A mention without place or date ("the talks", "the meeting") refers to the article's current
meeting and may add attendees to it; a meeting is emitted only with a place or a date.
"""
from __future__ import annotations

import heapq
from bisect import insort
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

from spacy.tokens import Doc, Token

from ...model import Meeting, Participant, Span
from ..actors.index import ActorIndex
from ..actors.coref import Resolver
from ..text.dates import resolve
from ..text.gazetteer import load_gazetteer, norm
from .places import meeting_place, place_date_pairs, place_of
from .modes import mention_mode
from .attendance import joiners
from .halves import date_next_days, join_halves, join_same_day, signers_at_summit
from .attach import attach_bare, attach_joiners, current
from .participants import HOST_VERBS, attendees, persons, subject
from .when import mention_date, nested_meetings, next_day
from .scope import SEQUENCE_WORDS, TRIGGER_NOUNS, before_event, reported, scope_of
from .sessions import (DINE_FORMS, SESSION_NOUNS, agree, backdrop, fresh, hypothetical, not_a_session, one_to_one,
                       round_of_talks, session_of)
from .where import TOKENS, compatible, doc_tokens, inner, local_places
from .roles import CHAIR_VERBS, MEDIATOR, give, host_roles, sentence_roles, settle_roles
from ..text.venues import dateline

_TRIGGER_WORDS = frozenset(TRIGGER_NOUNS | SESSION_NOUNS)  # built once, not per token

TRIGGER_VERBS = frozenset("meet visit".split())
ACCORD_VERBS = frozenset("sign agree".split())  # "A and B signed the deal in X": a meeting at X
HANDOVER_VERBS = frozenset("present hand deliver brief".split())  # "presented the plan to X in Kyiv"
HOPE_VERBS = frozenset("hope want wish like love".split())
HOPE_FORMS = frozenset("hoped hopes hoping wanted wants wished wishes".split())  # the small model's lemmas slip
SCHEDULE_WORDS = frozenset("expect plan schedule set due intend prepare going".split())
UNDERWAY_VERBS = frozenset("begin start continue resume".split())
CANCEL_WORDS = frozenset("cancel postpone scrap delay call".split())
RESUME_VERBS = frozenset("resume reconvene".split())  # "they resumed the next day": talks named before
MET_GROUPS = frozenset("counterpart delegation team side negotiator envoy".split())  # "met the delegation"


@dataclass
class Mention:
    start: int  # char offsets of the trigger's sentence
    end: int
    place: str | None = None
    date: date | None = None
    basis: str | None = None
    status: str = "Held"
    mode: str | None = None
    attendees: list[Participant] = field(default_factory=list)
    definite: bool = False
    pos: int = 0
    place_span: Span | None = None  # the words that place the meeting (a seat host's evidence)
    session: str | None = None  # bilateral, plenary, dinner, signing, morning... (sessions.session_of)
    hypothetical: bool = False  # only an idea or a proposal of a meeting
    background: bool = False  # "after the opening round", "follows a meeting in Geneva": an earlier one
    fresh: bool = False  # "meet again", "the next round": a meeting after the one reported
    words: set[str] = field(default_factory=set)  # the trigger words ("summit", "talks")
    backdrop: bool = False  # "on the margins of the summit": named only as the setting of another
    by_publication: bool = False  # dated only as "under way" on the day the article appeared
    seen: list[int] = field(default_factory=list)  # later positions where the same meeting is mentioned
    one_to_one: bool = False  # "one-on-one talks", "a tete-a-tete": two persons and no one else
    next_day: bool = False  # "resumed the next day": the day after the meeting told before it

    def names(self) -> set[str]:
        return {p.name for p in self.attendees}


class MeetingFinder:
    def __init__(self, doc: Doc, idx: ActorIndex, published: date | None, context_dates: Sequence[date]):
        self.doc, self.idx = doc, idx
        self.published, self.context_dates = published, context_dates
        self.res = Resolver(doc, idx, set())
        self.mentions: list[Mention] = []
        self.joiners: list = []  # participants named apart from a mention (participants.Joiner)
        self.gaz = load_gazetteer()
        self.dateline = self._full_place(dateline(doc, self.gaz))
        self.within = local_places(doc, idx)[1]
        self._lone: dict[int, bool] = {}  # sentence start -> whether it holds one trigger

    def _full_place(self, label: str | None) -> str | None:
        """ "BANGKOK/KUALA LUMPUR —" reads as "Lumpur": the article's place whose name ends so."""
        if not label or norm(label) in self.gaz.places or norm(label) in self.gaz.capital_labels:
            return label
        return next((p for p in sorted(self.idx.places) if norm(p).endswith(" " + norm(label))), label)

    def is_trigger(self, t: Token) -> bool:
        low = t.lower_
        if (t.pos_ in ("NOUN", "VERB") and t.tag_ in ("NN", "NNS", "VBG") or t.pos_ == "PROPN" and t.is_title) \
                and low in _TRIGGER_WORDS and not not_a_session(t):
            if t.pos_ != "VERB" or low == "signing" and (t.dep_ in ("nsubj", "pobj", "dobj", "compound") or t.dep_ == "ROOT"
                                                          and not any(c.dep_ == "nsubj" for c in t.children)):
                return True
        if t.pos_ == "NOUN" and low in ("round", "rounds"):
            return round_of_talks(t)
        if t.pos_ == "VERB" and (t.lemma_ in TRIGGER_VERBS or t.lower_ in DINE_FORMS):
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            return obj is None or self.idx.kind(self.idx.token_actor.get(obj.i, "")) in ("Person", "Country") \
                or obj.lemma_ in MET_GROUPS or obj.i in self.idx.countries \
                or t.lemma_ == "visit" and place_of(obj, self.idx) is not None  # "visited Kyiv"
        if t.pos_ == "VERB" and t.lemma_ in RESUME_VERBS and not any(c.dep_ == "dobj" for c in t.children):
            return any(c.dep_ == "nsubj" and c.lower_ in ("they", "delegations", "negotiators") for c in t.children)
        if t.pos_ == "VERB" and t.lemma_ == "sit" and any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children):
            return any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)  # "sat down with X"
        if t.pos_ == "VERB" and t.lemma_ in HOST_VERBS:
            return self._hosts(t)
        if t.pos_ == "VERB" and t.lemma_ in HANDOVER_VERBS:
            return self._hands_over(t)
        if t.pos_ == "VERB" and t.lemma_ in ACCORD_VERBS:
            return self._accords(t)
        return False

    def _accords(self, t: Token) -> bool:
        """ "A and B signed / agreed ... in Ohrid": two named persons settling something together at a
        named city met there (one person signing a decree did not)."""
        subj = subject(t) if t.dep_ != "xcomp" else None
        named = persons(subj, self.res, self.idx) if subj is not None else []
        named += [p for w in t.children if w.dep_ == "prep" and w.lower_ == "with"
                  for x in w.children for p in persons(x, self.res, self.idx)]
        countries = set(self.idx.countries.values())
        if len({n for n, _ in named}) < 2 and not self._parties_sign(t, subj):
            return False
        return any(
            x.dep_ == "pobj" and x.head.lower_ in ("in", "at")
            and (x.head.head.i == t.i or x.head.head.dep_ == "dobj" and x.head.head.head.i == t.i)
            and place_of(x, self.idx) not in (None, *countries) for x in t.subtree)

    def _parties_sign(self, t: Token, subj: Token | None) -> bool:
        """ "Armenia and Azerbaijan signed / agreed the accord in X" (two named parties, whose delegations
        met), "the declaration was signed in X on July 19" (a signing dated and placed)."""
        if subj is not None and subj.dep_ == "nsubjpass" and t.lemma_ == "sign":
            return any(x.ent_type_ == "DATE" and any(ch.isdigit() for ch in x.text) for x in t.subtree)
        parties = {self.idx.token_actor.get(x.i) for x in ([subj, *subj.conjuncts] if subj is not None else [])}
        return len(parties - {None}) >= 2

    def _hands_over(self, t: Token) -> bool:
        """ "X presented the plan to Y in Kyiv", "X briefed Y in Paris": handing something over to a
        named person at a named city is an encounter (without the city it may be a letter)."""
        to = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children]
        if t.lemma_ == "brief":
            to += [c for c in t.children if c.dep_ == "dobj"]
        if not any(self.idx.kind(self.idx.token_actor.get(p.i, "")) == "Person" for p in to):
            return False
        countries = set(self.idx.countries.values())
        return any(x.dep_ == "pobj" and x.head.lower_ == "in" and place_of(x, self.idx) not in (None, *countries)
                   for x in t.subtree)

    def _hosts(self, t: Token) -> bool:
        """ "X received / hosted / welcomed Y", "a ceremony hosted by X": a host meets a guest."""
        if t.dep_ == "xcomp" and (t.head.lemma_ in HOPE_VERBS or t.head.lower_ in HOPE_FORMS):
            return False  # "hoped to welcome them": a wish, not a meeting
        objs = [c for c in t.children if c.dep_ == "dobj"]
        if t.dep_ == "acl":
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            objs += [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        for obj in objs:
            if self.is_trigger(obj) and t.lemma_ == "welcome":
                return False  # "X welcomed the signing / the talks": approval, not a host
            if self.is_trigger(obj) or obj.lemma_ == "delegation":
                return True
            name, how = self.res.actor(obj)
            if how in ("person", "pronoun") or how == "country" and t.lemma_ != "welcome":
                return True
        return False

    def mention(self, trig: Token) -> Mention:
        idx, sent = self.idx, trig.sent
        scope = scope_of(trig)
        m = Mention(sent.start_char, sent.end_char, pos=trig.idx)
        m.definite = trig.pos_ == "VERB" or any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that")
                                                for c in trig.children) or any(c.dep_ == "poss" for c in trig.children)
        m.session, m.hypothetical, m.fresh = session_of(trig), hypothetical(trig), fresh(trig)
        m.one_to_one = one_to_one(trig)
        m.backdrop, m.words = backdrop(trig), {"meet" if trig.lemma_.startswith("meet") else trig.lemma_.lower()}
        m.background = trig.dep_ == "pobj" and trig.head.lower_ in SEQUENCE_WORDS or \
            trig.dep_ == "dobj" and trig.head.lemma_ in ("follow", "precede")
        m.place = meeting_place(trig, scope, idx)
        where = next((t for t in scope if place_of(t, idx) == m.place and t.dep_ == "pobj"), None) if m.place else None
        if where is not None:  # "met US President X at the White House": the words placing it
            first, last = sorted((trig, where), key=lambda t: t.i)
            m.place_span = Span(first.idx, last.idx + len(last))
        verb = trig if trig.pos_ == "VERB" else next((h for h in trig.ancestors if h.pos_ in ("VERB", "AUX")), None)
        future = self._future(verb)
        if verb is not None and trig.dep_ not in ("nsubj", "nsubjpass") and verb.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
            m.background = True  # "had stopped off in X for a meeting with Y": told as what came before
        if sent.start not in self._lone:  # one trigger outside a backdrop: counted once per sentence
            self._lone[sent.start] = sum(self.is_trigger(t) and not backdrop(t) for t in sent) == 1
        fallback = not m.backdrop and self._lone[sent.start] and not before_event(trig) and not reported(trig)
        m.date, m.basis, dated, future = mention_date(trig, scope, sent, published=self.published,
                                                      context_dates=self.context_dates, future=future,
                                                      sentence_fallback=fallback,
                                                      others=nested_meetings(trig, scope, self.is_trigger))
        m.status = "Scheduled" if future else self._status(trig, verb)
        m.next_day = m.date is None and next_day(scope)
        if m.status == "UnderWay" and m.date is None and self.published and not dated and not m.next_day:
            m.date, m.basis, m.by_publication = self.published, "relative", True
        m.mode = mention_mode(trig, scope, placed=m.place is not None)
        for p in self._roles(trig, verb):
            give(m.attendees, p.name, p.role, p.evidence)
        for name, span in attendees(trig, verb, self.res, self.idx):
            give(m.attendees, name, None, span)
        return m

    def _roles(self, trig: Token, verb: Token | None) -> list[Participant]:
        """Host, guest and mediator roles the mention's sentence states."""
        out: list[Participant] = []
        if trig.pos_ == "VERB":
            out += host_roles(trig, self.res, self.idx)
        elif verb is not None and trig.dep_ == "dobj" and trig.head == verb and verb.lemma_ != "welcome":
            # "X hosted the summit" ("X welcomed the talks" approves of them)
            out += host_roles(verb, self.res, self.idx)
        for c in trig.children:  # "a summit hosted by X", "talks chaired by X"
            if c.dep_ == "acl" and c.lemma_ in HOST_VERBS | CHAIR_VERBS:
                out += host_roles(c, self.res, self.idx)
        return out + sentence_roles(trig.sent, self.res, self.idx)

    def mentions_of(self, trig: Token) -> list[Mention]:
        """The mention of ``trig``; two or more when the sentence pairs places with dates ("first in
        Geneva on 23 November and then in Florida on Sunday")."""
        m = self.mention(trig)
        pairs = place_date_pairs(trig, self.idx)
        if not pairs or (m.place and m.place not in {p for p, _, _ in pairs}):
            return [m]
        out = []
        for place, expr, pos in pairs:
            one = Mention(m.start, m.end, place=place, status=m.status, mode=m.mode or "InPerson",
                          attendees=[Participant(p.name, p.role, p.evidence) for p in m.attendees],
                          definite=True, pos=max(m.pos, pos), place_span=Span(pos, pos + len(place)))
            one.date, one.basis = resolve(expr, published=self.published, context_dates=self.context_dates)
            out.append(one)
        return out

    def _future(self, verb: Token | None) -> bool:
        h = verb
        for _ in range(3):
            if h is None:
                return False
            if any(c.lower_ in ("will", "shall", "'ll") for c in h.children) or h.lemma_ in SCHEDULE_WORDS:
                return True
            if h.dep_ == "xcomp" and h.head.lemma_ == "be" and any(c.lower_ == "to" for c in h.children):
                return True  # "the commanders were to meet on Tuesday"
            if h.dep_ not in ("xcomp", "advcl", "prep", "pcomp", "pobj"):
                return False
            h = h.head
        return False

    def _status(self, trig: Token, verb: Token | None) -> str:
        if verb is not None:
            if verb.lemma_ in CANCEL_WORDS and (verb.lemma_ != "call" or any(c.lower_ == "off" for c in verb.children)):
                return "Cancelled"
            if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
                return "Held"
            if verb.lemma_ in UNDERWAY_VERBS or (verb.tag_ == "VBG" and any(
                    c.dep_ == "aux" and c.lower_ in ("is", "are", "'re") for c in verb.children)):
                return "UnderWay"
        return "Held"

    def run(self) -> list[Meeting]:
        for t in doc_tokens(self.doc):
            if self.is_trigger(t):
                for m in self.mentions_of(t):
                    if m.hypothetical:
                        continue
                    # "the talks took place after the opening round in X": two meetings in one sentence
                    same = next((x for x in self.mentions if x.start == m.start and self._related(x, m)
                                 and x.background == m.background), None)
                    if same is not None:
                        self._merge(same, m)
                    else:
                        self.mentions.append(m)
        self.joiners = joiners(self.doc, self.res, self.idx)
        return self.resolve()

    def _related(self, a: Mention, b: Mention) -> bool:
        if a.fresh or b.fresh or a.backdrop != b.backdrop:  # a summit and a meeting on its margins: two
            return False
        return compatible(a.place, b.place, self.gaz, self.within) and \
            (a.date is None or b.date is None or a.date == b.date) and \
            agree(a.session, b.session)

    def _same_place(self, a: Mention, b: Mention) -> bool:
        return bool(a.place and b.place) and compatible(a.place, b.place, self.gaz, self.within)

    def _merge(self, into: Mention, m: Mention) -> None:
        into.background = into.background and m.background
        into.place = inner(into.place, m.place, self.gaz, self.within)
        into.session = into.session or m.session
        into.one_to_one = into.one_to_one or m.one_to_one
        if into.date is None and m.date is not None:
            into.date, into.basis = m.date, m.basis
        if m.status != "Held" and into.status == "Held":
            into.status = m.status
        into.mode = into.mode or m.mode
        into.place_span = into.place_span or m.place_span
        for p in m.attendees:
            give(into.attendees, p.name, p.role, p.evidence)
        into.definite = into.definite or m.definite
        into.backdrop, into.words = into.backdrop and m.backdrop, into.words | m.words

    def resolve(self) -> list[Meeting]:
        concrete: list[Mention] = []
        bare: list[Mention] = []
        date_next_days(self.mentions)
        main = next((m for m in self.mentions if m.date and m.status != "Scheduled"), None)
        if main is None and self.dateline and not any(m.place and m.status != "Scheduled" for m in self.mentions):
            # "PUTRAJAYA — ... The talks, held at X's residence, ...": the first talks the article names
            main = next((m for m in self.mentions if m.definite and not m.fresh and not m.place and not m.date), None)
        if main is not None and not main.place and self.dateline:  # the dateline places the main event
            main.place = self.dateline
            main.mode = main.mode or "InPerson"
        head = self._headline()
        if head is not None and head.place and not head.date:  # "X and Y hold talks in Oman" over
            lead = main if main is not None else next(  # "... held talks on Saturday"
                (m for m in self.mentions if m.date and not m.place and not m.background and not m.fresh), None)
            if lead is not None and not lead.place:
                lead.place = head.place
        by_date: dict[date, list[int]] = {}  # positions in ``concrete``: a dated mention can only join
        undated: list[int] = []  # one of its own date or an undated one (``_related``), so look only there
        for m in self.mentions:
            if m.place or m.date:
                near = heapq.merge(by_date.get(m.date, []), undated) if m.date else range(len(concrete))
                at = next((i for i in near if self._related(concrete[i], m)
                           and (concrete[i].place and m.place or concrete[i].date and m.date)), None)
                target = concrete[at] if at is not None else None
                if target is not None:
                    had = target.date
                    self._merge(target, m)
                    target.start = min(target.start, m.start)
                    if had is None and target.date is not None:  # it took the mention's date
                        undated.remove(at)
                        insort(by_date.setdefault(target.date, []), at)
                    target.seen.append(m.pos)
                else:
                    (by_date.setdefault(m.date, []) if m.date else undated).append(len(concrete))
                    concrete.append(m)
            else:
                bare.append(m)
        placed = [c for c in concrete if c.place and not c.date and c.status != "Scheduled"]
        for m in [c for c in concrete if c.by_publication and not c.place]:
            if len(placed) == 1:  # "talks move to Florida" ... "negotiators are meeting with ...": one event
                self._merge(placed[0], m)
                concrete.remove(m)
        attach_bare(concrete, bare)
        attach_joiners(concrete, self.joiners)
        concrete = join_halves(concrete, self._related, self._merge)
        concrete = join_same_day(concrete, self._related, self._merge)
        signers_at_summit(concrete, self._same_place)
        # a summit named once, only as the setting of another meeting, is not reported in its own right
        concrete = [c for c in concrete if not (c.backdrop and not c.seen)]
        g = load_gazetteer()
        out = []
        for m in concrete:
            for p in m.attendees:  # "Qatari mediator X": a mediator by title
                actor = self.idx.actors.get(p.name)
                if p.role is None and actor and any("mediator" in t.lower() for t in actor.titles):
                    p.role = MEDIATOR
            settle_roles(m.attendees, m.place, self.idx, g, m.place_span or Span(m.start, m.end))
            if m.date and self.published and m.date > self.published and m.status in ("Held", "UnderWay"):
                m.status = "Scheduled"  # dated after the article: it cannot have happened yet
            out.append(Meeting(
                place=m.place, date=m.date, status=m.status, mode=m.mode, date_basis=m.basis,
                participants=list(m.attendees), evidence=[Span(m.start, m.end)],
                confidence=0.8 if m.place and m.date else 0.65))
        return out

    def _headline(self) -> Mention | None:
        """The mention in the article's first sentence (its headline), if any."""
        first = next((s for s in self.doc.sents if s.text.strip()), None)
        return next((m for m in self.mentions if first is not None and m.start == first.start_char
                     and m.status != "Scheduled" and not m.fresh and not m.background), None)

    _current = staticmethod(current)


def find_meetings(doc: Doc, idx: ActorIndex, *, published: date | None = None,
                  context_dates: Sequence[date] = ()) -> list[Meeting]:
    """Meetings reported by one parsed article (kg:Meeting with place, date, status, participants).

    doc (Doc): the parsed article.
    idx (ActorIndex): its actors.
    published (date | None): publication date, anchor of relative dates.
    context_dates (Sequence[date]): the batch's dates, for an undated article's explicit dates.
    RETURNS (list[Meeting]): meetings with a place or a date, mentions of the same one merged.
    """
    try:
        return MeetingFinder(doc, idx, published, context_dates).run()
    finally:
        doc.user_data.pop(TOKENS, None)  # Token objects do not belong in a doc's serialisable data
