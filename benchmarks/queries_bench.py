"""How fast does every stored question answer on a store of a million (or ten million) triples?

Builds (once, then reuses) an on-disk store from the synthetic corpus of benchmarks/synthetic.py
(its facts through the real graph builder, one named graph per article, derived graphs
refreshed), then times each stored question in ``queries/``, in one run, against the same SPARQL
text on raw pyoxigraph:

- ``kg``: as ``kg query`` and the Python API run it in process: parameters checked and bound in
  a VALUES block (StoredQuery.bind / with_values), kg.query.execute (the whole result collected);
- ``raw``: the same SPARQL text straight on pyoxigraph's Store.query, solutions iterated;
- ``cli``: ``kg --store S query NAME --param ... --format json`` in process (click's runner):
  opening the store as a reader (its snapshot), binding, running and writing W3C JSON; against
  ``raw open``: Store.read_only on the same snapshot, query, pyoxigraph's JSON writer;
- with ``--subprocess``: both of those as fresh processes (``kg ...`` and ``python -c`` with
  pyoxigraph only), which adds each one's interpreter start-up (reported once at the top).

Parameters take values found in the store (a place, an actor, a speaker, a proposal, one node).
Prints p50 and p95 in milliseconds and the ratios of the p50s. Absolute times are noisy on a
shared machine; the ratios carry.

usage: .venv/bin/python benchmarks/queries_bench.py [--store DIR] [--triples 1M] [--runs 15]
       [--skip NAMES] [--only NAMES] [--subprocess] [--in-process-only]
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import VERSION, article  # noqa: E402

from kg.graph import facts_graph  # noqa: E402
from kg.graph.inference import refresh_derived  # noqa: E402
from kg.graph.iri import graph_iri, meeting_iri  # noqa: E402
from kg.graph.namespaces import PREFIXES  # noqa: E402
from kg.query import execute, stored_queries  # noqa: E402
from kg.store import GraphStore  # noqa: E402
from kg.store import layout  # noqa: E402
from kg.store.oxigraph import to_ox  # noqa: E402

PREFIX_MAP = {k: str(v) for k, v in PREFIXES.items()}
CHUNK = 500  # articles bulk-loaded at a time (memory stays flat at 10M triples)


def parse_size(s: str) -> int:
    s = s.strip().lower()
    return int(float(s.rstrip("km")) * {"k": 1_000, "m": 1_000_000}.get(s[-1], 1))


def build_store(path: Path, triples: int) -> None:
    """Make the store at ``path`` unless it exists: synthetic articles until they state
    ``triples``, each article's graph from the real graph builder, landed with Oxigraph's bulk
    loader CHUNK articles at a time (named graph per article, the default graph their union, as
    GraphStore keeps them), then the derived graphs refreshed and a snapshot published."""
    if path.exists():
        return
    path.mkdir(parents=True)
    disk = ox.Store(str(path / layout.PRIMARY))
    stated, n, t, chunk = 0, 0, time.perf_counter(), []
    while stated < triples:
        g = article(n)
        m = g.facts.meetings[0]
        graph = facts_graph(g.facts, meeting_iris=[meeting_iri(m.place, m.date, [])], version=VERSION)
        name = ox.NamedNode(str(graph_iri(g.facts.article)))
        quads = [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]
        chunk += [ox.Quad(s, p, o, name) for s, p, o in quads] + [ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in quads]
        stated, n = stated + len(quads), n + 1
        if n % CHUNK == 0 or stated >= triples:
            disk.bulk_extend(chunk)
            chunk = []
            print(f"  {n} articles, {stated:,} triples stated, {time.perf_counter() - t:.0f}s", flush=True)
    disk.flush()
    del disk
    store = GraphStore(path)
    refresh_derived(store)
    store.flush()
    store.close()
    print(f"  built: {n} articles in {time.perf_counter() - t:.0f}s", flush=True)


def one(store: GraphStore, sparql: str):
    rows = list(store.store.query(sparql, prefixes=PREFIX_MAP))
    return None if not rows else rows[0]


def sample_values(store: GraphStore) -> dict[str, str]:
    """A value for each parameter name of the stored questions, taken from the store."""
    found = {
        "place": "SELECT ?v WHERE { ?m a kg:Meeting ; kg:location/rdfs:label ?v } LIMIT 1",
        "actor": "SELECT ?v WHERE { ?m a kg:Meeting ; kg:participant/rdfs:label ?v } LIMIT 1",
        "speaker": "SELECT ?v WHERE { ?c a kg:Claim ; kg:speaker/rdfs:label ?v } LIMIT 1",
        "proposal": "SELECT ?v WHERE { ?p prov:wasRevisionOf ?o ; rdfs:label ?v } LIMIT 1",
        "node": "SELECT ?v WHERE { ?v a kg:Meeting ; kg:evidence ?e } LIMIT 1",
        "subject": "SELECT ?v WHERE { ?v a kg:Meeting ; kg:date ?d } LIMIT 1",
    }
    out = {}
    for name, q in found.items():
        row = one(store, q)
        if row is not None:
            out[name] = row["v"].value
    return out


def _p(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times) * 1e3, times[min(len(times) - 1, round(0.95 * (len(times) - 1)))] * 1e3


def timed(fn, runs: int, budget: float = 20) -> tuple[float, float, int]:
    """p50 and p95 in ms over ``runs`` calls (fewer when a call takes seconds), and the rows."""
    return timed_together([fn], runs, budget)[0]


def timed_together(fns, runs: int, budget: float = 60, *, least: float = 0) -> list[tuple[float, float, int]]:
    """p50 and p95 in ms of each of ``fns`` and what it returned, the functions called in turn
    (one round calls each once, every other round in reverse order), so that a noisy moment of the machine hits all of them alike;
    fewer rounds when a round takes seconds, more (up to 20x ``runs``) while the rounds so far took
    less than ``least`` seconds: a question of a millisecond gets hundreds of rounds, and a stable p95."""
    times: list[list[float]] = [[] for _ in fns]
    got = [0] * len(fns)
    start = time.perf_counter()
    rounds = 0
    while rounds < runs or (time.perf_counter() - start < least and rounds < 20 * runs):
        order = list(enumerate(fns))
        for i, fn in order if rounds % 2 == 0 else reversed(order):  # every other round backwards
            t = time.perf_counter()
            got[i] = fn()
            times[i].append(time.perf_counter() - t)
        rounds += 1
        if time.perf_counter() - start > budget:
            break
    return [(*_p(ts), n) for ts, n in zip(times, got)]


RAW_SCRIPT = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
prefixes = dict(p.split("=", 1) for p in sys.argv[3:])
out = store.query(open(sys.argv[2]).read(), prefixes=prefixes).serialize(format=ox.QueryResultsFormat.JSON)
sys.stdout.buffer.write(out)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default="/tmp/parley-bench-store")
    ap.add_argument("--triples", default="1M")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--skip", default="", help="questions not to time, comma separated (e.g. conflicts)")
    ap.add_argument("--only", default="", help="time only these questions, comma separated")
    ap.add_argument("--subprocess", action="store_true", help="also time `kg query` and raw as fresh processes")
    ap.add_argument("--in-process-only", action="store_true",
                    help="time raw and kg only, not the command and raw opening the snapshot (e.g. at 10M)")
    a = ap.parse_args()
    from click.testing import CliRunner

    from kg.cli import cli

    build_store(Path(a.store), parse_size(a.triples))
    store = GraphStore.reader(a.store)
    snapshot = str(store.snapshot)
    values = sample_values(store)
    union = int(one(store, "SELECT (COUNT(*) AS ?v) WHERE { ?s ?p ?o }")["v"].value)  # in Oxigraph, not a Python loop
    print(f"store: {union:,} triples in the union, {len(store.named_graphs())} article graphs")
    print(f"parameters: {values}")
    runner = CliRunner()
    kg_bin = str(Path(sys.executable).with_name("kg"))
    if a.subprocess:
        s_kg, _, _ = timed(lambda: subprocess.run([kg_bin, "--version"], capture_output=True) and 0, 5)
        s_raw, _, _ = timed(lambda: subprocess.run([sys.executable, "-c", "import pyoxigraph"]) and 0, 5)
        print(f"start-up: `kg --version` {s_kg:.0f} ms, `python -c 'import pyoxigraph'` {s_raw:.0f} ms")
    print()
    print("| question | bound | rows | raw p50 | raw p95 | kg p50 | kg p95 | kg/raw p50 | kg/raw p95 |"
          + ("" if a.in_process_only else " cli p50 | cli p95 | raw open p50 | raw open p95 | cli/raw open |")
          + (" proc kg p50 | proc raw p50 | proc/raw |" if a.subprocess else ""))
    print("|---|---|---|---|---|---|---|---|---|" + ("" if a.in_process_only else "---|---|---|---|---|")
          + ("---|---|---|" if a.subprocess else ""))
    only = set(filter(None, a.only.split(",")))
    for name, q in stored_queries().items():
        if name in a.skip.split(",") or (only and name not in only):
            continue
        given = {p: values[p] for p in q.params if p in values}
        text = q.with_values(q.bind(given))
        argv = ["--store", a.store, "query", name, "--format", "json"] + [x for p, v in given.items()
                                                                          for x in ("--param", f"{p}={v}")]

        def kg_run() -> int:
            return len(execute(store, q.with_values(q.bind(given)), form=q.form))

        def raw_run() -> int:
            return sum(1 for _ in store.store.query(text, prefixes=PREFIX_MAP))

        def cli_run() -> int:
            r = runner.invoke(cli, argv, catch_exceptions=False)
            assert r.exit_code == 0, r.output
            return len(r.stdout_bytes)

        def raw_open_run() -> int:
            s = ox.Store.read_only(snapshot)
            out = io.BytesIO()
            s.query(text, prefixes=PREFIX_MAP).serialize(out, format=ox.QueryResultsFormat.JSON)
            return len(out.getvalue())

        kg_run(), raw_run()  # warm up: the first run reads the store's pages into the cache
        ways = [raw_run, kg_run] if a.in_process_only else [raw_run, kg_run, cli_run, raw_open_run]
        figures = timed_together(ways, a.runs, least=3)
        (r50, r95, n), (k50, k95, _) = figures[:2]
        line = (f"| {name} | {', '.join(given) or '-'} | {n} | {r50:.1f} | {r95:.1f} | {k50:.1f} | {k95:.1f} "
                f"| {k50 / r50:.2f} | {k95 / r95:.2f} |")
        if not a.in_process_only:
            (c50, c95, _), (o50, o95, _) = figures[2:]
            line += f" {c50:.1f} | {c95:.1f} | {o50:.1f} | {o95:.1f} | {c50 / o50:.2f} |"
        if a.subprocess:
            qfile = Path(f"/tmp/parley-bench-{os.getpid()}.rq")
            qfile.write_text(text)
            raw_argv = [sys.executable, "-c", RAW_SCRIPT, snapshot, str(qfile)] + [f"{k}={v}" for k, v in PREFIX_MAP.items()]
            (p50, _, _), (q50, _, _) = timed_together(
                [lambda: subprocess.run([kg_bin] + argv, capture_output=True, check=True) and 0,
                 lambda: subprocess.run(raw_argv, capture_output=True, check=True) and 0], 5)
            line += f" {p50:.0f} | {q50:.0f} | {p50 / q50:.2f} |"
        print(line, flush=True)
    store.close()


if __name__ == "__main__":
    main()
