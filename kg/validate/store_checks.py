"""Rules that only the whole store can see, checked directly on the Oxigraph store.

The SHACL shapes (``ontology/shapes.ttl``) run on one article's graph at a time, so a rule whose
evidence is spread over two articles escapes them: article A says plan X revises plan Y, article
B says Y revises X. These checks run over the store's default graph, which is the deduplicated
union of the article graphs (:class:`kg.store.GraphStore`), with ``GRAPH ?g`` where they need to
know which article said what. They are SPARQL on pyoxigraph (the revision-cycle check reads the
revision steps with SPARQL and finds cycles in Python, in linear time) rather than pySHACL,
because pySHACL over an Oxigraph-backed graph goes quadratic once there are violations, and
SPARQL on pyoxigraph is 9-12x faster anyway (../shared/notes/README.md).

Each check is named by an IRI in the shapes namespace (``kgsh:StoreRevisionCycle`` ...), which a
finding carries as its ``violation.shape`` just as a SHACL result carries ``sh:sourceShape``;
:func:`check_descriptions` states them as RDF (``kgsh:StoreCheck``, ``rdfs:comment``,
``sh:message``). A check reports only what the per-article shapes cannot: a revision cycle
within one article is kgsh:ProposalRevisionCycleShape's, so ``kg validate`` names every problem
once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from ..graph.namespaces import KG
from ..store import GraphStore
from .shacl import ONTOLOGY_PATH, Violation
from .store_cycles import cycle_detail, revision_cycle_rows

KGSH = Namespace("https://w3id.org/parley/shapes#")


@dataclass
class StoreFinding:
    """One violation of a store check, field for field a :class:`kg.validate.store.GraphFinding`.

    graph: the article graph that states the offending statement (one of them, if several do).
    violation: a :class:`kg.validate.shacl.Violation` whose ``shape`` is the check's IRI.
    label, article, words: the focus node's label, that graph's article file name and the words
        of the focus node's first evidence in that graph, for people.
    """

    graph: URIRef
    violation: Violation
    label: str | None = None
    article: str | None = None
    words: str | None = None


@dataclass(frozen=True)
class StoreCheck:
    """A rule over the whole store.

    id: the check's IRI in the shapes namespace, reported as the violation's shape.
    comment: the rule in words (``rdfs:comment``).
    message: what a violation means (``sh:message``).
    rows: finds the violations in a store, one row each: ``this`` (focus node), ``value``
        (offending value), ``graph`` (an article graph that states the offending statement),
        plus whatever ``detail`` uses. Most checks are one SPARQL SELECT (:func:`_select`).
    detail: words one row, given the row and the store.
    path: the property the check is about (``sh:resultPath``).
    """

    id: URIRef
    comment: str
    message: str
    rows: Callable[[GraphStore], Iterable[dict]]
    detail: Callable[[dict, GraphStore], str]
    path: URIRef | None = None


def _select(query: str | Callable[[], str], focus_class: URIRef, focused: Callable[[], str] | None = None,
            could: Callable[[ox.Store, object], bool] | None = None) -> Callable[..., Iterable[dict]]:
    """A check's rows as the results of one SELECT (``query`` may be built on first use); given
    focus nodes, only the rows about those of them typed ``focus_class`` in the store (the
    check's focus nodes are) and for which ``could(raw store, node)`` holds (a necessary
    condition of a row, tested by pattern lookups in the union: most nodes never reach SPARQL):
    a VALUES block of the nodes (written by Oxigraph, never spliced from text) where the query's
    ``# (focus nodes)`` line stands (in ``focused``, when the query is better written another
    way to start from those nodes)."""
    cls = ox.NamedNode(str(focus_class))

    def rows(store: GraphStore, focus: list | dict | None = None) -> Iterable[dict]:
        if focus is None:
            return store.rows(query() if callable(query) else query)
        types = focus if isinstance(focus, dict) else typed(store, focus)
        focus = [n for n, classes in types.items() if cls in classes and (could is None or could(store.store, n))]
        if not focus:
            return []
        text = focused() if focused is not None else query() if callable(query) else query
        values = "VALUES ?this { " + " ".join(str(_ox_node(n)) for n in focus) + " }"
        return store.rows(text.replace("# (focus nodes)", values, 1))
    return rows


def typed(store: GraphStore, focus: Iterable) -> dict:
    """Each focus node (a pyoxigraph term) -> its classes in the store's union."""
    raw, union = store.store, ox.DefaultGraph()
    return {n: frozenset(q.object for q in raw.quads_for_pattern(_ox_node(n), _RDF_TYPE, None, union)) for n in focus}


