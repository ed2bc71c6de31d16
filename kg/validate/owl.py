"""Check the ontology, optionally with data, for logical consistency with the HermiT reasoner.

owlready2 cannot read Turtle, so ``ontology/parley.ttl`` and the data are converted to N-Triples
with rdflib and loaded into a fresh owlready2 ``World`` (never the process-wide default world,
so checks do not leak into each other). HermiT runs with unsupported datatypes ignored because
our data uses ``xsd:date``, which is outside the OWL 2 datatype map; the ontology itself states
no ``xsd:date`` ranges, so nothing is lost. Pellet is not used: it does not run here.

HermiT only says *that* an ontology is inconsistent. To say *why*, :func:`check_consistency`
then looks for the usual culprit itself: an individual whose asserted types, plus the types
implied by the domains and ranges of the properties it uses, include two disjoint classes.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from itertools import combinations

import owlready2
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from ..resources import resource

ONTOLOGY_PATH = resource("ontology") / "parley.ttl"
ONTOLOGY_IRI = "https://w3id.org/parley/ontology"
# Base IRI of the ontology owlready2 creates for the data; the data's own IRIs are absolute.
DATA_ONTOLOGY_IRI = "urn:parley:data"


@dataclass
class OwlReport:
    """The outcome of :func:`check_consistency`.

    consistent: False when HermiT finds the ontology (with the data) inconsistent.
    involved: for an inconsistent result, one line per clash found, naming the individual and
        the disjoint classes it falls into; empty when the clash is not of that kind (for example
        a value outside a datatype range), in which case only ``consistent`` is known.
    unsatisfiable: IRIs of classes HermiT found equivalent to owl:Nothing (a broken ontology
        even when no individual is affected).
    """

    consistent: bool
    involved: list[str] = field(default_factory=list)
    unsatisfiable: list[str] = field(default_factory=list)

    @property
    def detail(self) -> str:
        """One text for people: the clashes found, or why there is nothing more to say."""
        if self.consistent:
            if self.unsatisfiable:
                return "unsatisfiable classes: " + ", ".join(self.unsatisfiable)
            return "consistent"
        if self.involved:
            return "; ".join(self.involved)
        return (
            "inconsistent, but no individual falls into two disjoint classes; look for a value"
            " outside a property's range (kg:confidence above 1) or two values of a functional"
            " property (kg:claimType)"
        )


def check_consistency(data: Graph | None = None) -> OwlReport:
    """Run HermiT over ``ontology/parley.ttl`` plus ``data``.

    data: statements to check together with the ontology, for example one article's graph or a
        merged graph of several; None checks the ontology alone.

    Returns an :class:`OwlReport`. Raises ``owlready2.OwlReadyJavaError`` if Java or HermiT
    itself fails (a tool failure, not a data problem).
    """
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    world = owlready2.World()
    try:
        _load(world, ONTOLOGY_IRI, ontology)
        if data is not None:
            _load(world, DATA_ONTOLOGY_IRI, data)
        try:
            owlready2.sync_reasoner_hermit(
                world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
            )
        except owlready2.OwlReadyInconsistentOntologyError:
            return OwlReport(consistent=False, involved=disjointness_clashes(ontology, data))
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes())
        return OwlReport(consistent=True, unsatisfiable=unsatisfiable)
    finally:
        world.close()


def _load(world: owlready2.World, iri: str, graph: Graph) -> None:
    ntriples = graph.serialize(format="nt", encoding="utf-8")
    world.get_ontology(iri).load(fileobj=io.BytesIO(ntriples), format="ntriples")


def disjointness_clashes(ontology: Graph, data: Graph | None) -> list[str]:
    """Name individuals that fall into two disjoint classes of the ontology.

    An individual's classes are its ``rdf:type`` values, the ``rdfs:domain`` of properties it is
    the subject of and the ``rdfs:range`` of object properties it is the value of, each closed
    under ``rdfs:subClassOf``. Only named classes are followed (unions and restrictions are not).

    Returns lines such as ``"<.../person/x> is both <...#Organization> and <...#Person>, which
    are disjoint"``, sorted.
    """
    merged = ontology + data if data is not None else ontology
    disjoint = _disjoint_pairs(ontology)
    supers = _superclass_closure(ontology)
    types: dict[URIRef, set[URIRef]] = {}
    for s, p, o in merged:
        if p == RDF.type and isinstance(o, URIRef):
            types.setdefault(s, set()).add(o)
        for domain in ontology.objects(p, RDFS.domain):
            if isinstance(domain, URIRef):
                types.setdefault(s, set()).add(domain)
        for range_ in ontology.objects(p, RDFS.range):
            if isinstance(range_, URIRef) and (range_, RDF.type, OWL.Class) in ontology:
                types.setdefault(o, set()).add(range_)
    lines = []
    for individual, classes in types.items():
        if not isinstance(individual, URIRef) or (individual, RDF.type, OWL.Class) in ontology:
            continue
        closed = set().union(*(supers.get(c, {c}) for c in classes))
        for a, b in sorted(combinations(sorted(closed), 2)):
            if frozenset((a, b)) in disjoint:
                lines.append(f"<{individual}> is both <{a}> and <{b}>, which are disjoint")
    return sorted(lines)


def _disjoint_pairs(ontology: Graph) -> set[frozenset[URIRef]]:
    pairs = {frozenset((a, b)) for a, b in ontology.subject_objects(OWL.disjointWith)}
    for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(ontology, ontology.value(axiom, OWL.members)))
        pairs.update(frozenset(pair) for pair in combinations(members, 2))
    return pairs


def _superclass_closure(ontology: Graph) -> dict[URIRef, set[URIRef]]:
    closure: dict[URIRef, set[URIRef]] = {}
    for cls in ontology.subjects(RDF.type, OWL.Class):
        if isinstance(cls, URIRef):
            closure[cls] = {
                c for c in ontology.transitive_objects(cls, RDFS.subClassOf) if isinstance(c, URIRef)
            }
    return closure
