"""The embedded, persistent store: Oxigraph through pyoxigraph.

Why Oxigraph: on this machine it loads N-Triples ~10x faster than rdflib's memory store and
answers SPARQL 10-60x faster (../shared/notes/README.md; our bench/store_bench.py measures the
same here). rdflib stays the API for building and validating one article's graph in memory;
this module converts at the boundary.

Each article's statements live in a named graph; replacing it is one transaction, so a build
that stops half way leaves every article either fully old, fully new or absent.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO, Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import Errors, StoreError
from ..graph.namespaces import PREFIXES

ARTICLE_GRAPHS = "https://w3id.org/parley/id/graph/"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS, "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD}


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


def _canonical(triples) -> set:
    """The triples as Oxigraph will store them: it canonicalises literals ("600000.0"^^xsd:decimal
    becomes "600000", xsd:nonNegativeInteger becomes xsd:integer), so compare like with like."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in triples)
    return {(q.subject, q.predicate, q.object) for q in scratch}


class GraphStore:
    """A quad store: one named graph per article.

    path (str | Path | None): folder of the on-disk store; ``None`` keeps it in memory.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path else None
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(Errors.E701.format(path=self.path, reason=e)) from None

    # -- writing ---------------------------------------------------------------------------
    # The default graph holds the set union of the article graphs, kept up to date on every
    # write. Oxigraph's union-default-graph option would be a multiset: a label repeated in a
    # thousand articles multiplies every join through it (measured: 60x more rows before
    # DISTINCT on 3,000 synthetic meetings). Queries without GRAPH read this deduplicated
    # union; queries asking "which article says so" use GRAPH ?g.
    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        """Make named graph ``graph`` hold exactly ``triples``; returns how many it holds.

        New triples land in one transaction (all or nothing); triples no longer stated are
        removed afterwards, so an interrupted rebuild leaves a superset, never a half."""
        g = ox.NamedNode(str(graph))
        new = _canonical((to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples)
        old = {(q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(None, None, None, g)}
        added = new - old
        default = ox.DefaultGraph()
        self.store.extend([ox.Quad(s, p, o, g) for s, p, o in added] +
                          [ox.Quad(s, p, o, default) for s, p, o in added])
        self._retract(g, old - new)
        return len(new)

    def _retract(self, g: ox.NamedNode, triples: set) -> None:
        default = ox.DefaultGraph()
        for s, p, o in triples:
            self.store.remove(ox.Quad(s, p, o, g))
            stated_elsewhere = any(not isinstance(q.graph_name, ox.DefaultGraph)
                                   for q in self.store.quads_for_pattern(s, p, o))
            if not stated_elsewhere:
                self.store.remove(ox.Quad(s, p, o, default))

    def remove_graph(self, graph: URIRef) -> None:
        """Remove an article's graph, and from the union what no other article states."""
        g = ox.NamedNode(str(graph))
        old = {(q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(None, None, None, g)}
        self._retract(g, old)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)

    def load_file(self, path: str | Path, *, graph: URIRef | None = None) -> None:
        """Load an RDF file (format from its extension) into named graph ``graph``."""
        g = Graph()
        try:
            g.parse(str(path))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(Errors.E703.format(path=path, reason=e)) from None
        self.replace_graph(graph or URIRef(Path(path).resolve().as_uri()), g)

    def flush(self) -> None:
        if self.path is not None:
            self.store.flush()

    # -- reading ---------------------------------------------------------------------------
    def __len__(self) -> int:
        """The number of distinct statements (the size of the union graph)."""
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def named_graphs(self) -> list[URIRef]:
        """The article graphs (``kgid:graph/...``), not the derived ones (ontology, inferences)."""
        return [g for g in self.all_graphs() if g.startswith(ARTICLE_GRAPHS)]

    def all_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph(self, graph: URIRef) -> Graph:
        """Copy one named graph into an in-memory rdflib Graph (for validation: pyshacl over
        the Oxigraph store goes quadratic, ../shared/notes)."""
        out = Graph()
        for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))):
            out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return out

    def select(self, query: str, bindings: dict[str, Node] | None = None) -> ox.QuerySolutions:
        """Run a SELECT/ASK/CONSTRUCT with parameters bound as RDF terms (never spliced into
        the text): pyoxigraph substitutes them per SEP-0007 (a substituted variable must be
        in the SELECT projection). The default graph is the union of the article graphs."""
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        return self.store.query(query, substitutions=subs, prefixes={k: str(v) for k, v in PREFIXES.items()})

    def rows(self, query: str, bindings: dict[str, Node] | None = None) -> Iterator[dict[str, Node | None]]:
        """SELECT results as dicts of rdflib terms (unbound variables map to None)."""
        return self.table(query, bindings)[1]

    def table(self, query: str, bindings: dict[str, Node] | None = None
              ) -> tuple[list[str], Iterator[dict[str, Node | None]]]:
        """The SELECT's column names, and its rows as dicts of rdflib terms (evaluated lazily)."""
        result = self.select(query, bindings)
        names = [v.value for v in result.variables]
        rows = ({n: (from_ox(s[n]) if s[n] is not None else None) for n in names} for s in result)
        return names, rows

    def results(self, query: str, bindings: dict[str, Node] | None = None, *, fmt: str = "json") -> bytes:
        """SELECT results serialised as W3C SPARQL results (json, csv, tsv, xml)."""
        result = self.select(query, bindings)
        return result.serialize(format=getattr(ox.QueryResultsFormat, fmt.upper()))

    def export(self, out: str | Path | IO[bytes] | None, *, fmt: str = "trig") -> bytes | None:
        """Write the graph: TriG, N-Quads and JSON-LD keep the named graphs (one per article);
        Turtle and N-Triples hold their union."""
        rdf_format = EXPORT_FORMATS[fmt]
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        if rdf_format in QUAD_FORMATS:
            # the named graphs only: the default graph is their union, derived, not stated
            named = ox.Store()
            named.extend(q for q in self.store.quads_for_pattern(None, None, None)
                         if not isinstance(q.graph_name, ox.DefaultGraph))
            kwargs = {"prefixes": prefixes} if rdf_format != ox.RdfFormat.N_QUADS else {}
            return named.dump(out, format=rdf_format, **kwargs)
        kwargs = {"prefixes": prefixes} if rdf_format == ox.RdfFormat.TURTLE else {}
        return self.store.dump(out, format=rdf_format, from_graph=ox.DefaultGraph(), **kwargs)
