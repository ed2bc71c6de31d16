"""Where a meeting mention took place: the locative attached to the trigger or its governing verbs,
and the "first in A on D1 and then in B on D2" sequences that report two meetings in one sentence."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.index import ActorIndex
from ..text.dates import DateExpr, find_dates
from ..text.gazetteer import load_gazetteer
from .where import compatible, inner, local_places, place_label

PLACE_PREPS = frozenset("in at to".split())
BUILDINGS = frozenset("""hotel palace museum residence villa hall library centre center building compound
estate club venue mansion""".split())  # "a Gyeongju hotel" is in Gyeongju; "a Red Sea city" is no sea
CLAUSE_EDGES = frozenset("relcl acl advcl ccomp".split())


def place_of(t: Token, idx: ActorIndex) -> str | None:
    """The place label of a token (a venue names its city too: "White House, Washington")."""
    return place_label(t, idx)


def _of_place(t: Token) -> bool:
    """ "in the Red Sea resort of Sharm el-Sheikh", "in the city of Doha": the place after "of"."""
    of = t.head
    return of.lower_ == "of" and of.head.dep_ == "pobj" and of.head.head.lower_ in ("in", "at")


def _anchors(trig: Token) -> set[int]:
    """The trigger, its governing words up to the clause it sits in, and its own relative clause.
    A meeting inside a relative clause ("a plan reworked in talks") does not take the place of the
    main clause ("came to Moscow")."""
    out = {trig.i}
    for h in trig.ancestors:
        if h.sent != trig.sent:
            break
        out.add(h.i)
        if h.dep_ in CLAUSE_EDGES and h.pos_ in ("VERB", "AUX"):
            break
    out |= {c.i for c in trig.children if c.dep_ in ("relcl", "acl")}
    return out


SEQUENCE_PREPS = frozenset("after before following since".split())


def _earlier(t: Token, trig: Token) -> bool:
    """ "took place a week after the opening round in X": X places the earlier event, not ``trig``'s."""
    mine = {trig.i, *(h.i for h in trig.ancestors)}
    return any(h.lower_ in SEQUENCE_PREPS and h.i not in mine for h in t.ancestors)


def capital_of(t: Token, idx: ActorIndex) -> str | None:
    """ "the Omani capital", "Oman's capital": the gazetteer's capital of the country named."""
    country = next((idx.countries[c.i] for c in t.children if c.dep_ in ("amod", "compound", "poss")
                    and c.i in idx.countries), None)
    if country is None:
        return None
    g = load_gazetteer()
    return next((g.capital_labels[k] for k, v in g.capitals.items() if v == country), None)


PARTICIPLE_VERBS = frozenset("hold have conduct attend lead".split())  # "..., holding talks with Y"


def _stay(trig: Token) -> Token | None:
    """ "X was in Washington, holding talks with Y": the verb whose place a participle clause of
    meeting shares (the clause has no conjunction of its own: "after holding talks" is another time)."""
    v = trig.head if trig.dep_ == "dobj" else None
    if v is None or v.tag_ != "VBG" or v.dep_ != "advcl" or v.lemma_ not in PARTICIPLE_VERBS \
            or any(c.dep_ == "mark" or c.dep_ == "prep" for c in v.children if c.i < v.i):
        return None
    return v.head


TRAVEL_VERBS = frozenset("travel fly go head come return".split())


def _trip(trig: Token, idx: ActorIndex) -> str | None:
    """ "flew to Moscow to meet X", "will travel to Riyadh for talks": the trip's end is the meeting's place
    (a purpose clause or phrase of a travel verb)."""
    h = trig.head
    purpose = trig.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children) \
        or trig.dep_ == "pobj" and h.lower_ == "for" and h.dep_ == "prep"
    verb = h if trig.dep_ == "advcl" else h.head
    if not purpose or verb.pos_ != "VERB" or verb.lemma_ not in TRAVEL_VERBS:
        return None
    countries = set(idx.countries.values())
    return next((place_of(p, idx) for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
                 for p in c.children if p.dep_ == "pobj" and place_of(p, idx) not in (None, *countries)), None)


def _visited_or_where(trig: Token, idx: ActorIndex) -> str | None:
    """The city a visit names as its object ("visited Kyiv"), or the place a "where" clause hangs on
    ("arrived in Kyiv, where he met X")."""
    if trig.pos_ != "VERB":
        return None
    countries = set(idx.countries.values())
    if trig.lemma_ == "visit":
        label = next((place_of(c, idx) for c in trig.children if c.dep_ == "dobj" and place_of(c, idx)), None)
        if label and label not in countries:
            return label
    if trig.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in trig.children):
        label = place_of(trig.head, idx)
        if label and label not in countries:
            return label
    return None


