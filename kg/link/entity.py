"""What the linker knows about one Wikidata item, and which ontology kind it can stand for.

A Wikidata item's type is read from ``wdt:P31`` (instance of), followed up to two ``wdt:P279``
(subclass of) steps to one of the class roots below. An item whose classes reach none of them
has no kind, and an item without a kind is never linked: a missing link is acceptable, a wrong one
is not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

WD = "http://www.wikidata.org/entity/"
QID = re.compile(r"^Q[1-9][0-9]*$")

# Wikidata class roots -> our ontology kind (kg:Person, kg:Country, kg:Place, kg:Organization).
CLASS_KIND: dict[str, str] = {
    "Q5": "Person",  # human
    "Q6256": "Country",  # country
    "Q3624078": "Country",  # sovereign state
    "Q515": "Place",  # city
    "Q1549591": "Place",  # big city
    "Q5119": "Place",  # capital city
    "Q35657": "Place",  # state of the United States
    "Q56061": "Place",  # administrative territorial entity
    "Q82794": "Place",  # geographic region
    "Q43229": "Organization",  # organization
    "Q7188": "Organization",  # government
    "Q327333": "Organization",  # government agency
    "Q484652": "Organization",  # international organization
    "Q1656682": "Event",  # event
}
# An item reaching several roots takes the first kind in this order (a country is also an
# administrative territorial entity; a human is never anything else).
KIND_ORDER = ("Person", "Country", "Place", "Organization", "Event")

# Which item kinds may stand for an actor or place of each ontology kind. Delegations and anonymous
# sources have no Wikidata item of their own.
COMPATIBLE: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Organization": frozenset({"Organization"}),
    "Country": frozenset({"Country"}),
    "Place": frozenset({"Place", "Country"}),
    "Event": frozenset({"Event"}),
    "Delegation": frozenset(),
    "AnonymousSource": frozenset(),
}
KINDS = tuple(COMPATIBLE)


def kind_of_classes(classes: set[str] | frozenset[str] | tuple[str, ...]) -> str | None:
    """The ontology kind of an item whose ``P31``/``P279`` classes reach ``classes`` (QIDs)."""
    kinds = {CLASS_KIND[c] for c in classes if c in CLASS_KIND}
    return next((k for k in KIND_ORDER if k in kinds), None)


def compatible(expected: str | None, kind: str | None) -> bool:
    """Whether an item of ``kind`` may stand for something of ``expected`` kind.

    expected (str | None): the ontology kind of the mention; None means "no expectation", which
        still refuses an item of unknown kind.
    kind (str | None): the item's kind.
    """
    if kind is None:
        return False
    if expected is None:
        return True
    return kind in COMPATIBLE.get(expected, frozenset())


@dataclass(frozen=True)
class Position:
    """One ``P39`` (position held) statement: the office, with ``P580``/``P582`` start and end."""

    label: str
    qid: str | None = None
    start: str | None = None  # ISO date (YYYY-MM-DD) or None
    end: str | None = None


@dataclass
class Entity:
    """A Wikidata item as the linker sees it.

    ``aliases`` are the curated spellings of the verified list (trusted for exact matching);
    ``wd_aliases`` are the English ``skos:altLabel`` values read from Wikidata.
    """

    qid: str
    label: str
    kind: str | None
    aliases: tuple[str, ...] = ()
    wd_aliases: tuple[str, ...] = ()
    description: str = ""
    classes: tuple[str, ...] = ()  # class roots reached (QIDs)
    positions: tuple[Position, ...] = ()
    country: str | None = None  # English label of P27 (citizenship) or P17 (country)
    verified: bool = False  # from the verified QID list
    retrieved: str | None = None  # ISO date of the last refresh from the endpoint

    @property
    def iri(self) -> str:
        return WD + self.qid
