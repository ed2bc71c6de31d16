"""Actors (kg:Person, kg:Organization, kg:Country) and places found in one parsed article.

Works on the entities set by the gazetteer ruler and the statistical NER. Person names are
canonicalised (surname-only mentions resolved to the article's full name, spelling variants mapped
through the verified Wikidata aliases). Journalists, authors and outlets that only carry the story
are kept apart: they are never actors, and the outlets are remembered for ``Claim.via``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from ...model import Actor, Span
from ..text.gazetteer import CHANNELS, TITLE_WORDS, Gazetteer, norm
from .filters import (HOLY_BOOKS, common_word, editorial_note, is_outlet, media_name, outlet_keys, person_like_org,
                      named_as_outlet, photo_credit, plausible_org, role_name, venue_like, metadata_label, product_words,
                      product_name, media_person, promo_line, appeal_line)
from .org_names import acronyms, bracketed_aliases, demonym_prefix, role_acronyms, country_of_org, demonym_like, document_name, indefinite, long_org_names
from .names import canonical_person, complete_name, nickname_ents, person_key, person_surname_orgs
from .dictionary import common_phrase
from .country_roles import capital_agent, group_owner, is_locative, title_only
from .person_spans import HEAD_TITLES, given_name_title, missed_persons, ruler_given_names
from .honorifics import honorific_token
from .journalists import FURNITURE_VERBS, is_journalist
from .line_breaks import trimmed_ents
from ..text.venues import venue_city
from .forums import forum_only
from .acronym_names import defined_acronyms
from .offices import government_offices, titled_offices
from .firms import firm_appositions
from .shouted import shouted_names
from .org_persons import person_org, persons_called_places, split_glued_names

VENUE_PREPS = frozenset("in at inside outside to".split())  # "in the Kremlin": a place, not an actor


@dataclass
class ActorIndex:
    """Actors of one article plus token-level lookups used by the claim/meeting/proposal stages."""

    actors: dict[str, Actor] = field(default_factory=dict)  # canonical name -> Actor
    token_actor: dict[int, str] = field(default_factory=dict)  # token i -> canonical actor
    outlets: dict[int, str] = field(default_factory=dict)  # token i -> outlet name
    journalists: set[int] = field(default_factory=set)  # tokens of journalists / authors
    capitals: dict[int, str] = field(default_factory=dict)  # token i -> country governed from there
    countries: dict[int, str] = field(default_factory=dict)  # token i -> country (named or demonym)
    collectives: dict[int, str] = field(default_factory=dict)  # token i -> "Europe"
    places: dict[str, list[Span]] = field(default_factory=dict)  # place label -> mentions
    token_place: dict[int, str] = field(default_factory=dict)  # token i -> place label
    person_mentions: list[tuple[int, str]] = field(default_factory=list)  # (root token i, person)
    venues: dict[int, str] = field(default_factory=dict)  # token i of a building -> its city

    def kind(self, name: str) -> str | None:
        a = self.actors.get(name)
        return a.kind if a else None


def _clean_person(ent: SpacySpan) -> SpacySpan | None:
    """Strip titles and possessive endings the NER sometimes includes in a PERSON span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if doc[start].lower_ in FURNITURE_VERBS and doc[start].is_sent_start:
        start += 1  # "Follow Jane Doe on X"
    while start < end and not given_name_title(doc[start]) and (
            doc[start].lower_ in TITLE_WORDS or doc[start].lower_.rstrip(".") in HEAD_TITLES
            or not doc[start].text[:1].isupper() or honorific_token(doc[start]) or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    if start >= end or any(t.like_num for t in doc[start:end]):
        return None
    return doc[start:end]


def _placed_persons(persons: list[SpacySpan], idx: ActorIndex, g: Gazetteer, person_ents: list[str]) -> set[str]:
    """Names the NER called persons that are places: a one-word name found once as a location ("talks in
    Turnberry"), a longer one only ever as a location; never a verified person or a known surname."""
    by_key: dict[str, list[SpacySpan]] = {}
    for p in persons:
        if not p.ent_id_:
            by_key.setdefault(norm(p.text), []).append(p)
    out = set()
    for key, spans in by_key.items():
        if key in g.persons or any(k.endswith(" " + key) for k in person_ents):
            continue
        located = [is_locative(p, idx) for p in spans]
        if (len(key.split()) == 1 and any(located)) or all(located):
            out.add(key)
    return out


def _canonical(p: SpacySpan, known: list[str], g: Gazetteer, nick=None) -> str | None:
    """The canonical name of a person mention: the ruler's verified name, else the article's or the
    gazetteer's full name (a nickname's: the name it is given for); None for a name cut short that
    nothing completes."""
    if nick and norm(p.text) in nick:
        p = nick[norm(p.text)]
    kind, _, name = p.ent_id_.partition(":")
    if kind == "person":
        return name
    text = " ".join(p.text.split())  # "Sergei\nLavrov", a name a hard-wrapped line broke
    return complete_name(canonical_person(text, known, g), known, g)


def _title_of(span: SpacySpan, idx: ActorIndex) -> tuple[str | None, str | None]:
    """The role title around a person mention and the actor it implies as affiliation."""
    doc, root = span.doc, span.root
    toks: list[Token] = []
    j = span.start - 1
    while j >= 0 and doc[j].i < span.start and not doc[j].is_punct and doc[j].dep_ not in ("det", "case") \
            and root in doc[j].ancestors and doc[j].dep_ != "poss":
        toks.insert(0, doc[j])
        j -= 1
    if not toks and root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < span.start:
        head = root.head
        toks = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "poss", "case")
                and not t.is_punct and not any(a.dep_ == "poss" for a in [t, *t.ancestors] if a.i < head.i)]
    if not toks:
        for c in root.children:
            if c.dep_ == "appos" and c.i > span.end and any(t.lower_ in TITLE_WORDS for t in c.subtree):
                toks = []
                for t in c.subtree:
                    if t.i > c.i and (t.is_punct and t.text != "-" or t.dep_ == "relcl"):
                        break
                    if t.dep_ != "det" and not t.is_punct:
                        toks.append(t)
                break
    words = [t for t in toks if t.lower_ in TITLE_WORDS or t.i in idx.token_actor or t.i in idx.countries]
    if not toks or not any(t.lower_ in TITLE_WORDS for t in toks):
        return None, None
    title = doc[toks[0].i:toks[-1].i + 1].text
    affil = None
    for t in toks:
        name = idx.token_actor.get(t.i)
        if name and idx.kind(name) == "Organization":
            return title, name
        if affil is None and t.i in idx.countries:
            affil = idx.countries[t.i]
    del words
    return title, affil


