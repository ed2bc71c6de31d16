"""The ``kg`` group and the options shared by several commands."""
from __future__ import annotations

import os
from pathlib import Path

import click

from .. import __version__
from ..errors import Errors, ParleyError, StoreError
from ..store import GraphStore, RemoteConfig, RemoteStore, is_remote, open_store, parse_store

DEFAULT_STORE = os.environ.get("KG_STORE", "data/store")
EXIT_DATA, EXIT_TOOL = 1, 2
# --store-* option -> the environment variable it also reads (and sets for child processes: kg serve's workers)
REMOTE_OPTIONS = {"query_url": "KG_STORE_QUERY_URL", "update_url": "KG_STORE_UPDATE_URL",
                  "gsp_url": "KG_STORE_GSP_URL", "user": "KG_STORE_USER", "password_file": "KG_STORE_PASSWORD_FILE",
                  "auth": "KG_STORE_AUTH", "timeout": "KG_STORE_TIMEOUT"}


class KgContext:
    """The ``--store`` of this invocation: a folder (``store_path`` a Path) or a remote SPARQL store
    (``store_path`` its RemoteConfig, printed as the URL), parsed at the first use."""

    def __init__(self, store_path: str, remote: dict | None = None) -> None:
        self.spec = str(store_path)
        self.remote_options = {k: v for k, v in (remote or {}).items() if v is not None}
        self.store_path: Path | RemoteConfig = Path(store_path)
        self._store: GraphStore | RemoteStore | None = None
        if is_remote(self.spec):
            for key, value in self.remote_options.items():  # kg serve's workers open the same store
                os.environ[REMOTE_OPTIONS[key]] = str(value)
            try:
                self.store_path = parse_store(self.spec, **self.remote_options)
            except StoreError as e:
                fail(e)

    @property
    def remote(self) -> bool:
        return isinstance(self.store_path, RemoteConfig)

    def store(self, *, must_exist: bool = False) -> GraphStore | RemoteStore:
        """The store opened as its one writer (build, remove); a second writer gets E704."""
        if self._store is None:
            if must_exist and not self.remote and not self.store_path.exists():
                raise StoreError(Errors.E702.format(path=self.store_path))
            self._store = open_store(self.store_path)
        return self._store

    def reader(self) -> GraphStore | RemoteStore:
        """The store opened for reading (query, export, validate): the newest published
        snapshot, also while a build writes."""
        if self._store is None:
            if not self.remote and not self.store_path.exists():
                raise StoreError(Errors.E702.format(path=self.store_path))
            self._store = open_store(self.store_path, read_only=True)
        return self._store


def fail(error: ParleyError, code: int = EXIT_TOOL) -> None:
    """Print a user-facing error and exit with ``code``."""
    click.echo(f"Error: {error}", err=True)
    raise SystemExit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="kg")
@click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True, envvar="KG_STORE",
              metavar="DIR|URL",
              help="Folder of the embedded Oxigraph store, or a remote SPARQL store: an Oxigraph server's base URL "
                   "(http://127.0.0.1:7878) or virtuoso+http://HOST:PORT (see README, Remote stores).")
@click.option("--store-user", "user", metavar="NAME", envvar=REMOTE_OPTIONS["user"], default=None,
              help="User for a remote store (env KG_STORE_USER); the password comes from env KG_STORE_PASSWORD "
                   "or --store-password-file, never from the command line.")
@click.option("--store-password-file", "password_file", metavar="FILE", envvar=REMOTE_OPTIONS["password_file"],
              default=None, help="File holding the remote store's password (env KG_STORE_PASSWORD_FILE).")
@click.option("--store-auth", "auth", type=click.Choice(["basic", "digest"]), envvar=REMOTE_OPTIONS["auth"],
              default=None, help="HTTP authentication (env KG_STORE_AUTH). Default: digest for Virtuoso, else basic.")
@click.option("--store-query-url", "query_url", metavar="URL", envvar=REMOTE_OPTIONS["query_url"], default=None,
              help="SPARQL query endpoint, instead of the one the store URL implies (env KG_STORE_QUERY_URL).")
@click.option("--store-update-url", "update_url", metavar="URL", envvar=REMOTE_OPTIONS["update_url"], default=None,
              help="SPARQL update endpoint (env KG_STORE_UPDATE_URL).")
@click.option("--store-gsp-url", "gsp_url", metavar="URL", envvar=REMOTE_OPTIONS["gsp_url"], default=None,
              help="Graph Store Protocol endpoint (env KG_STORE_GSP_URL).")
@click.option("--store-timeout", "timeout", type=click.FloatRange(min=0.1), envvar=REMOTE_OPTIONS["timeout"],
              default=None, help="Seconds to wait for a remote store's answer (env KG_STORE_TIMEOUT). [default: 60]")
@click.pass_context
def cli(ctx: click.Context, store_path: str, **remote) -> None:
    """Parley: a knowledge graph of negotiations in the news.

    Build a graph from a folder of articles, validate it, ask it stored questions and export it.

    Example: kg --store data/store build data/articles && kg --store data/store query attendees-at-place --param place=Moscow
    """
    ctx.obj = KgContext(store_path, remote)
