"""``kg serve``: the SPARQL endpoint, the stored questions and the page, over HTTP."""
from __future__ import annotations

import signal

import click

from ..errors import Errors, ParleyError, StoreError
from .main import KgContext, cli, fail


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the server as Ctrl-C does: workers closed, port released


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=7878, show_default=True, type=int, help="Port (0: any free port).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.01),
              help="Seconds a request may run; past that the client gets 503 and the query is stopped.")
@click.option("--max-results", default=10_000, show_default=True, type=click.IntRange(min=0),
              help="Results (rows or triples) a query may return; a larger result gets 422 with its size. "
                   "0: no limit.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Query processes (each holds the store open read-only).")
@click.option("--quiet", is_flag=True, help="Do not log each request on stderr.")
@click.pass_obj
def serve_cli(obj: KgContext, host: str, port: int, timeout: float, max_results: int, workers: int,
              quiet: bool) -> None:
    """Serve the store: a SPARQL 1.1 endpoint at /sparql, the stored questions at /queries, the page at /.

    Read-only: SPARQL Update, LOAD and SERVICE are refused (403). Point SPARQLWrapper, rdflib's
    SPARQLStore or YASGUI at http://HOST:PORT/sparql, or a browser at http://HOST:PORT/.

    Example: kg --store data/store serve --port 7878
    """
    from ..serve import make_server

    if not obj.remote and not obj.store_path.is_dir():
        fail(StoreError(Errors.E702.format(path=obj.store_path)))
    try:
        server = make_server(obj.store_path, host=host, port=port, workers=workers, timeout=timeout,
                             max_results=max_results or None, quiet=quiet)
    except ParleyError as e:
        fail(e)
    signal.signal(signal.SIGTERM, _stop)
    click.echo(f"Serving {obj.store_path} at {server.url} (SPARQL endpoint: {server.url}sparql)", err=True)
    click.echo(server.url)  # first line on stdout: the address, for scripts that start the server on port 0
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
