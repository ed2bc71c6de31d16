"""kg:Meeting: encounters (talks, meetings, summits, visits, calls) with place, date, status and
attendees, found from trigger words and the dependency parse.

A mention without place or date ("the talks", "the meeting") refers to the article's current
meeting and may add attendees to it; a meeting is emitted only with a place or a date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

from spacy.tokens import Doc, Token

from ..model import Meeting, Participant, Span
from .actors import ActorIndex
from .coref import Resolver
from .dates import find_dates, resolve
from .gazetteer import load_gazetteer
from .venues import dateline
from .participants import HOST_VERBS, attendees, delegation_heads

TRIGGER_NOUNS = frozenset("meeting meetings talks negotiations negotiation summit visit call round".split())
TRIGGER_VERBS = frozenset("meet visit".split())
SEQUENCE_WORDS = frozenset("after following before since ahead".split())
HOPE_VERBS = frozenset("hope want wish like love".split())
HOPE_FORMS = frozenset("hoped hopes hoping wanted wants wished wishes".split())  # the small model's lemmas slip
SCHEDULE_WORDS = frozenset("expect plan schedule set due intend prepare going".split())
UNDERWAY_VERBS = frozenset("begin start continue resume".split())
CANCEL_WORDS = frozenset("cancel postpone scrap delay call".split())
PLACE_PREPS = frozenset("in at to".split())


@dataclass
class Mention:
    start: int  # char offsets of the trigger's sentence
    end: int
    place: str | None = None
    date: date | None = None
    basis: str | None = None
    status: str = "Held"
    mode: str | None = None
    attendees: list[tuple[str, Span]] = field(default_factory=list)
    definite: bool = False
    pos: int = 0


def _scope(trigger: Token) -> list[Token]:
    """Tokens that can carry the trigger's place, date and attendees."""
    toks = [trigger]
    heads = [trigger]
    h = trigger
    while h.dep_ in ("pobj", "dobj", "prep", "xcomp", "nsubj", "nsubjpass", "compound", "acl") and h.head is not h:
        h = h.head
        heads.append(h)
        if h.pos_ in ("VERB", "AUX"):
            break
    for x in heads:
        for c in x.children:
            if c in heads or c.dep_ in ("ccomp", "advcl", "conj", "csubj", "mark", "punct"):
                continue
            toks.extend(c.subtree)
    return sorted(set(toks), key=lambda t: t.i)



def _before_event(trig: Token) -> bool:
    """ "agreed on Monday, following two days of talks": the sentence's date ends a span of talks that
    came before it, so it is not the talks' date ("after meeting X on Monday, he said" keeps it)."""
    of = trig.head
    if of.lower_ != "of" or of.head.lemma_ not in ("day", "week", "month", "hour"):
        return False
    return any(h.lower_ in SEQUENCE_WORDS for h in of.ancestors if h.sent == trig.sent)


def _of_place(t: Token) -> bool:
    """ "in the Red Sea resort of Sharm el-Sheikh", "in the city of Doha": the place after "of"."""
    of = t.head
    return of.lower_ == "of" and of.head.dep_ == "pobj" and of.head.head.lower_ in ("in", "at")


