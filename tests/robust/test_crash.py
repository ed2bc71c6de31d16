"""kill -9 of a real `kg build` at exact points, then reopen and rerun: the same store as an
uninterrupted build, quad for quad (article graphs, union, derived graphs and records).

``KG_CRASH_AT=<point>`` makes the build SIGKILL itself there (``kg/build.py`` crash_point):
after reading, after extracting, after removals, between an article's graph and its record
(``graph-N``), after a chunk is published, and after the derived graphs; one more kill comes
from outside at a random moment.
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import time

import pytest

from conftest import KG, run_kg, store_quads
from kg.build import build
from kg.graph.inference import INFERRED_GRAPH, ONTOLOGY_GRAPH
from kg.store import GraphStore
from kg.validate.store import validate_store

pytestmark = pytest.mark.issue(9)
KILLED = -signal.SIGKILL


def build_here(store_path, folder, nlp) -> None:
    """An uninterrupted build in this process (the language model is loaded once per session):
    the reference, and the rerun that reopens a killed store."""
    store = GraphStore(store_path)
    try:
        report = build(folder, store, nlp=nlp)
        assert not report.errors, report.errors
    finally:
        store.close()


@pytest.fixture(scope="module")
def reference(articles, tmp_path_factory, nlp):
    store = tmp_path_factory.mktemp("ref") / "store"
    build_here(store, articles, nlp)
    return store_quads(store)


@pytest.mark.parametrize("chain", [
    ["read", "extracted", "graph-1", "chunk-1", "derived"],  # each rerun dies at the next point
    ["graph-3"],  # in the second chunk, after the first was published
])
def test_kill_9_at_each_point_then_rerun_gives_the_uninterrupted_store(chain, articles, reference, tmp_path, nlp):
    store = tmp_path / "store"
    for point in chain:
        run = run_kg("--store", store, "build", "--no-progress", articles,
                     env={"KG_CRASH_AT": point, "KG_STORE_CHUNK": "2"})
        assert run.returncode == KILLED, f"{point}: {run.returncode} {run.stderr[-500:]}"
        if point != "read":  # a reader opens the killed store, and what it sees conforms
            reader = GraphStore.reader(store)
            try:
                report = validate_store(reader)
                assert report.conforms, f"after a kill at {point}: {report.findings[:3]}"
                assert {ONTOLOGY_GRAPH, INFERRED_GRAPH} <= set(reader.all_graphs()), "derived graphs missing"
            finally:
                reader.close()
    build_here(store, articles, nlp)
    assert store_quads(store) == reference


def test_kill_9_while_rewriting_an_edited_article_then_rerun(articles, tmp_path, tmp_path_factory, nlp):
    folder = tmp_path / "articles"
    shutil.copytree(articles, folder)
    store = tmp_path / "store"
    build_here(store, folder, nlp)
    txt = sorted(folder.glob("*.txt"))[0]
    txt.write_text(txt.read_text(encoding="utf-8") + "\nThe envoys said they would meet again soon.\n",
                   encoding="utf-8")
    run = run_kg("--store", store, "build", "--no-progress", folder, env={"KG_CRASH_AT": "graph-1"})
    assert run.returncode == KILLED
    build_here(store, folder, nlp)
    fresh = tmp_path_factory.mktemp("edited") / "store"
    build_here(fresh, folder, nlp)
    assert store_quads(store) == store_quads(fresh)


def test_kill_9_from_outside_during_the_build_then_rerun(articles, reference, tmp_path, nlp):
    store = tmp_path / "store"
    proc = subprocess.Popen(KG + ["--store", str(store), "build", "--no-progress", str(articles)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env({"KG_STORE_CHUNK": "2"}))
    deadline = time.time() + 120
    while time.time() < deadline and not (store / "snapshots").exists():
        time.sleep(0.05)
    time.sleep(1.0)  # into the language model or the writes
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == KILLED
    build_here(store, articles, nlp)
    assert store_quads(store) == reference


def _env(extra: dict) -> dict:
    import os

    return {**os.environ, **extra}
