"""The namespaces of the graph: our ontology, our resources, and the standards we reuse."""
from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/parley/ontology#")
KGID = Namespace("https://w3id.org/parley/id/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

PREFIXES = {
    "kg": KG, "kgid": KGID, "prov": PROV, "schema": SCHEMA, "oa": OA, "wd": WD, "wdt": WDT,
    "skos": SKOS, "rdfs": RDFS, "rdf": RDF, "owl": OWL, "xsd": XSD,
}


def bind_prefixes(graph) -> None:
    """Bind our prefixes on an rdflib Graph or Dataset so that Turtle/TriG output is readable."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
