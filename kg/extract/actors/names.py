"""Person names: the canonical full name of a surface form, and names the gazetteer ruler would
break (an organisation alias that is also a surname).

The entity ruler runs before the NER and wins, so "Thérèse Kayikwamba Wagner" comes out as the
person "Thérèse Kayikwamba" followed by the organisation alias "Wagner". An organisation alias
directly after (or inside) a person's name is part of that name.
"""
from __future__ import annotations

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span as SpacySpan

from ..text.gazetteer import Gazetteer, norm


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


PARTICLES = frozenset("bin bint ibn al el von van der den de da du di del la le dos das ul".split())


def complete_name(name: str, known: list[str], g: Gazetteer) -> str | None:
    """A name that ends in a particle ("Ursula von", "Ursula von der") was cut by a line break or
    the end of the text: the one full name of the article or the gazetteer it begins, else None
    (never a partial person). Any other name is returned as it is."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in PARTICLES:
        return name
    key = norm(name) + " "
    full = {k for k in known if norm(k).startswith(key)} or {v for v in g.persons.values() if norm(v).startswith(key)}
    return full.pop() if len(full) == 1 else None


def person_key(name: str) -> tuple[str, str]:
    parts = norm(name).split()
    return (parts[0] if len(parts) > 1 else "", parts[-1] if parts else "")


def canonical_person(name: str, known: list[str], g: Gazetteer) -> str:
    """Map a surface name to the article's / Wikidata's canonical full name."""
    key = norm(name)
    first, last = person_key(name)
    if name.isupper() and 2 <= len(name) <= 4:  # "MBS" for Mohammed bin Salman: initials of a full name
        by_initials = {full for full in known
                       if "".join(w[0] for w in norm(full).split()[:len(name)]) == key and len(full.split()) >= len(name)}
        if len(by_initials) == 1:
            return by_initials.pop()
    for full in known:  # "Kayikwamba Wagner" after "Thérèse Kayikwamba Wagner"
        if " " in key and norm(full).endswith(" " + key):
            return full
    if not first:  # surname only: the full name used in the article, else a verified alias
        for full in known:
            f_first, f_last = person_key(full)
            if f_first and (f_last == last or f_last.split("-")[-1] == last or fuzz.ratio(f_last, last) >= 85):
                return full
        if key in g.persons:
            return g.persons[key]
        given = {full for full in known if norm(full).split()[0] == key}
        # "Anwar" for "Anwar Ibrahim": many cultures shorten a name to the given name; only when
        # exactly one full name of the article starts with it ("Hun" for Hun Manet / Hun Sen stays)
        return given.pop() if len(given) == 1 else name
    if key in g.persons:
        return g.persons[key]
    longer = {full for full in known if norm(full).startswith(key + " ")}
    if len(longer) == 1:  # "Faisal bin Farhan" and "Faisal bin Farhan Al Saud": the longest form
        return longer.pop()
    for alias, label in g.persons.items():  # typo'd first name with a known surname: Marc -> Marco
        a_first, a_last = person_key(label)
        if a_first and a_last == last and (a_first.startswith(first) or first.startswith(a_first)
                                           or fuzz.ratio(a_first, first) >= 80):
            return label
    for full in known:  # the same person spelt differently earlier in the article
        f_first, f_last = person_key(full)
        if f_first and f_first[0] == first[0] and fuzz.ratio(f_last, last) >= 85:
            return full
    return name
