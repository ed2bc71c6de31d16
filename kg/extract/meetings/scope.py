"""The words a meeting trigger governs: the tokens that can carry its place, date and attendees, and
the tests that keep a date of another event out ("following two days of talks", reported plans)."""
from __future__ import annotations

from spacy.tokens import Token

# a call is a meeting only when called one ("talks by phone"): "call" is no trigger (GOLD_FORMAT)
TRIGGER_NOUNS = frozenset("meeting meetings talks negotiations negotiation summit visit bargaining encounter".split())
SEQUENCE_WORDS = frozenset("after following before since ahead".split())


def scope_of(trigger: Token) -> list[Token]:
    """Tokens that can carry the trigger's place, date and attendees."""
    toks = [trigger]
    heads = [trigger]
    h = trigger
    while h.dep_ in ("pobj", "dobj", "prep", "xcomp", "nsubj", "nsubjpass", "compound", "acl") and h.head is not h:
        h = h.head
        heads.append(h)
        if h.pos_ in ("VERB", "AUX") or h.lower_ in SEQUENCE_WORDS and h.dep_ == "prep" and other_meeting(h):
            break  # "the talks took place a week after the opening round": the main clause is another meeting's
    for x in heads:
        for c in x.children:
            if c in heads or c.dep_ in ("ccomp", "advcl", "conj", "csubj", "mark", "punct"):
                continue
            toks.extend(c.subtree)
    return sorted(set(toks), key=lambda t: t.i)


def other_meeting(prep: Token) -> bool:
    """The clause that ``prep`` ("after", "before") hangs on reports a meeting of its own."""
    return any(t.lower_ in TRIGGER_NOUNS for c in prep.head.children if c is not prep for t in c.subtree)


def before_event(trig: Token) -> bool:
    """ "agreed on Monday, following two days of talks": the sentence's date ends a span of talks that
    came before it, so it is not the talks' date ("after meeting X on Monday, he said" keeps it)."""
    of = trig.head
    if of.lower_ != "of" or of.head.lemma_ not in ("day", "week", "month", "hour"):
        return False
    return any(h.lower_ in SEQUENCE_WORDS for h in of.ancestors if h.sent == trig.sent)


def reported(trig: Token) -> bool:
    """ "X wrote on Saturday that they had agreed to meet": a meeting agreed or planned ("to meet") inside
    reported speech does not take the date of the report (a date inside its own clause still counts)."""
    return trig.pos_ == "VERB" and trig.dep_ == "xcomp" and any(h.dep_ == "ccomp" for h in trig.ancestors)
