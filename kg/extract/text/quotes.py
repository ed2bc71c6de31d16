"""Quotation spans in text: curly “…” and straight "…" pairs, tolerant of broken spacing
(`the"most sensitive issues"`, `."All is calm for now," she said`).

Also found: a quotation opened and not closed before the end of its paragraph (news style for a quote
that runs on into the next paragraph, or one cut off by the end of an excerpt), and a block quotation
whose marks were lost with the page layout: a paragraph ending in a comma, followed by a short
attribution line ("..., we will be ready tomorrow,\\n\\nShe told reporters.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CURLY = re.compile(r"“([^“”]{1,1500})”")
STRAIGHT = re.compile(r'"([^"\n]{1,1500})"')
GUILLEMETS = re.compile(r"«([^«»]{1,1500})»")
# an opening mark left open to the end of its paragraph (or of the text)
OPEN_CURLY = re.compile(r"“([^“”\n]{3,1500})(?=\n|$)")
OPEN_STRAIGHT = re.compile(r'(?:^|(?<=[\s(\[—–-]))"([^"\n]{3,1500})(?=\n|$)')
# a paragraph with no quotation marks that ends in a comma, then (after a blanked paragraph break: two or
# more spaces or newlines) a short line that ends the sentence: a block quote and its attribution
BLOCK = re.compile(r'(?:^|(?<=\n))([^\n"“”«»]{20,1500}?),(?=[ \n]{2,}[A-Z][^\n"“”]{2,80}?\.[ \n]*(?:\n|$))')
TRIM = " ,.;:…"


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` are the inner words (marks excluded, trailing , . trimmed).
    ``open`` marks one whose closing mark is missing at the end of its paragraph."""

    start: int
    end: int
    text: str
    open: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


def _quote(text: str, s: int, e: int, *, open: bool = False) -> Quote | None:
    while e > s and text[e - 1] in TRIM or e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return Quote(s, e, text[s:e], open) if e > s else None


def find_quotes(text: str) -> list[Quote]:
    """All quotations of ``text`` in order; straight quotes are paired within a paragraph."""
    out: list[Quote] = []
    for pat in (CURLY, STRAIGHT, GUILLEMETS):
        for m in pat.finditer(text):
            q = _quote(text, m.start(1), m.end(1))
            if q is not None:
                out.append(q)
    taken = [(q.start, q.end) for q in out]
    for pat in (OPEN_CURLY, OPEN_STRAIGHT):
        for m in pat.finditer(text):
            s, e = m.start(1), m.end(1)
            if any(a - 1 <= s <= b + 1 or s <= a <= e for a, b in taken):
                continue  # the mark closes (or lies inside) a quotation already paired
            line = text[text.rfind("\n", 0, s) + 1:s]
            if pat is OPEN_STRAIGHT and line.count('"') % 2 == 0:
                continue  # an even number of marks before it on the line: it is a closing mark
            q = _quote(text, s, e, open=True)
            if q is not None:
                out.append(q)
                taken.append((q.start, q.end))
    for m in BLOCK.finditer(text):
        s, e = m.start(1), m.end(1)
        if not any(a < e and s < b for a, b in taken):
            q = _quote(text, s, e)
            if q is not None and q.words >= 6:
                out.append(q)
    return sorted(out, key=lambda q: q.start)
