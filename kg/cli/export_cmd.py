"""``kg export``: the graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD."""
from __future__ import annotations

import os
import sys

import click

from ..errors import ParleyError
from ..store import EXPORT_FORMATS
from .main import KgContext, cli, fail


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="trig", show_default=True,
              help="trig, nquads and jsonld keep one named graph per article; turtle and nt hold their union.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Output file, or - for stdout.")
@click.pass_obj
def export_cli(obj: KgContext, fmt: str, out: str) -> None:
    """Export the whole graph.

    Example: kg --store data/store export --format trig --out data/out/graph.trig
    """
    try:
        store = obj.reader()
        if out == "-":
            store.export(sys.stdout.buffer, fmt=fmt)  # streamed, never held in memory
            sys.stdout.buffer.flush()
        else:
            tmp = out + ".part"  # never leave a half-written export behind
            try:
                store.export(tmp, fmt=fmt)
                os.replace(tmp, out)
            finally:
                if os.path.exists(tmp):
                    os.remove(tmp)
            click.echo(f"Wrote {out} ({fmt}).", err=True)
    except ParleyError as e:
        fail(e)
