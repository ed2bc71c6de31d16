"""Entities without the line feed spaCy sometimes ends or starts them on ("the Nordic Fisheries\\n"):
a label must not keep it, and a name run must not stop at it (person_spans.wrapped_names joins
names a hard-wrapped line broke)."""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan


def trimmed_ents(doc: Doc) -> list[SpacySpan]:
    """The doc's entities, each without leading or trailing whitespace tokens (one of nothing else
    is dropped)."""
    out: list[SpacySpan] = []
    for e in doc.ents:
        start, end = e.start, e.end
        while end > start and doc[end - 1].is_space:
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        if (start, end) == (e.start, e.end):
            out.append(e)
        elif start < end:
            out.append(SpacySpan(doc, start, end, label=e.label_, kb_id=e.kb_id_, span_id=e.id_))
    return out
