"""Quotation spans in text: curly “…” and straight "…" pairs, tolerant of broken spacing
(`the"most sensitive issues"`, `."All is calm for now," she said`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

CURLY = re.compile(r"“([^“”]{1,1500})”")
STRAIGHT = re.compile(r'"([^"\n]{1,1500})"')
GUILLEMETS = re.compile(r"«([^«»]{1,1500})»")


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` are the inner words (marks excluded, trailing , . trimmed)."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quotes(text: str) -> list[Quote]:
    """All quotations of ``text`` in order; straight quotes are paired within a paragraph."""
    out = []
    for pat in (CURLY, STRAIGHT, GUILLEMETS):
        for m in pat.finditer(text):
            s, e = m.start(1), m.end(1)
            while e > s and text[e - 1] in " ,.;:":
                e -= 1
            while s < e and text[s] == " ":
                s += 1
            if e > s:
                out.append(Quote(s, e, text[s:e]))
    return sorted(out, key=lambda q: q.start)
