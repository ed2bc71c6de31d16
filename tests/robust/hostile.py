"""A generator of hostile article files: every shape news arrives in when it arrives badly.

``write_cases(folder)`` writes them (with our own short sentences as article text) and returns one
:class:`Case` per path. Each case says what a build must do with it: ``land`` (the article lands,
perhaps with a warning), ``refuse`` (a coded error naming the file) or ``note`` (a coded warning:
skipped, with the reason). A case never allows a crash, a traceback or silence.
"""
from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass
from pathlib import Path

SENTENCE = ("Negotiators from the two delegations met in Vienna on 4 March 2025 and agreed to meet again, "
            "a spokesperson for the hosts said.")
TEXT = SENTENCE + "\n\nThe next round was expected within a month, according to officials briefed on the talks.\n"

RUSSIAN = "Делегации двух стран встретились в Вене 4 марта 2025 года. Представитель сторон заявил, что переговоры были полезными."
MIXED = ("The envoy Иван Петров met 李明 in Vienna on 4 March 2025. «Это важно», he said, "
         "and the talks مفيدة were described as useful.")
SCRIPTS = {
    "russian": RUSSIAN, "mixed": MIXED,
    "arabic": "التقى المفاوضون في فيينا يوم 4 مارس 2025 واتفقوا على الاجتماع مرة أخرى.",
    "chinese": "双方代表团于2025年3月4日在维也纳会面，并同意再次会面。",
    "greek": "Οι αντιπροσωπείες συναντήθηκαν στη Βιέννη στις 4 Μαρτίου 2025.",
    "hebrew-rtl": "\u202eThe delegations met in Vienna\u202c on 4 March 2025, officials said in a statement.",
    "emoji": "🕊️ Negotiators 🤝 met in Vienna 🇦🇹 on 4 March 2025, officials said 🎉.",
    "zero-width": "Nego\u200btiators met\u200d in Vien\u2060na on 4 March 2025, officials\ufeff said.",
    "combining": "Ne\u0301go\u0308tiators met in Vi\u0327enna on 4 March 2025, officials said.",
    "line-separators": "Negotiators met in Vienna\u2028on 4 March 2025.\u2029Officials said\u0085it was useful.",
    "control-chars": "Negotiators met\x01 in Vienna\x1b on 4 March 2025,\x0b officials\x7f said.",
    "only-digits": "2025 2025 2025 2025 4 4 4 3 3 3 " * 20,
    "only-punctuation": "!!! ??? ... --- ;;; ::: " * 20,
    "one-letter-words": "a b c d e f g h i j k l m n o p q r s t u v w x y z. " * 20,
    "all-caps": SENTENCE.upper(),
    "no-spaces": SENTENCE.replace(" ", ""),
    "sparql-like": SENTENCE + ' }} ; DROP ALL ; INSERT DATA { <a> <b> "c" } #',
    "ntriples-like": SENTENCE + ' <http://x/a> <http://x/b> "c\\" . \\u0022 ^^<http://x>',
    "markup-in-text": SENTENCE + " <script>alert(1)</script> <b>bold</b> &amp; &#0; &#xD800;",
    "quotes": '"' * 50 + SENTENCE + "“”‘’«»" * 20,
    "long-word": SENTENCE + " " + "x" * 20000,
    "many-lines": "\n".join(f"Line {i}: the delegations met." for i in range(400)),
    "dateline-ok": "Date 2025-03-04\n" + TEXT,
}
BAD_DATELINES = ["2025-02-30", "2025-13-01", "0000-00-00", "9999-99-99", "2025-00-10", "2023-02-29"]
BAD_VALUES = {  # metadata values of the wrong type or shape
    "int": 42, "float": 3.5, "huge-int": "__HUGE__", "bool": True, "null": None, "list": ["a", "b"],
    "object": {"a": 1}, "empty": "", "spaces": "   ", "surrogate": "\ud800x", "long": "t" * 5000,
    "nul": "a\u0000b", "newline": "a\nb",
}
META_FIELDS = ["title", "publisher", "author", "url", "language", "published", "retrieved"]
BAD_URLS = ["not a url", "javascript:alert(1)", "http://", "ftp://example.org/a", "//example.org/a",
            "http://exa mple.org/", "http://example.org/<x>", "mailto:a@b.c", "http://[::1", "\ud800"]
