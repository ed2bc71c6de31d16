"""The text a doc was made from stands in for ``doc.text`` (which joins every token on each read)."""
from __future__ import annotations

from kg.extract import _doc
from kg.extract.text.doctext import doc_text
from kg.model import Article


def test_remembered_text_is_the_docs_own(nlp):
    # odd spacing, a line break and a non-Latin run: the tokenizer keeps every character
    text = "Envoys  met in Oslo on Friday.\nТекст here.\tTalks resume  next week . "
    doc = _doc(Article(path="a.txt", stem="a", text=text, sha256="0" * 64), nlp, [])
    assert "kg.text" in doc.user_data
    assert doc_text(doc) == doc.text


def test_text_survives_the_pipeline(nlp):
    doc = _doc(Article(path="b.txt", stem="b", text="The ministers held talks in Doha.", sha256="1" * 64), nlp, [])
    parsed = next(nlp.pipe([doc]))
    assert doc_text(parsed) == parsed.text == "The ministers held talks in Doha."
