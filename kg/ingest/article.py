"""An Article from text and metadata: normalised, valid Unicode, checked metadata, its body."""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from ..errors import Errors, IngestError, Warnings, display_path, safe_repr
from ..model import Article
from .furniture import DATELINE, body_spans
from .limits import MAX_ARTICLE_CHARS
from .meta import clean_meta, clean_text


def parse_date(value: Any, path: str) -> date | None:
    """An ISO date or timestamp from metadata, or None when absent. Raises E105 otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) <= 64:
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            try:
                return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            except ValueError:
                pass
    raise IngestError(Errors.E105.format(path=path, value=_Shown(value)), path) from None


class _Shown:
    """Formats as a safe repr inside messages that use ``{value!r}``."""

    def __init__(self, value: Any) -> None:
        self.text = safe_repr(value)

    def __repr__(self) -> str:
        return self.text


def make_article(text: str, meta: dict[str, Any], *, path: str, stem: str,
                 warnings: list[str] | None = None) -> Article:
    """Build an Article from its text and metadata; find the body and a dateline date.

    Text is normalised (line ends, BOM) and made valid Unicode without shifting offsets; each
    metadata field is checked (``kg/ingest/meta.py``); problems that do not cost the article are
    appended to ``warnings``.
    """
    warnings = warnings if warnings is not None else []
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if len(text) > MAX_ARTICLE_CHARS:
        raise IngestError(Errors.E110.format(path=path, what="the article text", size=len(text), unit="characters",
                                             limit=MAX_ARTICLE_CHARS, name="MAX_ARTICLE_CHARS"), path)
    text = clean_text(text, path=path, field="the text", warnings=warnings)
    meta = clean_meta(meta, path=path, warnings=warnings)
    published = parse_date(meta.get("published") or meta.get("date"), path)
    if published is None:
        m = DATELINE.match(text)
        if m:
            try:
                published = date.fromisoformat(m.group(1))
            except ValueError:
                warnings.append(Warnings.W105.format(path=path, value=m.group(1)))
    article = Article(
        path=path,
        stem=display_path(stem),
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        url=meta.get("url"),
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        published=published,
        author=meta.get("author"),
        language=meta.get("language"),
        retrieved=meta.get("retrieved"),
    )
    article.body = body_spans(text, author=article.author)
    if not article.body:
        raise IngestError(Errors.E102.format(path=path), path)
    return article
