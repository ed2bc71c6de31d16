"""Honorifics before a name: "H E" / "H.E." / "HE" (His Excellency), "H H" / "HH" (His Highness),
"HRH", "His Excellency", "Her Royal Highness", "His Majesty".

Gulf and African outlets put them before every official's name ("H E Massad Boulos", "Amir H H
Sheikh Tamim"). They are no part of the name: a name directly after one is a person's name, as after
a title, and a PERSON span made of honorifics and titles alone names nobody.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

ONE_TOKEN = frozenset(["HE", "HH", "HRH", "H.E.", "H.H.", "H.E", "H.H", "HM", "H.M."])
LETTERS = frozenset(["H", "H.", "E", "E.", "R", "R."])
WORDS = frozenset("excellency highness majesty eminence".split())
HONORIFIC_WORDS = WORDS | {"his", "her", "royal"}


def honorific_len(doc: Doc, i: int) -> int:
    """Number of tokens of the honorific that starts at token ``i`` (0: none starts there).

    Upper-case abbreviations count only before a capitalised word ("HE Ali", not "HE SAID" of a
    shouted headline); "His Excellency", "Her Royal Highness" in any case.
    """
    n = len(doc)
    t = doc[i]
    if t.text in ONE_TOKEN:
        size = 1
    elif t.text in ("H", "H.") and i + 1 < n and doc[i + 1].text in LETTERS and doc[i + 1].text[:1] != "R":
        size = 2  # "H E", "H H", "H. E."
    elif t.text in ("H", "H.") and i + 2 < n and doc[i + 1].text[:1] == "R" and doc[i + 2].text[:1] == "H" \
            and len(doc[i + 1].text.rstrip(".")) == 1:
        size = 3  # "H R H"
    elif t.lower_ in ("his", "her") and i + 1 < n and doc[i + 1].lower_ in WORDS:
        return 2
    elif t.lower_ in ("his", "her") and i + 2 < n and doc[i + 1].lower_ == "royal" and doc[i + 2].lower_ in WORDS:
        return 3
    else:
        return 0
    nxt = doc[i + size] if i + size < n else None
    if nxt is None or not nxt.text[:1].isupper():
        return 0
    if t.text in ("HE", "HH", "HM") and nxt.text.isupper() and len(nxt.text) > 2:
        return 0  # a shouted headline: "HE SAID"
    return size


def honorific_before(doc: Doc, i: int) -> bool:
    """Token ``i`` directly follows an honorific ("H E Massad", "HE Ali", "His Excellency Ali")."""
    for size in (1, 2, 3):
        j = i - size
        if j >= 0 and honorific_len(doc, j) == size:
            return True
    return False


def honorific_token(tok: Token) -> bool:
    """``tok`` belongs to an honorific (at its start or inside it)."""
    if tok.text not in ONE_TOKEN and tok.text not in LETTERS and tok.lower_ not in HONORIFIC_WORDS:
        return False  # the common case, without looking around
    doc = tok.doc
    return any(j >= 0 and honorific_len(doc, j) > tok.i - j for j in range(tok.i - 2, tok.i + 1))
