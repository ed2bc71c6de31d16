"""``kg sparql``: your own read-only SPARQL over the store."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import Errors, ParleyError, QueryFailed
from ..query import execute
from .main import EXIT_DATA, KgContext, cli, fail
from .output import print_result, result_options


@cli.command("sparql")
@click.argument("query", required=False)
@click.option("--file", "-f", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read the query from this .rq file instead.")
@result_options
@click.pass_obj
def sparql_cli(obj: KgContext, query: str | None, path: Path | None, fmt: str, as_of: str | None) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) given as QUERY or in --file.

    Read-only: updates and SERVICE are refused. The prefixes kg:, kgid:, schema:, prov:, oa:, skos:,
    rdfs:, rdf:, owl:, xsd:, wd:, wdt: are declared. The default graph is the union of the article
    graphs; GRAPH ?g reaches each article's own.

    Example: kg sparql 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'
    """
    if (query is None) == (path is None):
        fail(QueryFailed(Errors.E901), EXIT_DATA)
    try:
        if path is not None:
            try:
                query = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise QueryFailed(Errors.E512.format(path=path, reason=getattr(e, "strerror", None) or e)) from None
        store = obj.reader()
        print_result(execute(store, query, as_of=as_of), fmt)
    except ParleyError as e:
        fail(e)