def _objects(raw: ox.Store, node, predicate: ox.NamedNode) -> list:
    return [q.object for q in raw.quads_for_pattern(node, predicate, None, ox.DefaultGraph())]


def _ox_node(node):
    """An IRI as pyoxigraph writes it in SPARQL (it rejects an invalid one)."""
    return node if isinstance(node, ox.NamedNode) else ox.NamedNode(str(node))


_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SPEAKER, _STATUS, _DATE = (ox.NamedNode(str(p)) for p in (KG.speaker, KG.status, KG.date))
_HELD = ox.NamedNode(str(KG.Held))
FOCUS_MAX = 5000  # focus nodes beyond which the whole store is checked instead


def focus_nodes(store: GraphStore, subjects: set) -> dict | None:
    """The nodes a store check must look at after graphs stating ``subjects`` (pyoxigraph terms)
    were written, each with its classes in the union (:func:`typed`): those subjects, and the
    claims whose speaker is one of them typed with a class disjoint with kg:Actor (typing a
    speaker so in one article breaks a claim of another). None when the whole store must be
    checked: too many nodes, or a store other than the embedded one."""
    raw = getattr(store, "store", None)
    if not isinstance(raw, ox.Store) or len(subjects) > FOCUS_MAX:
        return None
    types = typed(store, subjects)
    disjoint = _ox_disjoint_with_actor()
    claims = {q.subject for s, classes in types.items() if not disjoint.isdisjoint(classes)
              for q in raw.quads_for_pattern(None, _SPEAKER, s, ox.DefaultGraph())}
    if len(subjects | claims) > FOCUS_MAX:
        return None
    types.update(typed(store, claims - subjects))
    return {n: types[n] for n in sorted(types, key=str)}


# -- kgsh:StoreClaimSpeaker -----------------------------------------------------------------
# The classes disjoint with kg:Actor (and their subclasses) come from the ontology, so that the
# query matches type IRIs exactly instead of walking rdfs:subClassOf in the data, which holds no
# ontology. A speaker no article types at all is kgsh:ClaimSpeakerTypeShape's (per article).
CLAIM_SPEAKER = """
SELECT ?this ?value (SAMPLE(?type) AS ?other) (MIN(STR(?g)) AS ?graph)
WHERE {
    # (focus nodes)
    ?this kg:speaker ?speaker ;
          rdf:type kg:Claim .
    ?speaker rdf:type ?type .
    VALUES ?type { %s }
    GRAPH ?g { ?this kg:speaker ?speaker }
    BIND (?speaker AS ?value)
}
GROUP BY ?this ?value"""


def _speaker_could(raw: ox.Store, claim) -> bool:
    """A speaker of the claim is typed, in the union, with a class disjoint with kg:Actor."""
    disjoint = _ox_disjoint_with_actor()
    return any(c in disjoint for speaker in _objects(raw, claim, _SPEAKER) for c in _objects(raw, speaker, _RDF_TYPE))


def _speaker_detail(row: dict, store: GraphStore) -> str:
    return (f"kg:speaker <{row['value']}> is also typed <{row['other']}> in the store, "
            "a class disjoint with kg:Actor, so it cannot be an actor")


# -- kgsh:StoreHeldMeetingDate --------------------------------------------------------------
HELD_MEETING_DATE = """
SELECT ?this (MAX(?date) AS ?value) ?graph (SAMPLE(?name) AS ?article) (SAMPLE(?published) AS ?on)
WHERE {
    GRAPH ?graph {
        # (focus nodes)
        ?this kg:status kg:Held .
        ?graph prov:wasDerivedFrom ?doc .
        ?doc schema:datePublished ?published .
        OPTIONAL { ?doc kg:fileName ?name }
    }
    ?this kg:date ?date .
    # Only real dates are compared; other datatypes are kgsh:Meeting-date's business.
    FILTER (DATATYPE(?date) = xsd:date && DATATYPE(?published) = xsd:date && ?date > ?published)
    # a date the reporting article states itself is kgsh:HeldMeetingDateShape's
    FILTER NOT EXISTS { GRAPH ?graph { ?this kg:date ?date } }
}
GROUP BY ?this ?graph"""


