"""Where a meeting took place when the sentence names a building or nothing at all.

A venue ("at the White House", "in the Kremlin", "in the Oval Office") stands for its city: the
meeting's kg:location is the city, so that reports of one meeting agree whether they name the
building or the city (``data/gazetteer/venues.tsv``). A dateline ("GENEVA —", "SHARM EL-SHEIKH,
Egypt —") names the place of the article's main event.
"""
from __future__ import annotations

import re
from spacy.tokens import Doc

from .gazetteer import Gazetteer, norm

# upper-case place words, an optional ", Region", then a dash: "WASHINGTON —", "SHARM EL-SHEIKH, Egypt —"
DATELINE = re.compile(r"(?:^|\s)(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:, [A-Z][\w.' -]{1,30}?)?"
                      r"\s+(?:—|–|--|-)\s")


def venue_city(text: str, g: Gazetteer) -> str | None:
    """The city of a known venue named by ``text``, else None."""
    return g.venues.get(norm(text)) or None


def dateline(doc: Doc, g: Gazetteer) -> str | None:
    """The place of the article's dateline, if its first lines have one ("MOSCOW —")."""
    m = DATELINE.search(doc.text[:600])
    if m is None or len(m.group("place").replace(" ", "")) < 3:
        return None
    key = norm(m.group("place"))
    if key in g.countries or key in g.orgs or key in g.outlets:
        return None  # "US —", "UN —": not a city
    return g.places.get(key) or g.capital_labels.get(key) or m.group("place").title()
