"""The embedded, persistent store: Oxigraph through pyoxigraph.

Why Oxigraph: on this machine it loads N-Triples ~10x faster than rdflib's memory store and
answers SPARQL 10-60x faster (../shared/notes/README.md; our bench/store_bench.py measures the
same here). rdflib stays the API for building and validating one article's graph in memory;
this module converts at the boundary.

Each article's statements live in a named graph. On disk, one process writes (a lock file refuses
a second writer) and readers open the newest published snapshot (``layout.py``), so they read
while a build writes and see each article graph whole or absent. Beside the article graphs, a
state graph (never exported, not in the union) keeps one record per article: its source, content
hash and extracted facts (``records.py``), so that a later build can re-decide cross-article
questions without re-reading or re-parsing the article.
"""
from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Sequence

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from ..errors import Errors, StoreError
from ..graph.namespaces import PREFIXES
from . import layout, memory
# literal canonicalisation and term conversion live in terms.py; imported from here too
from .terms import XSD_STRING, canonical, canonical_triples, from_ox, to_ox  # noqa: F401

ARTICLE_GRAPHS = "https://w3id.org/parley/id/graph/"
STATE_GRAPH = "https://w3id.org/parley/id/state/articles"  # bookkeeping: never exported, not in the union
STATE_NS = "https://w3id.org/parley/state#"
EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS, "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD}
BULK_MIN = 20_000  # quads of new graphs above which a write goes through the bulk loader
# bytes written in transactions after which the database is flushed to disk (RocksDB keeps them
# in memory up to 64 MB per column family otherwise: a long build's facts would fill that) and,
# at the next publish, freed memory is given back to the system
FLUSH_AFTER = 16 << 20
PATCH_TEXT = 200  # triples added by a patch above which they go in as N-Quads text


# an article graph out, with the union's copy of each triple no other graph states
_REMOVE_GRAPH = """
DELETE {{ ?s ?p ?o }}
WHERE {{
    GRAPH {g} {{ ?s ?p ?o }}
    FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {g} && ?h != {state}) }}
}} ;
DROP SILENT GRAPH {g}"""


