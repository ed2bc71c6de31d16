"""kg:mode of a meeting: kg:Phone, kg:Video or kg:InPerson.

Phone and Video come from words around the meeting mention ("talks by phone", "telephone talks",
"a video summit", "talks by video link"). InPerson needs the text to place the participants
together: a locative on the mention ("met in Geneva", "talks at the White House"), a visit, a
face-to-face meeting. Otherwise the mode stays unknown (None).

A call is a meeting only when the text calls it one ("talks by phone"): a bare "phone call" is not
a meeting mention at all (GOLD_FORMAT conventions), so it never reaches this module.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

PHONE, VIDEO, IN_PERSON = "Phone", "Video", "InPerson"
PHONE_WORDS = frozenset("phone telephone telephonic phoned telephoned phones".split())
VIDEO_WORDS = frozenset("""video videoconference video-conference videoconferencing videolink video-link
virtual virtually""".split())
IN_PERSON_WORDS = frozenset("face-to-face in-person".split())
VISIT_LEMMAS = frozenset("visit".split())


def mention_mode(trig: Token, scope: Iterable[Token], *, placed: bool) -> str | None:
    """The attendance mode a meeting mention states.

    trig (Token): the meeting trigger.
    scope (Iterable[Token]): the tokens that carry the mention's place, date and attendees.
    placed (bool): the mention's own words put it at a place ("in Geneva", "at the White House").
    RETURNS (str | None): Phone, Video, InPerson or None.
    """
    words = {t.lower_ for t in scope}
    if words & PHONE_WORDS:
        return PHONE
    if words & VIDEO_WORDS:
        return VIDEO
    if words & IN_PERSON_WORDS or _in_person(scope):
        return IN_PERSON
    if placed or trig.lemma_ in VISIT_LEMMAS:
        return IN_PERSON
    return None


def _in_person(scope: Iterable[Token]) -> bool:
    """ "met in person", "face to face" written as words."""
    toks = list(scope)
    for a, b in zip(toks, toks[1:]):
        if a.lower_ == "in" and b.lower_ == "person" and b.i == a.i + 1:
            return True
    for a, b, c in zip(toks, toks[1:], toks[2:]):
        if (a.lower_, b.lower_, c.lower_) == ("face", "to", "face") and c.i == a.i + 2:
            return True
    return False
