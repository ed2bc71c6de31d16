"""Read articles from a folder: .txt (+ .meta.json sidecar), .html, .json and .jsonl.

Each reader yields :class:`~kg.model.Article` objects (and, for files holding many records,
:class:`~kg.errors.IngestError` for a bad record) or raises ``IngestError`` naming the file, the
place (line, record) and the problem. :func:`read_folder` keeps going past bad files so that the
rest of a batch still lands, and reports the failures together. Limits: ``kg/ingest/limits.py``.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from ..errors import Errors, IngestError, Warnings, display_path, safe_repr
from ..model import Article
from .decode import NotText, decode
from .furniture import DATELINE, body_spans
from .limits import (MAX_ARTICLE_CHARS, MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_RECORD_BYTES, MAX_RECORDS_PER_FILE,
                     MAX_SIDECAR_BYTES)
from .meta import clean_meta, clean_text
from .walk import ARTICLE_SUFFIXES, walk

TEXT_KEYS = ("text", "content", "body", "article")

__all__ = ["ARTICLE_SUFFIXES", "IngestResult", "article_files", "make_article", "parse_date", "read_folder"]


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


def _read_bytes(path: Path, *, limit: int = MAX_FILE_BYTES, name: str = "MAX_FILE_BYTES") -> bytes:
    shown = display_path(path)
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise IngestError(Errors.E110.format(path=shown, what="the file", size=size, unit="bytes",
                                                     limit=limit, name=name), shown,
                                  reason=f"the file is {size:,} bytes; the limit is {limit:,} ({name})")
            return f.read(limit + 1)
    except OSError as e:
        raise IngestError(Errors.E112.format(path=shown, reason=e.strerror or e), shown) from None


def _text_of(data: bytes, path: Path, warnings: list[str], *, html: bool = False) -> str:
    shown = display_path(path)
    try:
        text, encoding, how = decode(data, html=html)
    except NotText as e:
        if e.binary:
            raise IngestError(Errors.E113.format(path=shown, offset=e.offset), shown,
                              reason=f"binary data (a NUL byte at offset {e.offset:,})") from None
        raise IngestError(Errors.E101.format(path=shown, reason=e), shown, reason=str(e)) from None
    if how:
        warnings.append(Warnings.W109.format(path=shown, encoding=encoding, how=how))
    return text


def _read_text(path: Path, warnings: list[str] | None = None) -> str:
    return _text_of(_read_bytes(path), path, warnings if warnings is not None else [])


def _depth(obj: Any) -> int:
    """Nesting depth of a parsed JSON value, without recursion."""
    deepest, stack = 0, [(obj, 1)]
    while stack:
        value, d = stack.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, d)
            if d <= MAX_JSON_DEPTH:
                stack.extend((v, d + 1) for v in (value.values() if isinstance(value, dict) else value))
    return deepest


def loads(text: str, path: str) -> Any:
    """Parse JSON from an untrusted file: syntax errors, numbers Python refuses and nesting past
    MAX_JSON_DEPTH become coded errors (E103, E114), never a crash."""
    deep = f"nested deeper than {MAX_JSON_DEPTH} levels"
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        reason = f"{e.msg} at line {e.lineno}, column {e.colno}"
        raise IngestError(Errors.E103.format(path=path, reason=reason), path, reason=reason) from None
    except RecursionError:
        raise IngestError(Errors.E114.format(path=path, limit=MAX_JSON_DEPTH), path, reason=deep) from None
    except ValueError as e:  # e.g. an integer of more than 4,300 digits
        reason = str(e).split(";")[0].split(": value has")[0]
        raise IngestError(Errors.E103.format(path=path, reason=reason), path, reason=reason) from None
    if _depth(obj) > MAX_JSON_DEPTH:
        raise IngestError(Errors.E114.format(path=path, limit=MAX_JSON_DEPTH), path, reason=deep)
    return obj


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


def _kind(obj: Any) -> str:
    return {list: "a list", dict: "an object", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(obj), "a number")


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


def _record(obj: Any, *, path: str, stem: str, warnings: list[str]) -> Article:
    if not isinstance(obj, dict):
        raise IngestError(Errors.E115.format(path=path, field="the record", value=_kind(obj)), path)
    text = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None:
        fields = ", ".join(sorted(safe_repr(k, 40).strip("'") for k in obj)[:20]) or "none"
        raise IngestError(Errors.E104.format(path=path, fields=fields), path)
    return make_article(text, obj, path=path, stem=stem, warnings=warnings)


def _record_stem(obj: Any, default: str) -> str:
    rid = obj.get("id") if isinstance(obj, dict) else None
    if isinstance(rid, int) and not isinstance(rid, bool) and abs(rid) < 10 ** 30:
        return str(rid)
    if isinstance(rid, str) and 0 < len(rid) <= 100 and rid.isprintable():
        return clean_text(rid, path="", field="id", warnings=[])
    return default


def read_json(path: Path, *, warnings: list[str] | None = None) -> Iterator[Article | IngestError]:
    """One record (an object), or a list of records each read as ``file#n``."""
    warnings = warnings if warnings is not None else []
    shown = display_path(path)
    obj = loads(_read_text(path, warnings), shown)
    if not isinstance(obj, list):
        yield _record(obj, path=shown, stem=path.stem, warnings=warnings)
        return
    if len(obj) > MAX_RECORDS_PER_FILE:
        raise IngestError(Errors.E110.format(path=shown, what="the list", size=len(obj), unit="records",
                                             limit=MAX_RECORDS_PER_FILE, name="MAX_RECORDS_PER_FILE"), shown)
    for n, item in enumerate(obj, 1):
        where = f"{shown}#{n}"
        try:
            yield _record(item, path=where, stem=_record_stem(item, f"{path.stem}-{n}"), warnings=warnings)
        except IngestError as e:
            yield e
    if not obj:
        warnings.append(Warnings.W106.format(path=shown).replace(".jsonl file", "JSON list"))


