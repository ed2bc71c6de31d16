"""Readers during a build: queries, exports and validation read while a real `kg build` writes,
and every state they see holds each article graph whole (with its record) or not at all; a
second writer is refused with E704 naming the first."""
from __future__ import annotations

import subprocess
import time

import pytest

from conftest import KG, run_kg
from kg.graph.namespaces import KG as KGNS
from kg.store import GraphStore
from kg.store.records import read_records

pytestmark = pytest.mark.issue(9)
PLACES = ["Vienna", "Geneva", "Oslo", "Doha", "Riyadh", "Istanbul", "Cairo", "Nairobi"]
MONTHS = ["January", "February", "March", "April", "May", "June"]


def write_articles(folder, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        place, month = PLACES[i % len(PLACES)], MONTHS[i % len(MONTHS)]
        (folder / f"talks-{i:02d}.txt").write_text(
            f"Envoys from the two neighbouring states met in {place} on {1 + i % 27} {month} 2025 to discuss "
            f"a ceasefire, the hosts said.\n\nA spokesman said the delegations would meet again after round {i}.\n",
            encoding="utf-8")


def whole_or_absent(reader: GraphStore) -> int:
    """Check one state a reader sees; returns how many article graphs it holds."""
    records = read_records(reader)
    graphs = {str(g) for g in reader.named_graphs()}
    assert graphs == set(records), "an article graph without its record, or a record without its graph"
    for g, rec in records.items():
        hashes = {str(o) for o in reader.graph(g).objects(None, KGNS.contentHash)}
        assert hashes == {rec.sha256}, f"{g}: graph and record disagree"
    return len(graphs)


def test_readers_read_through_a_build_and_see_whole_graphs(tmp_path):
    folder, store = tmp_path / "articles", tmp_path / "store"
    write_articles(folder, 24)
    proc = subprocess.Popen(KG + ["--store", str(store), "build", "--no-progress", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**__import__("os").environ, "KG_STORE_CHUNK": "3"})
    seen, during, cli_runs = set(), 0, []
    deadline = time.time() + 300
    reader = None
    while proc.poll() is None and time.time() < deadline:
        if reader is None:
            if not (store / "snapshots" / "CURRENT").exists():
                time.sleep(0.05)
                continue
            reader = GraphStore.reader(store)
        reader.refresh()
        seen.add(whole_or_absent(reader))
        during += 1
        if len(cli_runs) < 1 and seen - {0}:  # a real reader process too, while the writer holds the store
            cli_runs.append((run_kg("--store", store, "query", "actors", "--format", "csv"), proc.poll() is None))
            cli_runs.append((run_kg("--store", store, "export", "--format", "nquads"), proc.poll() is None))
        time.sleep(0.1)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    assert during >= 1, "no read happened during the build"
    for run, while_building in cli_runs:
        assert run.returncode == 0, run.stderr
    reader.refresh()
    assert whole_or_absent(reader) == 24
    reader.close()
    print(f"\nreaders during the build: {during} reads, article counts seen {sorted(seen)}, "
          f"{sum(w for _, w in cli_runs)} CLI reads while the writer ran")


def test_a_second_writer_is_refused_with_e704_while_a_build_runs(tmp_path):
    folder, store = tmp_path / "articles", tmp_path / "store"
    write_articles(folder, 3)
    holder = GraphStore(store)
    try:
        run = run_kg("--store", store, "build", "--no-progress", folder)
        remove = run_kg("--store", store, "remove", "talks-00.txt")
    finally:
        holder.close()
    for r in (run, remove):
        assert r.returncode == 2
        assert r.stderr.startswith(f"Error: [E704] The store at {store} is being written by another kg process (pid ")
        assert "Traceback" not in r.stderr
