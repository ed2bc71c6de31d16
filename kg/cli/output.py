"""Printing a query Result the way `kg query` and `kg sparql` both do, and their shared options."""
from __future__ import annotations

import sys

import click
from rdflib import Literal, URIRef

from ..graph.namespaces import PREFIXES
from ..query import GRAPH_FORMATS, RESULT_FORMATS, Result
from ..query.run import GRAPH_FORMS

MAX_CELL = 80
FORMATS = ["table", *RESULT_FORMATS, *GRAPH_FORMATS]


def _short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)):
                return f"{prefix}:{term[len(str(ns)):]}"
        return str(term)
    return str(term) if isinstance(term, Literal) else str(term)


def table(rows: list[dict], columns: list[str]) -> str:
    cells = [[_short(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    cells = [[c if len(c) <= MAX_CELL else c[:MAX_CELL - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(row) for row in cells]
    return "\n".join(out) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


def result_options(command):
    """--format and --as-of, shared by `kg query` and `kg sparql`."""
    command = click.option("--as-of", "as_of", metavar="YYYY-MM-DD", default=None,
                           help="Only what articles published by that day reported (a choice of article graphs).")(command)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table, or W3C results: json, xml, csv, tsv (SELECT/ASK); "
                             "turtle, nt, jsonld, rdfxml (CONSTRUCT/DESCRIBE; table prints turtle).")(command)


def print_result(result: Result, fmt: str) -> None:
    """Write ``result`` to stdout in ``fmt`` (raises QueryFailed for a format the query form lacks)."""
    if fmt == "table":
        if result.form == "ASK":
            click.echo("true" if result.boolean else "false")
            return
        if result.form in GRAPH_FORMS:
            fmt = "turtle"
        else:
            click.echo(table(result.rows, result.variables))
            return
    data = result.serialize(fmt)
    sys.stdout.buffer.write(data if data.endswith(b"\n") or fmt not in ("json", "xml") else data + b"\n")
    sys.stdout.buffer.flush()
