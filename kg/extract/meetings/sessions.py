"""Which session of a meeting day a mention names, and whether the meeting is only an idea.

Sessions: an article may report two meetings at one place on one day (a one-on-one and a
multilateral round, a summit and the dinner after it, talks and a signing ceremony, a morning and an
afternoon round). A mention's words say which one it is ("one-on-one", "signing", "on Tuesday morning",
"summit"): two mentions naming different sessions are never one meeting, except a summit and a round of
it (its bilateral, its plenary); a mention naming none agrees with any.

Hypothetical meetings: "a possible meeting of A with B", "proposed holding the meeting between June
20 and 30", "the idea of A and B meeting", "seeks direct talks with B". Such a mention reports no
encounter, so it makes no meeting and lends no attendee to one (a planned or scheduled meeting,
"the summit he plans to hold", is not hypothetical).
"""
from __future__ import annotations

from spacy.tokens import Token

SESSION_WORDS = {"one-on-one": "bilateral", "bilateral": "bilateral", "private": "bilateral",
                 "tete-a-tete": "bilateral", "tête-à-tête": "bilateral", "multilateral": "plenary",
                 "plenary": "plenary", "expanded": "plenary", "enlarged": "plenary", "morning": "morning",
                 "afternoon": "afternoon", "evening": "evening", "dinner": "dinner", "banquet": "dinner",
                 "lunch": "lunch", "luncheon": "lunch", "breakfast": "breakfast", "signing": "signing",
                 "ceremony": "signing"}
HYPOTHETICAL_MODS = frozenset("possible potential proposed eventual prospective hypothetical".split())
HYPOTHETICAL_HEADS = frozenset("""propose suggest seek want urge demand prepare arrange explore consider
advocate wish push idea proposal possibility prospect request bid readiness call""".split())
# session words that are meeting triggers themselves ("over dinner at a hotel", "the signing in X")
SESSION_NOUNS = frozenset("session sessions signing dinner banquet luncheon".split())
NOT_SESSIONS = frozenset("press photo parliamentary legislative training question plenary-hall".split())
ROUND_MODS = frozenset("""first second third fourth fifth sixth opening next new latest final last previous
earlier another further fresh initial""".split())
DINE_FORMS = frozenset("dine dined dines dining".split())  # "the leaders dined": the small model lemmatises "din"
CHAIN_DEPS = frozenset("dobj pobj prep xcomp acl pcomp compound nsubj amod".split())


APART_FROM_SUMMIT = frozenset("signing dinner lunch breakfast".split())  # events of their own beside it


def agree(a: str | None, b: str | None) -> bool:
    """Two mentions' sessions can be one meeting: one names none, both name the same, or one is the
    summit and the other a round of it (its bilateral, its plenary); a summit and the signing or the
    dinner beside it are two (GOLD_FORMAT: a bilateral and a signing are two meetings)."""
    if a is None or b is None or a == b:
        return True
    return "summit" in (a, b) and not {a, b} & APART_FROM_SUMMIT


def session_of(trig: Token) -> str | None:
    """The session a mention names ("one-on-one talks": bilateral; "the signing ceremony": signing)."""
    if trig.lower_ in SESSION_WORDS:
        return SESSION_WORDS[trig.lower_]
    if trig.pos_ == "VERB" and trig.lemma_ == "sign":  # "A and B signed the accord in X": the signing
        return "signing"
    if trig.pos_ == "VERB" and trig.lower_ in DINE_FORMS:
        return "dinner"
    words = [c for c in trig.children if c.dep_ in ("amod", "compound", "nmod")]
    if trig.dep_ == "pobj" and trig.head.lower_ == "of" and trig.head.head.lemma_ in ("round", "session"):
        words += [c for c in trig.head.head.children if c.dep_ in ("amod", "compound", "nmod")]  # "a morning round of talks"
    text = trig.doc[trig.left_edge.i:trig.i].text.lower()
    if "one-on-one" in text.replace(" - ", "-") or "one on one" in text:
        return "bilateral"
    for c in words:
        if c.lower_ in SESSION_WORDS:
            return SESSION_WORDS[c.lower_]
    moment = _moment(trig)
    if moment is not None:
        return moment
    return "summit" if trig.lemma_ == "summit" else None


