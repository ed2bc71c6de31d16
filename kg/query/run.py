"""Run one read-only SPARQL query over the store, with a result limit, as of a date, in any standard format.

The CLI (``kg query``, ``kg sparql``), the notebook API (``kg.api``) and the HTTP endpoint (``kg serve``)
all call :func:`execute` and :meth:`Result.serialize`, so they answer the same rows in the same bytes.
A result larger than ``max_results`` is refused whole with its size (ResultLimitExceeded), never cut.
"""
from __future__ import annotations

import json
from itertools import islice
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from ..errors import Errors, QueryFailed, ResultLimitExceeded
from ..graph.namespaces import PREFIXES, bind_prefixes
from ..store.oxigraph import XSD_STRING, from_ox, to_ox
from .as_of import graphs_as_of
from .forms import query_form

# format name -> (media type, pyoxigraph format); SELECT and ASK results ...
RESULT_FORMATS = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
}
# ... and CONSTRUCT and DESCRIBE graphs
GRAPH_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
}
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}


def formats_for(form: str) -> dict[str, tuple[str, object]]:
    """The output formats of a query form (``"SELECT"`` ... ``"DESCRIBE"``)."""
    return GRAPH_FORMATS if form in GRAPH_FORMS else RESULT_FORMATS


@dataclass
class Result:
    """The whole answer to one query (a result is never partial).

    form: SELECT, ASK, CONSTRUCT or DESCRIBE. ``variables`` and ``solutions`` (tuples of pyoxigraph
    terms, None when unbound) for SELECT; ``boolean`` for ASK; ``triples`` for CONSTRUCT/DESCRIBE.
    """

    form: str
    variables: list[str] = field(default_factory=list)
    solutions: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def __len__(self) -> int:
        """Rows of a SELECT, triples of a CONSTRUCT/DESCRIBE, 1 for an ASK."""
        if self.form == "ASK":
            return 1
        return len(self.triples) if self.form in GRAPH_FORMS else len(self.solutions)

    @property
    def rows(self) -> list[dict[str, Node | None]]:
        """SELECT rows as dicts of rdflib terms (an unbound variable maps to None)."""
        return [{v: (None if t is None else from_ox(t)) for v, t in zip(self.variables, s)} for s in self.solutions]

    def graph(self) -> Graph:
        """CONSTRUCT/DESCRIBE triples as an rdflib Graph."""
        g = Graph()
        bind_prefixes(g)
        for t in self.triples:
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def serialize(self, fmt: str = "json") -> bytes:
        """The result in a W3C format: json, xml, csv, tsv (SELECT, ASK); turtle, nt, jsonld, rdfxml (graphs)."""
        known = formats_for(self.form)
        if fmt not in known:
            raise QueryFailed(Errors.E511.format(fmt=fmt, form=self.form, known=", ".join(known)))
        target = known[fmt][1]
        if self.form in GRAPH_FORMS:
            prefixes = _PREFIXES if target in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
            kwargs = {"prefixes": prefixes} if prefixes else {}
            return ox.serialize(self.triples, format=target, **kwargs)
        body = json.dumps(self._json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if fmt == "json":
            return body
        # one writer of our own (JSON); Oxigraph's writers do the others, from the parsed JSON
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=target)

    def _json(self) -> dict:
        if self.form == "ASK":
            return {"head": {}, "boolean": bool(self.boolean)}
        bindings = [{v: _json_term(t) for v, t in zip(self.variables, s) if t is not None} for s in self.solutions]
        return {"head": {"vars": self.variables}, "results": {"bindings": bindings}}


def _json_term(term) -> dict:
    """SPARQL 1.1 Query Results JSON term (https://www.w3.org/TR/sparql11-results-json/#select-encode-terms)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):  # RDF-star, as Oxigraph writes it
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"cannot encode {term!r}")


def execute(store, text: str, *, bindings: dict[str, Node] | None = None, as_of: str | date | None = None,
            default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
            max_results: int | None = None, form: str | None = None) -> Result:
    """Run a read-only query and return its whole result.

    store (GraphStore): the store; its default graph is the union of the article graphs.
    text (str): SPARQL 1.1 query; the project's prefixes (kg:, schema:, prov:, oa: ...) are predeclared.
    bindings (dict): variable name -> RDF term, substituted by Oxigraph (never spliced into the text).
    as_of (str | date): only the article graphs published by that day (see ``kg.query.as_of``).
    default_graphs, named_graphs (list[str]): the SPARQL Protocol's default-graph-uri / named-graph-uri.
    max_results (int): refuse (ResultLimitExceeded, E508, with the count) a larger result; None: no limit.
    form (str): the query form when the caller knows it (a stored question's ``StoredQuery.form``,
        read once); otherwise read from ``text``, refusing updates and SERVICE.
    Raises ReadOnly for updates and SERVICE, QueryFailed for invalid SPARQL, BadParameter for a bad date.
    """
    form = form or query_form(text)
    kwargs: dict = {}
    if as_of is not None:
        chosen = [ox.NamedNode(str(g)) for g in graphs_as_of(store, as_of)]
        kwargs = {"default_graph": chosen, "named_graphs": chosen}
    if default_graphs:
        kwargs["default_graph"] = _restrict(default_graphs, kwargs.get("default_graph"))
    if named_graphs:
        kwargs["named_graphs"] = _restrict(named_graphs, kwargs.get("named_graphs"))
    subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
    try:
        answer = store.store.query(text, substitutions=subs, prefixes=_PREFIXES, **kwargs)
        return _collect(form, answer, max_results)
    except SyntaxError as e:
        raise QueryFailed(Errors.E513.format(reason=e)) from None
    except OSError as e:
        raise QueryFailed(Errors.E505.format(name="(query)", reason=e)) from None


def _restrict(iris: list[str], within: list | None) -> list:
    """Graphs named by the request, kept inside an as-of choice when there is one."""
    asked = [ox.NamedNode(str(URIRef(i))) for i in iris]
    return asked if within is None else [g for g in asked if g in within]


def _collect(form: str, answer, max_results: int | None) -> Result:
    if form == "ASK":
        return Result(form, boolean=bool(answer))
    graph = form in GRAPH_FORMS
    # a solution as a tuple straight from Oxigraph (its values in the order of its variables): a
    # lookup by name for each value cost 15% of a question of a thousand rows
    items = list(answer) if graph else [tuple(s) for s in (answer if max_results is None
                                                           else islice(answer, max_results + 1))]
    if max_results is not None and len(items) > max_results:
        count = len(items) + sum(1 for _ in answer)
        raise ResultLimitExceeded(Errors.E508.format(count=count, limit=max_results), count, max_results)
    if graph:
        return Result(form, triples=items)
    return Result(form, variables=[v.value for v in answer.variables], solutions=items)