def _jsonl_lines(path: Path, warnings: list[str]) -> Iterator[tuple[int, str | IngestError]]:
    """(line number, text) for each line, split at line feeds only: a JSON string may legally hold
    U+2028, U+2029 or U+0085, which ``str.splitlines`` would take for line ends."""
    shown = display_path(path)
    try:
        f = open(path, "rb")
    except OSError as e:
        raise IngestError(Errors.E112.format(path=shown, reason=e.strerror or e), shown) from None
    with f:
        head = f.read(4096)
        f.seek(0)
        if _utf16_or_32(head):  # rare: read whole (within the file limit) and decode once
            text = _text_of(_read_bytes(path), path, warnings)
            for n, line in enumerate(text.split("\n"), 1):
                yield n, line
            return
        for n, raw in enumerate(iter(lambda: f.readline(MAX_RECORD_BYTES + 1), b""), 1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
                where = f"{shown}:{n}"
                yield n, IngestError(Errors.E110.format(path=where, what="the line", size=len(raw), unit="bytes or more",
                                                        limit=MAX_RECORD_BYTES, name="MAX_RECORD_BYTES"), where)
                while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                    raw = f.readline(MAX_RECORD_BYTES)
                continue
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError as e:
                where = f"{shown}:{n}"
                yield n, IngestError(Errors.E101.format(
                    path=where, reason=f"byte 0x{raw[e.start:e.start + 1].hex()} at column {e.start + 1} is not UTF-8"),
                    where)


def _utf16_or_32(head: bytes) -> bool:
    from .decode import BOMS, _zero_pattern

    return any(head.startswith(b) for b, enc in BOMS if enc != "utf-8") or _zero_pattern(head) is not None


def read_jsonl(path: Path, *, warnings: list[str] | None = None) -> Iterator[Article | IngestError]:
    """One record per line; a bad line is reported with its line number and the others land."""
    warnings = warnings if warnings is not None else []
    shown = display_path(path)
    records = 0
    for n, line in _jsonl_lines(path, warnings):
        if isinstance(line, IngestError):
            yield line
            continue
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        records += 1
        where = f"{shown}:{n}"
        if records > MAX_RECORDS_PER_FILE:
            yield IngestError(Errors.E110.format(path=shown, what="the file", size=records, unit="records or more",
                                                 limit=MAX_RECORDS_PER_FILE, name="MAX_RECORDS_PER_FILE"), shown)
            return
        try:
            obj = loads(line, where)
            yield _record(obj, path=where, stem=_record_stem(obj, f"{path.stem}-{n}"), warnings=warnings)
        except IngestError as e:
            yield e
    if records == 0:
        warnings.append(Warnings.W106.format(path=shown))


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


def read_folder(folder: str | Path) -> IngestResult:
    """Read every article under ``folder``.

    folder (str | Path): a folder (searched recursively) or a single article file.
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
    seen: dict[str, str] = {}
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
            if item.sha256 in seen:
                result.duplicates.append(item.path)
                result.warnings.append(Warnings.W108.format(path=item.path, other=seen[item.sha256]))
                result.skipped += 1
            elif item.source in sources:
                result.warnings.append(Warnings.W113.format(path=item.path, source=item.source,
                                                            other=sources[item.source], kept=sources[item.source]))
                result.skipped += 1
            else:
                seen[item.sha256] = item.path
                sources[item.source] = item.path
                result.articles.append(item)
    return result