BAD_LANGUAGES = ["english language", "e", "en_US_x_y_z_1234567890", "42", "en-", "<en>"]
BAD_PUBLISHED = ["yesterday", "2025-02-30", "2025/01/01", "2025-1-1x", "3 March", "9" * 100, "2025-13-01T00:00"]


@dataclass
class Case:
    path: str  # relative to the folder
    expect: str  # land, refuse, note, counted (a non-article file, counted in one W107 line)
    shape: str


class Cases:
    def __init__(self, folder: Path) -> None:
        self.folder, self.cases, self.n = folder, [], 0

    def t(self) -> str:
        """The article text, made unique (same text twice is a duplicate, skipped by design)."""
        self.n += 1
        return TEXT.replace("a month", f"{self.n} days")

    def s(self) -> str:
        """The one-sentence text, made unique."""
        self.n += 1
        return SENTENCE.replace("again", f"again in {self.n} days")

    def add(self, rel: str, data: bytes | str, expect: str, shape: str) -> None:
        path = self.folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        self.cases.append(Case(rel, expect, shape))

    def record(self, name: str, record, expect: str, shape: str) -> None:
        self.add(f"{name}.json", dumps(record), expect, shape)


def dumps(value) -> str:
    """JSON, with "__HUGE__" standing for a 5,000-digit number (Python will not print one)."""
    return json.dumps(value, ensure_ascii=True).replace('"__HUGE__"', "9" * 5000)


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def write_cases(folder: Path) -> list[Case]:
    c = Cases(folder)
    # empty and markup-only files of every kind
    for suffix, expect in ((".txt", "refuse"), (".html", "refuse"), (".json", "refuse"), (".jsonl", "note")):
        c.add(f"empty/empty{suffix}", b"", expect, "empty file")
        c.add(f"empty/blank{suffix}", b" \n\t\n  \r\n", expect, "whitespace only")
    for i, html in enumerate(["<html></html>", "<!DOCTYPE html>", "<html><body></body></html>", "<div></div>" * 50,
                              "<html><head><title>T</title></head><body><script>var a=1;</script></body></html>",
                              "<html><body><nav>Home | News</nav><footer>All rights reserved</footer></body></html>",
                              "<" * 5000, "<html>" * 2000, "<?xml version='1.0'?><rss></rss>", "\x00<html>",
                              "<html><body><p>" + "&#xD800;" * 10 + "</p></body></html>", "<!-- -->" * 100]):
        c.add(f"html/markup-{i}.html", html, "refuse", "markup-only html")
    # impossible dates in a dateline, in metadata
    for d in BAD_DATELINES:
        c.add(f"dates/dateline-{d}.txt", f"Date {d}\n" + c.t(), "land", "impossible dateline date")
    for i, value in enumerate(BAD_PUBLISHED):
        c.add(f"dates/published-{i}.txt", c.t(), "refuse", "published not a date")
        c.add(f"dates/published-{i}.meta.json", json.dumps({"published": value}), "sidecar", "sidecar")
    # nesting and numbers
    for n in (65, 1000, 100_000):
        c.add(f"json/deep-{n}.json", _deep(n), "refuse", "deep JSON")
        c.add(f"json/deep-field-{n}.json", '{"text": "%s", "title": %s}' % (c.s(), _deep(n)), "refuse",
              "deep JSON field")
        c.add(f"jsonl/deep-{n}.jsonl", json.dumps({"text": c.t()}) + "\n" + _deep(n) + "\n", "land", "deep JSONL line")
    for field in ("text", "title", "published", "id"):
        c.add(f"json/huge-number-{field}.json", '{"text": "%s", "%s": %s}' % (c.s(), field, "7" * 5000)
              if field != "text" else '{"text": %s}' % ("7" * 5000), "refuse", "5,000-digit number")
    for token in ("NaN", "Infinity", "-Infinity", "1e999", "-0", "1" * 300 + ".5"):
        c.add(f"json/number-{token[:8]}.json", '{"text": "%s", "title": %s}' % (c.s(), token), "land",
              "odd JSON number")
    # a valid record cut short at 100 places: each is invalid JSON
    whole = json.dumps({"text": TEXT, "title": "Talks", "published": "2025-03-04", "url": "https://example.org/a"})
    for cut in range(1, len(whole), max(1, len(whole) // 100)):
        c.add(f"truncated/cut-{cut:04d}.json", whole[:cut], "refuse", "truncated JSON")
    # lone surrogates, in every field and in the text (as JSON escapes and as raw bytes)
    for field in ("text", "title", "publisher", "author", "url", "language", "id"):
        for kind in ("json", "jsonl"):
            value = json.dumps(c.t())[1:-1] + "\\ud800 and \\udfff" if field == "text" else "Vienna \\udc80 news"
            body = ('{"text": "%s", "%s": "%s"}' % (c.s(), field, value) if field != "text"
                    else '{"text": "%s"}' % value)
            c.add(f"surrogates/{kind}-{field}.{kind}", body + ("\n" if kind == "jsonl" else ""), "land", "lone surrogate")
    c.add("surrogates/raw-bytes.txt", c.t().encode() + b"\xed\xa0\x80", "refuse", "surrogate as UTF-8 bytes")
    # metadata fields of the wrong type or shape, in sidecars and in records
    for field in META_FIELDS:
        for name, value in BAD_VALUES.items():
            refused = (field == "published" and name not in ("null", "empty")) or name == "huge-int"
            rel = f"meta/{field}-{name}"
            c.add(f"{rel}.txt", c.t(), "refuse" if refused else "land", f"{field} as {name}")
            c.add(f"{rel}.meta.json", dumps({field: value}), "sidecar", "sidecar")
            c.record(f"meta/record-{field}-{name}", {"text": c.t(), field: value},
                     "refuse" if refused else "land", f"{field} as {name} in a record")
    for i, url in enumerate(BAD_URLS):
        c.record(f"meta/url-{i}", {"text": c.t(), "url": url}, "land", "not an IRI url")
    for i, lang in enumerate(BAD_LANGUAGES):
        c.record(f"meta/language-{i}", {"text": c.t(), "language": lang}, "land", "bad language tag")
    # sidecars that are not objects
    for name, value in (("list", "[1, 2]"), ("number", "42"), ("null", "null"), ("string", '"x"'), ("true", "true"),
                        ("invalid", '{"title": '), ("deep", _deep(5000)), ("utf16", "{}".encode("utf-16")),
                        ("latin1", '{"title": "caf\xe9"}'.encode("latin-1")), ("huge", " " * (1024 * 1024 + 10)),
                        ("empty", ""), ("bignum", '{"title": %s}' % ("1" * 5000))):
        c.add(f"sidecars/{name}.txt", c.t(), "land" if name == "utf16" else "refuse", f"sidecar {name}")
        c.add(f"sidecars/{name}.meta.json", value, "sidecar", "sidecar")
    os.makedirs(folder / "sidecars/dir-sidecar.meta.json", exist_ok=True)
    c.add("sidecars/dir-sidecar.txt", c.t(), "land", "sidecar that is a folder")
    c.add("sidecars/orphan.meta.json", '{"title": "no article"}', "note", "sidecar without article")
    # text fields that are not text
    for name, value in (("int", 5), ("list", ["a"]), ("null", None), ("object", {"t": "x"}), ("empty", ""),
                        ("spaces", "   \n  "), ("furniture", "Home\nNews\nSubscribe\n")):
        c.record(f"records/text-{name}", {"text": value, "title": "T"}, "refuse", f"text as {name}")
    for name, value in (("list", [{"text": c.t()}, 5, {"title": "no text"}, {"text": c.t() + " Second."}]),
                        ("empty-list", []), ("string", "just a string"), ("number", 42), ("null", None)):
        expect = {"list": "land", "empty-list": "note"}.get(name, "refuse")
        c.add(f"records/top-{name}.json", json.dumps(value), expect, f"top-level {name}")
    # encodings
    for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"):
        c.add(f"enc/{enc}.txt", c.t().encode(enc), "land", f"text in {enc}")
        c.add(f"enc/{enc}.json", json.dumps({"text": c.t()}).encode(enc), "land", f"json in {enc}")
        c.add(f"enc/{enc}.jsonl", (json.dumps({"text": c.t()}) + "\n").encode(enc), "land", f"jsonl in {enc}")
    for enc in ("latin-1", "cp1252", "shift_jis", "koi8-r"):
        text = "Café délégations ‘talks’ – Größe " + c.t() if enc in ("latin-1", "cp1252") else RUSSIAN
        try:
            data = text.encode(enc)
        except UnicodeEncodeError:
            data = "Café délégations " .encode("latin-1") + c.t().encode()
        c.add(f"enc/{enc}.txt", data, "refuse", f"legacy {enc}")
        c.add(f"enc/{enc}.jsonl", json.dumps({"text": "x"})[:-2].encode() + data[:40] + b'"}\n', "refuse", f"legacy {enc} jsonl")
    c.add("enc/declared-cp1252.html", ('<html><head><meta charset="windows-1252"><title>T</title></head><body><article><p>'
                                       + "Café délégations ‘talks’. " + c.s() + "</p><p>" + c.s()
                                       + "</p></article></body></html>").encode("cp1252"), "land", "declared charset")
    c.add("enc/binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "refuse", "binary")
    c.add("enc/nul-middle.txt", c.t().encode() + b"\x00" + c.t().encode(), "refuse", "NUL byte")
    c.add("enc/truncated-utf8.txt", c.t().encode() + "é".encode()[:1], "refuse", "truncated UTF-8")
    c.add("enc/overlong.txt", c.t().encode() + b"\xc0\xaf", "refuse", "overlong UTF-8")
    c.add("enc/mojibake.txt", "CafÃ© dÃ©lÃ©gations ".encode() + c.t().encode(), "land", "mojibake already in UTF-8")
    # JSONL shapes
    c.add("jsonl/separators.jsonl", "\n".join(json.dumps({"text": c.t().replace("met", f"met{s}"), "id": f"sep-{i}"},
                                                         ensure_ascii=False)
                                              for i, s in enumerate(["\u2028", "\u2029", "\u0085", "\x1c", "\x1d", "\x1e", "\x0c"]))
          + "\n", "land", "raw line separators in JSONL")
    c.add("jsonl/crlf.jsonl", (json.dumps({"text": TEXT}) + "\r\n") * 2, "land", "CRLF JSONL (same text twice)")
    c.add("jsonl/blank-lines.jsonl", "\n\n   \n\t\n", "note", "only blank lines")
    c.add("jsonl/mixed.jsonl", "\n".join([json.dumps({"text": c.t() + " One."}), "{bad", "[1,2]", "42", '"s"', "null",
                                          json.dumps({"title": "no text"}), json.dumps({"text": c.t() + " Two."})]) + "\n",
          "land", "good and bad lines")
    c.add("jsonl/no-final-newline.jsonl", json.dumps({"text": c.t() + " Three."}), "land", "no final newline")
    c.add("jsonl/long-line.jsonl", b'{"text": "' + b"a " * (4 * 1024 * 1024 + 10) + b'"}\n'
          + json.dumps({"text": c.t() + " After the long line."}).encode() + b"\n", "land", "line over the limit")
    # sizes
    c.add("size/over-chars.txt", ("word " * 210_000), "refuse", "text over the character limit")
    big = folder / "size/sparse-over-bytes.txt"
    big.parent.mkdir(parents=True, exist_ok=True)
    with open(big, "wb") as f:
        f.truncate(17 * 1024 * 1024)
    c.cases.append(Case("size/sparse-over-bytes.txt", "refuse", "file over the byte limit"))
    # names
    c.add("names/" + "n" * 251 + ".txt", c.t() + " Long name.", "land", "255-byte file name")
    c.add("names/" + "é" * 125 + ".txt", c.t() + " Long accented name.", "land", "254-byte name, 2-byte characters")
    c.add("names/with space & ;quote'.txt", c.t() + " Odd name.", "land", "odd characters in the name")
    c.add("names/UPPER.TXT", c.t() + " Upper case suffix.", "land", "upper-case suffix")
    c.add("names/.hidden.txt", c.t() + " Hidden.", "counted", "hidden file")
    c.add("names/README.md", "# not an article", "counted", "not an article suffix")
    c.add("names/noext", c.t(), "counted", "no suffix")
    raw_names = [b"caf\xe9.txt", b"\xff\xfe.txt", b"bad-\x80\x81.json"]
    for raw in raw_names:
        path = os.fsencode(folder / "names") + b"/" + raw
        with open(path, "wb") as f:
            f.write((c.t() + " Raw name " + raw.hex() + ".").encode() if raw.endswith(b".txt")
                    else json.dumps({"text": c.t() + " Raw JSON name."}).encode())
        c.cases.append(Case("names/" + os.fsdecode(raw), "land", "file name not UTF-8"))
    # special files
    (folder / "special").mkdir(exist_ok=True)
    os.symlink(folder / "special/missing.txt", folder / "special/broken.txt")
    c.cases.append(Case("special/broken.txt", "note", "broken symlink"))
    os.symlink(folder / "special/loop-b.txt", folder / "special/loop-a.txt")
    os.symlink(folder / "special/loop-a.txt", folder / "special/loop-b.txt")
    c.cases += [Case("special/loop-a.txt", "note", "symlink loop"), Case("special/loop-b.txt", "note", "symlink loop")]
    os.symlink(folder / "special", folder / "special/dir-loop")
    c.cases.append(Case("special/dir-loop", "note", "folder symlink loop"))
    os.mkfifo(folder / "special/fifo.txt")
    c.cases.append(Case("special/fifo.txt", "note", "FIFO"))
    c.add("special/folder.txt/inside.txt", c.t() + " Inside a folder named like a file.", "land", "folder named x.txt")
    c.cases.append(Case("special/folder.txt", "note", "folder named x.txt"))
    c.add("special/target.txt", c.t() + " Symlink target.", "note", "symlink target, read first through its link")
    os.symlink(folder / "special/target.txt", folder / "special/link-to-target.txt")
    c.cases.append(Case("special/link-to-target.txt", "land", "symlink to a file (read before its target: path order)"))
    # duplicates: same text, same URL
    c.add("dupes/a.txt", TEXT + " Duplicate.", "land", "first of two same texts")
    c.add("dupes/b.txt", TEXT + " Duplicate.", "note", "second of two same texts")
    c.record("dupes/url-a", {"text": TEXT + " First.", "url": "https://example.org/same"}, "land", "first of a URL")
    c.record("dupes/url-b", {"text": TEXT + " Second.", "url": "https://example.org/same"}, "note", "second of a URL")
    # scripts and odd text, in every reader
    for name, text in SCRIPTS.items():
        c.add(f"scripts/{name}.txt", text + "\n", "land", f"{name} text")
        c.record(f"scripts/{name}", {"text": text, "title": name}, "land", f"{name} record")
    # an HTML article with hostile meta tags
    for i, (prop, value) in enumerate([("og:url", "not a url"), ("og:title", "\ud800"), ("article:published_time", "2025-02-30"),
                                       ("og:site_name", "x" * 5000), ("og:url", "javascript:alert(1)")]):
        page = (f'<html lang="en"><head><meta property="{prop}" content="{value}"></head><body><article>'
                f"<p>{c.s()}</p><p>{c.s()} Page {i}.</p></article></body></html>")
        refused = prop.startswith("article:") or "\ud800" in value  # a surrogate written out is not UTF-8
        c.add(f"html/meta-{i}.html", page, "refuse" if refused else "land", f"hostile meta {prop}")
    return c.cases
