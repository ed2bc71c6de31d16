"""``kg query NAME`` and ``kg queries``: ask the graph a stored question."""
from __future__ import annotations

import csv
import io

import click
from rdflib import Literal, URIRef

from ..errors import ParleyError
from ..graph.namespaces import PREFIXES
from ..query import get_query, parse_params, stored_queries
from .main import KgContext, cli, fail

MAX_CELL = 80


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


@cli.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query parameter (repeatable). Unbound parameters match anything.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.pass_obj
def query_cli(obj: KgContext, name: str, params: tuple[str, ...], fmt: str) -> None:
    """Run the stored query NAME (a file queries/NAME.rq; `kg queries` lists them).

    JSON output is W3C SPARQL 1.1 Query Results JSON.

    Example: kg query attendees-at-place --param place=Moscow
    """
    try:
        q = get_query(name)
        text = q.with_values(q.bind(parse_params(params)))  # parameters as RDF terms in a VALUES block
        store = obj.store(must_exist=True)
        if fmt == "json":
            click.echo(store.results(text, fmt="json").decode("utf-8"))
            return
        columns, rows = store.table(text)
        result = list(rows)
    except ParleyError as e:
        fail(e)
    except (SyntaxError, OSError) as e:
        fail(ParleyError(f"[E505] Query {name!r} failed: {e}"))
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows([["" if r.get(c) is None else str(r.get(c)) for c in columns] for r in result])
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(table(result, columns))


@cli.command("queries")
def queries_cli() -> None:
    """List the stored queries with their questions and parameters.

    Example: kg queries
    """
    for q in stored_queries().values():
        params = " ".join(f"--param {p}=…" for p in q.params)
        click.echo(f"{q.name:28s} {q.question}" + (f"  [{params}]" if params else ""))
