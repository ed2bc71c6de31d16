"""Load and run the stored queries in ``queries/``: one question per ``.rq`` file.

Each file opens with a comment block::

    # Who attended meetings at a place?
    # param place: label of the place (string), e.g. Moscow
    # columns: ?meeting ?date ?attendeeLabel ?doc

Parameters are SPARQL variables (``?place``) bound to RDF terms, never spliced into the query
text as strings, so a value like ``Moscow" } DROP ALL`` is just a string that matches nothing.
An unbound parameter matches anything. :meth:`StoredQuery.with_values` binds them in a VALUES
block opening the WHERE clause, each value written by Oxigraph as an RDF term (an IRI it has
validated, a literal it has escaped): Oxigraph then starts from the bound node, where its
substitution mechanism joins the bound value with the solutions of the whole pattern (measured
3x slower, and for ``evidence`` of one node it read the whole store). A parameter must be
matched by triple patterns, not only used inside a FILTER, and be in the SELECT projection.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..errors import BadParameter, Errors, UnknownQuery
from ..resources import resource
from .forms import query_form

QUERY_DIR = resource("queries")
_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*(?:\((\w+)\))?\s*:\s*(.*)$")


@dataclass
class StoredQuery:
    name: str
    text: str
    question: str
    params: dict[str, str] = field(default_factory=dict)  # name -> kind: string, iri, date, integer
    descriptions: dict[str, str] = field(default_factory=dict)

    @cached_property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE (kg.query.forms), read once per question: a VALUES
        block does not change it, and reading the form costs a pass over the text (0.2 ms, a
        fifth of a one-node question)."""
        return query_form(self.text)

    def bind(self, values: dict[str, str]) -> dict[str, Node]:
        """Turn ``--param`` strings into RDF terms of the declared kind."""
        unknown = set(values) - set(self.params)
        if unknown:
            raise BadParameter(Errors.E502.format(name=self.name, param=sorted(unknown)[0],
                                                  known=", ".join(self.params) or "none"))
        bound: dict[str, Node] = {}
        for key, value in values.items():
            kind = self.params[key]
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise BadParameter(Errors.E516.format(name=self.name, param=key, kind="text", value=value)) from None
            if kind == "iri":
                if not _is_iri(value):
                    raise BadParameter(Errors.E516.format(name=self.name, param=key, kind=kind, value=value))
                bound[key] = URIRef(value)
            elif kind == "date":
                try:
                    bound[key] = Literal(date.fromisoformat(value), datatype=XSD.date)
                except ValueError:
                    raise BadParameter(Errors.E516.format(name=self.name, param=key, kind=kind, value=value)) from None
            elif kind == "integer":
                if not re.fullmatch(r"[+-]?\d{1,18}", value.strip()):
                    raise BadParameter(Errors.E516.format(name=self.name, param=key, kind=kind, value=value))
                bound[key] = Literal(int(value))
            else:
                bound[key] = Literal(value)
        return bound

    def with_values(self, bindings: dict[str, Node]) -> str:
        """The query text with ``bindings`` (from :meth:`bind`) as a VALUES block where each line
        ``# (bound parameters)`` stands, else at the start of the WHERE clause; the text unchanged
        when nothing is bound. Oxigraph starts from a VALUES block only within its own group: a
        query whose parameter is first matched inside ``GRAPH ?g { }`` or a subquery puts the
        line there (evidence.rq: 1 ms instead of 1 s for one node)."""
        if not bindings:
            return self.text
        names = sorted(bindings)
        row = " ".join(_term(bindings[n]) for n in names)
        values = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
        if _MARKER.search(self.text):  # every marked group (each branch of a UNION) gets the block
            return _MARKER.sub(lambda m: m.group(0) + "\n   " + values, self.text)
        m = re.search(r"\bWHERE\s*\{", _masked(self.text), re.I)
        if m is None:
            raise ValueError(f"{self.name}: no WHERE clause to bind parameters in")
        return self.text[:m.end()] + values + self.text[m.end():]


_MARKER = re.compile(r"^[ \t]*# \(bound parameters\)[ \t]*$", re.M)
_LEXICAL = re.compile(r'"(?:[^"\\]|\\.)*"|<[^<>"\s]*>|#[^\n]*')


def _masked(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked (same length), so that a search for
    keywords and braces sees only the query's structure."""
    return _LEXICAL.sub(lambda m: " " * len(m.group(0)), text)


def _term(node: Node) -> str:
    """An RDF term in SPARQL syntax, written by Oxigraph (which rejects an invalid IRI)."""
    if isinstance(node, URIRef):
        return str(ox.NamedNode(str(node)))
    if isinstance(node, Literal):
        if node.language:
            return str(ox.Literal(str(node), language=node.language))
        if node.datatype:
            return str(ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype))))
        return str(ox.Literal(str(node)))
    raise TypeError(f"cannot bind {node!r}" + (" (a blank node)" if isinstance(node, BNode) else ""))


def _is_iri(value: str) -> bool:
    """An absolute IRI, as the store parses it (RFC 3987)."""
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return ":" in value


def parse_query(path: Path) -> StoredQuery:
    text = path.read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    question = comments[0].lstrip("# ").strip() if comments else path.stem
    q = StoredQuery(path.stem, text, question)
    for line in comments:
        m = _PARAM.match(line)
        if m:
            q.params[m.group(1)] = m.group(2) or "string"
            q.descriptions[m.group(1)] = m.group(3).strip()
    return q


def stored_queries(folder: Path = QUERY_DIR) -> dict[str, StoredQuery]:
    """Every stored query by name, from the ``.rq`` files of ``folder``."""
    return {p.stem: parse_query(p) for p in sorted(folder.glob("*.rq"))}


def get_query(name: str, folder: Path = QUERY_DIR) -> StoredQuery:
    """The stored query ``name``, or the query in a file when ``name`` is a path to an ``.rq`` file
    (same comment header, same ``# param`` declarations)."""
    if name.endswith(".rq") or "/" in name or "\\" in name:
        path = Path(name)
        try:
            return parse_query(path)
        except (OSError, UnicodeDecodeError) as e:
            raise UnknownQuery(Errors.E512.format(path=path, reason=getattr(e, "strerror", None) or e)) from None
    queries = stored_queries(folder)
    if name not in queries:
        raise UnknownQuery(Errors.E501.format(name=name, known=", ".join(queries)))
    return queries[name]


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["place=Moscow"]`` -> ``{"place": "Moscow"}``."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise BadParameter(Errors.E504.format(value=pair))
        out[key.strip()] = value
    return out
