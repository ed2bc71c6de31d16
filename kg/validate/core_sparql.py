"""Compile the SHACL Core shapes of ``ontology/shapes.ttl`` into SPARQL, to run on Oxigraph.

pySHACL walks every focus node and value in Python and builds a result graph node for each of
the ~230 results per article it then throws away as conforming (bench/validate_bench.py): about
as slow as the language model itself. Here each constraint of each shape becomes one SPARQL
SELECT that returns only the violations, for all article graphs of a batch at once (``GRAPH
?g``), so validation costs a few queries per batch instead of a walk per node.

The compiled checks follow the SHACL 1.0 Core definitions (https://www.w3.org/TR/shacl/#core-
components) and pySHACL's readings of them where the spec leaves room: a literal matches
``sh:datatype`` only when it is well formed for the XSD types pySHACL checks; blank nodes fail
``sh:pattern``, ``sh:minLength`` and the value ranges; a value that cannot be compared with the
bound fails the range. Each check reports what pySHACL reports: focus node, path (an inverse path
as a blank node with ``sh:inversePath``), value for the value-type components, source shape,
component, severity and message. tests/validate/test_engines.py runs both engines over every
broken variant of the shape tests and compares those fields.

A construct the compiler does not know raises :class:`UnsupportedShape` at compile time rather
than being skipped: a shape must never pass because nothing checked it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import count

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from .core_terms import (_COMPONENT, _COUNT_PARAMS, _META, _NODE_KIND, _QUALIFIED, _RANGE_OP, _VALUE_PARAMS,
                         _WELL_FORMED)

# Marks the engine adds to each graph it loads (never stored): ``?x kgv:focus kgv:focus-<k>``
# when ?x is a focus node of the shapes with targets number k, ``?x kgv:instanceOf C`` when ?x
# is an instance of C or of a subclass of C (as SHACL reads rdf:type, https://www.w3.org/TR/shacl/#dfn-shacl-instance).
KGV = "urn:parley:validation#"
FOCUS = URIRef(KGV + "focus")
FOCUS_MARK = KGV + "focus-"
INSTANCE_OF = URIRef(KGV + "instanceOf")


@dataclass(frozen=True)
class Targets:
    """The targets of a shape (https://www.w3.org/TR/shacl/#targets), with the subclasses of
    each target class."""

    classes: frozenset[URIRef]
    subjects_of: frozenset[URIRef]
    objects_of: frozenset[URIRef]
    nodes: frozenset[Node]


@dataclass
class CompiledShapes:
    """What :func:`core_checks` produces: the checks, and the marks the engine must add."""

    checks: list
    targets: dict[URIRef, Targets]  # focus mark -> the targets it stands for
    instance_of: dict[URIRef, frozenset[URIRef]]  # class C -> C and its subclasses
    classes: set[URIRef]  # every class a target or sh:class reads, with its subclasses


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature this compiler does not implement; validate it with pySHACL."""


@dataclass(frozen=True)
class CoreCheck:
    """Constraints of one shape as one SPARQL SELECT over the article graphs of a batch.

    query: returns ``?g ?this`` (and ``?value`` when ``has_value``) for each violation; when
        ``flagged``, also one boolean ``?c0``, ``?c1``, ... per entry of ``components``, true
        for each constraint the value breaks (one scan of the path checks them all).
    shape: the shape that reports (``sh:sourceShape``).
    path: the property shape's ``sh:path`` node in the shapes graph, None for node shapes;
        ``path_inverse`` is the predicate when that path is ``[ sh:inversePath P ]``.
    """

    query: str
    shape: URIRef | BNode
    components: tuple[URIRef, ...]
    flagged: bool
    severity: URIRef
    message: Literal | None
    path: Node | None
    path_inverse: URIRef | None
    has_value: bool


def term(node: Node) -> str:
    """An RDF term in SPARQL syntax (rdflib's N-Triples form, without prefixes)."""
    if isinstance(node, Literal):
        return Literal(str(node), lang=node.language, datatype=node.datatype).n3()
    if isinstance(node, URIRef):
        return f"<{node}>"
    raise UnsupportedShape(f"cannot write {node!r} into SPARQL")


def _sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class _Compiler:
    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.g = shapes
        self.ont = ontology
        self.fresh = count()
        self.targets: dict[Targets, URIRef] = {}
        self.instance_of: dict[URIRef, frozenset[URIRef]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def var(self, stem: str) -> str:
        return f"?_{stem}{next(self.fresh)}"

    def items(self, node: Node) -> list[Node]:
        return list(Collection(self.g, node))

    def subclasses(self, cls: Node) -> list[URIRef]:
        found = {c for c in self.ont.transitive_subjects(RDFS.subClassOf, cls) if isinstance(c, URIRef)}
        found |= {c for c in self.g.transitive_subjects(RDFS.subClassOf, cls) if isinstance(c, URIRef)}
        return sorted(found | ({cls} if isinstance(cls, URIRef) else set()))

    def path(self, shape: Node) -> tuple[str, Node, URIRef | None]:
        """The SPARQL path of a property shape, its node, and the predicate of an inverse path."""
        p = self.g.value(shape, SH.path)
        if isinstance(p, URIRef):
            return term(p), p, None
        inverse = self.g.value(p, SH.inversePath) if p is not None else None
        if isinstance(inverse, URIRef) and len(list(self.g.predicate_objects(p))) == 1:
            return "^" + term(inverse), p, inverse
        raise UnsupportedShape(f"{shape}: only IRI and sh:inversePath paths are compiled, not {p!r}")

    def check_known(self, shape: Node, allowed: set) -> None:
        unknown = {p for p in self.g.predicates(shape) if p not in allowed | _META}
        if (shape, SH.deactivated, None) in self.g:
            raise UnsupportedShape(f"{shape}: sh:deactivated is not compiled")
        if unknown:
            raise UnsupportedShape(f"{shape}: {', '.join(sorted(map(str, unknown)))} not compiled")

    # -- conformance of one node to a shape, as a SPARQL expression ----------------------------
    def value_test(self, param: URIRef, arg: Node, v: str, shape: Node) -> str:
        """True when node ``v`` satisfies constraint ``param`` with value ``arg``."""
        if param == SH.datatype:
            if arg == RDFS.Literal:
                return f"isLiteral({v})"
            test = f"isLiteral({v}) && sameTerm(DATATYPE({v}), {term(arg)})"
            if arg in _WELL_FORMED:  # ill-typed ("abc"^^xsd:integer) fails, as in pySHACL
                test += f" && isLiteral({term(arg)}(STR({v})))"
            return f"COALESCE({test}, false)"
        if param == SH.nodeKind:
            return _NODE_KIND[arg].format(v=v)
        if param == SH["class"]:  # instances of a class with subclasses are marked as the engine loads a graph
            classes = self.subclasses(arg)
            if len(classes) == 1:
                return f"EXISTS {{ {v} <{RDF.type}> {term(classes[0])} }}"
            self.instance_of.setdefault(arg, frozenset(classes))
            return f"EXISTS {{ {v} <{INSTANCE_OF}> {term(arg)} }}"
        if param == SH.pattern:
            flags = self.g.value(shape, SH.flags)
            extra = f", {_sparql_string(str(flags))}" if flags is not None else ""
            return f"COALESCE(!isBlank({v}) && REGEX(STR({v}), {_sparql_string(str(arg))}{extra}), false)"
        if param in (SH.minLength, SH.maxLength):
            op = ">=" if param == SH.minLength else "<="
            return f"COALESCE(!isBlank({v}) && STRLEN(STR({v})) {op} {int(arg)}, false)"
        if param in _RANGE_OP:
            return f"COALESCE(isLiteral({v}) && {v} {_RANGE_OP[param]} {term(arg)}, false)"
        if param == SH["in"]:
            members = self.items(arg)
            return "(" + (" || ".join(f"sameTerm({v}, {term(m)})" for m in members) or "false") + ")"
        if param == SH.hasValue:
            return f"sameTerm({v}, {term(arg)})"
        if param in (SH["or"], SH["and"], SH.xone):
            parts = [self.conforms(s, v) for s in self.items(arg)]
            if param == SH.xone:
                return "((" + " + ".join(f"IF({p}, 1, 0)" for p in parts) + ") = 1)"
            joiner = " || " if param == SH["or"] else " && "
            return "(" + (joiner.join(parts) or ("false" if param == SH["or"] else "true")) + ")"
        if param == SH["not"]:
            return f"!({self.conforms(arg, v)})"
        if param == SH.node:
            return self.conforms(arg, v)
        raise UnsupportedShape(f"{shape}: {param} is not compiled")

    def conforms(self, shape: Node, v: str) -> str:
        """A SPARQL expression, true when node ``v`` conforms to ``shape`` (used for the shapes
        inside sh:or / sh:xone / sh:qualifiedValueShape, and sh:node)."""
        parts = []
        if (shape, SH.path, None) in self.g:
            self.check_known(shape, _VALUE_PARAMS | _COUNT_PARAMS | {SH.hasValue})
            path, _, _ = self.path(shape)
            x = self.var("x")
            low = self.g.value(shape, SH.minCount)
            high = self.g.value(shape, SH.maxCount)
            if low is not None and int(low) > 1 or high is not None and int(high) != 0:
                raise UnsupportedShape(f"{shape}: nested counts other than minCount 1 / maxCount 0")
            if low is not None and int(low) == 1:
                parts.append(f"EXISTS {{ {v} {path} {x} }}")
            if high is not None:
                parts.append(f"NOT EXISTS {{ {v} {path} {x} }}")
            for arg in self.g.objects(shape, SH.hasValue):
                parts.append(f"EXISTS {{ {v} {path} {term(arg)} }}")
            for param, arg in self.g.predicate_objects(shape):
                if param in _VALUE_PARAMS and param != SH.flags:
                    y = self.var("y")
                    parts.append(f"NOT EXISTS {{ {v} {path} {y} . FILTER (!({self.value_test(param, arg, y, shape)})) }}")
        else:
            self.check_known(shape, _VALUE_PARAMS | {SH.hasValue})
            for param, arg in self.g.predicate_objects(shape):
                if param in _VALUE_PARAMS | {SH.hasValue} and param != SH.flags:
                    parts.append(self.value_test(param, arg, v, shape))
        for prop in self.g.objects(shape, SH.property):
            parts.append(self.conforms(prop, v))
        return "(" + (" && ".join(parts) or "true") + ")"

    # -- targets ------------------------------------------------------------------------------
    def focus(self, shape: Node) -> str | None:
        """A graph pattern binding ``?this`` to the shape's focus nodes, None without targets.

        The engine marks each focus node with a ``kgv:focus`` triple as it loads a graph (see
        :class:`Targets`), so every check finds its focus nodes with one index lookup instead of
        re-joining rdf:type with the class hierarchy. SPARQL-based targets belong to
        kg.validate.sparql_shapes."""
        classes: set[URIRef] = set()
        for cls in self.g.objects(shape, SH.targetClass):
            classes |= set(self.subclasses(cls))
        targets = Targets(frozenset(classes), frozenset(self.g.objects(shape, SH.targetSubjectsOf)),
                          frozenset(self.g.objects(shape, SH.targetObjectsOf)),
                          frozenset(self.g.objects(shape, SH.targetNode)))
        if not (targets.classes or targets.subjects_of or targets.objects_of or targets.nodes):
            return None
        # one class without subclasses, or one property: a plain triple pattern is cheaper than a mark
        if len(targets.classes) == 1 and not (targets.subjects_of or targets.objects_of or targets.nodes):
            return f"?this <{RDF.type}> {term(next(iter(targets.classes)))} ."
        if len(targets.subjects_of) == 1 and not (targets.classes or targets.objects_of or targets.nodes):
            return f"?this {term(next(iter(targets.subjects_of)))} {self.var('o')} ."
        mark = self.targets.setdefault(targets, URIRef(f"{FOCUS_MARK}{len(self.targets)}"))
        return f"?this <{FOCUS}> <{mark}> ."

    # -- checks -------------------------------------------------------------------------------
    def value_tests(self, shape: Node, v: str) -> tuple[tuple[URIRef, ...], str]:
        """The shape's own value constraints on ``v``: their components, and BINDs of ``?c<i>``
        (true when ``v`` breaks constraint i) followed by a FILTER keeping rows that break one."""
        components, binds = [], []
        for param, arg in sorted(self.g.predicate_objects(shape)):
            if param in _VALUE_PARAMS | {SH.hasValue} and param != SH.flags:
                if param == SH.hasValue and (shape, SH.path, None) in self.g:
                    continue  # on a property shape, sh:hasValue is about the set of values
                binds.append(f"BIND (!({self.value_test(param, arg, v, shape)}) AS ?c{len(components)})")
                components.append(_COMPONENT[param])
        if not components:
            return (), ""
        keep = " || ".join(f"?c{i}" for i in range(len(components)))
        return tuple(components), " ".join(binds) + f" FILTER ({keep})"

    def node_shape(self, shape: Node) -> list[CoreCheck]:
        focus = self.focus(shape)
        if focus is None:
            # untargeted shapes only matter where another shape refers to them (sh:node, sh:or)
            if (shape, SH.target, None) in self.g and any(
                    p in _VALUE_PARAMS | {SH.property} for p in self.g.predicates(shape)):
                raise UnsupportedShape(f"{shape}: core constraints on a SPARQL-targeted shape are not compiled")
            return []
        self.check_known(shape, _VALUE_PARAMS | {SH.hasValue})
        out = []
        components, tests = self.value_tests(shape, "?this")
        if components:
            q = f"SELECT DISTINCT ?g ?this {_flags(components)} WHERE {{ GRAPH ?g {{ {focus} {tests} }} }}"
            out.append(CoreCheck(q, shape, components, True, self.g.value(shape, SH.severity) or SH.Violation,
                                 self.g.value(shape, SH.message), None, None, has_value=True))
        for prop in self.g.objects(shape, SH.property):
            out += self.property_shape(prop, focus)
        return out

    def property_shape(self, shape: Node, focus: str) -> list[CoreCheck]:
        """The checks of one property shape, each from the marked focus nodes: the value tests
        of the shape in one scan of its path; minCount 1 as a focus node without a value,
        maxCount 1 as one with a second value (cheaper than counting in Oxigraph)."""
        self.check_known(shape, _VALUE_PARAMS | _COUNT_PARAMS | _QUALIFIED | {SH.hasValue})
        path, path_node, inverse = self.path(shape)
        severity = self.g.value(shape, SH.severity) or SH.Violation
        message = self.g.value(shape, SH.message)

        def check(query: str, components: tuple, has_value: bool, flagged: bool = False) -> CoreCheck:
            return CoreCheck(query, shape, components, flagged, severity, message, path_node, inverse, has_value)

        out = []
        components, tests = self.value_tests(shape, "?value")
        if components:
            # focus "subjects of p" and path p: each subject with a value is a focus node, so the focus
            # pattern only multiplies the rows (k values: k x k before DISTINCT)
            scan = "" if focus.startswith(f"?this {path} ?_") else focus
            out.append(check(f"SELECT DISTINCT ?g ?this ?value {_flags(components)} WHERE {{ GRAPH ?g {{ "
                             f"{scan} ?this {path} ?value . {tests} }} }}", components, True, flagged=True))
        for arg in self.g.objects(shape, SH.hasValue):
            out.append(check(f"SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {focus} "
                             f"FILTER NOT EXISTS {{ ?this {path} {term(arg)} }} }} }}", (SH.HasValueConstraintComponent,),
                             False))
        low, high = self.g.value(shape, SH.minCount), self.g.value(shape, SH.maxCount)
        if low is not None and int(low) > 0:
            out.append(check(self.at_least(focus, path, int(low), "true"), (SH.MinCountConstraintComponent,), False))
        if high is not None:
            out.append(check(self.at_most(focus, path, int(high), lambda v: "true"),
                             (SH.MaxCountConstraintComponent,), False))
        qualified = self.g.value(shape, SH.qualifiedValueShape)
        if qualified is not None:
            if (shape, SH.qualifiedValueShapesDisjoint, None) in self.g:
                raise UnsupportedShape(f"{shape}: sh:qualifiedValueShapesDisjoint is not compiled")
            low = self.g.value(shape, SH.qualifiedMinCount)
            high = self.g.value(shape, SH.qualifiedMaxCount)
            test = self.conforms(qualified, "?value")
            one = _SOLE_EXISTS.fullmatch(test)  # one triple on the value: joined by index, not EXISTS per row
            if low is not None and int(low) > 0:
                out.append(check(f"SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {focus} "
                                 f"MINUS {{ ?this {path} ?value . ?value {one[2]} }} }} }}" if one and int(low) == 1
                                 else self.at_least(focus, path, int(low), test),
                                 (SH.QualifiedMinCountConstraintComponent,), False))
            if high is not None:
                out.append(check(f"SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {focus} ?this {path} ?value . "
                                 f"?value {one[2]} . ?this {path} ?other . ?other {one[2]} . "
                                 f"FILTER (!sameTerm(?value, ?other)) }} }}" if one and int(high) == 1
                                 else self.at_most(focus, path, int(high), lambda v: self.conforms(qualified, v)),
                                 (SH.QualifiedMaxCountConstraintComponent,), False))
        return out

    @staticmethod
    def at_least(focus: str, path: str, n: int, test: str) -> str:
        """Focus nodes with fewer than ``n`` values (passing ``test``) on ``path``."""
        if n == 1:  # MINUS: the same as FILTER NOT EXISTS here (only ?this is shared), and cheaper in Oxigraph
            return (f"SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {focus} "
                    f"MINUS {{ ?this {path} ?value FILTER ({test}) }} }} }}")
        return (f"SELECT ?g ?this WHERE {{ GRAPH ?g {{ {focus} OPTIONAL {{ ?this {path} ?value FILTER ({test}) }} }} }} "
                f"GROUP BY ?g ?this HAVING (COUNT(DISTINCT ?value) < {n})")

    @staticmethod
    def at_most(focus: str, path: str, n: int, test) -> str:
        """Focus nodes with more than ``n`` values (passing ``test(var)``) on ``path``; the set
        semantics of a graph make the values of one path distinct."""
        if n == 0:
            return (f"SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {focus} ?this {path} ?value "
                    f"FILTER ({test('?value')}) }} }}")
        if n == 1:
            return (f"SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {focus} ?this {path} ?value . ?this {path} ?other . "
                    f"FILTER (!sameTerm(?value, ?other) && {test('?value')} && {test('?other')}) }} }}")
        return (f"SELECT DISTINCT ?g ?this WHERE {{ {{ SELECT ?g ?this WHERE {{ GRAPH ?g {{ ?this {path} ?value "
                f"FILTER ({test('?value')}) }} }} GROUP BY ?g ?this HAVING (COUNT(DISTINCT ?value) > {n}) }} "
                f"GRAPH ?g {{ {focus} }} }}")


_SOLE_EXISTS = re.compile(r"\(EXISTS \{ (\?value) (<[^>]+> <[^>]+>) \}\)")  # sh:class of one class


def _flags(components: tuple) -> str:
    return " ".join(f"?c{i}" for i in range(len(components)))


def core_checks(shapes: Graph, ontology: Graph) -> CompiledShapes:
    """Every SHACL Core constraint of ``shapes`` as a :class:`CoreCheck`, in a stable order.

    shapes (Graph): the shapes graph; its sh:sparql constraints are left to kg.validate.sparql_shapes.
    ontology (Graph): supplies the rdfs:subClassOf hierarchy for targets and sh:class.
    RETURNS (CompiledShapes). Raises UnsupportedShape for a construct it cannot compile.
    """
    compiler = _Compiler(shapes, ontology)
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape))
    for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode):
        shape_nodes |= set(shapes.subjects(p))
    for prop in shapes.subjects(RDF.type, SH.PropertyShape):
        if any((prop, p, None) in shapes for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetNode)):
            raise UnsupportedShape(f"{prop}: targets on a property shape are not compiled")
    checks = []
    for shape in sorted(shape_nodes, key=str):
        checks += compiler.node_shape(shape)
    return CompiledShapes(checks, {m: t for t, m in compiler.targets.items()}, compiler.instance_of,
                          target_classes(shapes, ontology))


def target_classes(shapes: Graph, ontology: Graph) -> set[URIRef]:
    """Every class a focus node or a sh:class value may be an instance of (with subclasses)."""
    compiler = _Compiler(shapes, ontology)
    out: set[URIRef] = set()
    for cls in (*shapes.objects(None, SH.targetClass), *shapes.objects(None, SH["class"])):
        out |= set(compiler.subclasses(cls))
    return out
