"""Store: the embedded Oxigraph store and remote SPARQL stores behind one small interface.

:func:`open_store` picks one from a ``--store`` value: a folder is the embedded store
(``oxigraph.py``), a URL a remote one (``remote/``: an Oxigraph server, Virtuoso).
"""
from __future__ import annotations

from pathlib import Path

from .oxigraph import EXPORT_FORMATS, STATE_GRAPH, GraphStore
from .remote import RemoteConfig, RemoteStore, is_remote, parse_store


def open_store(spec: str | Path | RemoteConfig | None, *, read_only: bool = False) -> GraphStore | RemoteStore:
    """The store a ``--store`` value names.

    spec: a folder (the embedded store; None keeps one in memory), a URL (``http://127.0.0.1:7878`` for an
        Oxigraph server, ``virtuoso+http://HOST:PORT``; credentials from KG_STORE_USER / KG_STORE_PASSWORD),
        or a parsed :class:`RemoteConfig`.
    read_only (bool): open as a reader (queries, export, validate, serve).
    """
    if isinstance(spec, RemoteConfig):
        return RemoteStore(spec, read_only=read_only)
    if spec is not None and is_remote(spec):
        return RemoteStore(parse_store(str(spec)), read_only=read_only)
    return GraphStore(spec, read_only=read_only)


__all__ = ["EXPORT_FORMATS", "STATE_GRAPH", "GraphStore", "RemoteConfig", "RemoteStore", "is_remote",
           "open_store", "parse_store"]
