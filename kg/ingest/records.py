"""JSON articles: one record per .json file (or a list of them) and one per .jsonl line.

A bad record is reported with its place (``file#n``, ``file:line``) and the others still land.
Lines are split at line feeds only, so JSON strings may hold U+2028, U+2029 or U+0085.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..errors import Errors, IngestError, Warnings, display_path, safe_repr
from ..model import Article
from .article import make_article
from .files import _kind, _read_bytes, _read_text, _text_of, loads
from .limits import MAX_RECORD_BYTES, MAX_RECORDS_PER_FILE
from .meta import clean_text

TEXT_KEYS = ("text", "content", "body", "article")


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