class MeetingFinder:
    def __init__(self, doc: Doc, idx: ActorIndex, published: date | None, context_dates: Sequence[date]):
        self.doc, self.idx = doc, idx
        self.published, self.context_dates = published, context_dates
        self.res = Resolver(doc, idx, set())
        self.mentions: list[Mention] = []
        self.heads: list[tuple[int, str, Span]] = []  # heads of delegation: (char pos, name, span)
        self.dateline = dateline(doc, load_gazetteer())

    def is_trigger(self, t: Token) -> bool:
        low = t.lower_
        if t.pos_ == "NOUN" and low in TRIGGER_NOUNS:
            if low == "call":
                return any(w.lower_ in ("phone", "video", "telephone") for w in t.children) or \
                    any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)
            if low == "round":
                return False
            return True
        if t.pos_ == "VERB" and t.lemma_ in TRIGGER_VERBS:
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            return obj is None or self.idx.kind(self.idx.token_actor.get(obj.i, "")) in ("Person", "Country")
        if t.pos_ == "VERB" and t.lemma_ in HOST_VERBS:
            return self._hosts(t)
        return False

    def _hosts(self, t: Token) -> bool:
        """ "X received / hosted / welcomed Y", "a ceremony hosted by X": a host meets a guest."""
        if t.dep_ == "xcomp" and (t.head.lemma_ in HOPE_VERBS or t.head.lower_ in HOPE_FORMS):
            return False  # "hoped to welcome them": a wish, not a meeting
        objs = [c for c in t.children if c.dep_ == "dobj"]
        if t.dep_ == "acl":
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            objs += [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        for obj in objs:
            if self.is_trigger(obj) or obj.lemma_ == "delegation":
                return True
            name, how = self.res.actor(obj)
            if how in ("person", "pronoun") or how == "country" and t.lemma_ != "welcome":
                return True
        return False

    def mention(self, trig: Token) -> Mention:
        doc, idx = self.doc, self.idx
        sent = trig.sent
        scope = _scope(trig)
        m = Mention(sent.start_char, sent.end_char, pos=trig.idx)
        m.definite = trig.pos_ == "VERB" or any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that")
                                                for c in trig.children) or any(c.dep_ == "poss" for c in trig.children)
        m.place = self._place(trig, scope)
        verb = trig if trig.pos_ == "VERB" else next((h for h in trig.ancestors if h.pos_ in ("VERB", "AUX")), None)
        future = self._future(verb)
        span = doc[scope[0].i:scope[-1].i + 1]
        dates = find_dates(span.text, span.start_char)
        if not dates and len([t for t in sent if self.is_trigger(t)]) == 1 and not _before_event(trig):
            dates = find_dates(sent.text, sent.start_char)
        for d in dates:
            m.date, m.basis = resolve(d, published=self.published, context_dates=self.context_dates, future=future)
            if d.kind == "vague" and d.text.lower().startswith("next"):
                future = True
            break
        m.status = "Scheduled" if future else self._status(trig, verb)
        if m.status == "UnderWay" and m.date is None and self.published and not dates:
            m.date, m.basis = self.published, "relative"
        if any(w.lower_ in ("phone", "telephone") for w in scope):
            m.mode = "Phone"
        elif any(w.lower_ == "video" for w in scope):
            m.mode = "Video"
        m.attendees = attendees(trig, verb, self.res, self.idx)
        return m

    def _place(self, trig: Token, scope: list[Token]) -> str | None:
        """The place attached to the trigger, its governing verbs or its relative clause ("in Florida");
        a venue gives its city ("at the White House": Washington)."""
        anchors = {trig.i} | {h.i for h in trig.ancestors if h.sent == trig.sent}
        anchors |= {c.i for c in trig.children if c.dep_ in ("relcl", "acl")}
        found = []
        for t in scope:
            label = self._place_of(t)
            if label and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.head.head.i in anchors:
                found.append(label)
        countries = set(self.idx.countries.values())
        for label in found:
            if label not in countries:
                return label
        if found:
            return found[0]
        for t in reversed(scope):  # "began negotiations ... on Sunday in Florida": a city or region
            label = self._place_of(t)
            if label and t.dep_ == "pobj" and label not in countries and (
                    t.head.lower_ in ("in", "at") or _of_place(t)):
                return label
        return None

    def _place_of(self, t: Token) -> str | None:
        return self.idx.token_place.get(t.i) or self.idx.venues.get(t.i)

    def _future(self, verb: Token | None) -> bool:
        h = verb
        for _ in range(3):
            if h is None:
                return False
            if any(c.lower_ in ("will", "shall", "'ll") for c in h.children) or h.lemma_ in SCHEDULE_WORDS:
                return True
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
        for t in self.doc:
            if self.is_trigger(t):
                m = self.mention(t)
                same = next((x for x in self.mentions if x.start == m.start and self._related(x, m)), None)
                if same is not None:
                    self._merge(same, m)
                else:
                    self.mentions.append(m)
        self.heads = delegation_heads(self.doc, self.res, self.idx)
        return self.resolve()

    @staticmethod
    def _related(a: Mention, b: Mention) -> bool:
        return (a.place is None or b.place is None or a.place == b.place) and \
            (a.date is None or b.date is None or a.date == b.date)

    @staticmethod
    def _merge(into: Mention, m: Mention) -> None:
        into.place = into.place or m.place
        if into.date is None and m.date is not None:
            into.date, into.basis = m.date, m.basis
        if m.status != "Held" and into.status == "Held":
            into.status = m.status
        into.mode = into.mode or m.mode
        into.attendees += [a for a in m.attendees if a[0] not in [n for n, _ in into.attendees]]
        into.definite = into.definite or m.definite

    def resolve(self) -> list[Meeting]:
        concrete: list[Mention] = []
        bare: list[Mention] = []
        main = next((m for m in self.mentions if m.date and not m.place and m.status != "Scheduled"), None)
        if main is not None and self.dateline:  # the dateline places the article's main event
            main.place = self.dateline
        for m in self.mentions:
            if m.place or m.date:
                target = next((c for c in concrete if (c.place == m.place or not c.place or not m.place)
                               and (c.date == m.date or not c.date or not m.date)
                               and (c.place and m.place or c.date and m.date)), None)
                if target is not None:
                    self._merge(target, m)
                    target.start = min(target.start, m.start)
                else:
                    concrete.append(m)
            else:
                bare.append(m)
        for m in bare:
            names = {n for n, _ in m.attendees}
            target = next((c for c in concrete if names & {n for n, _ in c.attendees}), None)
            if target is None and (m.definite or not names):
                target = self._current(concrete, m.pos)
            if target is not None:
                target.attendees += [a for a in m.attendees if a[0] not in {n for n, _ in target.attendees}]
        for pos, name, span in self.heads:
            target = self._current(concrete, pos)
            if target is not None and name not in {n for n, _ in target.attendees}:
                target.attendees.append((name, span))
        out = []
        for m in concrete:
            out.append(Meeting(
                place=m.place, date=m.date, status=m.status, mode=m.mode, date_basis=m.basis,
                participants=[Participant(name=n, evidence=s) for n, s in m.attendees],
                evidence=[Span(m.start, m.end)],
                confidence=0.8 if m.place and m.date else 0.65))
        return out

    @staticmethod
    def _current(concrete: list[Mention], pos: int) -> Mention | None:
        before = [c for c in concrete if c.pos <= pos]
        if before:
            return max(before, key=lambda c: c.pos)
        return min(concrete, key=lambda c: c.pos) if concrete else None


def find_meetings(doc: Doc, idx: ActorIndex, *, published: date | None = None,
                  context_dates: Sequence[date] = ()) -> list[Meeting]:
    """Meetings reported by one parsed article (kg:Meeting with place, date, status, participants).

    doc (Doc): the parsed article.
    idx (ActorIndex): its actors.
    published (date | None): publication date, anchor of relative dates.
    context_dates (Sequence[date]): the batch's dates, for an undated article's explicit dates.
    RETURNS (list[Meeting]): meetings with a place or a date, mentions of the same one merged.
    """
    return MeetingFinder(doc, idx, published, context_dates).run()
