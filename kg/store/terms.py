"""Terms at the boundary between rdflib and Oxigraph, and literals as Oxigraph stores them."""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: Node):
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_ox(term) -> Node:
    """pyoxigraph term -> rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:  # RDF 1.1: a simple literal is an xsd:string
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r}")


# datatypes whose lexical form, as Parley writes it, is already Oxigraph's canonical one
_CANONICAL_AS_IS = frozenset({XSD_STRING, "http://www.w3.org/2001/XMLSchema#anyURI"})
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_INTEGER_TYPE = "http://www.w3.org/2001/XMLSchema#integer"
_CANONICAL: dict = {}  # (lexical form, datatype) -> the literal as Oxigraph stores it
_CANONICAL_MAX = 100_000


def canonical(term):
    """A pyoxigraph term as Oxigraph will store it: it canonicalises typed literals
    ("600000.0"^^xsd:decimal becomes "600000", xsd:nonNegativeInteger becomes xsd:integer), so
    compare like with like. Each typed value is put through a scratch store once (remembered)."""
    if type(term) is not ox.Literal:
        return term
    dt = term.datatype.value
    if dt in _CANONICAL_AS_IS or (dt == _INTEGER_TYPE and _INTEGER.fullmatch(term.value)):
        return term
    key = (term.value, dt)
    found = _CANONICAL.get(key)
    if found is None:
        if len(_CANONICAL) > _CANONICAL_MAX:
            _CANONICAL.clear()
        scratch = ox.Store()
        scratch.add(ox.Quad(_SCRATCH, _SCRATCH, term, ox.DefaultGraph()))
        found = _CANONICAL[key] = next(iter(scratch)).object
    return found


_SCRATCH = ox.NamedNode("urn:parley:scratch")


def canonical_triples(triples) -> set:
    """pyoxigraph triples, each with its literal in canonical form."""
    out = set()
    for t in triples:
        o = t.object
        if type(o) is ox.Literal:
            c = canonical(o)
            if c is not o:
                t = ox.Triple(t.subject, t.predicate, c)
        out.add(t)
    return out