def _add(idx: ActorIndex, name: str, kind: str, span: SpacySpan, g: Gazetteer, conf: float) -> Actor:
    actor = idx.actors.get(name)
    if actor is None:
        actor = Actor(name=name, kind=kind, wikidata=g.wikidata(name, kind), confidence=conf)
        idx.actors[name] = actor
    actor.mentions.append(Span(span.start_char, span.end_char))
    if span.text != name:
        actor.aliases.add(span.text)
    for t in span:
        idx.token_actor[t.i] = name
    return actor


def _add_place(idx: ActorIndex, label: str, span: SpacySpan) -> None:
    if label.isupper() and len(label) > 3:  # a dateline: "WASHINGTON —"
        label = label.title()
    label = next((known for known in idx.places if known.lower() == label.lower()), label)
    idx.places.setdefault(label, []).append(Span(span.start_char, span.end_char))
    for t in span:
        idx.token_place[t.i] = label


def _respan(doc: Doc, step, g: Gazetteer):
    """Apply one step that rewrites the doc's entities. A step whose spans spaCy refuses (two that
    overlap: a rule's blind spot on an odd sentence) leaves the entities as they were, so the
    article keeps its actors; returns the step's extra result (or {} then)."""
    try:
        out = step(doc, g) if step in (shouted_names, ruler_given_names, missed_persons, split_glued_names,
                                   persons_called_places, government_offices) else step(doc)
        ents, extra = out if isinstance(out, tuple) else (out, None)
        doc.ents = ents
        return extra
    except ValueError:
        return {}


