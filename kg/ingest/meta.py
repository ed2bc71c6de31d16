"""Metadata and text from untrusted sources, checked field by field.

A field of the wrong type or shape is dropped with a warning naming the field and the value, so
that the article still lands and nothing reaches the graph that ``kg validate`` would refuse.
Text is made valid Unicode (an unpaired surrogate becomes U+FFFD) without moving any character,
so evidence offsets into it stay exact.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from ..errors import Warnings, safe_repr
from .limits import MAX_FIELD_CHARS

TEXT_FIELDS = ("title", "publisher", "author", "retrieved")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_IRI_FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f]")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({safe_repr(value)})"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return safe_repr(value)


def clean_text(text: str, *, path: str, field: str, warnings: list[str]) -> str:
    """``text`` as valid Unicode without control characters; same length, same offsets."""
    text, n = _SURROGATE.subn("\ufffd", text)
    if n:
        warnings.append(Warnings.W104.format(path=path, count=n, field=field))
    text, n = _CONTROL.subn(" ", text)
    if n:
        warnings.append(Warnings.W112.format(path=path, count=n, field=field))
    return text


def valid_url(value: str) -> bool:
    """An absolute http(s) URL that is also a valid IRI (no spaces, no brackets)."""
    if _IRI_FORBIDDEN.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def clean_meta(meta: dict[str, Any], *, path: str, warnings: list[str]) -> dict[str, Any]:
    """The metadata fields Parley uses, each checked; ``published`` is left to ``parse_date``.

    meta (dict): fields as found in a sidecar, a JSON record or a page's meta tags.
    path (str): where they came from, for the warnings.
    warnings (list): receives one message per field dropped or repaired.
    RETURNS (dict): url, title, publisher, author, language, retrieved (each a str or absent)
        and published/date as given.
    """
    out: dict[str, Any] = {k: meta[k] for k in ("published", "date") if k in meta}
    for name in TEXT_FIELDS + ("url", "language"):
        value = meta.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            warnings.append(Warnings.W103.format(path=path, field=name, value=_kind(value), expected="text"))
            continue
        if len(value) > MAX_FIELD_CHARS:
            warnings.append(Warnings.W103.format(path=path, field=name, value=f"{len(value):,} characters long",
                                                 expected=f"text of at most {MAX_FIELD_CHARS:,} characters"))
            continue
        value = " ".join(clean_text(value, path=path, field=name, warnings=warnings).split())
        if not value:
            continue
        if name == "url" and not valid_url(value):
            warnings.append(Warnings.W103.format(path=path, field=name, value=safe_repr(value),
                                                 expected="an absolute http(s) URL"))
            continue
        if name == "language" and not _LANGUAGE.match(value):
            warnings.append(Warnings.W103.format(path=path, field=name, value=safe_repr(value),
                                                 expected="a language tag such as 'en' or 'pt-BR'"))
            continue
        out[name] = value
    return out
