"""Bytes to text: UTF-8, or UTF-16/32 found by byte order mark or by their zero-byte pattern.

Legacy 8-bit encodings (Latin-1, Windows-1252, ...) cannot be told apart from each other by
content alone, so a file that is not valid UTF-8 is refused with the offending byte, never
guessed into mojibake. An HTML page that declares its charset is decoded with that charset.
"""
from __future__ import annotations

import codecs
import re

BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SAMPLE = 4096
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class NotText(ValueError):
    """The bytes are not text in an encoding we read; ``offset`` is where it shows (or None)."""

    def __init__(self, reason: str, *, offset: int | None = None, binary: bool = False) -> None:
        super().__init__(reason)
        self.offset, self.binary = offset, binary


def _zero_pattern(data: bytes) -> str | None:
    """UTF-16/32 text without a BOM: mostly-ASCII text leaves zero bytes at fixed positions."""
    sample = data[:SAMPLE - SAMPLE % 4]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    n = len(sample)
    zeros = [sum(1 for i in range(k, n, 4) if sample[i] == 0) / (n // 4) for k in range(4)]
    if zeros[1] > 0.6 and zeros[2] > 0.6 and zeros[3] > 0.6:
        return "utf-32-le"
    if zeros[0] > 0.6 and zeros[1] > 0.6 and zeros[2] > 0.6:
        return "utf-32-be"
    odd, even = (zeros[1] + zeros[3]) / 2, (zeros[0] + zeros[2]) / 2
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if Python knows it."""
    m = _HTML_CHARSET.search(data[:SAMPLE * 4])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes, *, html: bool = False) -> tuple[str, str, str | None]:
    """Decode an article file.

    data (bytes): the file's bytes.
    html (bool): honour a charset declared in the page's markup.
    RETURNS (tuple): the text, the encoding used, and how it was chosen when that was not
        plain UTF-8 or a byte order mark (for a warning), else None.
    RAISES NotText: binary data, or bytes that are valid in no encoding we accept.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, None
            except UnicodeDecodeError as e:
                raise NotText(f"invalid {encoding} after its byte order mark at byte {e.start + len(bom):,}",
                              offset=e.start + len(bom)) from None
    guessed = _zero_pattern(data)
    if guessed:
        try:
            return data.decode(guessed), guessed, "no byte order mark; told by its zero bytes"
        except UnicodeDecodeError:
            pass
    nul = data.find(b"\x00")
    if nul >= 0:
        raise NotText("binary data", offset=nul, binary=True)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as e:
        charset = declared_charset(data) if html else None
        if charset and charset != "utf-8":
            try:
                return data.decode(charset), charset, "declared by the page"
            except UnicodeDecodeError:
                pass
        bad = data[e.start:e.start + 1].hex()
        raise NotText(f"byte 0x{bad} at offset {e.start:,} is not UTF-8; a legacy 8-bit encoding is not guessed",
                      offset=e.start) from None