def find_actors(doc: Doc, g: Gazetteer, *, author: str | None = None,
                publisher: str | None = None) -> ActorIndex:
    """Build the :class:`ActorIndex` of a parsed article (kg:Actor, kg:Place mentions).

    doc (Doc): the parsed article (non-body text blanked).
    g (Gazetteer): lookup tables.
    author (str | None): the article's author, never an actor.
    publisher (str | None): the article's outlet, never an actor.
    RETURNS (ActorIndex): actors with mentions, titles, affiliations and verified QIDs.
    """
    idx = ActorIndex()
    for step in (trimmed_ents, shouted_names, ruler_given_names, missed_persons, person_surname_orgs,
                 split_glued_names, persons_called_places):
        _respan(doc, step, g)
    nick = _respan(doc, nickname_ents, g)  # "Mohamed Hamdan Dagalo, known as Hemedti"
    _respan(doc, long_org_names, g)
    _respan(doc, defined_acronyms, g)  # "the Allied Democratic Forces (ADF)", then "the ADF"
    _respan(doc, government_offices, g)  # "Qatar's foreign ministry": Ministry of Foreign Affairs (Qatar)
    _respan(doc, firm_appositions, g)  # "Kpler, the data analytics firm," is no person
    products = product_words(doc)
    doc.ents = [e for e in doc.ents if not photo_credit(e, g.outlets) and not metadata_label(e)
                and not product_name(e, products)
                and not (e.label_ in ("ORG", "PERSON") and (promo_line(e, g.outlets) or appeal_line(e, g.outlets)))]
    ents = doc.ents  # made once: each read of doc.ents builds every span again
    acro = acronyms(doc)
    posts = role_acronyms(doc)
    bracketed = bracketed_aliases(doc)
    persons: list[SpacySpan] = []
    country_spans: list[tuple[SpacySpan, str]] = []
    capital_spans: list[SpacySpan] = []
    carriers = outlet_keys(doc, publisher)
    named_outlets = {norm(e.text) for e in ents if not e.ent_id_ and named_as_outlet(e)}
    for ent in ents:  # first pass: gazetteer ids, outlets, places
        ident, key = ent.ent_id_, norm(ent.text)
        kind, _, name = ident.partition(":")
        if kind == "outlet" or (not ident and ent.label_ == "ORG" and (key in g.outlets or is_outlet(key, carriers)
                                                                      or media_name(ent))) \
                or (not ident and ent.label_ in ("ORG", "PERSON") and key in named_outlets) \
                or (not ident and ent.label_ == "PERSON" and media_person(ent)):
            for t in ent:
                idx.outlets[t.i] = name or g.outlets.get(key, ent.text)
        elif kind == "country":
            country_spans.append((ent, name))
            for t in ent:
                idx.countries[t.i] = name
        elif kind == "demonym":
            for t in ent:
                idx.countries[t.i] = name
        elif kind == "capital":
            capital_spans.append(ent)
            label = g.capital_labels.get(key, ent.text)
            _add_place(idx, label, ent)
            for t in ent:
                idx.capitals[t.i] = name
        elif kind == "place":
            _add_place(idx, name, ent)
        elif ent.label_ == "NORP" and key in g.collectives:
            for t in ent:
                idx.collectives[t.i] = g.collectives[key]
        elif ent.label_ == "GPE" and not kind and key in g.countries:  # a spelling the ruler lacks
            country_spans.append((ent, g.countries[key]))
            for t in ent:
                idx.countries[t.i] = g.countries[key]
        elif ent.label_ in ("GPE", "LOC", "FAC") and not kind:
            if key in g.places:
                _add_place(idx, g.places[key], ent)
            elif ent.label_ != "FAC":
                _add_place(idx, ent.text, ent)
    person_ents = [norm(e.text) for e in ents if e.label_ == "PERSON" and not e.ent_id_ and norm(e.text)]
    surnames = {re.split(r"[ -]", k)[-1] for k in person_ents}
    given = {k.split()[0] for k in person_ents if " " in k}
    surnames |= given  # "Phumtham" (given name) tagged ORG
    for ent in ents:  # second pass: organisations and persons
        ident, key = ent.ent_id_, norm(ent.text)
        kind, _, name = ident.partition(":")
        if ent.start in idx.outlets:
            continue
        if kind == "org":
            _add(idx, name, "Organization", ent, g, 0.9)
        elif ent.label_ == "ORG" and not kind and (key.split()[-1:] and key.split()[-1] in surnames
                                                   or person_like_org(ent, g) or person_org(ent, g, given)):
            persons.append(ent)  # "Rustem Umerov" or "Trump" (administration) tagged ORG
        elif ent.label_ == "ORG" and not kind:
            if key in g.orgs:
                _add(idx, g.orgs[key], "Organization", ent, g, 0.85)
            elif ent.start in bracketed:  # "the Congo River Alliance (M23 Movement)"
                _add(idx, bracketed[ent.start], "Organization", ent, g, 0.8)
            elif key in posts:  # "the NSA" after "National Security Advisor (NSA)": a post
                continue
            elif key in acro and not role_name(norm(acro[key])):  # "TPLF" after "Tigray People's ... (TPLF)"
                _add(idx, acro[key].replace("’", "'"), "Organization", ent, g, 0.8)
            elif document_name(ent) or indefinite(ent) or demonym_like(ent):
                continue
            elif any(norm(p) == key for p in idx.places):  # "Ohrid" tagged ORG once, GPE elsewhere
                _add_place(idx, next(p for p in idx.places if norm(p) == key), ent)
            elif plausible_org(ent, g) and not is_locative(ent, idx) and not common_phrase(ent, g):  # a venue, "Big Tech"
                label = " ".join((ent.text[4:] if ent.text.lower().startswith("the ") else ent.text).split())
                label = label.replace("’", "'")
                label = f"{demonym_prefix(ent)}{label}"
                country = country_of_org(ent, idx.countries)
                _add(idx, f"{label} of {country}" if country and " of " not in label else label,
                     "Organization", ent, g, 0.6)
        elif kind == "person":  # the ruler's verified persons
            persons.append(ent)
        elif ent.label_ == "PERSON" and not kind:
            clean = _clean_person(ent)
            if clean is not None and norm(clean.text) and norm(clean.text) not in g.countries \
                    and norm(clean.text) not in HOLY_BOOKS \
                    and norm(clean.text) not in g.capitals and norm(clean.text) not in g.places \
                    and norm(clean.text) not in CHANNELS and not common_word(clean, g) and not editorial_note(clean) \
                    and not common_phrase(clean, g) \
                    and not venue_like(clean):
                persons.append(clean)
    placed = _placed_persons(persons, idx, g, person_ents)
    for p in [p for p in persons if norm(p.text) in placed]:  # "talks in Turnberry": a place, not a person
        _add_place(idx, p.text, p)
        persons.remove(p)
    excluded = {norm(p.text) for p in persons if is_journalist(p, idx, author)}
    if author:
        excluded |= {norm(author), *norm(author).split()[-1:]}
    known: list[str] = []
    # fuller forms first: "Khawaja Asif" is the name, "Kh Asif" in a summary bullet its short form
    for p in sorted(persons, key=lambda p: -len(p.text)):
        if norm(p.text) in excluded or person_key(p.text)[1] in {person_key(x)[1] for x in excluded if " " in x}:
            idx.journalists.update(t.i for t in p)
            continue
        canonical = _canonical(p, known, g, nick)
        if canonical and " " in canonical and canonical not in known:
            known.append(canonical)
    for p in persons:
        if p[0].i in idx.journalists:
            continue
        canonical = _canonical(p, known, g, nick)
        if canonical is None:  # "Ursula von" cut off by a line break or the excerpt's end
            continue
        _add(idx, canonical, "Person", p, g, 0.9 if " " in canonical else 0.7)
        idx.person_mentions.append((p.root.i, canonical))
    surname_of = {n.split()[-1]: n for n, a in idx.actors.items() if a.kind == "Person" and " " in n}
    surname_of.update({k.split("-")[-1]: n for k, n in list(surname_of.items()) if "-" in k})  # el-Sisi
    given = [n.split()[0] for n in idx.actors if idx.kind(n) == "Person" and " " in n]
    surname_of.update({n.split()[0]: n for n in idx.actors if idx.kind(n) == "Person" and " " in n
                       and given.count(n.split()[0]) == 1 and n.split()[0] not in surname_of})  # "Anwar"
    for t in doc:  # surnames the NER missed ("..., Pashinyan wrote")
        if t.text in surname_of and t.i not in idx.token_actor and t.i not in idx.journalists and (
                t.pos_ == "PROPN" or t.pos_ == "NOUN" and not t.is_sent_start):  # "to Zelenskyy" tagged NOUN
            _add(idx, surname_of[t.text], "Person", doc[t.i:t.i + 1], g, 0.7)
            idx.person_mentions.append((t.i, surname_of[t.text]))
    idx.person_mentions.sort()
    for span, name in country_spans:
        idx.token_actor.update({t.i: name for t in span})
    for span, name in country_spans:
        if any(t.i in idx.journalists for t in span) or is_locative(span, idx):
            _add_place(idx, name, span)
        elif not title_only(span) and not group_owner(span):  # "UK Prime Minister Keir Starmer" alone: no actor
            _add(idx, name, "Country", span, g, 0.85)
    for ent in capital_spans:  # "Tokyo had secured ...": the capital acts for its country
        if capital_agent(ent.root) and not is_locative(ent, idx):
            _add(idx, idx.capitals[ent.start], "Country", ent, g, 0.75)
    for p in persons:  # titles and affiliations need every actor token known
        actor = idx.actors.get(idx.token_actor.get(p.root.i, ""))
        if actor is None or actor.kind != "Person":
            continue
        title, affil = _title_of(p, idx)
        if title:
            actor.titles.add(title)
        if affil and affil != actor.name and actor.affiliation is None:
            actor.affiliation = affil
    for name in [n for n, a in idx.actors.items() if a.kind == "Country" and not a.mentions]:
        del idx.actors[name]
    mark_venues(doc, idx, g)
    forum_only(doc, idx)
    titled_offices(doc, idx)
    return idx


