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


_SURNAMES: dict[int, dict[str, list[tuple[str, str]]]] = {}


def _by_surname(g: Gazetteer) -> dict[str, list[tuple[str, str]]]:
    """The gazetteer's full person names by surname: surname -> [(first name, label)] (built once)."""
    index = _SURNAMES.get(id(g))
    if index is None:
        index = {}
        for label in dict.fromkeys(g.persons.values()):
            first, last = person_key(label)
            if first:
                index.setdefault(last, []).append((first, label))
        _SURNAMES[id(g)] = index
    return index


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
        given = {full for full in known if norm(full).split()[:1] == [key]}
        # "Anwar" for "Anwar Ibrahim": many cultures shorten a name to the given name; only when
        # exactly one full name of the article starts with it ("Hun" for Hun Manet / Hun Sen stays)
        return given.pop() if len(given) == 1 else name
    if key in g.persons:
        return g.persons[key]
    longer = {full for full in known if norm(full).startswith(key + " ")}
    if len(longer) == 1:  # "Faisal bin Farhan" and "Faisal bin Farhan Al Saud": the longest form
        return longer.pop()
    for a_first, label in _by_surname(g).get(last, ()):  # typo'd first name with a known surname: Marc -> Marco
        if a_first.startswith(first) or first.startswith(a_first) or fuzz.ratio(a_first, first) >= 80:
            return label
    for full in known:  # the same person spelt differently earlier in the article
        f_first, f_last = person_key(full)
        if f_first and f_first[0] == first[0] and fuzz.ratio(f_last, last) >= 85:
            return full
    return name


NICK_CUES = (("known", "as"), ("nicknamed",), ("dubbed",))


def nickname_ents(doc: Doc) -> tuple[list[SpacySpan], dict[str, SpacySpan]]:
    """Nicknames the text gives a person: "Mohamed Hamdan Dagalo, known as Hemedti" (also "better
    known as", "nicknamed", "dubbed"). The nickname, wherever it recurs and whatever the NER called
    it, is a PERSON span.

    RETURNS: the entities to assign back to ``doc.ents``, and norm of each nickname -> the mention of
    the full name it stands for.
    """
    ents = list(doc.ents)
    nick: dict[str, SpacySpan] = {}
    for e in ents:
        if e.label_ != "PERSON" or len(e) < 2:
            continue
        i = e.end + (e.end < len(doc) and doc[e.end].text in (",", "("))
        if i < len(doc) and doc[i].lower_ in ("better", "also"):
            i += 1
        cue = next((c for c in NICK_CUES if tuple(t.lower_ for t in doc[i:i + len(c)]) == c), None)
        if cue is None:
            continue
        j = k = i + len(cue)
        while k < len(doc) and k - j < 3 and doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].ent_id_:
            k += 1
        if k > j:
            nick[norm(doc[j:k].text)] = e
    if not nick:
        return ents, nick
    words = {tuple(norm(w) for w in key.split()) for key in nick}
    new = []
    for t in doc:
        for w in words:
            span = doc[t.i:t.i + len(w)]
            if len(span) == len(w) and tuple(norm(x.text) for x in span) == w and not any(x.ent_id_ for x in span) \
                    and not any(span.start < n.end and n.start < span.end for n in new):
                new.append(SpacySpan(doc, span.start, span.end, label="PERSON"))
    kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
    return sorted(kept + new, key=lambda e: e.start), nick
