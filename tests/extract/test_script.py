"""Mixed-script articles: paragraphs in another script are skipped, the English parts extracted.
The sample text is our own."""
from __future__ import annotations

import hashlib

from kg.build import build
from kg.extract.text.script import blank_foreign
from kg.model import Article, Span
from kg.store import GraphStore

MIXED = ("Фишинговые переговоры\n"
         "Norwegian Fisheries Minister Torvald Enqvist met his counterpart in Tromsø on 4 March 2025, "
         "the ministry said.\n"
         "«Мы готовы продолжить переговоры», — сказал министр Иван Петров.\n"
         "Enqvist said the quota talks would resume in April.\n")


def test_script_foreign_paragraphs_blanked_offsets_kept():
    text, notes = blank_foreign(MIXED)
    assert len(text) == len(MIXED) and text.count("\n") == MIXED.count("\n")
    assert not any("\u0400" <= c <= "\u04ff" for c in text)
    assert "Torvald Enqvist" in text and "Tromsø" in text  # a Latin paragraph with accents stays
    assert len(notes) == 2 and all("Cyrillic" in n for n in notes)


def test_script_english_text_unchanged():
    text = "Minister Ilse Varga (Ільзе Варга in Ukrainian) said the talks went well."
    assert blank_foreign(text) == (text, [])  # a few foreign letters in an English paragraph stay


def test_script_mixed_article_extracted_with_a_warning(run):
    f = run(MIXED)
    assert "Torvald Enqvist" in {a.name for a in f.actors}
    assert not any(a.name == "Иван Петров" for a in f.actors)
    assert sum("Cyrillic script" in w for w in f.warnings) == 2


def test_script_mixed_article_lands_in_a_build(nlp):
    a = Article(path="mixed.txt", stem="mixed", text=MIXED, sha256=hashlib.sha256(MIXED.encode()).hexdigest())
    a.body = [Span(0, len(MIXED))]
    report = build([a], GraphStore(None), nlp=nlp)
    assert not report.errors and [o.article.stem for o in report.landed] == ["mixed"]
    assert any("Cyrillic script, not English: skipped; the article's English parts landed" in w for w in report.warnings)
