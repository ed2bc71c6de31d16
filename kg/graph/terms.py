"""The pyoxigraph terms an article graph is built from: namespace IRIs made once, literals made
without rdflib for the common types, and the insertion-ordered triple set (kg.graph.triples)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from .namespaces import KG, OA, SCHEMA, WD


class _Terms:
    """A namespace whose terms are pyoxigraph IRIs, each made once (then a plain attribute)."""

    def __init__(self, namespace) -> None:
        self._ns = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = ox.NamedNode(str(self._ns[name]))
        setattr(self, name, node)
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        return getattr(self, name)


_KG, _OA, _SCHEMA, _WD = _Terms(KG), _Terms(OA), _Terms(SCHEMA), _Terms(WD)
_RDF, _RDFS, _SKOS, _PROV = _Terms(RDF), _Terms(RDFS), _Terms(SKOS), _Terms(PROV)
_RDFS_LABEL = _RDFS.label
_XSD = {name: ox.NamedNode(str(XSD[name])) for name in ("integer", "boolean", "date")}
_DECIMALS: dict = {}


def _lit(value, datatype=None) -> ox.Literal:
    """The pyoxigraph literal that ``rdflib.Literal(value, datatype=datatype)`` stands for (the
    same lexical form and datatype), made without rdflib for the types a graph holds most."""
    kind = type(value)
    if kind is str:
        return ox.Literal(value) if datatype is None else ox.Literal(value, datatype=ox.NamedNode(str(datatype)))
    if datatype is None:
        if kind is bool:
            return ox.Literal("true" if value else "false", datatype=_XSD["boolean"])
        if kind is int:
            return ox.Literal(str(value), datatype=_XSD["integer"])
        if kind is date:
            return ox.Literal(value.isoformat(), datatype=_XSD["date"])
    key = (str(value), datatype)  # Decimal('0.9') == Decimal('0.90'), but not as written
    found = _DECIMALS.get(key) if kind is Decimal else None
    if found is None:
        r = Literal(value, datatype=datatype)
        found = (ox.Literal(str(r), language=r.language) if r.language else
                 ox.Literal(str(r), datatype=ox.NamedNode(str(r.datatype))) if r.datatype else ox.Literal(str(r)))
        if kind is Decimal and len(_DECIMALS) < 10_000:
            _DECIMALS[key] = found
    return found


def _conf(value: float) -> Literal:
    return _lit(Decimal(str(round(value, 2))), datatype=XSD.decimal)


class TripleSet(dict):
    """An insertion-ordered set of triples as pyoxigraph terms, and the rdfs:label of each node.

    Built straight as pyoxigraph terms: an rdflib Graph indexes every triple three ways as it is
    added and rdflib terms are slow to make and compare, which cost more than the rest of building
    an article's graph. ``add`` takes nodes as rdflib IRIs (what kg.graph.iri mints) or pyoxigraph
    terms."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict = {}  # node -> its rdfs:label literals
        self.nodes: dict = {}  # rdflib IRI -> its pyoxigraph IRI: a node recurs in many triples

    def node(self, iri) -> ox.NamedNode:
        found = self.nodes.get(iri)
        if found is None:
            found = self.nodes[iri] = ox.NamedNode(iri)
        return found

    def add(self, triple: tuple) -> None:
        s, p, o = triple
        if type(s) is not ox.NamedNode:
            s = self.nodes.get(s) or self.node(s)
        if type(o) is URIRef:
            o = self.nodes.get(o) or self.node(o)
        self[ox.Triple(s, p, o)] = None
        if p is _RDFS_LABEL:  # every label comes through _RDFS.label, one object (cheaper than ==)
            self.labels.setdefault(s, set()).add(o)
