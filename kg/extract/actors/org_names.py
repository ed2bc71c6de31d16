"""Organisation names the entity ruler and the NER cut short or mislabel.

The gazetteer ruler wins over the NER, so a place or demonym inside a longer name breaks it:
"Tigray People's Liberation Front" comes out as the place "Tigray" and no organisation, "Royal Thai
Army" as "the Royal" and the demonym "Thai". A run of capitalised words ending in an organisation
word (Front, Army, Court, ...) is one organisation. An acronym defined beside a long name
("Long Name (LN)") is the same organisation, and so are its later uses.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from .filters import ORG_WORDS
from ..text.gazetteer import norm

POSSESSIVE = frozenset(("'s", "’s"))
# heads that name a document or a route, never an organisation ("Indus Waters Treaty")
DOCUMENT_HEADS = frozenset("""treaty declaration agreement accord accords plan framework annex memorandum protocol
convention charter roadmap deal pact communique communiqué initiative route corridor""".split())


def _capital_word(tok) -> bool:
    """A capitalised word that is capitalised as a name (not only as a sentence's first word)."""
    return tok.is_alpha and tok.text[:1].isupper() and (not tok.is_sent_start or tok.ent_type_ != "")


def _run_start(doc: Doc, head: int) -> int:
    """Left edge of the capitalised run ending at ``head`` ("Tigray People's Liberation Front")."""
    i = head
    while i > 0:
        prev = doc[i - 1]
        if prev.text in POSSESSIVE and i >= 2 and _capital_word(doc[i - 2]) and doc[i - 2].ent_type_ != "PERSON":
            i -= 2
        elif _capital_word(prev) and prev.ent_type_ != "PERSON" and prev.lower_ not in ("the", "a", "an"):
            i -= 1
        else:
            break
    return i


def long_org_names(doc: Doc) -> list[SpacySpan]:
    """The doc's entities with broken organisation names joined into one ORG span.

    doc (Doc): the parsed article.
    RETURNS (list[Span]): entities to assign back to ``doc.ents``.
    """
    ents = list(doc.ents)
    new: list[SpacySpan] = []
    for tok in doc:
        if tok.lower_ not in ORG_WORDS or not tok.text[:1].isupper():
            continue
        start = _run_start(doc, tok.i)
        if tok.i - start < 2:
            continue
        first = doc[start]
        if first.ent_id_.startswith(("country:", "demonym:", "capital:")):
            continue  # "Russian Foreign Ministry": the country's ministry, resolved elsewhere
        covering = [e for e in ents if e.start < tok.i + 1 and e.end > start]
        if any(e.start == start and e.end == tok.i + 1 for e in covering):
            continue
        if any(e.start < start and not (e.start == start - 1 and doc[e.start].lower_ == "the")
               or e.end > tok.i + 1 for e in covering):
            continue  # the run is part of a longer entity
        if not any(e.label_ != "ORG" or e.ent_id_ for e in covering) and covering:
            continue  # the NER's own ORG spans inside the run: leave them
        new.append(SpacySpan(doc, start, tok.i + 1, label="ORG"))
    if not new:
        return ents
    longest: list[SpacySpan] = []  # "West Asia News" inside "West Asia News Agency": the longer run
    for n in sorted(new, key=lambda n: (n.start - n.end, n.start)):
        if not any(n.start < m.end and m.start < n.end for m in longest):
            longest.append(n)
    new = longest
    kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
    for n in new:
        for t in n:
            t.ent_id_ = ""
    return sorted(kept + new, key=lambda e: e.start)


def acronyms(doc: Doc) -> dict[str, str]:
    """Acronyms defined beside an organisation's long name: "Long Name (LN)" and "LN" after it.

    RETURNS (dict[str, str]): norm of the acronym -> the long name as written.
    """
    out: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.end + 2 >= len(doc):
            continue
        if doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
            continue
        acro = doc[ent.end + 1].text
        words = [t.text for t in ent if t.is_alpha and t.text[:1].isupper() and t.lower_ != "the"]
        if acro.isupper() and len(acro) >= 2 and "".join(w[0] for w in words).upper() == acro.upper():
            out[norm(acro)] = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return out


POST_WORDS = frozenset("""director general minister secretary adviser advisor chief commander envoy ambassador
president representative governor spokesman spokesperson""".split())


def role_acronyms(doc: Doc) -> set[str]:
    """Acronyms of posts defined in the text: "Director General of Military Operations (DGMO)",
    "National Security Advisor (NSA)". A post is no organisation.

    RETURNS (set[str]): norm keys of the acronyms.
    """
    out: set[str] = set()
    for t in doc[1:-2]:
        if t.text != "(" or not doc[t.i + 1].text.isupper() or doc[t.i + 2].text != ")":
            continue
        acro = doc[t.i + 1].text
        words, j = [], t.i - 1
        while j >= 0 and len(words) < len(acro) and (doc[j].text[:1].isupper() or doc[j].lower_ in ("of", "and", "the")):
            if doc[j].text[:1].isupper():
                words.insert(0, doc[j])
            j -= 1
        if "".join(w.text[0] for w in words).upper() == acro.upper() and any(w.lower_ in POST_WORDS for w in words):
            out.add(norm(acro))
    return out


def document_name(ent: SpacySpan) -> bool:
    """A treaty, declaration or route named like an organisation ("Indus Waters Treaty")."""
    words = norm(ent.text).split()
    return bool(words) and (words[-1] in DOCUMENT_HEADS or ent.root.lower_ in DOCUMENT_HEADS)


def demonym_like(ent: SpacySpan) -> bool:
    """ "Tigrayan forces": a one-word adjective of a people modifying a noun is no organisation."""
    root = ent.root
    return len(ent) == 1 and root.lower_.endswith(("yan", "ian", "ean", "ese", "ish")) and \
        root.dep_ in ("amod", "compound") and root.head.pos_ == "NOUN" and root.head.text.islower()


def indefinite(ent: SpacySpan) -> bool:
    """ "a Board of Peace": an organisation still to be set up, not a named actor."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.lower_ in ("a", "an")


# first words of a country's generic institution ("Russian Foreign Ministry"): the country is its owner,
# not part of its name
GENERIC_ORG_WORDS = frozenset("""ministry army military navy air armed forces government parliament embassy interior
finance justice health trade economy energy central supreme constitutional police intelligence border coast
special federal general national state foreign defence defense security presidential""".split())


def demonym_prefix(ent: SpacySpan) -> str:
    """ "Russian " for "the Russian Direct Investment Fund", where the ruler took the demonym out of
    the name; "" for a generic institution ("Russian Foreign Ministry") or no demonym."""
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start else None
    first = next((t for t in ent if t.lower_ != "the"), None)
    if prev is None or not prev.ent_id_.startswith("demonym:") or first is None or first.lower_ in GENERIC_ORG_WORDS:
        return ""
    return prev.text + " "


def country_of_org(ent: SpacySpan, countries: dict[int, str]) -> str | None:
    """ "Thailand's Constitutional Court" / "Constitutional Court of Thailand": the country whose
    institution a generic organisation name is, when the name itself names no place."""
    doc = ent.doc
    words = [t for t in ent if t.lower_ != "the"]
    if not words or len(words) > 3 or words[-1].lower_ not in ORG_WORDS or any(t.ent_id_ for t in words):
        return None
    if ent.start >= 2 and doc[ent.start - 1].text in POSSESSIVE and doc[ent.start - 2].i in countries:
        return countries[doc[ent.start - 2].i]
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of" and doc[ent.end + 1].i in countries:
        return countries[doc[ent.end + 1].i]
    return None


def bracketed_aliases(doc: Doc) -> dict[int, str]:
    """An unknown organisation name followed by a known one in brackets is that organisation under
    another name: "the Congo River Alliance (M23 Movement)" -> M23.

    RETURNS (dict[int, str]): start token of the unknown name -> the known organisation.
    """
    ents = list(doc.ents)
    out: dict[int, str] = {}
    for a, b in zip(ents, ents[1:]):
        if a.label_ != "ORG" or a.ent_id_ or not b.ent_id_.startswith("org:") or len(a) < 2:
            continue
        if b.start == a.end + 1 and doc[a.end].text == "(" and b.end < len(doc) and doc[b.end].text == ")":
            out[a.start] = b.ent_id_.partition(":")[2]
    return out
