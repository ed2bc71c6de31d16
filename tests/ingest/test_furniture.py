"""Body versus page furniture: which character ranges of an article extraction may read."""
from __future__ import annotations

import pytest

from kg.ingest.furniture import body_spans
from kg.ingest.readers import make_article

PARAGRAPH = ("Negotiators from both governments resumed talks on a prisoner exchange on Thursday, after a "
             "pause of almost two months.")
SECOND = "The mediator said the sides had agreed on the first group of detainees to be released."


@pytest.fixture
def page(ingest_fixtures) -> str:
    return (ingest_fixtures / "furniture" / "page-with-furniture.txt").read_text(encoding="utf-8")


def body_texts(text: str, author: str | None = None) -> list[str]:
    return [text[s.start:s.end] for s in body_spans(text, author=author)]


def test_body_spans_keep_only_the_story_paragraphs(page):
    assert [b[:40] for b in body_texts(page, author="Jordan Example")] == [
        "Negotiators from both governments resume",
        "The mediator said the sides had agreed o",
        "A second round is planned for early next",
    ]


@pytest.mark.parametrize("furniture", [
    "Read also: How earlier exchanges were arranged behind closed doors",
    "Read more: the mediator's previous missions",
    "See also: a map of the front line",
    "Related stories: border talks stall again",
])
def test_body_spans_read_also_lines_are_not_body(furniture):
    text = f"{PARAGRAPH}\n{furniture}\n{SECOND}\n"
    assert body_texts(text) == [PARAGRAPH, SECOND]


@pytest.mark.parametrize("furniture", [
    "Keywords: prisoner exchange, mediation, talks, detainees, governments, second round, families",
    "Tags: diplomacy, mediation, ceasefire, prisoners, exchange, negotiations, border, region",
])
def test_body_spans_keyword_lines_are_not_body(furniture):
    # long enough not to pass as a heading: it is the keyword prefix that marks it
    assert len(furniture.split()) >= 9
    text = f"{PARAGRAPH}\n{furniture}\n{SECOND}\n"
    assert body_texts(text) == [PARAGRAPH, SECOND]


def test_body_spans_app_promotion_footer_ends_the_body():
    footer = ("Get the full experience in the app\n"
              "News from every corner of the world\n"
              "Stories you will not find elsewhere, translated for you.\n"
              "App Store badge")
    text = f"{PARAGRAPH}\n{SECOND}\n{footer}"
    assert body_texts(text) == [PARAGRAPH, SECOND]


def test_body_spans_promotion_line_mid_article_is_skipped_and_body_goes_on():
    promo = "Sign up to our newsletter to get the morning briefing delivered to your inbox every day."
    long_paragraph = ("A third paragraph follows the promotion and is long enough to read as the body of the "
                      "story rather than a slogan in the footer of a news site, so it must be kept.")
    text = f"{PARAGRAPH}\n{promo}\n{long_paragraph}\n{SECOND}\n"
    assert body_texts(text) == [PARAGRAPH, long_paragraph, SECOND]


@pytest.mark.parametrize("heading", [
    "Envoys resume talks on prisoner swap",
    "Alternative Takes",
    "Sunday, November 30",
    "Article Main Image",
])
def test_body_spans_headings_are_not_body(heading):
    text = f"{heading}\n\n{PARAGRAPH}\n\n{SECOND}\n"
    assert body_texts(text) == [PARAGRAPH, SECOND]


def test_body_spans_question_teaser_is_not_body():
    teaser = "Will the swap open the way to a wider settlement between the two governments this year?"
    text = f"{PARAGRAPH}\n{teaser}\n{SECOND}\n"
    assert body_texts(text) == [PARAGRAPH, SECOND]


def test_body_spans_question_inside_a_long_paragraph_is_body():
    # a reported question in the story is not a teaser: three sentences, the last a question
    paragraph = ("The mediator was asked about the timetable. He said families had waited long enough. "
                 "Would the list be published this week?")
    text = f"{PARAGRAPH}\n{paragraph}\n"
    assert body_texts(text) == [PARAGRAPH, paragraph]


def test_body_spans_author_bio_after_the_byline_is_not_body(page):
    bio = "Jordan Example is the diplomatic correspondent"
    assert any(b.startswith(bio) for b in body_texts(page)), "without the byline the bio reads as body"
    assert not any(b.startswith(bio) for b in body_texts(page, author="Jordan Example"))


def test_body_spans_byline_match_ignores_case_and_padding():
    text = f"{PARAGRAPH}\n  JORDAN EXAMPLE \nJordan Example writes about mediation and has done so for a decade for us.\n"
    assert body_texts(text, author="Jordan Example") == [PARAGRAPH]


def test_body_spans_authored_by_line_is_not_body():
    text = f"{PARAGRAPH}\nThis article is authored by Jordan Example, a former ambassador, based in the capital.\n"
    assert body_texts(text) == [PARAGRAPH]


def test_body_spans_index_into_the_original_text(page):
    spans = body_spans(page, author="Jordan Example")
    lines = page.splitlines()
    assert spans
    for span in spans:
        assert 0 <= span.start < span.end <= len(page)
        words = page[span.start:span.end]
        assert words == words.strip(), "spans start and end on words"
        assert words in lines, "each span is one whole line of the original text"
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_body_spans_leading_whitespace_and_dateline_are_outside_the_span():
    text = f"   date 2025-12-09 {PARAGRAPH}\n\t{SECOND}  \n"
    spans = body_spans(text)
    assert [text[s.start:s.end] for s in spans] == [PARAGRAPH, SECOND]
    assert spans[0].start == text.index(PARAGRAPH)
    assert spans[1].start == text.index(SECOND)


def test_make_article_body_skips_the_bio_of_the_sidecar_author(page):
    article = make_article(page, {"author": "Jordan Example"}, path="page.txt", stem="page")
    body = " ".join(article.text[s.start:s.end] for s in article.body)
    assert "prisoner exchange" in body
    assert "diplomatic correspondent" not in body
    assert "Keywords" not in body and "Read also" not in body and "Download our app" not in body
    assert article.text == page, "furniture is excluded by spans, never cut from the text"
