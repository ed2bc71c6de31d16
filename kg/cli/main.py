"""The ``kg`` group and the options shared by several commands."""
from __future__ import annotations

import os
from pathlib import Path

import click

from .. import __version__
from ..errors import Errors, ParleyError, StoreError
from ..store import GraphStore

DEFAULT_STORE = os.environ.get("KG_STORE", "data/store")
EXIT_DATA, EXIT_TOOL = 1, 2


class KgContext:
    def __init__(self, store_path: str) -> None:
        self.store_path = Path(store_path)
        self._store: GraphStore | None = None

    def store(self, *, must_exist: bool = False) -> GraphStore:
        """The store opened as its one writer (build, remove); a second writer gets E704."""
        if self._store is None:
            if must_exist and not self.store_path.exists():
                raise StoreError(Errors.E702.format(path=self.store_path))
            self._store = GraphStore(self.store_path)
        return self._store

    def reader(self) -> GraphStore:
        """The store opened for reading (query, export, validate): the newest published
        snapshot, also while a build writes."""
        if self._store is None:
            if not self.store_path.exists():
                raise StoreError(Errors.E702.format(path=self.store_path))
            self._store = GraphStore.reader(self.store_path)
        return self._store


def fail(error: ParleyError, code: int = EXIT_TOOL) -> None:
    """Print a user-facing error and exit with ``code``."""
    click.echo(f"Error: {error}", err=True)
    raise SystemExit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="kg")
@click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True, envvar="KG_STORE",
              type=click.Path(file_okay=False), help="Folder of the embedded Oxigraph store.")
@click.pass_context
def cli(ctx: click.Context, store_path: str) -> None:
    """Parley: a knowledge graph of negotiations in the news.

    Build a graph from a folder of articles, validate it, ask it stored questions and export it.

    Example: kg --store data/store build data/articles && kg --store data/store query attendees-at-place --param place=Moscow
    """
    ctx.obj = KgContext(store_path)
