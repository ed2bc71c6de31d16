"""kg build -j 2 builds and validates the article graphs in worker processes: the store it leaves
is the one -j 1 leaves, quad for quad, with the same report."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import kg.graph.parallel as parallel
from kg.build import build
from kg.store import GraphStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import write_corpus  # noqa: E402

pytestmark = pytest.mark.issue(11)
WORK = parallel._work
PIDS = "KG_TEST_GRAPH_WORKER_PIDS"


def _recording_work(items, version, validate):
    """parallel._work, noting which process ran it (pickled by name, so the workers run it)."""
    with open(os.environ[PIDS], "a") as f:
        f.write(f"{os.getpid()}\n")
    return WORK(items, version, validate)


def _build(folder, tmp_path, name, nlp, n_process):
    store = GraphStore(tmp_path / name)
    report = build(folder, store, nlp=nlp, n_process=n_process)
    quads = {str(q) for q in store.store}
    store.close()
    return report, quads


def test_two_processes_leave_the_store_one_process_leaves(tmp_path, nlp, monkeypatch):
    folder = write_corpus(tmp_path / "articles", 6)
    one, one_quads = _build(folder, tmp_path, "one", nlp, 1)
    monkeypatch.setattr(parallel, "PART", 2)
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 4)
    pids = tmp_path / "pids"
    monkeypatch.setenv(PIDS, str(pids))
    monkeypatch.setattr(parallel, "_work", _recording_work)
    two, two_quads = _build(folder, tmp_path, "two", nlp, 2)
    ran = pids.read_text().split()
    assert len(ran) == 3 and str(os.getpid()) not in ran  # three parts of two, each built by a worker
    assert len(one.landed) == len(two.landed) == 6
    assert one_quads == two_quads
    assert one.triples == two.triples and one.triples > 0
    assert [str(v.violation.shape) for v in one.violations] == [str(v.violation.shape) for v in two.violations]
    assert one.warnings == two.warnings