class GraphStore:
    """A quad store: one named graph per article.

    path (str | Path | None): folder of the on-disk store; ``None`` keeps it in memory.
    read_only (bool): open as a reader (:meth:`reader`): the newest snapshot, never locked out
        by a build; otherwise as the one writer (a second writer gets E704).
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path else None
        self.read_only = read_only
        self._lock: layout.WriteLock | None = None
        self._held = None  # a reader's shared lock on its snapshot
        self.snapshot: Path | None = None
        self._unflushed = self._untrimmed = 0  # bytes written since the last flush, the last trim
        self.changed = False  # written since the last publish (the index's writes say so too)
        self.reopened = 0  # times the database was closed and opened again (to let go of its caches)
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                self._open_reader()
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                layout.check_layout(self.path)
                self._lock = layout.WriteLock(self.path)
                try:
                    self.store = ox.Store(str(self.path / layout.PRIMARY))
                except BaseException:
                    self._lock.release()
                    raise
                if layout.current_snapshot(self.path) is None:
                    self.publish()  # readers always have something whole to open
        except OSError as e:
            raise StoreError(Errors.E701.format(path=self.path, reason=e)) from None

    @classmethod
    def reader(cls, path: str | Path) -> "GraphStore":
        """Open the store at ``path`` for reading, also while a build writes it."""
        return cls(path, read_only=True)

    def _open_reader(self) -> None:
        assert self.path is not None
        if not self.path.is_dir():
            raise StoreError(Errors.E702.format(path=self.path))
        layout.check_layout(self.path)
        held = layout.hold_snapshot(self.path)
        if held is not None:
            self.snapshot, self._held = held
            self.store = ox.Store.read_only(str(self.snapshot))
        elif not layout.writer_active(self.path) and (self.path / layout.PRIMARY).is_dir():
            self.store = ox.Store.read_only(str(self.path / layout.PRIMARY))
        elif (self.path / layout.PRIMARY).is_dir():
            raise StoreError(Errors.E707.format(path=self.path))
        else:
            raise StoreError(Errors.E702.format(path=self.path))

    def refresh(self) -> bool:
        """A reader: move to the newest snapshot if the writer published one since; returns
        whether it moved (a long-running reader such as ``kg serve`` calls this per request)."""
        if not self.read_only or self.path is None:
            return False
        newest = layout.current_snapshot(self.path)
        if newest is None or newest == self.snapshot:
            return False
        old = self._held
        self._open_reader()
        if old is not None:
            old.close()
        return True

    def publish(self) -> None:
        """A writer: make what is written so far the snapshot that readers open."""
        if self.path is not None and not self.read_only:
            layout.publish(self.store, self.path)
            self._unflushed = 0
            self.changed = False
            if self._untrimmed > FLUSH_AFTER:
                self._reopen()
                memory.trim()
                self._untrimmed = 0

    def _reopen(self) -> None:
        """Close the database and open it again: RocksDB's block caches and table readers fill
        as the store grows (they held ~190 MB after 3,000 articles, 80 MB after 1,000), and only
        closing lets go of them. Everything is flushed and published first. Skipped while some
        other object refers to the store (the index asks ``self.store`` each time, so it does not)."""
        assert self.path is not None
        if sys.getrefcount(self.store) > 2:  # this attribute and the call's argument
            return
        del self.store
        for attempt in (1, 2):
            try:
                self.store = ox.Store(str(self.path / layout.PRIMARY))
                self.reopened += 1
                return
            except OSError as e:  # an iterator not yet collected still holds the database
                if attempt == 2:
                    raise StoreError(Errors.E701.format(path=self.path, reason=e)) from None
                gc.collect()

    def _wrote(self, size: int) -> None:
        """Count ``size`` bytes written; flush once many are held in memory (not a publish:
        readers see nothing new)."""
        self._unflushed += size
        self._untrimmed += size
        if self._unflushed > FLUSH_AFTER and self.path is not None and not self.read_only:
            self.store.flush()
            self._unflushed = 0

    def close(self) -> None:
        """Publish (a writer), then let go of the database and the locks."""
        if self.path is None or not hasattr(self, "store"):
            return
        if not self.read_only:
            if self.changed:  # a build publishes at its end: nothing new since, no snapshot more
                self.publish()
            layout.settle()
        del self.store
        if self._lock is not None:
            self._lock.release()
        if self._held is not None:
            self._held.close()

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
        return self.replace_graphs([(graph, [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples])])[0]

    def replace_graphs(self, graphs: Sequence[tuple[URIRef, Sequence[ox.Triple]]]) -> list[int]:
        """:meth:`replace_graph` for several graphs at once, given as pyoxigraph triples (what
        the build makes): their new triples land in one transaction; returns each one's size."""
        default = ox.DefaultGraph()
        self.changed = True
        fresh, quads, retract, sizes = [], [], [], []
        for graph, triples in graphs:
            g = ox.NamedNode(str(graph))
            new = canonical_triples(triples)
            old = {q.triple for q in self.store.quads_for_pattern(None, None, None, g)}
            # every new triple goes (again) into the graph and the union: a rerun after a kill must
            # find nothing missing, whichever write the kill interrupted
            text = None if old else ox.serialize(new, format=ox.RdfFormat.N_TRIPLES)
            if text is not None and b"_:" not in text:  # no blank node (a load would rename it)
                # N-Triples lines are N-Quads lines of the default graph, and of g with g put in:
                # the loader parses them in Rust, with no quad object per triple made here
                fresh += [text.replace(b" .\n", b" <" + g.value.encode() + b"> .\n"), text]
            else:
                quads.extend(ox.Quad(t.subject, t.predicate, t.object, x) for t in new for x in (g, default))
            retract.append((g, old - new, not new))
            sizes.append(len(new))
        if fresh:
            # graphs not in the store yet: many of them go through Oxigraph's bulk loader, which
            # writes their quads as new files (several times faster than a transaction; an
            # interrupted load is redone whole by the rerun, which finds the graph without its
            # record); a few go through one transaction, which costs less than the bulk loader's
            # files for each index (written again by the next flush anyway)
            text = b"".join(fresh)
            if text.count(b"\n") > BULK_MIN:
                self.store.bulk_load(text, format=ox.RdfFormat.N_QUADS)
                self._untrimmed += len(text)
            else:
                self.store.load(text, format=ox.RdfFormat.N_QUADS)
                self._wrote(len(text))
        self.store.extend(quads)
        self._wrote(100 * len(quads))
        for g, gone, empty in retract:
            self._retract(g, gone)
            if empty and not self.store.contains_named_graph(g):
                self.store.add_graph(g)  # present though empty (no inferred types yet): never missing
        return sizes

    def patch_graph(self, graph: URIRef, *, add: Sequence[ox.Triple] = (), remove: Sequence[ox.Triple] = ()) -> None:
        """Add and remove some triples of named graph ``graph`` (pyoxigraph triples), keeping the
        union: what the build uses to update a derived graph for the nodes it touched."""
        g, default = ox.NamedNode(str(graph)), ox.DefaultGraph()
        self.changed = True
        new = canonical_triples(add)
        text = ox.serialize(new, format=ox.RdfFormat.N_TRIPLES) if len(new) > PATCH_TEXT else None
        if text is not None and b"_:" not in text:
            # many triples (the inferred types of a chunk): one transaction of N-Quads text,
            # parsed in Rust, instead of two quad objects made here per triple
            text += text.replace(b" .\n", b" <" + g.value.encode() + b"> .\n")
            self.store.load(text, format=ox.RdfFormat.N_QUADS)
            self._wrote(len(text))
        else:
            self.store.extend([ox.Quad(t.subject, t.predicate, t.object, x) for t in new for x in (g, default)])
            self._wrote(100 * len(new))
        self._retract(g, canonical_triples(remove) - new)

    def _retract(self, g: ox.NamedNode, triples: set) -> None:
        """Remove ``triples`` from graph ``g``, and from the union what no other article graph
        states. The union copy goes first: interrupted between the two, the graph still holds
        the triple, so the next replace of ``g`` retracts it again."""
        default = ox.DefaultGraph()
        for t in triples:
            s, p, o = t.subject, t.predicate, t.object
            stated_elsewhere = any(not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name != g
                                   for q in self.store.quads_for_pattern(s, p, o))
            if not stated_elsewhere:
                self.store.remove(ox.Quad(s, p, o, default))
            self.store.remove(ox.Quad(s, p, o, g))

    def remove_graph(self, graph: URIRef) -> None:
        """Remove an article's graph, and from the union what no other graph states: one update
        (one transaction, evaluated in Oxigraph, not triple by triple here); the IRI is written
        by Oxigraph, which refuses an invalid one."""
        g = ox.NamedNode(str(graph))
        if not self.store.contains_named_graph(g):
            return
        self.changed = True
        self.store.update(_REMOVE_GRAPH.format(g=g, state=ox.NamedNode(STATE_GRAPH)))

    def load_file(self, path: str | Path, *, graph: URIRef | None = None) -> None:
        """Load an RDF file (format from its extension) into named graph ``graph``."""
        g = Graph()
        try:
            g.parse(str(path))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(Errors.E703.format(path=path, reason=e)) from None
        self.replace_graph(graph or URIRef(Path(path).resolve().as_uri()), g)

    def flush(self) -> None:
        """Write through to disk and publish the snapshot readers open (the publish flushes),
        unless nothing was written since the last publish (a build of unchanged articles)."""
        if self.path is not None and not self.read_only and self.changed:
            self.publish()

    # -- article records (the state graph) ----------------------------------------------------
    def get_state(self, subject: str, key: str) -> str | None:
        """A bookkeeping value (``records.py``) stored under ``subject`` and ``key``."""
        for q in self.store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(STATE_NS + key), None,
                                              ox.NamedNode(STATE_GRAPH)):
            return q.object.value
        return None

    def set_state(self, subject: str, key: str, value: str | None) -> None:
        """Replace (or with ``None`` delete) a bookkeeping value; one small transaction each."""
        s, p, g = ox.NamedNode(subject), ox.NamedNode(STATE_NS + key), ox.NamedNode(STATE_GRAPH)
        self.changed = True
        for q in list(self.store.quads_for_pattern(s, p, None, g)):
            self.store.remove(q)
        if value is not None:
            self.store.add(ox.Quad(s, p, ox.Literal(value), g))
            self._wrote(len(value))

    def state_values(self, key: str) -> Iterator[tuple[str, str]]:
        """(subject, value) for every bookkeeping value under ``key``."""
        for q in self.store.quads_for_pattern(None, ox.NamedNode(STATE_NS + key), None, ox.NamedNode(STATE_GRAPH)):
            yield q.subject.value, q.object.value

    # -- reading ---------------------------------------------------------------------------
    def __len__(self) -> int:
        """The number of distinct statements (the size of the union graph)."""
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def named_graphs(self) -> list[URIRef]:
        """The article graphs (``kgid:graph/...``), not the derived ones (ontology, inferences)."""
        return [g for g in self.all_graphs() if g.startswith(ARTICLE_GRAPHS)]

    def all_graphs(self) -> list[URIRef]:
        """Article and derived graphs (the bookkeeping state graph is not RDF data)."""
        return sorted(URIRef(g.value) for g in self.store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value != STATE_GRAPH)

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
        Turtle and N-Triples hold their union.

        out: a file path or a binary stream to write to, or None for the bytes. Streamed from the
        store: quads go from Oxigraph's iterators to its writer graph by graph (sorted by IRI),
        never copied into memory; the default graph (their union, derived, not stated) and the
        bookkeeping state graph are left out of the quad formats."""
        from itertools import chain

        rdf_format = EXPORT_FORMATS[fmt]
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        if rdf_format in QUAD_FORMATS:
            graphs = [ox.NamedNode(str(g)) for g in self.all_graphs()]
            quads = chain.from_iterable(self.store.quads_for_pattern(None, None, None, g) for g in graphs)
            kwargs = {"prefixes": prefixes} if rdf_format != ox.RdfFormat.N_QUADS else {}
            return ox.serialize(quads, str(out) if isinstance(out, Path) else out, format=rdf_format, **kwargs)
        kwargs = {"prefixes": prefixes} if rdf_format == ox.RdfFormat.TURTLE else {}
        return self.store.dump(out, format=rdf_format, from_graph=ox.DefaultGraph(), **kwargs)
