"""``kg query NAME`` and ``kg queries``: ask the graph a stored question (or one in an .rq file)."""
from __future__ import annotations

import click

from ..errors import ParleyError
from ..query import execute, get_query, parse_params, stored_queries
from .main import KgContext, cli, fail
from .output import print_result, result_options


@cli.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query parameter (repeatable). Unbound parameters match anything.")
@result_options
@click.pass_obj
def query_cli(obj: KgContext, name: str, params: tuple[str, ...], fmt: str, as_of: str | None) -> None:
    """Run the stored query NAME (a file queries/NAME.rq; `kg queries` lists them), or the query in a
    file when NAME is a path to an .rq file (its `# param` lines declare its parameters).

    Parameters are bound as RDF terms, never spliced into the text. JSON output is W3C SPARQL 1.1
    Query Results JSON.

    Example: kg query attendees-at-place --param place=Moscow --as-of 2025-12-01
    """
    try:
        q = get_query(name)
        text = q.with_values(q.bind(parse_params(params)))  # parameters as RDF terms in a VALUES block
        store = obj.reader()
        result = execute(store, text, as_of=as_of, form=q.form)
        print_result(result, fmt)
    except ParleyError as e:
        fail(e)


@cli.command("queries")
def queries_cli() -> None:
    """List the stored queries with their questions and parameters.

    Example: kg queries
    """
    for q in stored_queries().values():
        params = " ".join(f"--param {p}=…" for p in q.params)
        click.echo(f"{q.name:28s} {q.question}" + (f"  [{params}]" if params else ""))
