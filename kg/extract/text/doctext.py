"""A Doc's text, computed once: spaCy's ``Doc.text`` joins every token on each access, so a rule
that reads it per sentence or per mention is quadratic in the article's length."""
from __future__ import annotations

from spacy.tokens import Doc

_KEY = "kg.text"


def remember_text(doc: Doc, text: str) -> Doc:
    """Cache the text a Doc was made from (a tokenizer keeps every character, so it is ``doc.text``)."""
    doc.user_data[_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` (a Doc's text never changes)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
