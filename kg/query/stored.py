"""Load and run the stored queries in ``queries/``: one question per ``.rq`` file.

Each file opens with a comment block::

    # Who attended meetings at a place?
    # param place: label of the place (string), e.g. Moscow
    # columns: ?meeting ?date ?attendeeLabel ?doc

Parameters are SPARQL variables (``?place``) bound to RDF terms by the store, never spliced into
the query text, so a value like ``Moscow" } DROP ALL`` is just a string that matches nothing.
An unbound parameter matches anything. Oxigraph's substitution needs the variable in the SELECT
projection, and joins the bound value with the solutions: a parameter must be matched by triple
patterns, not only used inside a FILTER (the FILTER would not see it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..errors import BadParameter, Errors, UnknownQuery
from ..resources import resource

QUERY_DIR = resource("queries")
_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*(?:\((\w+)\))?\s*:\s*(.*)$")


@dataclass
class StoredQuery:
    name: str
    text: str
    question: str
    params: dict[str, str] = field(default_factory=dict)  # name -> kind: string, iri, date, integer
    descriptions: dict[str, str] = field(default_factory=dict)

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
                if kind == "iri":
                    ox.NamedNode(value)  # an absolute IRI, or ValueError
                    bound[key] = URIRef(value)
                elif kind == "date":
                    bound[key] = Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
                elif kind == "integer":
                    bound[key] = Literal(int(value))
                else:
                    bound[key] = Literal(value)
            except ValueError:
                raise BadParameter(Errors.E516.format(name=self.name, param=key, kind=kind, value=value)) from None
        return bound


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
