"""Validate many article graphs: in one Oxigraph batch, or with pySHACL on every core.

The default engine (``sparql``, kg.validate.sparql_engine) validates a whole batch of article
graphs with a fixed number of queries in this process, which costs less than shipping the
graphs to worker processes. pySHACL, the reference engine, is single-threaded and walks every
node, so its batches are handed to a process pool (on two cores the validation phase takes
about half the time); small batches stay in-process, where starting workers costs more.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from rdflib import Graph, URIRef

from .shacl import validate_graph_pyshacl, validate_graphs_reports
from .store import GraphFinding, findings

PARALLEL_MIN = 16  # articles: below this, workers cost more than they save


def _validate_one(item: tuple[str, str]) -> list[GraphFinding]:
    graph, ntriples = item
    data = Graph().parse(data=ntriples, format="nt")
    return findings(URIRef(graph), data, validate_graph_pyshacl(data))


def validate_graphs(graphs: list[tuple[URIRef, Graph]], *, workers: int | None = None,
                    engine: str = "sparql") -> list[list[GraphFinding]]:
    """The findings of each article graph, in order.

    graphs (list): (named graph IRI, its triples in memory) pairs.
    workers (int | None): processes for the pyshacl engine; default: the machine's cores, 1 below
        PARALLEL_MIN graphs.
    engine (str): ``sparql`` (default) or ``pyshacl`` (kg.validate.shacl.ENGINES).
    RETURNS (list[list[GraphFinding]]): one list per graph, empty when it conforms.
    """
    if engine != "pyshacl":
        reports = validate_graphs_reports([g for _, g in graphs], engine=engine)
        return [findings(iri, g, r) for (iri, g), r in zip(graphs, reports)]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(graphs) < PARALLEL_MIN:
        return [findings(iri, g, validate_graph_pyshacl(g)) for iri, g in graphs]
    items = [(str(iri), g.serialize(format="nt")) for iri, g in graphs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_validate_one, items, chunksize=max(1, len(items) // (workers * 4))))


def validate_triples(graphs: list[tuple[URIRef, list]], *, engine: str = "sparql") -> list[list[GraphFinding]]:
    """:func:`validate_graphs` for graphs given as pyoxigraph triples (what the build makes):
    the sparql engine reads them as they are; only a graph with violations, or one that pySHACL
    must judge, becomes an rdflib Graph (for the findings' labels and words).

    graphs (list): (named graph IRI, its pyoxigraph triples) pairs.
    engine (str): ``sparql`` (default) or ``pyshacl``.
    RETURNS (list[list[GraphFinding]]): one list per graph, empty when it conforms.
    """
    if engine != "sparql":
        return validate_graphs([(iri, _rdflib(triples)) for iri, triples in graphs], engine=engine)
    from .sparql_engine import engine as sparql_engine, report

    out = []
    for (iri, triples), found in zip(graphs, sparql_engine().validate([triples for _, triples in graphs])):
        if found is None:
            data = _rdflib(triples)
            out.append(findings(iri, data, validate_graph_pyshacl(data)))
        elif found:
            out.append(findings(iri, _rdflib(triples), report(found)))
        else:
            out.append([])
    return out


def _rdflib(triples: list) -> Graph:
    from ..store.oxigraph import from_ox

    g = Graph()
    for t in triples:
        g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    return g
