"""Reading article files: .txt (+ sidecar), .json, .jsonl and .html, and whole folders.

A bad file is reported with its name and the problem; the rest of the folder still lands.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from kg.errors import IngestError
from kg.ingest import article_files, read_folder
from kg.ingest.readers import make_article, parse_date, read_html, read_json, read_jsonl, read_txt

GOOD_TEXT = ("Envoys from the two capitals met at a lakeside hotel on Tuesday and agreed to keep talking "
             "about the disputed water rights.\n"
             "A spokesman for the hosts said the next meeting would take place within a fortnight.\n")


@pytest.fixture
def articles_dir(ingest_fixtures) -> Path:
    return ingest_fixtures / "articles"


@pytest.fixture
def folder(tmp_path, articles_dir) -> Path:
    """A writable copy of the fixture article folder, to add broken files to."""
    dest = tmp_path / "articles"
    shutil.copytree(articles_dir, dest)
    return dest


def _by_stem(result) -> dict:
    return {a.stem: a for a in result.articles}


# -- .txt -------------------------------------------------------------------------------------
def test_read_txt_with_sidecar_takes_its_metadata(articles_dir):
    [article] = read_txt(articles_dir / "geneva-briefing.txt")
    assert article.stem == "geneva-briefing"
    assert article.published == date(2025, 11, 24)
    assert article.title == "Rubio and Umerov review revised framework in Geneva"
    assert article.publisher == "Fixture Wire"
    assert article.url == "https://example.org/fixtures/geneva-briefing"
    assert article.author == "Fixture desk"
    assert article.language == "en"
    assert article.text == (articles_dir / "geneva-briefing.txt").read_text(encoding="utf-8")


def test_read_txt_without_sidecar_has_no_metadata(articles_dir):
    [article] = read_txt(articles_dir / "lakeside-call.txt")
    assert article.stem == "lakeside-call"
    assert (article.published, article.title, article.publisher, article.url, article.author) == (
        None, None, None, None, None)
    assert article.text.startswith("The foreign ministers of two neighbouring states")
    assert article.body, "a plain paragraph text has body"


def test_read_txt_invalid_sidecar_gives_e108(tmp_path):
    (tmp_path / "talks.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "talks.meta.json").write_text('{"published": "2025-01-02",', encoding="utf-8")
    with pytest.raises(IngestError) as err:
        list(read_txt(tmp_path / "talks.txt"))
    assert str(err.value).startswith("[E108]")
    assert "talks.meta.json" in str(err.value)


def test_read_txt_takes_published_from_a_leading_dateline(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text(" date 2025-12-09 " + GOOD_TEXT, encoding="utf-8")
    [article] = read_txt(path)
    assert article.published == date(2025, 12, 9)
    first = article.text[article.body[0].start:article.body[0].end]
    assert first.startswith("Envoys from the two capitals"), "the dateline itself is not body"


def test_read_txt_normalises_crlf_and_bom(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(("\ufeff" + GOOD_TEXT).replace("\n", "\r\n").encode("utf-8"))
    [article] = read_txt(path)
    assert "\r" not in article.text
    assert not article.text.startswith("\ufeff")
    assert article.text == GOOD_TEXT


def test_article_files_excludes_meta_json_sidecars(articles_dir):
    names = [p.name for p in article_files(articles_dir)]
    assert "geneva-briefing.meta.json" not in names
    assert "geneva-briefing.txt" in names
    assert not any(n.endswith(".meta.json") for n in names)


def test_read_folder_does_not_read_sidecars_as_articles(articles_dir):
    result = read_folder(articles_dir)
    assert not result.errors
    assert not any(a.path.endswith(".meta.json") for a in result.articles)
    assert "geneva-briefing.meta" not in _by_stem(result)


# -- .json and .jsonl -----------------------------------------------------------------------------
def test_read_json_record_takes_text_and_metadata(articles_dir):
    [article] = read_json(articles_dir / "records" / "tariff-record.json")
    record = json.loads((articles_dir / "records" / "tariff-record.json").read_text(encoding="utf-8"))
    assert article.text == record["content"]  # 'content' is accepted as the text field
    assert article.published == date(2025, 5, 12)  # from an ISO timestamp with Z
    assert article.title == "Trade envoys agree to pause tariff increases"
    assert article.stem == "tariff-record"


def test_read_json_without_text_field_gives_e104_listing_the_fields(tmp_path):
    path = tmp_path / "empty.json"
    path.write_text(json.dumps({"title": "No body here", "url": "https://example.org/x"}), encoding="utf-8")
    with pytest.raises(IngestError) as err:
        list(read_json(path))
    message = str(err.value)
    assert message.startswith("[E104]")
    assert "empty.json" in message and "title, url" in message


def test_read_jsonl_reports_the_bad_line_with_file_and_line_and_keeps_the_good_one(tmp_path):
    path = tmp_path / "batch.jsonl"
    good = {"id": "lake-talks", "text": GOOD_TEXT, "published": "2025-03-04"}
    path.write_text(json.dumps(good) + "\n" + '{"id": "broken", "text": "unterminated\n', encoding="utf-8")
    items = list(read_jsonl(path))
    articles = [i for i in items if not isinstance(i, IngestError)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [a.stem for a in articles] == ["lake-talks"]
    assert articles[0].path == f"{path}:1"
    assert articles[0].published == date(2025, 3, 4)
    assert len(errors) == 1
    assert errors[0].path == f"{path}:2"
    assert str(errors[0]).startswith(f"[E103] {path}:2: invalid JSON")


def test_read_folder_jsonl_bad_line_is_reported_and_good_line_lands(folder):
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "lake-talks", "text": GOOD_TEXT}) + "\n\nnot json at all\n", encoding="utf-8")
    result = read_folder(folder)
    assert "lake-talks" in _by_stem(result)
    assert [e.path for e in result.errors] == [f"{folder / 'batch.jsonl'}:3"]


def test_read_jsonl_record_without_id_gets_file_and_line_stem(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n" + json.dumps({"body": GOOD_TEXT}) + "\n", encoding="utf-8")
    [article] = list(read_jsonl(path))
    assert article.stem == "feed-2"
    assert article.text == GOOD_TEXT  # 'body' is accepted as the text field


# -- errors that name the file, with the rest of the folder still landing --------------------
def test_read_folder_invalid_json_gives_e103_naming_the_file_and_the_rest_lands(folder):
    (folder / "broken.json").write_text('{"text": "Talks resumed", "title": ', encoding="utf-8")
    result = read_folder(folder)
    assert len(result.errors) == 1
    error = result.errors[0]
    assert str(error).startswith(f"[E103] {folder / 'broken.json'}: invalid JSON")
    assert error.path == str(folder / "broken.json")
    assert set(_by_stem(result)) == {"geneva-briefing", "lakeside-call", "tariff-record", "summit-page"}


def test_read_folder_non_utf8_file_gives_e101_and_the_rest_lands(folder):
    (folder / "latin1.txt").write_bytes("Les négociateurs se sont réunis à Genève.\n".encode("latin-1"))
    result = read_folder(folder)
    assert len(result.errors) == 1
    message = str(result.errors[0])
    assert message.startswith("[E101]")
    assert "latin1.txt" in message and "UTF-8" in message
    assert len(result.articles) == 4


def test_read_json_published_not_a_date_gives_e105(tmp_path):
    path = tmp_path / "undated.json"
    path.write_text(json.dumps({"text": GOOD_TEXT, "published": "last Tuesday"}), encoding="utf-8")
    with pytest.raises(IngestError) as err:
        list(read_json(path))
    assert str(err.value) == (f"[E105] {path}: metadata field 'published' is 'last Tuesday', not a date. "
                              "Use YYYY-MM-DD (or an ISO 8601 timestamp) or leave it out.")


def test_read_folder_sidecar_published_not_a_date_gives_e105(folder):
    meta = folder / "geneva-briefing.meta.json"
    meta.write_text(json.dumps({"published": "24/11/2025"}), encoding="utf-8")
    result = read_folder(folder)
    assert [str(e).split(":")[0] for e in result.errors] == [f"[E105] {folder / 'geneva-briefing.txt'}"]
    assert "geneva-briefing" not in _by_stem(result)
    assert len(result.articles) == 3


@pytest.mark.parametrize("value, expected", [
    ("2025-11-30", date(2025, 11, 30)),
    ("2025-11-30T23:10:00+02:00", date(2025, 11, 30)),
    ("2025-05-12T08:30:00Z", date(2025, 5, 12)),
    ("", None),
    (None, None),
])
def test_parse_date_accepts_iso_dates_and_timestamps(value, expected):
    assert parse_date(value, "x.json") == expected


def test_make_article_with_only_furniture_gives_e102():
    with pytest.raises(IngestError) as err:
        make_article("Keywords: talks, peace\nSubscribe now\n", {}, path="menu.txt", stem="menu")
    assert str(err.value).startswith("[E102] menu.txt:")


# -- HTML ---------------------------------------------------------------------------------------
def test_read_html_takes_published_from_article_published_time(articles_dir):
    [article] = read_html(articles_dir / "pages" / "2025" / "summit-page.html")
    # og:url ends in 2025-10-13 (the event); the publisher declares 2025-10-14
    assert article.published == date(2025, 10, 14)
    assert article.url == "https://example.org/fixtures/coast-summit-2025-10-13"
    assert article.title == "Mediators host ceasefire summit on the coast"
    assert article.publisher == "Fixture Wire"
    assert article.language == "en"


def test_read_html_drops_nav_and_footer(articles_dir):
    [article] = read_html(articles_dir / "pages" / "2025" / "summit-page.html")
    assert "Leaders from a dozen countries gathered at a seaside resort" in article.text
    for furniture in ("Front page", "Weather desk", "Markets", "Fixture Wire app", "newsletter",
                      "All rights reserved"):
        assert furniture not in article.text


def test_read_html_read_also_paragraph_is_not_body(articles_dir):
    [article] = read_html(articles_dir / "pages" / "2025" / "summit-page.html")
    body = [article.text[s.start:s.end] for s in article.body]
    assert not any("timeline of the truce" in b for b in body)
    assert len(body) == 4


def test_read_html_without_article_text_gives_e106(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Fixture Wire</title></head><body><div></div></body></html>",
                    encoding="utf-8")
    with pytest.raises(IngestError) as err:
        list(read_html(path))
    assert str(err.value).startswith(f"[E106] {path}:")


# -- checksums, recursion, duplicates -------------------------------------------------------------
def test_read_folder_sha256_matches_the_text(articles_dir):
    result = read_folder(articles_dir)
    assert result.articles
    for article in result.articles:
        assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        assert article.key == article.sha256[:16]


def test_read_folder_reads_nested_folders_in_path_order(articles_dir):
    result = read_folder(articles_dir)
    assert not result.errors
    assert [Path(a.path).relative_to(articles_dir).as_posix() for a in result.articles] == [
        "geneva-briefing.txt",
        "lakeside-call.txt",
        "pages/2025/summit-page.html",
        "records/tariff-record.json",
    ]


def test_read_folder_skips_exact_duplicates(folder):
    shutil.copy(folder / "lakeside-call.txt", folder / "records" / "lakeside-copy.txt")
    result = read_folder(folder)
    assert result.duplicates == [str(folder / "records" / "lakeside-copy.txt")]
    assert [a.stem for a in result.articles].count("lakeside-call") == 1
    assert "lakeside-copy" not in _by_stem(result)
    assert not result.errors


def test_read_folder_empty_folder_gives_e107(tmp_path):
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    result = read_folder(tmp_path)
    assert not result.articles
    assert [str(e) for e in result.errors] == [
        f"[E107] {tmp_path}: no articles found (looked for .txt, .html, .htm, .json, .jsonl). Check the folder."]


def test_read_folder_single_file(articles_dir):
    result = read_folder(articles_dir / "lakeside-call.txt")
    assert [a.stem for a in result.articles] == ["lakeside-call"]
