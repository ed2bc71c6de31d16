"""Person names the gazetteer ruler would break: an organisation alias that is also a surname.

The entity ruler runs before the NER and wins, so "Thérèse Kayikwamba Wagner" comes out as the
person "Thérèse Kayikwamba" followed by the organisation alias "Wagner". An organisation alias
directly after (or inside) a person's name is part of that name.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan


def _name_word(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


def person_surname_orgs(doc: Doc) -> list[SpacySpan]:
    """The doc's entities with one-word gazetteer organisations glued to a preceding person name.

    doc (Doc): the parsed article.
    RETURNS (list[Span]): entities to assign back to ``doc.ents``.
    """
    ents = list(doc.ents)
    person_words = {t.text for e in ents if e.label_ == "PERSON" for t in e if _name_word(t)}
    out: list[SpacySpan] = []
    for ent in ents:
        kind = ent.ent_id_.partition(":")[0]
        prev = out[-1] if out else None
        if kind != "org" or len(ent) != 1 or ent.start == 0:
            out.append(ent)
            continue
        before = doc[ent.start - 1]
        if prev is not None and prev.label_ == "PERSON" and prev.end == ent.start and before.whitespace_:
            out[-1] = _person(doc, prev.start, ent.end)  # "Thérèse Kayikwamba Wagner"
        elif not before.ent_type_ and before.whitespace_ and _name_word(before) and before.text in person_words:
            out.append(_person(doc, ent.start - 1, ent.end))  # later: "Kayikwamba Wagner said"
        else:
            out.append(ent)
    return out


def _person(doc: Doc, start: int, end: int) -> SpacySpan:
    for t in doc[start:end]:
        t.ent_id_ = ""  # the organisation id the ruler gave the surname
    return SpacySpan(doc, start, end, label="PERSON")
