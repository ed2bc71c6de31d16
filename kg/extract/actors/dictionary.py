"""English dictionary words, from the lemmatizer tables the spaCy model ships (its lists of known
adjectives, nouns, verbs and adverbs): "Common Sense" and "Big Tech" are an adjective and a noun
written with capitals, not a person's or a body's name."""
from __future__ import annotations

from functools import lru_cache

import spacy.util
from spacy.lookups import Lookups
from spacy.strings import hash_string
from spacy.tokens import Span as SpacySpan

from ..text.gazetteer import TITLE_WORDS, Gazetteer, norm
from .filters import ORG_WORDS
from .person_spans import HEAD_TITLES


@lru_cache(maxsize=1)
def dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """(adjectives, every word) of the installed English model's lemmatizer index; empty without one."""
    for name in sorted(spacy.util.get_installed_models()):
        if not name.startswith("en_"):
            continue
        for path in sorted(spacy.util.get_package_path(name).glob("*/lemmatizer/lookups")):
            index = Lookups().from_disk(path).get_table("lemma_index", None)
            if index is None:
                continue
            parts = {pos: frozenset(index.get(hash_string(pos), [])) for pos in ("adj", "noun", "verb", "adv")}
            return parts["adj"], frozenset().union(*parts.values())
    return frozenset(), frozenset()


def common_phrase(span: SpacySpan, g: Gazetteer) -> bool:
    """Two capitalised dictionary words, an adjective then a noun ("Common Sense", "Big Tech"), that
    nothing marks as a name: not a known name, no title before or apposition after, not the subject
    of a verb, the last word not used again."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) != 2 or span.ent_id_ or norm(span.text) in g.persons or norm(span.text) in g.orgs:
        return False
    if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words):
        return False
    adjectives, known = dictionary()
    first, last = words[0].lower_, words[1].lower_
    if first not in adjectives or last not in known or last in ORG_WORDS:
        return False
    doc, root = span.doc, span.root
    before = doc[span.start - 1].lower_ if span.start else ""
    if before in HEAD_TITLES or before in TITLE_WORDS or root.dep_ in ("nsubj", "nsubjpass", "appos", "agent") \
            or root.dep_ == "pobj" and root.head.dep_ == "agent" \
            or any(c.dep_ == "appos" for c in root.children):
        return False  # "Frank Rose, a former official, said": someone who acts or is described
    return not any(t.text == words[1].text for t in doc if not span.start <= t.i < span.end)
