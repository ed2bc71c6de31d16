"""Validate a batch of article graphs with the shapes compiled to SPARQL, on one Oxigraph store.

The batch's graphs go into an in-memory Oxigraph store, one named graph each, together with the
slice of the ontology that SHACL sees in every data graph when pySHACL mixes the ontology in
(``ont_graph``): the rdfs:subClassOf hierarchy, and the typed individuals (kg:Held, ...) that the
closed-enumeration shapes target. Then every compiled check (kg.validate.core_sparql) and every
SHACL-SPARQL constraint (kg.validate.sparql_shapes) runs once over the whole batch; only
violations come back to Python. The cost per article is the copy into the store plus a share of
~120 queries per batch, instead of pySHACL's walk over every node (bench/validate_bench.py).

What differs from pySHACL on the rdflib graph, and why it does not matter here: Oxigraph stores
literals canonically (``"019"^^xsd:integer`` as ``"19"``, every integer subtype as xsd:integer),
so this engine judges a graph as it will be stored and queried, which is also what
``kg validate`` reads back; the shapes accept either integer type for offsets for that reason.
A graph that states rdfs:subClassOf itself, or says something about a term of the ontology,
would change the ontology SHACL sees: such a graph is validated by pySHACL instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from ..store.oxigraph import from_ox
from .core_sparql import FOCUS, INSTANCE_OF, CoreCheck, core_checks
from .sparql_shapes import SparqlShape, _format

_PREFIX = re.compile(r"^\s*((?:PREFIX\s+[\w-]*:\s*<[^>]*>\s*)*)", re.IGNORECASE)
_SELECT = re.compile(r"^SELECT\s+((?:DISTINCT|REDUCED)\s+)?(.*?)\s*WHERE\s*\{(.*)\}\s*$", re.IGNORECASE | re.DOTALL)
_FORBIDDEN = re.compile(r"\b(GRAPH|FROM|SERVICE|ORDER|LIMIT|OFFSET|GROUP)\b", re.IGNORECASE)
_BATCH = "urn:parley:validation-batch:"
_NT = ox.RdfFormat.N_TRIPLES



def per_graph(query: str) -> str:
    """Turn a SELECT over one data graph into the same SELECT over every named graph, with the
    graph in ``?_g``: the whole WHERE clause is evaluated inside ``GRAPH ?_g``, so each solution
    comes from one article graph, as when that graph is validated alone."""
    prefixes = _PREFIX.match(query).group(1)
    m = _SELECT.match(query[len(prefixes):].strip())
    body = m.group(3) if m else ""
    if m is None or _FORBIDDEN.search(re.sub(r'"[^"]*"|#[^\n]*', "", body)):
        raise ValueError(f"cannot run per graph: {query[:200]!r}")
    return f"{prefixes}SELECT {m.group(1) or ''}?_g {m.group(2)} WHERE {{ GRAPH ?_g {{ {body}\n}} }}"


@dataclass(frozen=True)
class _BatchSparqlShape:
    shape: SparqlShape
    focus_query: str  # SELECT ?_g ?this: the focus nodes, per graph
    query: str  # the constraint, per graph


class SparqlEngine:
    """The shapes of ``ontology/shapes.ttl`` compiled once, run on batches of graphs.

    shapes (Graph): the shapes graph. ontology (Graph): the ontology pySHACL would get as ont_graph.
    """

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        from .sparql_shapes import sparql_shapes

        self.rdf_type = _ox(RDF.type)
        compiled = core_checks(shapes, ontology)
        self.checks: list[CoreCheck] = compiled.checks
        self._marks(compiled)
        self.sparql: list[_BatchSparqlShape] = []
        for s in sparql_shapes(shapes, ontology):
            branches = []
            if s.classes:
                values = " ".join(f"<{c}>" for c in sorted(s.classes))
                branches.append(f"SELECT ?_g ?this WHERE {{ GRAPH ?_g {{ ?this <{RDF.type}> ?_t . "
                                f"VALUES ?_t {{ {values} }} }} }}")
            if s.target_query:
                branches.append(per_graph(s.target_query))
            for focus in branches:
                self.sparql.append(_BatchSparqlShape(s, focus, per_graph(s.query)))
        self._ontology_slice(shapes, ontology)

    def _marks(self, compiled) -> None:
        """Lookup tables, keyed by rdflib terms, for the focus and instance marks the compiled
        checks expect (kg.validate.core_sparql.FOCUS and INSTANCE_OF)."""
        focus, instance = _ox(FOCUS), _ox(INSTANCE_OF)
        self.by_type: dict = {}  # class -> marks for an instance of it
        self.by_subject_of: dict = {}  # predicate -> marks for its subjects
        self.by_object_of: dict = {}  # predicate -> marks for its objects
        self.fixed: list = []  # marks of sh:targetNode nodes, in every graph
        for mark, t in compiled.targets.items():
            for c in t.classes:
                self.by_type.setdefault(c, []).append((focus, _ox(mark)))
            for p in t.subjects_of:
                self.by_subject_of.setdefault(p, []).append((focus, _ox(mark)))
            for p in t.objects_of:
                self.by_object_of.setdefault(p, []).append((focus, _ox(mark)))
            self.fixed += [(_ox(n), focus, _ox(mark)) for n in t.nodes]
        for cls, subclasses in compiled.instance_of.items():
            for c in subclasses:
                self.by_type.setdefault(c, []).append((instance, _ox(cls)))
        self.classes = compiled.classes
        self.actions: dict = {}  # predicate -> (is rdf:type, is rdfs:subClassOf, subject marks, object marks)
        for p in {RDF.type, RDFS.subClassOf, *self.by_subject_of, *self.by_object_of}:
            self.actions[p] = (p == RDF.type, p == RDFS.subClassOf, tuple(self.by_subject_of.get(p, ())),
                               tuple(self.by_object_of.get(p, ())))

    def _ontology_slice(self, shapes: Graph, ontology: Graph) -> None:
        """What of the ontology SHACL sees in each data graph, as pySHACL mixes it in.

        The rdfs:subClassOf hierarchy goes into each graph when a SPARQL constraint reads it
        (the compiled checks have it built in). The ontology's individuals that the shapes
        target (kg:Held ...) are focus nodes in every graph whatever the data, so they are
        validated once, here: their results, if any, belong to every graph; a graph that says
        something about an ontology term goes to pySHACL (:meth:`validate`)."""
        focus = {s for s, c in ontology.subject_objects(RDF.type) if c in self.classes}
        focus |= {s for p in shapes.objects(None, SH.targetSubjectsOf) for s in ontology.subjects(p)}
        reads_hierarchy = any("subClassOf" in b.query or "subClassOf" in b.focus_query for b in self.sparql)
        hierarchy = Graph()
        for t in ontology.triples((None, RDFS.subClassOf, None)) if reads_hierarchy else ():
            hierarchy.add(t)
        self.slice: list = []
        self.slice = [q.triple for q in self._quads(hierarchy, ox.DefaultGraph(), {}, reference_check=False)]
        self.slice += self.fixed
        self.ontology_subjects: set = set()
        alone = Graph()
        for t in ontology:
            if t[0] in focus or t[1] == RDFS.subClassOf:
                alone.add(t)
        self.always: list[tuple] = []
        self.always = (self.validate([alone], reference_check=False)[0] or []) if focus else []
        self.ontology_subjects = set(ontology.subjects())
        # the same lookups keyed by pyoxigraph terms, for graphs read straight from a store
        self.ox_subjects = {_ox(t) for t in self.ontology_subjects}
        self.ox_by_type = {_ox(c): marks for c, marks in self.by_type.items()}
        self.ox_actions = {_ox(p): action for p, action in self.actions.items()}

    def _quads(self, graph: Graph, g, memo: dict, *, reference_check: bool = True) -> list | None:
        """``graph`` as pyoxigraph quads in graph ``g``, with the marks its triples call for;
        each IRI and blank node converted once per batch (``memo``). None when the graph
        states rdfs:subClassOf or describes an ontology term: pySHACL must judge it."""
        Quad, by_type, actions = ox.Quad, self.by_type, self.actions
        terms = self.ontology_subjects if reference_check else ()
        out = []
        for s, p, o in graph:
            S = memo.get(s)
            if S is None:
                if s in terms:
                    return None
                S = memo[s] = _term(s)
            P = memo.get(p)
            if P is None:
                P = memo[p] = _term(p)
            if type(o) is Literal:
                O = _term(o)
            else:
                O = memo.get(o)
                if O is None:
                    O = memo[o] = _term(o)
            out.append(Quad(S, P, O, g))
            action = actions.get(p)
            if action is not None:  # rdf:type, rdfs:subClassOf or a target predicate
                is_type, is_subclass, subject_marks, object_marks = action
                if is_subclass and reference_check:
                    return None
                _add_marks(out, S, O, by_type.get(o, ()) if is_type else (), subject_marks, object_marks, g)
        return out

    # -- running -----------------------------------------------------------------------------
    def _ox_quads(self, triples: Sequence, g) -> list | None:
        """:meth:`_quads` for a graph given as pyoxigraph triples or quads (from a store)."""
        Quad, by_type, actions, terms = ox.Quad, self.ox_by_type, self.ox_actions, self.ox_subjects
        out = []
        for t in triples:
            s, p, o = t.subject, t.predicate, t.object
            if s in terms:
                return None
            out.append(Quad(s, p, o, g))
            action = actions.get(p)
            if action is not None:
                is_type, is_subclass, subject_marks, object_marks = action
                if is_subclass:
                    return None
                _add_marks(out, s, o, by_type.get(o, ()) if is_type else (), subject_marks, object_marks, g)
        return out

    def _ox_marks(self, triples: Sequence, g) -> list | None:
        """The marks :meth:`_ox_quads` adds for a list of pyoxigraph triples, without copying the
        triples themselves (they are loaded as N-Triples text, :meth:`validate`); None when
        pySHACL must judge the graph, or when it holds a blank node (text would rename it)."""
        by_type, actions, terms, blank = self.ox_by_type, self.ox_actions, self.ox_subjects, ox.BlankNode
        out = []
        for t in triples:
            s, p = t.subject, t.predicate
            if s in terms or type(s) is blank:
                return None
            action = actions.get(p)
            if action is None:
                if type(t.object) is blank:
                    return None
                continue
            o = t.object
            is_type, is_subclass, subject_marks, object_marks = action
            if is_subclass or type(o) is blank:
                return None
            _add_marks(out, s, o, by_type.get(o, ()) if is_type else (), subject_marks, object_marks, g)
        return out

    def validate(self, graphs: Sequence, *, reference_check: bool = True) -> list[list[tuple] | None]:
        """Validate each graph (an rdflib Graph, or a list of pyoxigraph quads or triples as a store
        hands them out); returns, per graph, its results as (shape, component, severity,
        message, path, inverse, focus, value, row) tuples of rdflib terms, or None for a graph
        that pySHACL must judge (:meth:`_quads`)."""
        store = ox.Store()
        quads, memo, judged, texts = [], {}, [], []
        for i, graph in enumerate(graphs):
            g = ox.NamedNode(f"{_BATCH}{i}")
            found = None
            if isinstance(graph, Graph):
                found = self._quads(graph, g, memo, reference_check=reference_check)
            elif graph and type(graph[0]) is ox.Triple:  # what the build makes: loaded as text, in Rust
                found = self._ox_marks(graph, g)
                if found is not None:
                    texts.append((ox.serialize(graph, format=_NT), g))
                else:  # for pySHACL (None again), or a blank node: copied term by term
                    found = self._ox_quads(graph, g)
            else:
                found = self._ox_quads(graph, g)
            if found is None:
                continue
            quads += found
            quads += [ox.Quad(s, p, o, g) for s, p, o in self.slice]
            judged.append(i)
        for data, g in texts:
            store.load(data, format=_NT, to_graph=g)
        store.extend(quads)
        out: list[list[tuple] | None] = [None] * len(graphs)
        for i in judged:
            out[i] = list(self.always)
        for c in self.checks:
            for row in store.query(c.query):
                focus = from_ox(row["this"])
                value = None
                if c.has_value:  # a node shape's own constraints report the focus as the value
                    value = from_ox(row["value"]) if c.path is not None else focus
                broken = [k for i, k in enumerate(c.components) if not c.flagged or row[f"c{i}"].value == "true"]
                for component in broken:
                    out[_index(row["g"])].append((c.shape, component, c.severity, c.message, c.path,
                                                  c.path_inverse, focus, value, {}))
        for b in self.sparql:
            result = store.query(b.query)
            names = [v.value for v in result.variables if v.value != "_g"]
            rows = list(result)
            if not rows:  # conforming data: no need to find the focus nodes
                continue
            focus = {(r["_g"], r["this"]) for r in store.query(b.focus_query)}
            for row in rows:
                if (row["_g"], row["this"]) in focus:
                    values = {n: from_ox(row[n]) for n in names if row[n] is not None}
                    s = b.shape
                    path = values.get("path")
                    out[_index(row["_g"])].append((s.shape, SH.SPARQLConstraintComponent, s.severity,
                                                   Literal(_format(s.message, values)), path, None,
                                                   values["this"], values.get("value"), values))
        return out


def _index(g: ox.NamedNode) -> int:
    return int(g.value[len(_BATCH):])


def _ox(term):
    from ..store.oxigraph import to_ox

    return to_ox(term)


def _term(t):
    """rdflib term -> pyoxigraph term (a simple literal as an xsd:string one, as Oxigraph does)."""
    if type(t) is Literal:
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None and t.datatype != XSD.string:
            return ox.Literal(str(t), datatype=ox.NamedNode(t.datatype))
        return ox.Literal(str(t))
    if isinstance(t, URIRef):
        return ox.NamedNode(t)
    if isinstance(t, BNode):
        return ox.BlankNode(t)
    return _ox(t)


@cache
def engine() -> SparqlEngine:
    from .shacl import _ontology_graph, _shapes_graph

    return SparqlEngine(_shapes_graph(), _ontology_graph())


def report(results: list[tuple]):
    """A :class:`~kg.validate.shacl.ValidationReport` from :meth:`SparqlEngine.run` results,
    with a SHACL report graph laid out as pySHACL lays it out."""
    from .shacl import ValidationReport, Violation

    g = Graph()
    g.bind("sh", SH)
    root = BNode()
    conforms = not any(r[2] == SH.Violation for r in results)
    g.add((root, RDF.type, SH.ValidationReport))
    g.add((root, SH.conforms, Literal(conforms)))
    violations = []
    for shape, component, severity, message, path, inverse, focus, value, _row in results:
        r = BNode()
        g.add((root, SH.result, r))
        g.add((r, RDF.type, SH.ValidationResult))
        g.add((r, SH.focusNode, focus))
        g.add((r, SH.sourceShape, shape))
        g.add((r, SH.sourceConstraintComponent, component))
        g.add((r, SH.resultSeverity, severity))
        if message is not None:
            g.add((r, SH.resultMessage, message))
        if value is not None:
            g.add((r, SH.value, value))
        path_node = None
        if inverse is not None:
            path_node = BNode()
            g.add((path_node, SH.inversePath, inverse))
        elif path is not None:
            path_node = path
        if path_node is not None:
            g.add((r, SH.resultPath, path_node))
        violations.append(Violation(focus_node=focus, shape=shape, path=path_node,
                                    message=str(message) if message is not None else "", severity=severity,
                                    value=value, component=component))
    violations.sort(key=lambda v: (str(v.shape), str(v.focus_node), str(v.value)))
    return ValidationReport(conforms=conforms, results=violations, report_graph=g)


def _add_marks(out: list, s, o, type_marks, subject_marks, object_marks, g) -> None:
    """The marks one statement earns (by its subject's class, on its subject, on its object),
    as quads in graph ``g`` appended to ``out``."""
    Quad = ox.Quad
    for mp, mo in type_marks:
        out.append(Quad(s, mp, mo, g))
    for mp, mo in subject_marks:
        out.append(Quad(s, mp, mo, g))
    for mp, mo in object_marks:
        out.append(Quad(o, mp, mo, g))
