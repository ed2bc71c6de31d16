"""Explicit limits on what ``kg build`` reads. Each refusal names the limit and its value.

The figures keep one article within what the language model handles on this class of machine
(spaCy refuses texts over ``nlp.max_length``, one million characters by default, and the parser
needs memory in proportion to the text) and keep a hostile file from exhausting memory or the
Python stack.
"""
from __future__ import annotations

MAX_FILE_BYTES = 16 * 1024 * 1024  # a .txt, .html or .json file (a .jsonl file is read line by line)
MAX_RECORD_BYTES = 8 * 1024 * 1024  # one line of a .jsonl file
MAX_SIDECAR_BYTES = 1024 * 1024  # a <stem>.meta.json file
MAX_ARTICLE_CHARS = 1_000_000  # the article text, after decoding (spaCy's default max_length)
MAX_JSON_DEPTH = 64  # nesting of objects and arrays in a JSON record
MAX_FIELD_CHARS = 2_000  # title, publisher, author, url: longer values are ignored with a warning
MAX_RECORDS_PER_FILE = 1_000_000  # records in one .jsonl file or JSON array

LIMITS = {name: value for name, value in dict(globals()).items() if name.startswith("MAX_")}