def _held_could(raw: ox.Store, meeting) -> bool:
    """Reported as held by some article, and dated by some article."""
    return _HELD in _objects(raw, meeting, _STATUS) and bool(_objects(raw, meeting, _DATE))


def _held_detail(row: dict, store: GraphStore) -> str:
    return (f"{row.get('article') or row['graph']} (published {row['on']}) reports the meeting as held, "
            f"but another article dates it {row['value']}")


# -- kgsh:StoreMeetingDate ------------------------------------------------------------------
MEETING_DATE = """
SELECT ?this (MAX(?date) AS ?value) (MIN(?date) AS ?first) (MIN(STR(?g)) AS ?graph)
WHERE {
    # (focus nodes)
    ?this rdf:type kg:Meeting ;
          kg:date ?date .
    GRAPH ?g { ?this kg:date ?date }
}
GROUP BY ?this
HAVING (COUNT(DISTINCT ?date) > 1)"""


def _dates_could(raw: ox.Store, meeting) -> bool:
    """Dated twice in the union."""
    return len(_objects(raw, meeting, _DATE)) > 1


def _meeting_date_detail(row: dict, store: GraphStore) -> str:
    return f"articles date the meeting both {row['first']} and {row['value']}"


CHECKS: tuple[StoreCheck, ...] = (
    StoreCheck(
        KGSH.StoreRevisionCycle,
        "Revision is a strict order over the whole store: following prov:wasRevisionOf, whichever "
        "articles state each step, never leads back to the start.",
        "A proposal is transitively a revision of itself through steps stated in different articles",
        revision_cycle_rows, cycle_detail, URIRef("http://www.w3.org/ns/prov#wasRevisionOf")),
    StoreCheck(
        KGSH.StoreClaimSpeaker,
        "The speaker of a claim is an actor in the whole store: no article may type it with a class "
        "disjoint with kg:Actor (a meeting, claim, proposal, article, evidence or provision).",
        "The kg:speaker of a claim is typed, in some article, with a class disjoint with kg:Actor",
        _select(lambda: CLAIM_SPEAKER % " ".join(f"<{c}>" for c in _disjoint_with_actor()), KG.Claim,
                # from a few claims, a FILTER beats a VALUES of types (which Oxigraph starts from)
                lambda: CLAIM_SPEAKER.replace("VALUES ?type { %s }", "FILTER (?type IN (%s))")
                % ", ".join(f"<{c}>" for c in _disjoint_with_actor()), _speaker_could),
        _speaker_detail, KG.speaker),
    StoreCheck(
        KGSH.StoreHeldMeetingDate,
        "A meeting reported as held is not dated after the article that reports it, even when the "
        "date comes from another article that reports the same meeting.",
        "A meeting with kg:status kg:Held is dated, by another article, after the article that reports it",
        _select(HELD_MEETING_DATE, KG.Meeting, could=_held_could), _held_detail, KG.date),
    StoreCheck(
        KGSH.StoreMeetingDate,
        "A meeting happens on one day: the articles that report it agree on its kg:date (a meeting's "
        "IRI is shared across articles, so two dates mean two meetings were merged).",
        "Articles give one meeting different kg:date values",
        _select(MEETING_DATE, KG.Meeting, could=_dates_could), _meeting_date_detail, KG.date),
)


@cache
def _disjoint_with_actor() -> tuple[URIRef, ...]:
    """Classes the ontology makes disjoint with kg:Actor, with all their subclasses."""
    onto = Graph().parse(ONTOLOGY_PATH, format="turtle")
    disjoint: set[URIRef] = set(onto.objects(KG.Actor, OWL.disjointWith))
    disjoint.update(onto.subjects(OWL.disjointWith, KG.Actor))
    for axiom in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(onto, onto.value(axiom, OWL.members)))
        if KG.Actor in members:
            disjoint.update(m for m in members if m != KG.Actor)
    closed = {c for d in disjoint for c in onto.transitive_subjects(RDFS.subClassOf, d)}
    return tuple(sorted(c for c in closed if isinstance(c, URIRef)))


@cache
def _ox_disjoint_with_actor() -> frozenset:
    return frozenset(ox.NamedNode(str(c)) for c in _disjoint_with_actor())


# pyoxigraph substitutes only variables of the projection (SEP-0007), hence ?graph and ?this
CONTEXT = """
SELECT ?graph ?this ?label ?name ?words
WHERE {
    GRAPH ?graph {
        OPTIONAL { ?this rdfs:label ?label }
        OPTIONAL { ?graph prov:wasDerivedFrom/kg:fileName ?name }
        OPTIONAL { ?this kg:evidence/oa:hasSelector/oa:exact ?words }
    }
}
LIMIT 1"""


