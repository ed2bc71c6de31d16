"""Readers on hostile input: exact verdicts (issue 9). The generator in tests/robust drives
hundreds more shapes through a real build."""
from __future__ import annotations

import json
import os

import pytest

from kg.graph.iri import graph_iri
from kg.ingest import read_folder

pytestmark = pytest.mark.issue(9)
TEXT = ("Envoys of the two states met in Oslo on 4 March 2025 and agreed to meet again, a spokesman said.\n"
        "Officials said the next round would follow within weeks.\n")


def messages(result) -> list[str]:
    return [str(e) for e in result.errors] + result.warnings


def test_utf16_without_a_bom_is_decoded_and_said_so(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-16-le"))
    result = read_folder(tmp_path)
    assert [a.text for a in result.articles] == [TEXT]
    assert result.warnings == [f"[W109] {tmp_path / 'a.txt'}: decoded as utf-16-le (no byte order mark; told by its "
                               "zero bytes)."]


def test_legacy_8_bit_text_is_refused_naming_the_byte(tmp_path):
    (tmp_path / "a.txt").write_bytes(("Caf\u00e9 " + TEXT).encode("cp1252"))
    result = read_folder(tmp_path)
    assert not result.articles
    assert messages(result) == [
        f"[E101] {tmp_path / 'a.txt'}: cannot read the file as text (byte 0xe9 at offset 3 is not UTF-8; a legacy "
        "8-bit encoding is not guessed). Save it as UTF-8 (or UTF-16/32 with a byte order mark) and build again."]


def test_jsonl_line_separators_inside_strings_keep_the_line_numbers(tmp_path):
    lines = [json.dumps({"text": TEXT.replace("met", "met\u2028"), "id": "one"}, ensure_ascii=False),
             json.dumps({"text": TEXT.replace("met", "met\u0085"), "id": "two"}, ensure_ascii=False), "{bad"]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_folder(tmp_path)
    assert [a.stem for a in result.articles] == ["one", "two"]
    assert [e.path for e in result.errors] == [f"{tmp_path / 'a.jsonl'}:3"]


def test_empty_jsonl_is_a_warning_not_silence(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b"")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    result = read_folder(tmp_path)
    assert f"[W106] {tmp_path / 'a.jsonl'}: no records (the .jsonl file is empty)." in result.warnings


def test_broken_symlinks_loops_fifos_and_folders_named_like_files_are_reported(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "broken.txt")
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inside.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "folder.txt" / "up")
    result = read_folder(tmp_path)
    assert [a.source for a in result.articles] == ["folder.txt/inside.txt"]
    assert sorted(result.warnings) == sorted([
        f"[W101] {tmp_path / 'a.txt'}: skipped (a symbolic link loop).",
        f"[W101] {tmp_path / 'b.txt'}: skipped (a symbolic link loop).",
        f"[W101] {tmp_path / 'broken.txt'}: skipped (a broken symbolic link).",
        f"[W101] {tmp_path / 'pipe.txt'}: skipped (a FIFO (named pipe)).",
        f"[W111] {tmp_path / 'folder.txt'}: a folder named like an article file; its contents were read as a folder.",
        f"[W101] {tmp_path / 'folder.txt' / 'up'}: skipped (a symbolic link back to a folder already read (a loop)).",
    ])


def test_a_title_that_is_a_number_is_dropped_with_a_warning_and_the_article_lands(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": TEXT, "title": 42, "url": "not a url"}), encoding="utf-8")
    result = read_folder(tmp_path)
    [article] = result.articles
    assert article.title is None and article.url is None
    assert result.warnings == [
        f"[W103] {tmp_path / 'a.json'}: metadata field 'title' is a number (42), not text; it was ignored.",
        f"[W103] {tmp_path / 'a.json'}: metadata field 'url' is 'not a url', not an absolute http(s) URL; it was ignored."]


def test_a_sidecar_that_is_a_list_gives_e111_naming_article_and_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("[1, 2]", encoding="utf-8")
    result = read_folder(tmp_path)
    assert messages(result) == [
        f"[E111] {tmp_path / 'a.txt'}: its sidecar {tmp_path / 'a.meta.json'} must be a JSON object (url, title, "
        "publisher, published, author, language), not a list. Fix the sidecar or remove it."]


def test_deep_json_and_huge_numbers_are_coded_errors(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "big.json").write_text('{"text": "x", "title": %s}' % ("7" * 5000), encoding="utf-8")
    result = read_folder(tmp_path)
    assert sorted(m[:6] for m in messages(result)) == ["[E103]", "[E114]"]


def test_an_impossible_dateline_date_is_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("Date 2025-02-30\n" + TEXT, encoding="utf-8")
    result = read_folder(tmp_path)
    assert result.articles[0].published is None
    assert result.warnings == [f"[W105] {tmp_path / 'a.txt'}: the dateline date '2025-02-30' is not a calendar date; "
                               "it was ignored."]


def test_a_file_name_that_is_not_utf8_lands_with_an_escaped_name(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(TEXT.encode())
    [article] = read_folder(tmp_path).articles
    assert article.source == "caf\\xe9.txt" and article.stem == "caf\\xe9"  # the byte, escaped


def test_identity_is_the_url_else_the_path_and_survives_an_edit(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"text": TEXT + "More.", "url": "https://example.org/b"}),
                                     encoding="utf-8")
    first = {a.source: graph_iri(a) for a in read_folder(tmp_path).articles}
    assert set(first) == {"sub/a.txt", "https://example.org/b"}
    (tmp_path / "sub" / "a.txt").write_text(TEXT + "An update.\n", encoding="utf-8")
    again = {a.source: graph_iri(a) for a in read_folder(tmp_path).articles}
    assert again == first


def test_a_missing_path_gives_e109(tmp_path):
    result = read_folder(tmp_path / "nowhere")
    assert messages(result) == [f"[E109] {tmp_path / 'nowhere'}: no such file or folder. Give the folder (or file) "
                                "of articles to build."]
