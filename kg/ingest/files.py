"""Reading one file of untrusted bytes: size limits, decoding, JSON with depth and number limits.

Each problem becomes an :class:`~kg.errors.IngestError` with its code, the path, and ``reason``
(the problem alone, for a message that wraps it).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import Errors, IngestError, Warnings, display_path
from .decode import NotText, decode
from .limits import MAX_FILE_BYTES, MAX_JSON_DEPTH


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


def _kind(obj: Any) -> str:
    return {list: "a list", dict: "an object", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(obj), "a number")
