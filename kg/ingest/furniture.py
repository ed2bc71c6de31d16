"""Tell article body from page furniture.

News pages carry navigation, app promotion, "Read also" teasers, keyword lists and author bios
around the story. None of that may become facts, but the article text must stay intact so that
evidence offsets reproduce it. So instead of cutting the text we return the character ranges
that are body; extraction reads only those.
"""
from __future__ import annotations

import re

from ..model import Span

_TEASER = re.compile(
    r"^\s*(read (also|more|next)|see also|related( stories| articles)?|recommended|more on this|"
    r"keywords?|tags?|share this|follow us|sign up|subscribe|advertisement|photo:|image:|"
    r"this article is authored by|this article was written by|copyright|©)\b",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"\b(app store|google play|in the app|download (the|our) app|newsletter|cookies?|"
    r"all rights reserved|full experience)\b",
    re.IGNORECASE,
)
# "date 2025-12-09" style datelines some scrapers leave at the start of the text
DATELINE = re.compile(r"^\s*(?:date|published|updated)[:\s]+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]+)?\s*",
                      re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;,\"”’)\]]\s*$")


def _words(line: str) -> int:
    """Words in a line; in scripts written without spaces (Chinese, Japanese, Thai) each
    character counts, so a paragraph of them is not taken for a heading."""
    unspaced = sum(1 for ch in line if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af"
                   or "\u0e00" <= ch <= "\u0eff" or "\uf900" <= ch <= "\ufaff")
    return len(line.split()) + unspaced


def _is_heading(line: str) -> bool:
    """A short line that does not end like a sentence: a heading, a menu item or a caption."""
    return _words(line) < 9 and not _SENTENCE_END.search(line)


def _is_teaser(line: str) -> bool:
    """A one- or two-sentence paragraph that ends with a question: a link to another story."""
    sentences = re.split(r"(?<=[.!?])\s+", line.strip())
    return line.rstrip().endswith("?") and len(sentences) <= 2 and len(line.split()) < 40


def _is_footer(rest: list[str]) -> bool:
    """After an app or newsletter promotion, short slogan lines are the page footer."""
    words = [len(line.split()) for line in rest if line.strip()]
    return not words or sum(words) / len(words) < 15


def body_spans(text: str, *, author: str | None = None) -> list[Span]:
    """Return the character ranges of ``text`` that are article body.

    text (str): the full article text, one paragraph per line.
    author (str | None): the byline; a line holding only the author's name starts the bio,
        and everything after it is furniture.
    RETURNS (list[Span]): body ranges in text order; empty when nothing looks like body.
    """
    spans: list[Span] = []
    pos = 0
    lines = text.splitlines(keepends=True)
    for i, raw in enumerate(lines):
        start, line = pos, raw.rstrip("\r\n")
        pos += len(raw)
        stripped = line.strip()
        if not stripped:
            continue
        if author and stripped.lower() == author.strip().lower():
            break  # the author bio follows the byline
        if _PROMO.search(stripped):
            if _is_footer(lines[i + 1:]):
                break
            continue
        if _TEASER.match(stripped) or _is_heading(stripped) or _is_teaser(stripped):
            continue
        lead = len(line) - len(line.lstrip())
        m = DATELINE.match(line)
        if m:
            lead = m.end()
        end = start + len(line.rstrip())
        if start + lead < end:
            spans.append(Span(start + lead, end))
    return spans
