"""Lines in capitals ("ZELENSKY AND TRUMP MEET IN ROME"): the statistical NER reads them badly
("TRUMP MEET IN" as an organisation) and the gazetteer ruler, which matches the written case, not
at all. In such a line only names the gazetteer knows are kept: persons, countries and organisations
looked up word by word (up to three words); the NER's own person, organisation and group entities
there are dropped. Dates, places and the ruler's own finds stay.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from ..text.gazetteer import Gazetteer, norm

DROPPED = frozenset(("PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"))


def _shouted(sent: SpacySpan) -> bool:
    text = sent.text
    if text != text.upper():
        return False  # the common case: one string test
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(words) >= 3 and all(t.text.isupper() for t in words)


def _lookup(key: str, g: Gazetteer) -> tuple[str, str] | None:
    if key in g.persons:
        return "PERSON", f"person:{g.persons[key]}"
    if key in g.countries:
        return "GPE", f"country:{g.countries[key]}"
    if key in g.orgs:
        return "ORG", f"org:{g.orgs[key]}"
    return None


def shouted_names(doc: Doc, g: Gazetteer) -> list[SpacySpan]:
    """The doc's entities with those of capitalised lines replaced by gazetteer names.

    doc (Doc): the parsed article.
    g (Gazetteer): the names to look up.
    RETURNS (list[Span]): entities to assign back to ``doc.ents``.
    """
    ents = list(doc.ents)
    lines = [s for s in doc.sents if _shouted(s)]
    if not lines:
        return ents
    out = [e for e in ents if e.ent_id_ or e.label_ not in DROPPED or not any(s.start <= e.start < s.end for s in lines)]
    taken = {i for e in out for i in range(e.start, e.end)}
    for sent in lines:
        i = sent.start
        while i < sent.end:
            for n in (3, 2, 1):
                window = doc[i:i + n]
                if i + n > sent.end or any(t.i in taken or not t.is_alpha for t in window):
                    continue
                hit = _lookup(norm(window.text), g)
                if hit:
                    out.append(SpacySpan(doc, i, i + n, label=hit[0], span_id=hit[1]))
                    taken.update(range(i, i + n))
                    i += n - 1
                    break
            i += 1
    return sorted(out, key=lambda e: e.start)
