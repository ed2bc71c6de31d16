"""A remote SPARQL store (an Oxigraph server, Virtuoso 7) behind the embedded store's interface.

The same calls as :class:`kg.store.oxigraph.GraphStore`, so ``kg build``, ``kg remove``, ``kg query``,
``kg sparql``, ``kg serve``, ``kg export`` and ``kg validate`` work on either. Writes:

- an article's named graph is replaced with one Graph Store Protocol PUT: the server swaps it whole,
  so a reader sees the old graph or the new one, never half;
- the per-article records (``records.py``) live in the same state graph as in the embedded store, one
  SPARQL Update each, so a rerun skips unchanged articles and ``kg remove`` finds its targets;
- the union that queries without ``GRAPH`` read. On an Oxigraph server Parley keeps it in the
  server's default graph, deduplicated as in the embedded store (the server's ``--union-default-graph``
  is a multiset; leave it off): after each PUT one update copies the new graph into it and removes what
  the old graph alone stated. Virtuoso's default graph is already the union of all graphs, its ~2,500
  system triples included (a multiset: every stored question counts with DISTINCT, so their rows are
  the same); there is nothing to maintain.

Reads from Virtuoso are paged (ORDER BY, LIMIT/OFFSET) below its ResultSetMaxRows, and anything cut
or timed out is refused (``client.py``).
"""
from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import IO, Iterable, Iterator, Sequence

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from ...errors import StoreError
from ...graph.namespaces import PREFIXES
from ..oxigraph import EXPORT_FORMATS, QUAD_FORMATS, STATE_GRAPH, STATE_NS, GraphStore, from_ox, to_ox
from .client import SparqlClient
from .config import RemoteConfig
from .dataset import RemoteDataset

OURS = "https://w3id.org/parley/id/"  # every graph Parley writes is named under here
PAGE = 10_000  # rows per page of a paged read
CHUNK = 500  # triples per VALUES block of an update
_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}


def _iri(value: str) -> str:
    return str(ox.NamedNode(str(value)))  # validated and written by Oxigraph


def _ox(term):
    return term if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)) else to_ox(term)


