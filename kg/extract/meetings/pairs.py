"""Attendees told by the shape of a clause rather than by a meeting verb: travellers to the
meeting ("arrived for the summit", "en route to the talks") and pair phrases.

Two persons named by a plural noun phrase: "the two leaders", "both men", "the pair", "the duo",
"the two". Such a phrase stands for the last two persons the text named (within the sentence and
the two before it), and only when it is plural and counts two (GOLD_FORMAT: number and context
agree): "the three leaders" or "the leaders" name nobody in particular."""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Span
from ..actors.index import ActorIndex

PAIR_NOUNS = frozenset("man woman leader minister envoy official president counterpart negotiator".split())
COUPLE_NOUNS = frozenset("pair duo".split())  # singular nouns that count two
PAIR_DETS = frozenset("both two".split())
SEQUENCE_WORDS = frozenset("after following before since ahead prior".split())


def is_pair(t: Token) -> bool:
    """ "both men", "the two leaders", "the pair", "the two" (a numeral standing alone)."""
    if t.lemma_ in PAIR_NOUNS and t.tag_ == "NNS":
        return any(c.lower_ in PAIR_DETS and c.dep_ in ("det", "nummod", "predet") for c in t.children)
    if t.lower_ in COUPLE_NOUNS and t.pos_ == "NOUN":
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this") for c in t.children)
    if t.lower_ == "two" and t.dep_ in ("nsubj", "dobj", "pobj"):  # "the two then talked"
        return any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    return False


def last_two(t: Token, idx: ActorIndex) -> list[tuple[str, Span]]:
    """The last two persons named before ``t`` (within the two sentences before it), each with the
    pair phrase as its span; empty unless two are found."""
    floor = t.sent.start
    for _ in range(2):
        floor = t.doc[floor - 1].sent.start if floor > 0 else floor
    found: list[str] = []
    for i in range(t.i - 1, floor - 1, -1):
        name = idx.token_actor.get(i)
        if name and idx.kind(name) == "Person" and name not in found:
            found.append(name)
            if len(found) == 2:
                first = t.left_edge
                return [(n, Span(first.idx, t.idx + len(t))) for n in found]
    return []


def pair_subjects(trig: Token) -> list[Token]:
    """Pair phrases that are the subject of a clause the trigger hangs on, or of a clause beside it
    ("the summit got under way hours after the two leaders had talked over dinner": the parser
    may hang "over dinner" on either verb); not across "after", "ahead of": that clause is another
    time than the meeting."""
    above: set[int] = set()
    for h in trig.ancestors:  # "the pair came out of a hotel ahead of the talks": not in them
        if h.lower_ in SEQUENCE_WORDS:
            break
        above.add(h.i)
    out = []
    for t in trig.sent:
        if t.dep_ != "nsubj" or not is_pair(t):
            continue
        v = t.head
        if v.i in above or v.dep_ in ("advcl", "conj") and v.head.i in above:
            out.append(t)
    return out


def across_sequence(trig: Token, verb: Token) -> bool:
    """ "left the hotel ahead of the talks", "arrived before the summit": the trigger hangs on ``verb``
    through a word of sequence, so the clause tells another time than the meeting."""
    for h in trig.ancestors:
        if h.i == verb.i:
            return False
        if h.lower_ in SEQUENCE_WORDS:
            return True
    return False


ARRIVE_VERBS = frozenset("arrive fly head come return travel land".split())
ROUTE_NOUNS = frozenset("route way".split())


def travellers(trig: Token) -> list[Token]:
    """Who travels to the meeting: the subject of "arrived for / flew to the summit"; the owner of "on
    his way to the talks"; the subject nearest "en route to the summit" (the parser hangs the phrase
    anywhere)."""
    prep = trig.head
    if trig.dep_ != "pobj" or prep.lower_ not in ("to", "for", "at", "in"):
        return []
    h = prep.head
    if h.pos_ == "VERB" and h.lemma_ in ARRIVE_VERBS and not any(c.dep_ == "neg" for c in h.children):
        return [c for c in h.children if c.dep_ == "nsubj"]
    if h.lemma_ == "be" and any(c.lower_ == "due" for c in h.children) and prep.lower_ == "for":
        return [c for c in h.children if c.dep_ == "nsubj"]  # "A is due in Geneva for talks"
    if h.lower_ in ROUTE_NOUNS and prep.lower_ == "to":
        owners = [c for c in h.children if c.dep_ == "poss"]
        if owners:
            return owners
        subjects = [t for t in trig.sent if t.dep_ == "nsubj" and t.head.pos_ == "VERB"]
        return sorted(subjects, key=lambda t: abs(t.i - trig.i))[:1]
    return []
