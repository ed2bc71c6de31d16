"""A country's government offices, labelled one way whatever the wording.

"Qatar's foreign ministry", "the Qatari Foreign Ministry" and "the Ministry of Foreign Affairs of
Qatar" are one office, labelled as the encyclopaedias title a country's office: "Ministry of Foreign
Affairs (Qatar)"; "Israel's Prime Minister's Office" is "Prime Minister's Office (Israel)". The
country is the one the phrase names (a possessive, a demonym, "of <country>"); a bare "the Prime
Minister's Office" takes the country another mention of the same office in the article gives, and
otherwise keeps its bare name. The office is an actor where it acts or speaks; named only inside a
person's title ("Qatar's foreign ministry spokesman Majed al-Ansari", "Minister of State at the
Ministry of Foreign Affairs") it is that person's affiliation, not an actor of the article.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span as SpacySpan

from ..text.gazetteer import TITLE_WORDS, Gazetteer
from .person_spans import HEAD_TITLES

# the word before "ministry" -> the name of the ministry ("foreign ministry" -> Ministry of Foreign Affairs)
MINISTRY_KINDS = {"foreign": "Foreign Affairs", "external": "External Affairs", "defence": "Defence",
                  "defense": "Defense", "interior": "Interior", "finance": "Finance", "justice": "Justice",
                  "health": "Health", "trade": "Trade", "economy": "Economy", "energy": "Energy",
                  "commerce": "Commerce", "information": "Information", "agriculture": "Agriculture"}
OFFICE_HOLDERS = {"prime minister": "Prime Minister's Office", "president": "Presidential Office",
                  "presidential": "Presidential Office"}
POSSESSIVE = frozenset(("'s", "’s"))


def _country(tok, g: Gazetteer) -> str | None:
    kind, _, name = tok.ent_id_.partition(":")
    if kind in ("country", "demonym", "capital"):  # "Kyiv's defence ministry"
        return name
    return g.country_of(tok.text) if tok.ent_type_ in ("GPE", "NORP") else None


def _owner(doc: Doc, start: int, g: Gazetteer) -> tuple[int, str | None]:
    """(new start, country) of the owner words before an office at ``start``: "Qatar's", "Russian"."""
    if start >= 2 and doc[start - 1].text in POSSESSIVE and _country(doc[start - 2], g):
        return start - 2, _country(doc[start - 2], g)
    if start >= 1 and _country(doc[start - 1], g) and doc[start - 1].ent_id_.startswith("demonym:"):
        return start - 1, _country(doc[start - 1], g)
    if start >= 1 and _country(doc[start - 1], g) and doc[start - 1].ent_type_ == "GPE" and \
            doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ == "compound":
        return start - 1, _country(doc[start - 1], g)  # "Egypt Foreign Ministry" (headline style)
    return start, None


def _office_at(doc: Doc, i: int) -> tuple[int, int, str] | None:
    """(start, end, bare label) of an office phrase whose head word is at ``i``."""
    t = doc[i]
    low = t.lower_
    if low == "ministry":
        prev = doc[i - 1] if i else None
        if prev is not None and prev.lower_ in MINISTRY_KINDS:  # "foreign ministry"
            return i - 1, i + 1, f"Ministry of {MINISTRY_KINDS[prev.lower_]}"
        j = i + 1
        if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].text[:1].isupper():
            k = j + 1
            while k < len(doc) and (doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].ent_id_
                                    or doc[k].lower_ == "and" and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()):
                k += 1
            if k > j + 1:  # "Ministry of Foreign Affairs"
                return i, k, "Ministry of " + " ".join(x.text for x in doc[j + 1:k])
        return None
    if low == "office" and i >= 3 and doc[i - 1].text in POSSESSIVE:
        holder = " ".join(x.lower_ for x in doc[i - 3:i - 1])
        if holder in OFFICE_HOLDERS:  # "Prime Minister's Office"
            return i - 3, i + 1, OFFICE_HOLDERS[holder]
        if doc[i - 2].lower_ == "president":
            return i - 2, i + 1, OFFICE_HOLDERS["president"]
    if low == "office" and i >= 1 and doc[i - 1].lower_ == "presidential":
        return i - 1, i + 1, OFFICE_HOLDERS["presidential"]
    return None


def government_offices(doc: Doc, g: Gazetteer) -> list[SpacySpan]:
    """The doc's entities with each government office one ORG span, its id ``org:<label>``.

    doc (Doc): the parsed article.
    g (Gazetteer): lookup tables (countries and demonyms).
    RETURNS (list[Span]): entities to assign back to ``doc.ents``.
    """
    ents = list(doc.ents)
    found: list[tuple[int, int, str, str | None]] = []
    for t in doc:
        if t.lower_ not in ("ministry", "office"):
            continue
        hit = _office_at(doc, t.i)
        if hit is None:
            continue
        start, end, label = hit
        capital = doc[start].text[:1].isupper()
        start, country = _owner(doc, start, g)
        if not capital and country is None:
            continue  # "a ministry of trade officials", a lower-case office with no country before it
        if country is None and end + 1 < len(doc) and doc[end].lower_ == "of" and _country(doc[end + 1], g):
            country, end = _country(doc[end + 1], g), end + 2  # "... of Egypt"
        if any(e.ent_id_.startswith(("org:", "outlet:")) and e.start < end and start < e.end for e in ents):
            continue  # a known organisation ("State Department") wins
        found.append((start, end, label, country))
    if not found:
        return ents
    countries = {label: {c for _, _, lab, c in found if lab == label and c} for _, _, label, _ in found}
    new = []
    for start, end, label, country in found:
        country = country or (next(iter(countries[label])) if len(countries[label]) == 1 else None)
        if any(start < n.end and n.start < end for n in new):
            continue
        new.append(SpacySpan(doc, start, end, label="ORG", span_id=f"org:{label} ({country})" if country
                             else f"org:{label}"))
    kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
    return sorted(kept + new, key=lambda e: e.start)


def _in_title(span: SpacySpan) -> bool:
    """The office only qualifies a person's title: "the foreign ministry spokesman X", "Minister of
    State at the Ministry of Foreign Affairs"."""
    doc = span.doc
    titles = HEAD_TITLES | TITLE_WORDS
    if span.end < len(doc) and doc[span.end].lower_ in titles:
        return True
    j = span.start - 1
    while j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 1 or doc[j].lower_ not in ("at", "of", "in"):
        return False
    return doc[j - 1].lower_ in titles


def titled_offices(doc: Doc, idx: Any) -> None:
    """Drop the government offices of ``idx`` (an ActorIndex) named only inside persons' titles
    (they stay the affiliation of those persons)."""
    for name, actor in list(idx.actors.items()):
        if actor.kind != "Organization" or not name.startswith(("Ministry of ", "Prime Minister's Office",
                                                                "Presidential Office")):
            continue
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions]
        if spans and all(sp is not None and _in_title(sp) for sp in spans):
            del idx.actors[name]
            for i in [i for i, n in idx.token_actor.items() if n == name]:
                del idx.token_actor[i]
