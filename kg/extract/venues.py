"""Where a meeting took place when the sentence names a building or nothing at all.

A venue ("at the White House", "in the Kremlin", "in the Oval Office") stands for its city: the
meeting's kg:location is the city, so that reports of one meeting agree whether they name the
building or the city (``data/gazetteer/venues.tsv``). A dateline ("GENEVA —", "SHARM EL-SHEIKH,
Egypt —") names the place of the article's main event.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .gazetteer import Gazetteer, norm

if TYPE_CHECKING:
    from .actors import ActorIndex

# upper-case place words, an optional ", Region", then a dash: "WASHINGTON —", "SHARM EL-SHEIKH, Egypt —"
DATELINE = re.compile(r"(?:^|\s)(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:, [A-Z][\w.' -]{1,30}?)?"
                      r"\s+(?:—|–|--|-)\s")
LOCATIVE = frozenset("in at inside outside to".split())


def venue_city(text: str, g: Gazetteer) -> str | None:
    """The city of a known venue named by ``text``, else None."""
    return g.venues.get(norm(text)) or None


def mark_venues(doc: Doc, idx: "ActorIndex", g: Gazetteer) -> None:
    """Record venue tokens (token i -> city) and drop a venue as an actor when it is only a place.

    "in the Kremlin" is where a meeting happened; "the Kremlin said" is an actor. A venue organisation
    whose every mention is the object of a locative preposition is not an actor of the article.
    """
    for ent in doc.ents:
        kind, _, name = ent.ent_id_.partition(":")
        city = venue_city(name if kind in ("org", "venue") else ent.text, g)
        if city:
            idx.venues.update({t.i: city for t in ent})
    for name, actor in list(idx.actors.items()):
        if actor.kind != "Organization" or not venue_city(name, g):
            continue
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions]
        if spans and all(sp is not None and _locative(sp.root) for sp in spans):
            del idx.actors[name]
            for i in [i for i, n in idx.token_actor.items() if n == name]:
                del idx.token_actor[i]


def _locative(root) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def dateline(doc: Doc, g: Gazetteer) -> str | None:
    """The place of the article's dateline, if its first lines have one ("MOSCOW —")."""
    m = DATELINE.search(doc.text[:600])
    if m is None or len(m.group("place").replace(" ", "")) < 3:
        return None
    key = norm(m.group("place"))
    if key in g.countries or key in g.orgs or key in g.outlets:
        return None  # "US —", "UN —": not a city
    return g.places.get(key) or g.capital_labels.get(key) or m.group("place").title()
