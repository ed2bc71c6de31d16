"""The SPARQL 1.1 Service Description of the endpoint (https://www.w3.org/TR/sparql11-service-description/).

Answered at ``GET /sparql`` without a query. Besides the standard terms it states the server's limits
(``kgserve:queryTimeLimit`` in seconds, ``kgserve:resultLimit`` in results) so a client can read them;
those two terms are the server's, not the ontology's.
"""
from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from ..graph.namespaces import bind_prefixes

SERVE = Namespace("https://w3id.org/parley/serve#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML")


def service_description(endpoint: str, graphs: list[str], *, timeout: float, max_results: int | None) -> Graph:
    """The description of the endpoint at ``endpoint`` over a store holding the named ``graphs``."""
    g = Graph()
    bind_prefixes(g)
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    g.bind("kgserve", SERVE)
    service = URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for fmt in RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS[fmt]))
    # the default graph is the (deduplicated) union of the article graphs
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    g.add((service, SERVE.queryTimeLimit, Literal(timeout, datatype=XSD.decimal)))
    if max_results is not None:
        g.add((service, SERVE.resultLimit, Literal(max_results)))
    dataset, default = BNode(), BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    for name in graphs:
        named = BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
    return g
