"""HTTP content negotiation: the client's Accept header -> one of our format names.

SPARQL 1.1 Protocol section 2.1: results in SPARQL JSON, XML, CSV, TSV for SELECT and ASK; an RDF
syntax for CONSTRUCT and DESCRIBE. Common aliases are understood (SPARQLWrapper asks for JSON as
``application/sparql-results+json,application/json,text/javascript,application/javascript``).
"""
from __future__ import annotations

from ..query.run import GRAPH_FORMATS, GRAPH_FORMS, RESULT_FORMATS

# format name -> the media types that select it, the canonical one first
RESULT_TYPES = {
    "json": ["application/sparql-results+json", "application/json", "text/javascript", "application/javascript"],
    "xml": ["application/sparql-results+xml", "application/xml", "text/xml"],
    "csv": ["text/csv"],
    "tsv": ["text/tab-separated-values"],
}
GRAPH_TYPES = {
    "turtle": ["text/turtle", "application/x-turtle", "text/n3", "text/rdf+n3"],
    "nt": ["application/n-triples", "text/plain"],
    "jsonld": ["application/ld+json", "application/json"],
    "rdfxml": ["application/rdf+xml", "application/xml", "text/xml"],
}
assert set(RESULT_TYPES) == set(RESULT_FORMATS) and set(GRAPH_TYPES) == set(GRAPH_FORMATS)


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``"text/csv;q=0.5, */*;q=0.1"`` -> ``[("text/csv", 0.5), ("*/*", 0.1)]`` in header order."""
    out = []
    for part in (header or "*/*").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q))
    return out or [("*/*", 1.0)]


def choose(accept: str | None, form: str) -> str | None:
    """The format to answer a ``form`` query with, or None when nothing acceptable is offered (406)."""
    offers = GRAPH_TYPES if form in GRAPH_FORMS else RESULT_TYPES
    best, best_q = None, 0.0
    for position, (media, q) in enumerate(parse_accept(accept)):
        if q <= best_q:
            continue
        for name, types in offers.items():
            major = types[0].split("/")[0]
            if media in types or media == "*/*" or media == f"{major}/*":
                best, best_q = name, q
                break
    return best


def media_type(fmt: str) -> str:
    """The Content-Type of a format name, with the charset for text types."""
    types = {**RESULT_TYPES, **GRAPH_TYPES}[fmt]
    return types[0] + "; charset=utf-8"


def offered(form: str) -> str:
    offers = GRAPH_TYPES if form in GRAPH_FORMS else RESULT_TYPES
    return ", ".join(types[0] for types in offers.values())
