"""Validate many article graphs, on every core.

pySHACL is single-threaded and, with our hundred-odd shapes, costs about as much per article as
the language model (bench/build_bench.py). Article graphs are independent, so a build hands them
to a process pool: on this project's two-core machines the validation phase takes about half the
time. Small batches are validated in-process, where starting workers would cost more than it saves.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from rdflib import Graph, URIRef

from .shacl import validate_graph
from .store import GraphFinding, findings

PARALLEL_MIN = 16  # articles: below this, workers cost more than they save


def _validate_one(item: tuple[str, str]) -> list[GraphFinding]:
    graph, ntriples = item
    data = Graph().parse(data=ntriples, format="nt")
    return findings(URIRef(graph), data, validate_graph(data))


def validate_graphs(graphs: list[tuple[URIRef, Graph]], *, workers: int | None = None) -> list[list[GraphFinding]]:
    """The findings of each article graph, in order.

    graphs (list): (named graph IRI, its triples in memory) pairs.
    workers (int | None): processes; default: the machine's cores, 1 below PARALLEL_MIN graphs.
    RETURNS (list[list[GraphFinding]]): one list per graph, empty when it conforms.
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(graphs) < PARALLEL_MIN:
        return [findings(iri, g, validate_graph(g)) for iri, g in graphs]
    items = [(str(iri), g.serialize(format="nt")) for iri, g in graphs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_validate_one, items, chunksize=max(1, len(items) // (workers * 4))))
