"""Read articles from a folder: .txt (+ .meta.json sidecar), .html, .json and .jsonl.

Each reader yields :class:`~kg.model.Article` objects or raises :class:`~kg.errors.IngestError`
naming the file and the problem. :func:`read_folder` keeps going past bad files so that the rest
of a batch still lands, and reports the failures together.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from ..errors import Errors, IngestError
from ..model import Article
from .furniture import DATELINE, body_spans

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
TEXT_KEYS = ("text", "content", "body", "article")


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def parse_date(value: Any, path: str) -> date | None:
    """An ISO date or timestamp from metadata, or None when absent. Raises E105 otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            raise IngestError(Errors.E105.format(path=path, value=value), path) from None


def make_article(text: str, meta: dict[str, Any], *, path: str, stem: str) -> Article:
    """Build an Article from its text and metadata; find the body and a dateline date."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    published = parse_date(meta.get("published") or meta.get("date"), path)
    if published is None:
        m = DATELINE.match(text)
        if m:
            published = date.fromisoformat(m.group(1))
    author = meta.get("author")
    article = Article(
        path=path,
        stem=stem,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        url=meta.get("url"),
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        published=published,
        author=author if isinstance(author, str) else None,
        language=meta.get("language"),
        retrieved=meta.get("retrieved"),
    )
    article.body = body_spans(text, author=article.author)
    if not article.body:
        raise IngestError(Errors.E102.format(path=path), path)
    return article


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as e:
        raise IngestError(Errors.E101.format(path=path, reason=e), str(path)) from None


def read_txt(path: Path) -> Iterator[Article]:
    meta: dict[str, Any] = {}
    sidecar = path.with_name(path.stem + ".meta.json")
    if sidecar.exists():
        try:
            meta = json.loads(_read_text(sidecar))
        except json.JSONDecodeError as e:
            raise IngestError(Errors.E108.format(path=sidecar, reason=e), str(sidecar)) from None
    yield make_article(_read_text(path), meta, path=str(path), stem=path.stem)


# Publisher-declared metadata, in order of trust. trafilatura's own date finder also looks at
# the URL, which often carries the event's date rather than the publication's.
META_TAGS = {
    "published": ("article:published_time", "og:published_time", "datePublished", "date", "pubdate", "dc.date"),
    "title": ("og:title", "twitter:title", "title"),
    "publisher": ("og:site_name", "publisher", "application-name"),
    "author": ("author", "article:author", "dc.creator"),
    "url": ("og:url",),
}


def html_meta(html: str) -> dict[str, str]:
    """Metadata from <meta> tags (property= or name= or itemprop=) and <link rel=canonical>."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, SyntaxError):
        return {}
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content") and key not in tags:
            tags[key] = meta.get("content").strip()
    out = {field: next((tags[k.lower()] for k in keys if k.lower() in tags), None) for field, keys in META_TAGS.items()}
    canonical = root.find(".//link[@rel='canonical']")
    if not out["url"] and canonical is not None:
        out["url"] = canonical.get("href")
    lang = root.get("lang")
    if lang:
        out["language"] = lang.split("-")[0]
    return {k: v for k, v in out.items() if v}


def read_html(path: Path) -> Iterator[Article]:
    import trafilatura  # heavy import, only when there is HTML

    html = _read_text(path)
    declared = html_meta(html)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        # htmldate's extensive search guesses from any number in the page: only trust markup
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        raise IngestError(Errors.E106.format(path=path), str(path))
    meta = {"url": doc.url, "title": doc.title, "publisher": doc.sitename, "author": doc.author,
            "language": doc.language}
    meta.update(declared)  # what the publisher declares beats what was guessed
    yield make_article(doc.text, meta, path=str(path), stem=path.stem)


def _record(obj: Any, *, path: str, stem: str) -> Article:
    if not isinstance(obj, dict):
        raise IngestError(Errors.E104.format(path=path, fields=type(obj).__name__), path)
    text = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None:
        raise IngestError(Errors.E104.format(path=path, fields=", ".join(sorted(obj)) or "none"), path)
    return make_article(text, obj, path=path, stem=stem)


def read_json(path: Path) -> Iterator[Article]:
    try:
        obj = json.loads(_read_text(path))
    except json.JSONDecodeError as e:
        raise IngestError(Errors.E103.format(path=path, reason=e), str(path)) from None
    yield _record(obj, path=str(path), stem=path.stem)


def read_jsonl(path: Path) -> Iterator[Article | IngestError]:
    """One record per line; a bad line is reported and the other lines still land."""
    for n, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
            stem = str(obj.get("id") or f"{path.stem}-{n}") if isinstance(obj, dict) else path.stem
            yield _record(obj, path=where, stem=stem)
        except json.JSONDecodeError as e:
            yield IngestError(Errors.E103.format(path=where, reason=e), where)
        except IngestError as e:
            yield e


READERS = {".txt": read_txt, ".html": read_html, ".htm": read_html, ".json": read_json, ".jsonl": read_jsonl}


def article_files(folder: Path) -> list[Path]:
    """Article files under ``folder``, recursively, in a stable order; sidecars excluded."""
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in READERS
                  and not p.name.endswith(".meta.json") and not p.name.startswith("."))


def read_folder(folder: str | Path) -> IngestResult:
    """Read every article under ``folder``.

    folder (str | Path): a folder (searched recursively) or a single article file.
    RETURNS (IngestResult): the articles read, in path order, the errors met (one per bad
        file or record) and the paths skipped as exact duplicates of an earlier article.
    """
    folder = Path(folder)
    result = IngestResult()
    files = article_files(folder)
    if not files:
        result.errors.append(IngestError(Errors.E107.format(path=folder), str(folder)))
    seen: set[str] = set()
    for path in files:
        try:
            items = list(READERS[path.suffix.lower()](path))
        except IngestError as e:
            result.errors.append(e)
            continue
        for item in items:
            if isinstance(item, IngestError):
                result.errors.append(item)
            elif item.sha256 in seen:
                result.duplicates.append(item.path)
            else:
                seen.add(item.sha256)
                result.articles.append(item)
    return result