def meeting_place(trig: Token, scope: list[Token], idx: ActorIndex) -> str | None:
    """The place attached to the trigger, its governing verbs or its relative clause ("in Florida");
    a venue gives its city ("at the White House": Washington); a city wins over a country."""
    anchors = _anchors(trig)
    found = []
    for t in scope:
        label = place_of(t, idx)
        if label is None and t.dep_ == "pobj":  # "in the Omani capital, Muscat"
            label = next((place_of(c, idx) for c in t.children if c.dep_ == "appos" and place_of(c, idx)), None)
        if label is None and t.dep_ == "pobj" and t.lower_ == "capital":  # "in the Omani capital"
            label = capital_of(t, idx)
        if label is None and t.dep_ == "pobj" and t.lemma_ in BUILDINGS:  # "at a Gyeongju hotel"
            label = next((place_of(c, idx) for c in t.children if c.dep_ == "compound" and place_of(c, idx)), None)
        if label and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.head.head.i in anchors:
            found.append(label)
    countries = set(idx.countries.values())
    if found:  # the most specific: a city wins over its region or country, the first over a stranger
        g = load_gazetteer()
        within = local_places(trig.doc, idx)[1]
        best = found[0]
        for label in found[1:]:
            if compatible(best, label, g, within):
                best = inner(best, label, g, within)
            elif best in countries and label not in countries:
                best = label
        return best
    trip = _trip(trig, idx)
    if trip is not None:  # "will travel to Moscow next week to meet X"
        return trip
    seat = _visited_or_where(trig, idx)
    if seat is not None:  # "visited Kyiv", "Kyiv, where he met X"
        return seat
    stay = _stay(trig)
    if stay is not None:
        label = next((place_of(p, idx) for c in stay.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                      for p in c.children if p.dep_ == "pobj" and place_of(p, idx) not in (None, *countries)), None)
        if label:  # "X had been in Washington, holding talks with Y"
            return label
    if any(t.lower_ == "there" and t.dep_ == "advmod" and t.head.i in anchors for t in scope):
        return place_there(trig, idx)  # "flew to Moscow on Thursday. He held talks there with X"
    for t in reversed(scope):  # "began negotiations ... on Sunday in Florida": a city or region
        label = place_of(t, idx) or (capital_of(t, idx) if t.lower_ == "capital" else None)
        if label and t.dep_ == "pobj" and label not in countries and not _earlier(t, trig) and (
                t.head.lower_ in ("in", "at") or _of_place(t)):
            return label
    return None


def place_date_pairs(trig: Token, idx: ActorIndex) -> list[tuple[str, DateExpr, int]]:
    """ "first in Geneva on 23 November and then in Florida on Sunday": each place with the date
    written right after it, when a sentence after the trigger lists two or more such pairs.

    RETURNS (list): (place label, date expression, char offset of the place) per pair; empty
    unless at least two different places are paired.
    """
    sent = trig.sent
    doc = trig.doc
    countries = set(idx.countries.values())
    places = [t for t in sent if t.i > trig.i and t.dep_ == "pobj" and t.head.lower_ in ("in", "at")
              and place_of(t, idx) and place_of(t, idx) not in countries
              and (t.i + 1 >= sent.end or place_of(doc[t.i + 1], idx) != place_of(t, idx))]
    pairs: list[tuple[str, DateExpr, int]] = []
    for k, t in enumerate(places):
        stop = places[k + 1].head.i if k + 1 < len(places) else sent.end
        stop = min(stop, t.i + 6)
        if stop <= t.i + 1:
            continue
        gap = doc[t.i + 1:stop]
        dates = find_dates(gap.text, gap.start_char)
        if dates and doc[t.i + 1].lower_ in {"on", ",", dates[0].text.split()[0].lower()}:
            pairs.append((place_of(t, idx), dates[0], t.idx))
    return pairs if len({p for p, _, _ in pairs}) >= 2 else []


def place_there(trig: Token, idx: ActorIndex) -> str | None:
    """The place "there" points back to: the last city named after "in", "to" or "at" in the
    trigger's sentence before it or in the sentence before (a country is too vague to be "there")."""
    doc = trig.doc
    start = doc[trig.sent.start - 1].sent.start if trig.sent.start > 0 else trig.sent.start
    countries = set(idx.countries.values())
    for t in reversed(doc[start:trig.i]):
        label = place_of(t, idx)
        if label and label not in countries and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS:
            return label
    return None
