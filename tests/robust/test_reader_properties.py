"""Property-based tests (hypothesis) over the readers: any bytes, any JSON, any metadata give
articles or coded errors, never an exception; what they give is safe to store."""
from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import BadParameter, IngestError
from kg.graph import facts_graph
from kg.ingest import read_folder
from kg.ingest.decode import NotText, decode
from kg.ingest.meta import clean_meta, valid_url
from kg.ingest.readers import make_article
from kg.model import ArticleFacts
from kg.query import get_query
from kg.store import GraphStore

pytestmark = pytest.mark.issue(9)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [".txt", ".json", ".jsonl", ".html"]
SENTENCE = "Negotiators met in Vienna on 4 March 2025 and agreed to meet again, a spokesperson said.\n"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12)
meta_keys = st.sampled_from(["url", "title", "publisher", "published", "author", "language", "retrieved", "date",
                             "id", "text", "body"])
records = st.dictionaries(meta_keys, json_values | st.text(max_size=200), max_size=7)
texts = st.text(max_size=300) | st.text(alphabet=st.characters(codec="utf-8"), max_size=300).map(lambda t: SENTENCE + t)


def check_article(a) -> None:
    """What a reader returns is valid Unicode, offsets fit, metadata is clean."""
    a.text.encode("utf-8")  # no lone surrogates
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\x85" for ch in a.text)
    assert a.body and all(0 <= s.start < s.end <= len(a.text) for s in a.body)
    for value in (a.title, a.publisher, a.author, a.language, a.url, a.stem, a.path, a.source):
        assert value is None or isinstance(value, str)
        if value is not None:
            value.encode("utf-8")
    assert a.url is None or valid_url(a.url)


def read_bytes_as(suffix: str, data: bytes, sidecar: bytes | None = None):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"a{suffix}"
        path.write_bytes(data)
        if sidecar is not None:
            (Path(d) / "a.meta.json").write_bytes(sidecar)
        result = read_folder(d)
    for e in result.errors:
        assert isinstance(e, IngestError) and str(e).startswith("[E1") and "a." in str(e)
    for a in result.articles:
        check_article(a)
    assert result.articles or result.errors or result.warnings, "a file passed over in silence"
    return result


@SETTINGS
@given(st.sampled_from(SUFFIXES), st.binary(max_size=600))
def test_any_bytes_in_any_reader_give_articles_or_coded_errors(suffix, data):
    read_bytes_as(suffix, data)


@SETTINGS
@given(st.sampled_from(SUFFIXES), texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32",
                                                          "utf-16-be", "latin-1", "cp1252"]))
def test_any_text_in_any_encoding_gives_articles_or_coded_errors(suffix, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    read_bytes_as(suffix, data)


@SETTINGS
@given(records, st.sampled_from([".json", ".jsonl"]))
def test_any_json_record_gives_an_article_or_a_coded_error(record, suffix):
    record = {**record, "text": record.get("text", SENTENCE)} if len(record) % 2 else record
    data = json.dumps(record, allow_nan=True) + ("\n" if suffix == ".jsonl" else "")
    read_bytes_as(suffix, data.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(records)
def test_any_sidecar_gives_an_article_or_a_coded_error(record):
    read_bytes_as(".txt", SENTENCE.encode(), json.dumps(record).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=400))
def test_decode_returns_text_or_refuses(data):
    try:
        text, encoding, _ = decode(data)
    except NotText:
        return
    assert isinstance(text, str) and encoding


@SETTINGS
@given(st.dictionaries(st.text(max_size=12), json_values, max_size=8))
def test_clean_meta_keeps_only_checked_text(meta):
    warnings: list[str] = []
    out = clean_meta(meta, path="x.json", warnings=warnings)
    for key, value in out.items():
        if key not in ("published", "date"):
            assert isinstance(value, str) and value.strip()
            value.encode("utf-8")


@SETTINGS
@given(texts, records)
def test_any_article_that_reads_can_always_be_stored(text, meta):
    """The fallback of a failed extraction (the article alone) must always store."""
    try:
        article = make_article(text, meta, path="x.txt", stem="x")
    except IngestError:
        return
    g = facts_graph(ArticleFacts(article=article), meeting_iris=[], version="kg.extractor.v1")
    store = GraphStore(None)
    assert store.replace_graph(next(iter(g.subjects())), g) == len(g) or len(g) > 0


@SETTINGS
@given(st.text(max_size=60))
def test_query_parameters_bind_as_terms_or_give_a_coded_error(value):
    q = get_query("evidence")
    for name in q.params:
        try:
            q.bind({name: value})
        except BadParameter as e:
            assert str(e).startswith("[E516]")
