"""Inferred types, materialised so that queries can use them without a reasoner.

``kg:Person rdfs:subClassOf kg:Actor, prov:Person`` in the ontology means every person is also an
actor and a PROV agent. Queries should be able to ask ``?x a kg:Actor`` or ``?x a prov:Agent``.
After each build the store gets two derived graphs: the ontology's statements about named terms
(so queries can read its labels and walk ``rdfs:subClassOf``) and the types entailed by ``rdfs:subClassOf`` for every typed
node. They are recomputed from scratch, so they always match the articles in the store.
"""
from __future__ import annotations

from functools import cache

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, RDFS

from ..resources import resource
from .namespaces import KGID

ONTOLOGY_PATH = resource("ontology") / "parley.ttl"
ONTOLOGY_GRAPH = KGID["derived/ontology"]
INFERRED_GRAPH = KGID["derived/inferred-types"]
DERIVED_GRAPHS = (ONTOLOGY_GRAPH, INFERRED_GRAPH)


@cache
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@cache
def superclasses() -> dict[URIRef, frozenset[URIRef]]:
    """Each named class of the ontology -> all its named superclasses (transitively)."""
    onto = ontology()
    out: dict[URIRef, frozenset[URIRef]] = {}
    for cls in {c for c in onto.subjects(RDFS.subClassOf, None) if isinstance(c, URIRef)}:
        supers = {s for s in onto.transitive_objects(cls, RDFS.subClassOf) if isinstance(s, URIRef)}
        out[cls] = frozenset(supers - {cls})
    return out


def inferred_type_triples(typed: list[tuple[URIRef, URIRef]]) -> set[tuple[URIRef, URIRef, URIRef]]:
    """The rdf:type triples entailed by rdfs:subClassOf and not already asserted.

    typed (list): (node, class) pairs asserted in the store.
    RETURNS (set): (node, rdf:type, superclass) triples.
    """
    supers = superclasses()
    asserted = set(typed)
    return {(node, RDF.type, sup) for node, cls in typed for sup in supers.get(cls, ())
            if (node, sup) not in asserted}


def refresh_derived(store) -> int:
    """Recompute the ontology and inferred-types graphs of ``store``; returns inferred triples."""
    # the named terms only: axioms on blank nodes (owl:AllDifferent lists) are for reasoners, and
    # blank nodes would make two builds of the same articles differ
    store.replace_graph(ONTOLOGY_GRAPH, [t for t in ontology() if not any(isinstance(x, BNode) for x in t)])
    articles = set(store.named_graphs())  # not the derived graphs themselves
    typed = list({(r["node"], r["cls"]) for r in store.rows(
        "SELECT DISTINCT ?node ?cls ?g WHERE { GRAPH ?g { ?node a ?cls } }") if r["g"] in articles})
    triples = inferred_type_triples(typed)
    store.replace_graph(INFERRED_GRAPH, triples)
    return len(triples)