def _canonical(triples) -> set[tuple]:
    """The triples (rdflib or pyoxigraph terms) as Oxigraph stores them, literals canonical
    ("600000.0"^^xsd:decimal is "600000"), so that old and new compare like with like."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(_ox(s), _ox(p), _ox(o), ox.DefaultGraph()) for s, p, o in triples)
    return {(q.subject, q.predicate, q.object) for q in scratch}


class RemoteStore:
    """A store on a SPARQL server.

    config (RemoteConfig): where the server is (``kg.store.remote.config.parse_store``).
    read_only (bool): a reader (never writes; the server serves readers and a writer at once).
    Raises StoreError (E720, E721, E722) when the server cannot be reached or refuses us.
    """

    path = None  # not a folder
    snapshot = None

    def __init__(self, config: RemoteConfig, *, read_only: bool = False) -> None:
        self.config = config
        self.read_only = read_only
        self.client = SparqlClient(config)
        self.store = RemoteDataset(self)
        self.native_union = config.kind == "virtuoso"  # the server's default graph is the union already
        self.paged = config.kind == "virtuoso"  # the server cuts long answers
        self.client.query("ASK { }")  # reachable, and answering SPARQL
        if not read_only:  # a writer finds out now, not at its first article, whether it may write
            self.client.update("INSERT DATA { }")

    @classmethod
    def reader(cls, config: RemoteConfig) -> "RemoteStore":
        return cls(config, read_only=True)

    def __str__(self) -> str:
        return str(self.config)

    # nothing to publish: the server makes each write visible when it is done
    def refresh(self) -> bool:
        return False

    def publish(self) -> None:
        pass

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.client.close()

    # -- reading helpers ---------------------------------------------------------------------
    def _solutions(self, text: str, order: str) -> Iterator:
        """All solutions of a SELECT, page by page where the server cuts long answers."""
        if not self.paged:
            yield from self.client.query(text)
            return
        page, offset = PAGE, 0
        while True:
            try:
                got = list(self.client.query(f"{text}\nORDER BY {order}\nLIMIT {page} OFFSET {offset}"))
            except StoreError:
                limit = self.client.max_rows_seen
                if limit is None or limit - 1 >= page or limit < 2:
                    raise
                page = limit - 1  # a page just short of the server's limit
                continue
            yield from got
            if len(got) < page:
                return
            offset += page

    def triples(self, graph: str) -> list[ox.Triple]:
        """The triples of named graph ``graph``."""
        if not self.paged:
            return self.client.get_graph(graph)
        return [ox.Triple(s["s"], s["p"], s["o"]) for s in self._solutions(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}", "?s ?p ?o")]

    def graph_iris(self) -> list[str]:
        """Every named graph on the server that Parley could have written (state graph included)."""
        if self.paged:  # Virtuoso: no empty graphs, and its own system graphs are left out
            text = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{OURS}")) }}'
        else:
            text = "SELECT ?g WHERE { GRAPH ?g { } }"
        return sorted(s["g"].value for s in self._solutions(text, "?g") if isinstance(s["g"], ox.NamedNode))

    def has_graph(self, graph: str) -> bool:
        return bool(self.client.query(f"ASK {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}"))

    # -- writing -----------------------------------------------------------------------------
    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        """Make named graph ``graph`` hold exactly ``triples`` (one Graph Store PUT); returns how many."""
        g = str(graph)
        new = _canonical(triples)
        old = set() if self.native_union else {(t.subject, t.predicate, t.object) for t in self.triples(g)}
        body = ox.serialize([ox.Triple(s, p, o) for s, p, o in new], format=ox.RdfFormat.N_TRIPLES)
        self.client.put_graph(g, body)
        if not self.native_union:
            self._union(g, removed=old - new)
        return len(new)

    def replace_graphs(self, graphs: Sequence[tuple[URIRef, Iterable]]) -> list[int]:
        """:meth:`replace_graph` for each (graph, triples); returns their sizes."""
        return [self.replace_graph(graph, triples) for graph, triples in graphs]

    def patch_graph(self, graph: URIRef, *, add: Iterable = (), remove: Iterable = ()) -> None:
        """Add and remove some triples of named graph ``graph``, keeping the union."""
        g = str(graph)
        new, gone = _canonical(add), _canonical(remove)
        current = {(t.subject, t.predicate, t.object) for t in self.triples(g)}
        self.replace_graph(graph, (current - gone) | new)

    def _union(self, graph: str | None, *, removed: set) -> None:
        """Bring the default-graph union up to date: copy ``graph`` in (a superset again at once, also
        after an interrupted earlier write), then drop the ``removed`` triples no named graph states."""
        ops = [f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}"] if graph else []
        rows = [f"({s} {p} {o})" for s, p, o in removed]
        for i in range(0, len(rows), CHUNK):
            ops.append("DELETE { ?s ?p ?o } WHERE { VALUES (?s ?p ?o) { " + " ".join(rows[i:i + CHUNK]) +
                       " } FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } } }")
        if ops:
            self.client.update(" ;\n".join(ops))

    def remove_graph(self, graph: URIRef) -> None:
        """Remove an article's graph, and from the union what no other graph states."""
        g = str(graph)
        old = set() if self.native_union else {(t.subject, t.predicate, t.object) for t in self.triples(g)}
        self.client.delete_graph(g)
        if old:
            self._union(None, removed=old)

    # -- article records (the state graph) -----------------------------------------------------
    def get_state(self, subject: str, key: str) -> str | None:
        for s in self.client.query(f"SELECT ?v WHERE {{ GRAPH {_iri(STATE_GRAPH)} "
                                   f"{{ {_iri(subject)} {_iri(STATE_NS + key)} ?v }} }} LIMIT 1"):
            return s["v"].value
        return None

    def set_state(self, subject: str, key: str, value: str | None) -> None:
        """Replace (or with ``None`` delete) a bookkeeping value: one update request."""
        s, p, g = _iri(subject), _iri(STATE_NS + key), _iri(STATE_GRAPH)
        text = f"DELETE {{ GRAPH {g} {{ {s} {p} ?v }} }} WHERE {{ GRAPH {g} {{ {s} {p} ?v }} }}"
        if value is not None:
            text += f" ;\nINSERT DATA {{ GRAPH {g} {{ {s} {p} {ox.Literal(value)} }} }}"
        self.client.update(text)

    def state_values(self, key: str) -> Iterator[tuple[str, str]]:
        text = f"SELECT ?s ?v WHERE {{ GRAPH {_iri(STATE_GRAPH)} {{ ?s {_iri(STATE_NS + key)} ?v }} }}"
        for s in self._solutions(text, "?s ?v"):
            yield s["s"].value, s["v"].value

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        """The number of distinct statements in the article and derived graphs."""
        if self.native_union:
            text = (f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                    f'FILTER(STRSTARTS(STR(?g), "{OURS}") && ?g != {_iri(STATE_GRAPH)}) }} }}')
        else:
            text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        for s in self.client.query(text):
            return int(s["n"].value)
        return 0

    def named_graphs(self) -> list[URIRef]:
        """The article graphs (``kgid:graph/...``), not the derived ones (ontology, inferences)."""
        return [g for g in self.all_graphs() if g.startswith(OURS + "graph/")]

    def all_graphs(self) -> list[URIRef]:
        """Article and derived graphs (not the bookkeeping state graph)."""
        return [URIRef(g) for g in self.graph_iris() if g != STATE_GRAPH]

    def graph(self, graph: URIRef) -> Graph:
        """One named graph copied into an in-memory rdflib Graph."""
        out = Graph()
        for t in self.triples(str(graph)):
            out.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return out

    def select(self, query: str, bindings: dict[str, Node] | None = None):
        """Run a SELECT/ASK/CONSTRUCT on the server, parameters bound as RDF terms (a VALUES clause)."""
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        return self.store.query(query, substitutions=subs, prefixes=_PREFIXES)

    # the same as the embedded store's, over :meth:`select`
    rows = GraphStore.rows
    table = GraphStore.table
    results = GraphStore.results
    load_file = GraphStore.load_file

    def export(self, out: str | Path | IO[bytes] | None, *, fmt: str = "trig") -> bytes | None:
        """Write the graph as the embedded store does: TriG, N-Quads and JSON-LD keep one named graph
        per article; Turtle and N-Triples hold their union.

        Streamed from the server graph by graph, never copied whole into memory: the quad formats
        write each graph as it arrives (put in the embedded store's order through a scratch store of
        that graph alone); the union formats write each triple once, from the first graph (by IRI)
        that states it, each graph asking the server for what no earlier graph states."""
        rdf_format = EXPORT_FORMATS[fmt]
        graphs = [str(g) for g in self.all_graphs()]
        target = str(out) if isinstance(out, Path) else out
        if rdf_format in QUAD_FORMATS:
            quads = chain.from_iterable(self._graph_quads(g) for g in graphs)
            kwargs = {"prefixes": _PREFIXES} if rdf_format != ox.RdfFormat.N_QUADS else {}
            return ox.serialize(quads, target, format=rdf_format, **kwargs)
        triples = chain.from_iterable(self._first_stated(g, first=i == 0) for i, g in enumerate(graphs))
        kwargs = {"prefixes": _PREFIXES} if rdf_format == ox.RdfFormat.TURTLE else {}
        return ox.serialize(triples, target, format=rdf_format, **kwargs)

    def _graph_quads(self, graph: str) -> Iterator[ox.Quad]:
        yield from _as_stored(self.triples(graph), ox.NamedNode(graph))

    def _first_stated(self, graph: str, *, first: bool) -> Iterator[ox.Triple]:
        """The triples of ``graph`` that no graph of ours before it (by IRI) states."""
        if first:
            triples = self.triples(graph)
        else:
            text = (f"SELECT ?s ?p ?o WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?h "
                    f"{{ ?s ?p ?o }} FILTER(STR(?h) < {ox.Literal(graph)} && STRSTARTS(STR(?h), \"{OURS}\") "
                    f"&& ?h != {_iri(STATE_GRAPH)}) }} }}")
            triples = (ox.Triple(s["s"], s["p"], s["o"]) for s in self._solutions(text, "?s ?p ?o"))
        yield from (q.triple for q in _as_stored(triples, ox.DefaultGraph()))


def _as_stored(triples: Iterable[ox.Triple], graph) -> Iterator[ox.Quad]:
    """One graph's triples as Oxigraph stores them (literals canonical: Virtuoso writes false as
    "0"^^xsd:boolean) and in the embedded store's order, through a scratch store of that graph alone."""
    scratch = ox.Store()
    scratch.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    return scratch.quads_for_pattern(None, None, None, graph)