def mark_venues(doc: Doc, idx: ActorIndex, g: Gazetteer) -> None:
    """Record venue tokens (token i -> city) and drop a venue as an actor when it is only a place (or
    a body only named as the one something is done before).

    "in the Kremlin" is where a meeting happened; "the Kremlin said" is an actor. A venue organisation
    whose every mention is the object of a locative preposition is not an actor of the article.
    """
    for ent in doc.ents:
        kind, _, name = ent.ent_id_.partition(":")
        city = venue_city(name if kind in ("org", "venue") else ent.text, g)
        if city:
            idx.venues.update({t.i: city for t in ent})
    for name, actor in list(idx.actors.items()):
        if actor.kind != "Organization":
            continue
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions]
        venue = venue_city(name, g)
        if spans and all(sp is not None and (venue and _locative(sp.root) or _audience(sp.root)) for sp in spans):
            del idx.actors[name]
            for i in [i for i, n in idx.token_actor.items() if n == name]:
                del idx.token_actor[i]


def _locative(root) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ in VENUE_PREPS


def _audience(root) -> bool:
    """A body something is done before ("testify before Congress", "appeared before the court"):
    where an act takes place, not who acts."""
    return root.dep_ == "pobj" and root.head.lower_ == "before" and root.head.head.pos_ == "VERB"

