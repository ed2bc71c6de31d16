"""Content negotiation: Accept headers real clients send -> the format answered."""
from __future__ import annotations

import pytest

from kg.serve.negotiate import choose, parse_accept

SPARQLWRAPPER_JSON = "application/sparql-results+json,application/json,text/javascript,application/javascript"


@pytest.mark.parametrize("accept, form, fmt", [
    (None, "SELECT", "json"), ("*/*", "CONSTRUCT", "turtle"),
    (SPARQLWRAPPER_JSON, "SELECT", "json"), ("application/sparql-results+xml", "ASK", "xml"),
    ("text/csv", "SELECT", "csv"), ("text/tab-separated-values", "SELECT", "tsv"),
    ("application/rdf+xml", "CONSTRUCT", "rdfxml"), ("application/xml", "DESCRIBE", "rdfxml"),
    ("application/xml", "SELECT", "xml"), ("application/ld+json", "CONSTRUCT", "jsonld"),
    ("text/n3", "CONSTRUCT", "turtle"), ("application/n-triples", "CONSTRUCT", "nt"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "SELECT", "xml"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "SELECT", "json"),
    ("image/png", "SELECT", None), ("text/csv", "CONSTRUCT", None), ("text/csv;q=0", "SELECT", None),
])
def test_negotiate_choose(accept, form, fmt):
    assert choose(accept, form) == fmt


def test_negotiate_parse_accept_keeps_order_and_weights():
    assert parse_accept("text/csv;q=0.5, */*;q=0.1,text/turtle") == [
        ("text/csv", 0.5), ("*/*", 0.1), ("text/turtle", 1.0)]