def _context(store: GraphStore, graph: URIRef, focus) -> tuple[str | None, str | None, str | None]:
    for row in store.rows(CONTEXT, {"graph": graph, "this": focus}):
        return tuple(None if row[k] is None else str(row[k]) for k in ("label", "name", "words"))
    return None, None, None


def run_check(store: GraphStore, check: StoreCheck, *, focus: list | dict | None = None) -> list[StoreFinding]:
    """Run one store check.

    store (GraphStore): the store; the check reads its union default graph and named graphs.
    check (StoreCheck): one of :data:`CHECKS`.
    focus (list | dict | None): only the violations whose focus node is one of these (see
        :func:`focus_nodes`; or a dict of them to their classes, :func:`typed`); None for all.
    RETURNS (list[StoreFinding]): one finding per offending focus node and value, sorted.
    """
    out = []
    for row in (check.rows(store) if focus is None else check.rows(store, focus)):
        graph = URIRef(str(row["graph"]))  # MIN(STR(?g)) in a query: a literal
        focus = row["this"]
        violation = Violation(
            focus_node=focus,
            shape=check.id,
            path=check.path,
            message=check.detail(row, store),
            severity=SH.Violation,
            value=row.get("value"),
            component=SH.SPARQLConstraintComponent,
        )
        label, article, words = _context(store, graph, focus)
        out.append(StoreFinding(graph, violation, label, article, words))
    return sorted(out, key=lambda f: (str(f.violation.focus_node), str(f.violation.value)))


def check_store(store: GraphStore, *, checks: tuple[StoreCheck, ...] = CHECKS,
                focus: list | None = None) -> list[StoreFinding]:
    """Run every store check (or the given ones) over the whole store.

    store (GraphStore): the store to check; nothing is written.
    checks: the checks to run, :data:`CHECKS` by default.
    focus (list | dict | None): only the violations about these nodes (:func:`focus_nodes` of
        what a build wrote): what an added article can have broken, at a cost in proportion to it.
    RETURNS (list[StoreFinding]): the findings, check by check.
    """
    if focus is not None and not isinstance(focus, dict):  # each node's classes, once for all the checks
        focus = typed(store, focus)
    return [f for check in checks for f in run_check(store, check, focus=focus)]


def check_descriptions() -> Graph:
    """The store checks as RDF, so that they sit in the shapes' vocabulary beside the shapes:
    ``kgsh:StoreRevisionCycle a kgsh:StoreCheck ; rdfs:comment "..." ; sh:message "..."``."""
    g = Graph()
    g.bind("kgsh", KGSH)
    g.add((KGSH.StoreCheck, RDF.type, RDFS.Class))
    g.add((KGSH.StoreCheck, RDFS.comment, Literal(
        "A rule checked by SPARQL over the whole store (kg/validate/store_checks.py), for what one "
        "article's graph cannot show.", lang="en")))
    for check in CHECKS:
        g.add((check.id, RDF.type, KGSH.StoreCheck))
        g.add((check.id, RDFS.comment, Literal(check.comment, lang="en")))
        g.add((check.id, SH.message, Literal(check.message, lang="en")))
        if check.path is not None:
            g.add((check.id, SH.path, check.path))
    return g


def report_graph(findings: list[StoreFinding]) -> Graph:
    """The findings as a SHACL validation report, so ``kg validate --format turtle`` lists them
    with the shapes' results; ``sh:sourceShape`` is the check's IRI."""
    g = Graph()
    g.bind("sh", SH)
    g.bind("kgsh", KGSH)
    report = BNode()
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(not findings)))
    for f in findings:
        v, result = f.violation, BNode()
        g.add((report, SH.result, result))
        g.add((result, RDF.type, SH.ValidationResult))
        g.add((result, SH.focusNode, v.focus_node))
        g.add((result, SH.sourceShape, v.shape))
        g.add((result, SH.resultMessage, Literal(v.message)))
        g.add((result, SH.resultSeverity, v.severity))
        g.add((result, SH.sourceConstraintComponent, v.component))
        if v.path is not None:
            g.add((result, SH.resultPath, v.path))
        if v.value is not None:
            g.add((result, SH.value, v.value))
    return g
