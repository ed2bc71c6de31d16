"""Read articles from a folder: .txt (+ .meta.json sidecar), .html, .json and .jsonl.

Each reader yields :class:`~kg.model.Article` objects (and, for files holding many records,
:class:`~kg.errors.IngestError` for a bad record) or raises ``IngestError`` naming the file, the
place (line, record) and the problem. :func:`read_folder` keeps going past bad files so that the
rest of a batch still lands, and reports the failures together. Limits: ``kg/ingest/limits.py``.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..errors import Errors, IngestError, Warnings, display_path
from ..graph.iri import graph_iri
from ..model import Article
from .article import make_article, parse_date
from .files import _kind, _read_bytes, _read_text, _text_of, loads
from .limits import MAX_JSON_DEPTH, MAX_SIDECAR_BYTES
from .records import TEXT_KEYS, read_json, read_jsonl
from .spill import TextSpill
from .walk import ARTICLE_SUFFIXES, walk

__all__ = ["ARTICLE_SUFFIXES", "TEXT_KEYS", "IngestResult", "article_files", "make_article", "parse_date",
           "read_folder", "read_html", "read_json", "read_jsonl", "read_txt"]


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0  # paths not read (reported in warnings) and duplicates
    root: Path | None = None  # the folder sources are relative to


def _error(message: str, path) -> IngestError:
    return IngestError(message, display_path(path))


def _sidecar_meta(path: Path, warnings: list[str]) -> dict[str, Any]:
    sidecar = path.with_name(path.stem + ".meta.json")
    try:
        if not sidecar.is_file():
            return {}
    except OSError:  # a name too long for the file system cannot have a sidecar
        return {}
    shown, article = display_path(sidecar), display_path(path)
    try:
        data = _read_bytes(sidecar, limit=MAX_SIDECAR_BYTES, name="MAX_SIDECAR_BYTES")
        meta = loads(_text_of(data, sidecar, warnings), shown)
    except IngestError as e:
        raise IngestError(Errors.E108.format(path=article, sidecar=shown, reason=e.reason), article) from None
    if not isinstance(meta, dict):
        raise IngestError(Errors.E111.format(path=article, sidecar=shown, kind=_kind(meta)), article)
    return meta


def read_txt(path: Path, *, warnings: list[str] | None = None) -> Iterator[Article]:
    warnings = warnings if warnings is not None else []
    meta = _sidecar_meta(path, warnings)
    yield make_article(_read_text(path, warnings), meta, path=display_path(path), stem=path.stem,
                       warnings=warnings)


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
    except Exception:  # noqa: BLE001 - lxml raises several unrelated types on hostile markup
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


def read_html(path: Path, *, warnings: list[str] | None = None) -> Iterator[Article]:
    import trafilatura  # heavy import, only when there is HTML

    # trafilatura logs its own errors on markup-only pages; the verdict here is E106
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    warnings = warnings if warnings is not None else []
    shown = display_path(path)
    html = _text_of(_read_bytes(path), path, warnings, html=True)
    if not html.strip():
        raise IngestError(Errors.E106.format(path=shown), shown)
    declared = html_meta(html)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            # htmldate's extensive search guesses from any number in the page: only trust markup
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - trafilatura fails in many ways on markup-only pages
        doc = None
    if doc is None or not (doc.text or "").strip():
        raise IngestError(Errors.E106.format(path=shown), shown)
    meta = {"url": doc.url, "title": doc.title, "publisher": doc.sitename, "author": doc.author,
            "language": doc.language}
    meta.update(declared)  # what the publisher declares beats what was guessed
    yield make_article(doc.text, meta, path=shown, stem=path.stem, warnings=warnings)


READERS = {".txt": read_txt, ".html": read_html, ".htm": read_html, ".json": read_json, ".jsonl": read_jsonl}


def article_files(folder: Path) -> list[Path]:
    """Article files under ``folder``, recursively, in a stable order; sidecars excluded."""
    return walk(Path(folder)).files


def source_of(article: Article, path: Path, root: Path) -> str:
    """An article's identity: its URL when the metadata has one, else its path relative to the
    built folder (with ``#record`` for one record of a .jsonl or JSON list file)."""
    if article.url:
        return article.url
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.name
    rel = display_path(rel)
    if article.path != display_path(path):  # one record of several: file:line or file#n
        return f"{rel}#{article.stem}"
    return rel


def read_folder(folder: str | Path, *, spill: TextSpill | None = None) -> IngestResult:
    """Read every article under ``folder``.

    folder (str | Path): a folder (searched recursively) or a single article file.
    spill (TextSpill): keep each article's text there, not in the result (a build's memory
        then does not grow with the corpus: ``TextSpill.full`` gives an article back whole).
    RETURNS (IngestResult): the articles read, in path order, each with its ``source``; the
        errors met (one per bad file or record); warnings (paths skipped and why, fields
        dropped); the paths skipped as exact duplicates of an earlier article.
    """
    folder = Path(folder)
    result = IngestResult()
    shown = display_path(folder)
    if not os.path.lexists(folder):
        result.errors.append(IngestError(Errors.E109.format(path=shown), shown))
        return result
    result.root = (folder if folder.is_dir() else folder.parent).absolute()
    found = walk(folder)
    result.warnings += found.warnings
    result.skipped += found.skipped
    if not found.files:
        result.errors.append(IngestError(Errors.E107.format(path=shown), shown))
    seen: dict[str, int] = {}  # text hash -> position in result.articles
    sources: dict[str, str] = {}
    for path in found.files:
        try:
            items = list(READERS[path.suffix.lower()](path, warnings=result.warnings))
        except IngestError as e:
            result.errors.append(e)
            continue
        except RecursionError:  # belt and braces: no input may crash the batch
            result.errors.append(_error(Errors.E114.format(path=display_path(path), limit=MAX_JSON_DEPTH), path))
            continue
        for item in items:
            if isinstance(item, IngestError):
                result.errors.append(item)
                continue
            item.source = source_of(item, path, result.root)
            if item.sha256 in seen:  # the same text twice: the copy with the first graph IRI is kept,
                # whatever the read order, so that which one lands is a function of the set of files
                at = seen[item.sha256]
                kept = result.articles[at]
                if str(graph_iri(item)) < str(graph_iri(kept)) and item.source not in sources:
                    result.articles[at] = spill.put(item) if spill is not None else item
                    del sources[kept.source]
                    sources[item.source] = item.path
                    kept, item = item, kept
                result.duplicates.append(item.path)
                result.warnings.append(Warnings.W108.format(path=item.path, other=kept.path))
                result.skipped += 1
            elif item.source in sources:
                result.warnings.append(Warnings.W113.format(path=item.path, source=item.source,
                                                            other=sources[item.source], kept=sources[item.source]))
                result.skipped += 1
            else:
                seen[item.sha256] = len(result.articles)
                sources[item.source] = item.path
                result.articles.append(spill.put(item) if spill is not None else item)
    return result
