"""``kg validate`` on every core (issue 11): batches of article graphs validated in several
processes, each reading the same snapshot, give the report of one process."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.store import GraphStore
from kg.validate.store import validate_store

from test_shapes import BROKEN, FIXTURE, STILL_CONFORMING, variant


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    path = tmp_path_factory.mktemp("parallel") / "store"
    writer = GraphStore(path)
    conforming = Graph().parse(FIXTURE, format="turtle")
    for n, p in enumerate(BROKEN[::5] + STILL_CONFORMING[:2]):
        writer.replace_graph(URIRef(f"https://w3id.org/parley/id/graph/{n:04d}"), variant(conforming, p.values[0]))
    writer.close()
    store = GraphStore.reader(path)
    yield store
    store.close()


def _found(report) -> list[tuple]:
    return [(str(f.graph) if hasattr(f, "graph") else None, str(f.violation.focus_node), str(f.violation.shape),
             str(f.violation.message), str(f.violation.value), f.label, f.article, f.words) for f in report.findings]


@pytest.mark.issue(11)
@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_validate_store_in_processes_gives_the_report_of_one(reader, engine):
    names = reader.named_graphs()
    if engine == "pyshacl":  # the reference validator is slow: two graphs, one per batch
        names, batch = names[1:3], 1
    else:
        batch = 3
    one = validate_store(reader, names, jobs=1, batch=batch, engine=engine)
    many = validate_store(reader, names, jobs=2, batch=batch, engine=engine)
    assert one.graphs == many.graphs == len(names)
    assert one.findings and _found(one) == _found(many)  # the same findings, in the same order
    assert isomorphic(one.report_graph, many.report_graph)
    assert one.conforms is many.conforms is False


@pytest.mark.issue(11)
def test_validate_store_of_a_writer_stays_in_one_process(tmp_path):
    # RocksDB opens no reader beside a writer: the writer's own validation runs here
    writer = GraphStore(tmp_path / "store")
    conforming = Graph().parse(FIXTURE, format="turtle")
    for n in range(3):
        writer.replace_graph(URIRef(f"https://w3id.org/parley/id/graph/{n:04d}"), variant(conforming, BROKEN[0].values[0]))
    try:
        report = validate_store(writer, jobs=2, batch=1, store_checks=False)
        assert report.graphs == 3 and len({f.graph for f in report.findings}) == 3
    finally:
        writer.close()
