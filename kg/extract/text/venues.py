"""Where a meeting took place when the sentence names a building or nothing at all.

A venue ("at the White House", "in the Kremlin", "in the Oval Office") stands for its city: the
meeting's kg:location is the city, so that reports of one meeting agree whether they name the
building or the city (``data/gazetteer/venues.tsv``). A dateline names the place of the article's
main event: "GENEVA —", "SHARM EL-SHEIKH, Egypt —", and the colon form many outlets use at the
start of a paragraph, "THE HAGUE:" or "New Delhi:" (a known place only: "UPDATE:" or "Photo:" is none).
"""
from __future__ import annotations

import re
from spacy.tokens import Doc

from .doctext import doc_text
from .gazetteer import Gazetteer, norm

# upper-case place words, an optional ", Region", an optional agency credit, then a dash: "WASHINGTON —",
# "SHARM EL-SHEIKH, Egypt —", "MOSCOW (Reuters) -"
DATELINE = re.compile(r"(?:^|\s)(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:, [A-Z][\w.' -]{1,30}?)?"
                      r"(?:\s+\([A-Z][\w.&' ]{1,20}\))?\s+(?:—|–|--|-)\s")
# a paragraph opening with a place and a colon: "THE HAGUE: With ...", "New Delhi: Opening ..."
COLON_DATELINE = re.compile(r"(?m)^[ \t]*(?P<place>[A-Z][\w'.\-]+(?: [A-Z][\w'.\-]+){0,3})(?:, [A-Z][\w.' -]{1,30}?)?"
                            r":[ \t]+(?=[A-Z\"“'‘])")
HEAD_CHARS = 600  # datelines sit in the first lines
COLON_HEAD_CHARS = 1200  # the colon form may follow a headline, a standfirst and a photo caption


def venue_city(text: str, g: Gazetteer) -> str | None:
    """The city of a known venue named by ``text``, else None."""
    return g.venues.get(norm(text)) or None


def _known_place(text: str, g: Gazetteer) -> str | None:
    key = norm(text)
    if key in g.countries or key in g.orgs or key in g.outlets:
        return None  # "US —", "UN —": not a city
    return g.places.get(key) or g.capital_labels.get(key)


def dateline(doc: Doc, g: Gazetteer) -> str | None:
    """The place of the article's dateline, if its first lines have one ("MOSCOW —", "THE HAGUE:")."""
    m = DATELINE.search(doc_text(doc)[:HEAD_CHARS])
    if m is not None and len(m.group("place").replace(" ", "")) >= 3:
        key = norm(m.group("place"))
        if not (key in g.countries or key in g.orgs or key in g.outlets):
            return _known_place(m.group("place"), g) or m.group("place").title()
    for m in COLON_DATELINE.finditer(doc_text(doc)[:COLON_HEAD_CHARS]):
        found = _known_place(m.group("place"), g)
        if found:
            return found
    return None
