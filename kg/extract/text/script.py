"""Paragraphs in another script than Latin ("Министр заявил ...", a quotation left in Arabic).

The English model cannot read them and its tagger turns their words into names; such paragraphs are
blanked before parsing (same length, so every offset still points into ``Article.text``) and
reported, so that the English parts of a mixed article are still extracted.
"""
from __future__ import annotations

import re
import unicodedata

LETTER = re.compile(r"[^\W\d_]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
PARAGRAPH = re.compile(r"[^\n]+")


def _script(text: str) -> str:
    """The Unicode script word of the first non-Latin letter ("CYRILLIC", "ARABIC")."""
    for c in LETTER.findall(text):
        if not LATIN.match(c):
            return unicodedata.name(c, "UNKNOWN").split()[0].title()
    return "Latin"


def blank_foreign(text: str) -> tuple[str, list[str]]:
    """``text`` with every paragraph whose letters are mostly non-Latin replaced by spaces.

    RETURNS (tuple[str, list[str]]): the text (same length) and one note per skipped paragraph,
        naming its character range and script.
    """
    if text.isascii():
        return text, []
    notes: list[str] = []
    chars: list[str] | None = None
    for m in PARAGRAPH.finditer(text):
        para = m.group()
        if para.isascii():
            continue
        letters = LETTER.findall(para)
        latin = sum(1 for c in letters if LATIN.match(c))
        if letters and latin * 2 < len(letters):
            if chars is None:
                chars = list(text)
            chars[m.start():m.end()] = " " * (m.end() - m.start())
            notes.append(f"paragraph at characters {m.start()}-{m.end()} is in {_script(para)} script, "
                         f"not English: skipped")
    return ("".join(chars) if chars is not None else text), notes
