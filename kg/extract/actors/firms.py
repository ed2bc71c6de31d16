"""Firms and bodies that an apposition says are firms: "Kpler, the data analytics firm, said",
"Maxar Technologies, a satellite imagery company," "Signal Hill Partners, a lobbying firm".

The small NER reads a one- or two-word company name before a comma as a person, or misses it. An
apposition whose head is a firm's noun ("firm", "company", "consultancy", "think tank", "lender")
says what the name is: an organisation, never a person. A person's role ("X, a senior adviser") or
an outlet ("X, a news website") is left to the other rules.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

FIRM_NOUNS = frozenset("""firm company consultancy consultancies bank lender tank group monitor tracker service
fund investor insurer manufacturer maker producer operator provider startup conglomerate broker platform charity
institute watchdog nonprofit non-profit airline carrier developer contractor supplier shipper refiner giant outfit
regulator miner trader organisation organization""".split())
MEDIA_NOUNS = frozenset("""news newspaper broadcaster outlet magazine channel website site agency daily weekly
tabloid radio television tv""".split())
STOPS = frozenset("in of at to on from by that which who based with whose for and or".split())
DETS = frozenset(("the", "a", "an"))


def _firm_apposition(doc: Doc, end: int) -> bool:
    """ ", the data analytics firm," / ", a lobbying firm based in ...": the words after ``end``."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in DETS:
        return False
    words = []
    for t in doc[end + 2:min(end + 9, len(doc))]:
        if t.is_punct or t.lower_ in STOPS:
            break
        words.append(t)
    if not words or any(w.lower_ in MEDIA_NOUNS for w in words):
        return False
    last = words[-1]
    return last.lower_ in FIRM_NOUNS and last.pos_ in ("NOUN", "PROPN") and last.text.islower()


def _name_run_before(doc: Doc, end: int) -> int:
    """Start of the capitalised words ending at ``end`` (at most four; no sentence-start verb)."""
    i = end
    while i > 0 and end - i < 4 and doc[i - 1].text[:1].isupper() and (doc[i - 1].is_alpha or doc[i - 1].like_num
                                                                        or doc[i - 1].text.isalnum()):
        i -= 1
    return i


def firm_appositions(doc: Doc) -> list[SpacySpan]:
    """The doc's entities with each name a firm apposition describes an ORG span (id ``org:<name>``).

    doc (Doc): the parsed article.
    RETURNS (list[Span]): entities to assign back to ``doc.ents``.
    """
    ents = list(doc.ents)
    new: list[SpacySpan] = []
    for t in doc:
        if t.text != "," or not _firm_apposition(doc, t.i):
            continue
        ent = next((e for e in ents if e.end == t.i), None)
        if ent is not None and (ent.ent_id_ or ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC")):
            continue  # a known name, a date
        start = ent.start if ent is not None else _name_run_before(doc, t.i)
        if start >= t.i or doc[start].is_sent_start and ent is None and start + 1 == t.i:
            continue
        span = doc[start:t.i]
        if span[0].lower_ == "the":
            span = doc[start + 1:t.i]
        if not len(span) or any(x.ent_id_ for x in span):
            continue
        label = " ".join(span.text.split()).replace("’", "'")
        new.append(SpacySpan(doc, span.start, span.end, label="ORG", span_id=f"org:{label}"))
    if not new:
        return ents
    keys = {n.text for n in new}
    for e in ents:  # later mentions of the firm the NER read as a person
        if e.label_ == "PERSON" and not e.ent_id_ and e.text in keys and not any(e.start == n.start for n in new):
            new.append(SpacySpan(doc, e.start, e.end, label="ORG", span_id=f"org:{e.text}"))
    kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
    return sorted(kept + new, key=lambda e: e.start)
