"""Shared fixtures for the extraction tests: the real spaCy pipeline (loaded once) and a helper
that wraps an invented text into an Article."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest

from kg.extract import extract, load_nlp
from kg.model import Article, ArticleFacts


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def run(nlp):
    def _run(text: str, published: date | None = date(2025, 11, 30), *, author: str | None = None,
             context_dates=()) -> ArticleFacts:
        article = Article(path="test.txt", stem="test", text=text,
                          sha256=hashlib.sha256(text.encode()).hexdigest(), published=published, author=author)
        facts = extract(article, nlp, context_dates=context_dates)
        check_offsets(facts)
        return facts
    return _run


def check_offsets(facts: ArticleFacts) -> None:
    """Every evidence span must reproduce words of the article text."""
    text = facts.article.text
    spans = [m for a in facts.actors for m in a.mentions] + [c.evidence for c in facts.claims]
    spans += [e for m in facts.meetings for e in m.evidence] + [e for p in facts.proposals for e in p.evidence]
    for s in spans:
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end].strip()
