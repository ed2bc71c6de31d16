"""Place labels of meetings, and which place lies within which.

- A venue keeps its name and its city: "at the White House" is "White House, Washington", a room of
  a building names both ("Oval Office, White House, Washington"), so that the meeting answers both
  "which building" and "which city" (reports naming either agree with it).
- A place the gazetteer does not know is still a place when the text locates it in one it knows:
  "in Turnberry, southwest Scotland", "in Gyeongju, North Gyeongsang" (the apposition also says
  which contains which).
- Containment: a city lies within its country (gazetteer, capitals), a venue within its city, and
  a place within the one the article's apposition names ("Jeddah, Saudi Arabia"). Two mentions of an
  article at places of which one contains the other ("talks in Saudi Arabia", "talks in Riyadh") can
  be one meeting; the more specific place names it.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..actors.index import ActorIndex
from ..text.gazetteer import Gazetteer, _rows, _split, load_gazetteer, norm

# rooms and wings named as meeting places, and the building they belong to (general knowledge)
BUILDING_OF = {"oval office": "White House", "cabinet room": "White House", "east room": "White House",
               "roosevelt room": "White House", "rose garden": "White House", "west wing": "White House",
               "situation room": "White House", "state dining room": "White House",
               "st george's hall": "Kremlin", "st catherine's hall": "Kremlin"}
DIRECTION_WORDS = frozenset("""north south east west northern southern eastern western central northeast
northwest southeast southwest northeastern northwestern southeastern southwestern""".split())
KEY = "kg.meeting_places"
TOKENS = "kg.meeting_tokens"


def doc_tokens(doc: Doc) -> list[Token]:
    """The doc's tokens as one list, made once (every pass over the doc would make them anew)."""
    if TOKENS not in doc.user_data:
        doc.user_data[TOKENS] = list(doc)
    return doc.user_data[TOKENS]


@lru_cache(maxsize=1)
def venue_names() -> dict[str, str]:
    """Venue alias (normalised) -> the venue's canonical name (data/gazetteer/venues.tsv)."""
    return {norm(a): name for name, aliases, _, _ in _rows("venues.tsv") for a in [name, *_split(aliases)]}


def _venue_name(t: Token) -> str | None:
    """The canonical name of the venue token ``t`` belongs to."""
    names = venue_names()
    if t.ent_id_ and ":" in t.ent_id_:
        key = norm(t.ent_id_.split(":", 1)[1])
        if key in names:
            return names[key]
    if not t.ent_type_:
        return None
    first, last = t, t
    while first.i > 0 and first.ent_iob_ == "I":
        first = t.doc[first.i - 1]
    while last.i + 1 < len(t.doc) and t.doc[last.i + 1].ent_iob_ == "I":
        last = t.doc[last.i + 1]
    return names.get(norm(t.doc[first.i:last.i + 1].text))


def venue_label(name: str, city: str) -> str:
    """ "White House, Washington"; "Oval Office, White House, Washington"."""
    parts = [name]
    building = BUILDING_OF.get(norm(name))
    if building and norm(building) != norm(city):
        parts.append(building)
    if norm(city) != norm(name):
        parts.append(city)
    return ", ".join(parts)


def _located(doc: Doc, idx: ActorIndex, g: Gazetteer) -> tuple[dict[int, str], dict[str, str]]:
    """Places named by apposition: token i -> place label for places the index did not know, and
    place label -> the place containing it."""
    tokens: dict[int, str] = {}
    within: dict[str, str] = {}
    for t in doc_tokens(doc):
        if t.text != "," or t.i == 0 or t.i + 1 >= len(doc):
            continue
        j = t.i + 1
        while j < len(doc) and doc[j].lower_ in DIRECTION_WORDS:
            j += 1
        outer = idx.token_place.get(j) if j < len(doc) else None
        if outer is None:
            continue
        prev = doc[t.i - 1]
        inner = idx.token_place.get(prev.i)
        if inner is None and prev.pos_ == "PROPN" and prev.is_title:
            first = prev
            while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].is_title \
                    and first.i - 1 not in idx.token_place:
                first = doc[first.i - 1]
            before = doc[first.i - 1] if first.i > 0 else None
            name = doc[first.i:prev.i + 1].text
            if before is None or before.lower_ not in ("in", "at", "from", "to", "near"):
                continue
            if norm(name) in g.persons or idx.kind(idx.token_actor.get(prev.i, "")) == "Country":
                continue
            inner = name
            for k in range(first.i, prev.i + 1):
                tokens[k] = name
        if inner and inner != outer:
            within.setdefault(inner, outer)
    return tokens, within


def local_places(doc: Doc, idx: ActorIndex) -> tuple[dict[int, str], dict[str, str]]:
    """The article's apposition places, computed once per doc."""
    if KEY not in doc.user_data:
        doc.user_data[KEY] = _located(doc, idx, load_gazetteer())
    return doc.user_data[KEY]


def place_label(t: Token, idx: ActorIndex) -> str | None:
    """The meeting-place label of token ``t``: a known place, a venue with its city, or a place the
    article locates by apposition."""
    if t.i in idx.venues:
        name = _venue_name(t)
        return venue_label(name, idx.venues[t.i]) if name else idx.venues[t.i]
    label = idx.token_place.get(t.i)
    if label:
        return label
    return local_places(t.doc, idx)[0].get(t.i)


def container(place: str, g: Gazetteer, within: dict[str, str]) -> str | None:
    """The place directly containing ``place`` (None when unknown)."""
    parts = place.split(", ")
    if len(parts) > 1:
        return ", ".join(parts[1:])
    key = norm(place)
    return within.get(place) or g.place_country.get(place) or g.capitals.get(key) or \
        g.place_country.get(g.places.get(key, "")) or None


def chain(place: str, g: Gazetteer, within: dict[str, str] | None = None) -> list[str]:
    """``place`` and every place containing it, innermost first, each as a bare name."""
    out: list[str] = []
    cur: str | None = place
    while cur and len(out) < 6:
        head = cur.split(", ")[0]
        if norm(head) in {norm(x) for x in out}:
            break
        out.append(head)
        cur = container(cur, g, within or {})
    return out


def compatible(a: str | None, b: str | None, g: Gazetteer, within: dict[str, str] | None = None) -> bool:
    """One place lies within the other (or they are the same); an unknown place agrees with any."""
    if not a or not b:
        return True
    ca, cb = {norm(x) for x in chain(a, g, within)}, {norm(x) for x in chain(b, g, within)}
    return norm(a.split(", ")[0]) in cb or norm(b.split(", ")[0]) in ca


def inner(a: str | None, b: str | None, g: Gazetteer, within: dict[str, str] | None = None) -> str | None:
    """The more specific of two compatible places."""
    if not a or not b:
        return a or b
    return a if len(chain(a, g, within)) >= len(chain(b, g, within)) else b