MOMENTS = frozenset("morning afternoon evening".split())


def _moment(trig: Token) -> str | None:
    """ "met on Tuesday morning", "talks in the afternoon": the part of the day the mention names."""
    for c in trig.children:
        if c.dep_ == "npadvmod" and c.lower_ in MOMENTS:
            return c.lower_
        if c.dep_ == "prep" and c.lower_ in ("on", "in"):
            for p in c.children:
                if p.lower_ in MOMENTS:
                    return p.lower_
                moment = next((x.lower_ for x in p.children
                               if x.lower_ in MOMENTS and x.dep_ in ("npadvmod", "compound")), None)
                if moment and p.ent_type_ == "DATE":
                    return moment
    return None


ONE_TO_ONE = ("one-on-one", "one on one", "one-to-one", "one to one", "tete-a-tete", "tête-à-tête")


def one_to_one(trig: Token) -> bool:
    """ "one-on-one talks", "a tete-a-tete": a session of two persons alone."""
    text = trig.doc[trig.left_edge.i:trig.i + 1].text.lower().replace(" - ", "-")
    return any(w in text for w in ONE_TO_ONE)


def hypothetical(trig: Token) -> bool:
    """The mention reports only an idea, a wish or a proposal of a meeting."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in HYPOTHETICAL_MODS for c in trig.children):
        return True
    h = trig
    if trig.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in trig.children) \
            and (trig.head.lemma_ in HYPOTHETICAL_HEADS or trig.head.lower_ in HYPOTHETICAL_HEADS):
        return True  # "arranging for A and B to meet"
    for _ in range(5):
        if h.dep_ not in CHAIN_DEPS or h.head.i == h.i:
            return False
        via, h = h.dep_, h.head
        if h.lemma_ == "prepare" and via != "dobj":  # "preparing for talks on Monday": scheduled
            return False
        if h.lemma_ in HYPOTHETICAL_HEADS or h.lower_ in HYPOTHETICAL_HEADS:
            if h.lemma_ == "call" and h.pos_ == "VERB":  # "called for talks", not "called off the talks"
                return any(c.lower_ == "for" for c in h.children)
            return True
        if any(c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODS for c in h.children) and h.pos_ == "NOUN":
            return True
    return False


def round_of_talks(t: Token) -> bool:
    """ "the opening round", "a third Istanbul round", "the next round of talks": a round of
    negotiations, not of sanctions, strikes or tariffs."""
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        return False  # "round of talks": the talks are the trigger; "round of sanctions": none
    return any(c.lower_ in ROUND_MODS or c.lower_ in MOMENTS or c.dep_ == "compound" and c.pos_ == "PROPN"
               for c in t.children)


def not_a_session(t: Token) -> bool:
    """ "a press session", "a photo session": not a meeting."""
    return t.lower_.startswith("session") and any(c.lower_ in NOT_SESSIONS for c in t.children)


def fresh(trig: Token) -> bool:
    """ "are expected to meet again", "the next round of talks": another meeting than the one reported."""
    words = [trig, *trig.children]
    if trig.dep_ == "pobj" and trig.head.lower_ == "of" and trig.head.head.lower_ in ("round", "session"):
        words += list(trig.head.head.children)
    verb = trig.head if trig.dep_ in ("dobj", "nsubj", "nsubjpass") else None
    words += list(verb.children) if verb is not None else []
    return any(w.lower_ == "again" and w.dep_ == "advmod" or w.lower_ in ("next", "another") and w.dep_ == "amod"
               for w in words)


MARGIN_WORDS = frozenset("margin margins sideline sidelines fringe fringes side-lines".split())


def backdrop(trig: Token) -> bool:
    """ "on the margins of the summit", "on the sidelines of the G20", "on the eve of the summit": the
    summit is the backdrop of another meeting, which is not the summit (a bilateral and a summit, a
    dinner and the summit after it, are two meetings); the sentence's date is the other meeting's."""
    of = trig.head
    return trig.dep_ == "pobj" and of.lower_ == "of" and (of.head.lower_ in MARGIN_WORDS or of.head.lower_ == "eve")
