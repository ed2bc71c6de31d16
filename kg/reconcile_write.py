"""Writing article graphs for a build: a batch of graphs replaced at once, and a record's file.

Split from ``reconcile.py``: what a write needs of the store and of the built folder.
"""
from __future__ import annotations

import os
from pathlib import Path

from .model import Article


def replace_graphs(store, graphs: list) -> list[int]:
    """``store.replace_graphs``, or graph by graph in rdflib terms for a store without it."""
    many = getattr(store, "replace_graphs", None)
    if many is not None:
        return many(graphs)
    from .store.oxigraph import from_ox

    return [store.replace_graph(g, [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in triples])
            for g, triples in graphs]


def file_of(a: Article, root: Path) -> str:
    """The article's file relative to the built folder (a record's path is file:line or file#n)."""
    path = a.path
    for sep in (":", "#"):
        head = path.rsplit(sep, 1)[0]
        if head != path and os.path.lexists(head):
            path = head
            break
    try:
        return Path(path).absolute().relative_to(root).as_posix()
    except ValueError:
        return Path(path).name


