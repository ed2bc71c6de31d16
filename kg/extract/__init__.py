"""Extraction: spaCy components that turn an :class:`~kg.model.Article` into
:class:`~kg.model.ArticleFacts` (actors, places, meetings, proposals, claims with evidence spans).

Only the article body (``Article.body``) is read; every other character is blanked out before parsing
(same length, so every offset is an offset into ``Article.text``).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, ArticleFacts
from .pipeline import COMPONENTS, WARNINGS, load_nlp, set_context
from .text.doctext import remember_text
from .text.script import blank_foreign

# the key of stored facts: a new value makes a store re-extract the articles written by an older extractor
EXTRACTOR_VERSION = "kg.extractor.v2"
# a paragraph that opens with a dateline ("GENEVA —") starts a new sentence after a headline
DATELINE_START = re.compile(r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:, [A-Z][\w.' -]{1,30}?)?\s+(?:—|–|--)\s")
# a list item ("• Talks resume on Monday") is a sentence of its own
BULLET_START = re.compile(r"[•·▪‣◦*–-]\s")

__all__ = ["EXTRACTOR_VERSION", "body_text", "extract", "extract_many", "load_nlp"]


CONTINUING_WORDS = frozenset("and or but of the a an to in on at with by for from between as than nor".split())


def _paragraph_ends(text: str, start: int, end: int, nxt: int) -> bool:
    """A headline, a standfirst or a caption ends without a stop: a blank line, then a capital, after a
    last word that leaves nothing open (no comma, no "and", "of", "with") is no sentence broken in two."""
    if text[end:nxt].count("\n") < 2 or text[end:nxt].strip() or nxt >= len(text) or not text[nxt].isupper():
        return False
    words = text[start:end].rstrip().rsplit(None, 1)
    last = words[-1] if words else ""
    return last[-1:].isalnum() and last.lower() not in CONTINUING_WORDS


def body_text(article: Article) -> str:
    """The article text with everything outside the body ranges blanked (offsets unchanged).

    A body range that does not end a sentence is joined to the next by a space, so a sentence
    broken over two lines parses as one; otherwise (or when the next range opens with a dateline, or
    furniture was cut out between them) a newline keeps paragraphs apart.
    """
    text = article.text
    if not article.body:
        return text
    chars = [" " if c != "\n" else "\n" for c in text]
    ranges = sorted(article.body, key=lambda s: s.start)
    for i, span in enumerate(ranges):
        chars[span.start:span.end] = text[span.start:span.end]
        if span.end < len(chars):
            ends_sentence = text[span.start:span.end].rstrip()[-1:] in ".!?\"”»:)"
            nxt = ranges[i + 1].start if i + 1 < len(ranges) else len(chars)
            ends_sentence = ends_sentence or _paragraph_ends(text, span.start, span.end, nxt)
            for j in range(span.end, nxt):
                chars[j] = " "
            starts_dateline = nxt < len(text) and (DATELINE_START.match(text, nxt) is not None
                                                   or BULLET_START.match(text, nxt) is not None)
            # furniture cut out between two ranges (headings, menus) means they are not one sentence
            furniture_between = bool(text[span.end:nxt].strip())
            if ends_sentence or starts_dateline or furniture_between or i + 1 == len(ranges):
                chars[span.end] = "\n"
    return "".join(chars)


def _doc(article: Article, nlp: Language, context_dates: Sequence[date]) -> Doc:
    text, skipped = blank_foreign(body_text(article))  # a Russian paragraph must not cost the article
    doc = remember_text(nlp.make_doc(text), text)
    if skipped:
        doc.user_data[WARNINGS] = [f"language: {note}" for note in skipped]
    return set_context(doc, published=article.published, context_dates=context_dates, author=article.author,
                       publisher=article.publisher)


def _facts(article: Article, doc: Doc) -> ArticleFacts:
    idx = doc.user_data["kg.actors"]
    return ArticleFacts(article=article, actors=list(idx.actors.values()), places=dict(idx.places),
                        meetings=doc.user_data.get("kg.meetings", []),
                        proposals=doc.user_data.get("kg.proposals", []),
                        claims=doc.user_data.get("kg.claims", []),
                        warnings=list(doc.user_data.get(WARNINGS, [])))


def extract(article: Article, nlp: Language, *, context_dates: Sequence[date] = ()) -> ArticleFacts:
    """Extract the facts of one article.

    article (Article): the ingested article.
    nlp (Language): the pipeline from :func:`load_nlp`.
    context_dates (Sequence[date]): publication dates of related articles, used only to date
        this article's meetings when it has no publication date of its own.
    RETURNS (ArticleFacts): actors, places, meetings, proposals and claims with evidence spans.
    """
    return _facts(article, nlp(_doc(article, nlp, context_dates)))


def extract_many(articles: Sequence[Article], nlp: Language, *, n_process: int = 1, batch_size: int = 32,
                 context_dates: Sequence[date] | None = None) -> Iterator[ArticleFacts]:
    """Extract a batch with ``nlp.pipe``.

    context_dates (Sequence[date] | None): publication dates that undated articles resolve
        against; default: the dates of the batch (an article's own date, when it has one, wins).
    """
    if context_dates is None:
        context_dates = sorted({a.published for a in articles if a.published})
    docs = [_doc(a, nlp, context_dates) for a in articles]
    if n_process == 1:
        for article, doc in zip(articles, nlp.pipe(docs, batch_size=batch_size)):
            yield _facts(article, doc)
        return
    # worker processes return docs through msgpack, which cannot carry our dataclasses: the
    # language model runs in the workers, the Parley components here
    ours = [name for name in COMPONENTS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=ours):
        parsed = nlp.pipe(docs, n_process=n_process, batch_size=batch_size)
        for article, doc in zip(articles, parsed):
            for name in ours:
                doc = nlp.get_pipe(name)(doc)
            yield _facts(article, doc)
