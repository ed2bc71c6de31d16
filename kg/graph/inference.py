"""Inferred types, materialised so that queries can use them without a reasoner.

``kg:Person rdfs:subClassOf kg:Actor, prov:Person`` in the ontology means every person is also an
actor and a PROV agent. Queries should be able to ask ``?x a kg:Actor`` or ``?x a prov:Agent``.
After each build the store gets two derived graphs: the ontology's statements about named terms
(so queries can read its labels and walk ``rdfs:subClassOf``) and the types entailed by ``rdfs:subClassOf`` for every typed
node. A build recomputes the inferred types only of the nodes typed in the article graphs it wrote
or removed (reading their types from every article graph), so adding one article to a large store
costs in proportion to that article; the first build, and a rerun after an interrupted one,
recompute both graphs from scratch. Either way they match the articles in the store.
"""
from __future__ import annotations

import hashlib
from functools import cache

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, RDFS

from ..resources import resource
from .namespaces import KGID

ONTOLOGY_PATH = resource("ontology") / "parley.ttl"
ONTOLOGY_GRAPH = KGID["derived/ontology"]
INFERRED_GRAPH = KGID["derived/inferred-types"]
DERIVED_GRAPHS = (ONTOLOGY_GRAPH, INFERRED_GRAPH)
DERIVED_STATE = str(KGID["derived"])  # the subject of the derived graphs' bookkeeping values
ARTICLE_PREFIX = str(KGID["graph/"])
RDF_TYPE = ox.NamedNode(str(RDF.type))


def has_superclasses(cls) -> bool:
    """Whether instances of ``cls`` (a pyoxigraph IRI) get inferred types."""
    return cls in _ox_superclasses()


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


@cache
def _ontology_triples() -> tuple[list, str]:
    # the named terms only: axioms on blank nodes (owl:AllDifferent lists) are for reasoners, and
    # blank nodes would make two builds of the same articles differ
    triples = sorted(t for t in ontology() if not any(isinstance(x, BNode) for x in t))
    digest = hashlib.sha256("\n".join(" ".join(x.n3() for x in t) for t in triples).encode("utf-8")).hexdigest()
    return triples, digest


@cache
def _ox_ontology_triples() -> list:
    from ..store.oxigraph import to_ox

    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in _ontology_triples()[0]]


@cache
def _ox_superclasses() -> dict:
    return {ox.NamedNode(str(c)): tuple(ox.NamedNode(str(s)) for s in sorted(sups))
            for c, sups in superclasses().items()}


def refresh_derived(store, *, nodes: set | None = None) -> int:
    """Bring the ontology and inferred-types graphs of ``store`` up to date.

    nodes (set | None): pyoxigraph nodes whose types may have changed (:func:`typed_nodes` of
        each graph written or removed, before and after); None recomputes both graphs whole.
    RETURNS (int): inferred triples written (all of them, or those added for ``nodes``).
    """
    triples, digest = _ontology_triples()
    embedded = isinstance(getattr(store, "store", None), ox.Store)
    if nodes is None or not embedded or store.get_state(DERIVED_STATE, "ontology") != digest:
        if embedded:  # the terms converted once per process, not at every build
            store.replace_graphs([(ONTOLOGY_GRAPH, _ox_ontology_triples())])
        else:
            store.replace_graph(ONTOLOGY_GRAPH, triples)
        store.set_state(DERIVED_STATE, "ontology", digest)
        nodes = None
    if nodes is None and embedded:  # read the types straight from Oxigraph, no SPARQL, no rdflib terms
        supers, asserted = _ox_superclasses(), {}
        for q in store.store.quads_for_pattern(None, RDF_TYPE, None):
            if type(q.graph_name) is ox.NamedNode and q.graph_name.value.startswith(ARTICLE_PREFIX):
                asserted.setdefault(q.subject, set()).add(q.object)
        inferred = [ox.Triple(node, RDF_TYPE, sup) for node, classes in asserted.items()
                    for sup in {s for c in classes for s in supers.get(c, ())} - classes]
        store.replace_graphs([(INFERRED_GRAPH, inferred)])
        return len(inferred)
    if nodes is None or not embedded:
        articles = set(store.named_graphs())  # not the derived graphs themselves
        typed = list({(r["node"], r["cls"]) for r in store.rows(
            "SELECT DISTINCT ?node ?cls ?g WHERE { GRAPH ?g { ?node a ?cls } }") if r["g"] in articles})
        inferred = inferred_type_triples(typed)
        store.replace_graph(INFERRED_GRAPH, inferred)
        return len(inferred)
    raw, supers = store.store, _ox_superclasses()
    inferred_graph = ox.NamedNode(str(INFERRED_GRAPH))
    add, remove = [], []
    def stated(node, cls) -> bool:  # by some article graph (stops at the first)
        return any(type(q.graph_name) is ox.NamedNode and q.graph_name.value.startswith(ARTICLE_PREFIX)
                   for q in raw.quads_for_pattern(node, RDF_TYPE, cls))

    for node in sorted(nodes, key=str):
        # the node's classes in the union: those the inferred graph does not hold are stated by
        # an article graph (the union is the union of the graphs; the ontology types no article
        # node); one the inferred graph holds is asked whether an article states it too. A node
        # typed in a thousand articles costs a few lookups, not a thousand quads
        have = {q.object for q in raw.quads_for_pattern(node, RDF_TYPE, None, inferred_graph)}
        union = {q.object for q in raw.quads_for_pattern(node, RDF_TYPE, None, ox.DefaultGraph())}
        asserted = {c for c in union if c not in have or stated(node, c)}
        want = {sup for cls in asserted for sup in supers.get(cls, ())} - asserted
        add += [ox.Triple(node, RDF_TYPE, c) for c in want - have]
        remove += [ox.Triple(node, RDF_TYPE, c) for c in have - want]
    if add or remove:
        store.patch_graph(INFERRED_GRAPH, add=add, remove=remove)
    return len(add)


def typed_nodes(store, graph) -> set:
    """The nodes that named graph ``graph`` of ``store`` types with a class that has superclasses
    (only those can have inferred types), as pyoxigraph terms; empty for a store other than the
    embedded one, whose derived graphs are recomputed whole."""
    raw = getattr(store, "store", None)
    if not isinstance(raw, ox.Store):
        return set()
    supers = _ox_superclasses()
    return {q.subject for q in raw.quads_for_pattern(None, RDF_TYPE, None, ox.NamedNode(str(graph)))
            if q.object in supers}
