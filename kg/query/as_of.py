"""As of a date: only what articles published by then reported.

Each article's statements are a named graph of their own, so "what did we know on 1 December?" is a
choice of graphs, not a copy of the store: the article graphs whose article's ``schema:datePublished``
is on or before the date, plus the ontology's terms. An article without a publication date is left
out (nobody can say it was known by then). The store-wide inferred types (``kg:Actor`` for every
``kg:Person``) are left out too, because they cover later articles' entities: as of a date, types are
those the articles state. The chosen graphs are merged as Oxigraph merges them, as a multiset: a
triple stated by two articles matches twice, so count with DISTINCT.
"""
from __future__ import annotations

import re
from datetime import date

from rdflib import URIRef

from ..errors import BadParameter, Errors
from ..graph.inference import ONTOLOGY_GRAPH

_PUBLISHED = """
SELECT ?g ?published WHERE {
  GRAPH ?g { ?g prov:wasDerivedFrom ?article . ?article schema:datePublished ?published }
}"""
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str | date) -> date:
    """``"2025-12-01"`` (or a ``date``) -> ``date``; raises BadParameter (E510) otherwise."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if not _DATE.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise BadParameter(Errors.E510.format(value=value)) from None


def graphs_as_of(store, day: str | date) -> list[URIRef]:
    """The graphs that make up the store as of ``day``: article graphs published by then, and the ontology.

    store (GraphStore): the store.
    day (str | date): the date, inclusive (``YYYY-MM-DD``).
    Returns the graph IRIs, article graphs sorted, the ontology graph last.
    """
    limit = parse_date(day).isoformat()
    chosen = set()
    for row in store.rows(_PUBLISHED):
        if str(row["published"])[:10] <= limit:  # xsd:date or xsd:dateTime: the day is the first ten characters
            chosen.add(row["g"])
    graphs = sorted(chosen)
    if ONTOLOGY_GRAPH in store.all_graphs():
        graphs.append(ONTOLOGY_GRAPH)
    return graphs
