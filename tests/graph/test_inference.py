"""Inferred types: what rdfs:subClassOf entails is stored, so queries need no reasoner."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.graph.inference import INFERRED_GRAPH, ONTOLOGY_GRAPH, inferred_type_triples, refresh_derived
from kg.graph.namespaces import KG, KGID, SCHEMA
from kg.store import GraphStore

PUTIN = KGID["person/vladimir-putin"]
DELEGATION = KGID["delegation/ukrainian-delegation"]


def test_inferred_type_triples_follow_subclass_chains():
    found = inferred_type_triples([(PUTIN, KG.Person)])
    assert {(PUTIN, RDF.type, KG.Actor), (PUTIN, RDF.type, PROV.Agent), (PUTIN, RDF.type, PROV.Person)} <= found
    assert (PUTIN, RDF.type, KG.Person) not in found  # asserted, not inferred


def test_inferred_type_triples_of_a_delegation_include_organization():
    assert (DELEGATION, RDF.type, KG.Organization) in inferred_type_triples([(DELEGATION, KG.Delegation)])


def test_refresh_derived_lets_queries_ask_for_superclasses():
    store = GraphStore(None)
    store.replace_graph(KGID["graph/0123456789abcdef"], [(PUTIN, RDF.type, KG.Person),
                                                          (PUTIN, RDFS.label, Literal("Vladimir Putin"))])
    refresh_derived(store)
    actors = {r["x"] for r in store.rows("SELECT ?x WHERE { ?x a kg:Actor }")}
    assert actors == {PUTIN}
    assert {str(r["l"]) for r in store.rows("SELECT ?l ?g WHERE { GRAPH ?g { kg:Held rdfs:label ?l } }",
                                             {"g": ONTOLOGY_GRAPH})}
    # derived graphs are not article graphs: validation and provenance queries skip them
    assert store.named_graphs() == [KGID["graph/0123456789abcdef"]]
    assert set(store.all_graphs()) >= {INFERRED_GRAPH, ONTOLOGY_GRAPH}


def test_refresh_derived_drops_types_of_removed_articles():
    store = GraphStore(None)
    g = KGID["graph/0123456789abcdef"]
    store.replace_graph(g, [(PUTIN, RDF.type, KG.Person)])
    refresh_derived(store)
    store.remove_graph(g)
    refresh_derived(store)
    assert not list(store.rows("SELECT ?x WHERE { ?x a kg:Actor }"))
    assert isinstance(SCHEMA.Person, URIRef)
