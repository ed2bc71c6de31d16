"""Every stored question on the embedded store, an Oxigraph server and Virtuoso 7, at a million triples.

The same store three ways, in one run:

- ``embedded``: the store benchmarks/queries_bench.py builds (synthetic corpus, one named graph per
  article, the default graph their union), opened as a reader;
- ``oxigraph``: ``oxigraph serve-read-only`` (the PyPI ``oxigraph`` wheel) on a hard-linked copy of
  that store's snapshot: the layout Parley keeps on an Oxigraph server (named graphs, and the
  deduplicated union in the server's default graph);
- ``virtuoso``: Virtuoso 7 (scripts/virtuoso.sh) on a fresh database, the named graphs bulk-loaded
  from N-Quads (its default graph is the union of all graphs by itself).

Each question runs as ``kg query`` runs it (``kg.query.execute`` on a GraphStore or a RemoteStore,
parameters bound in the VALUES block), the three stores called in turn in each round so that a
noisy moment of the machine hits all alike. Prints p50 and p95 in milliseconds, the rows, whether
the rows are the same as the embedded store's (GROUP_CONCAT parts sorted, as tests/remote does),
and with ``--export`` the time and peak RSS of ``kg --store URL export`` from each server.

usage: .venv/bin/python benchmarks/remote_queries_bench.py [--store DIR] [--work DIR] [--runs 9]
       [--only NAMES] [--skip NAMES] [--export]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests" / "remote")]

from queries_bench import build_store, parse_size, sample_values, timed_together  # noqa: E402
import remote_servers  # noqa: E402

from kg.errors import ParleyError  # noqa: E402
from kg.query import execute, stored_queries  # noqa: E402
from kg.store import GraphStore, open_store, parse_store  # noqa: E402

MAX_SECONDS = 60  # Virtuoso stops a query there (reported as [E724]), so one slow plan does not stall the table
_CONCAT = re.compile(r'GROUP_CONCAT\s*\(.*?separator\s*=\s*"([^"]*)"\s*\)\s*AS\s+\?(\w+)', re.I | re.S)


def canonical(result, text: str) -> list[tuple]:
    """Rows sorted, GROUP_CONCAT parts sorted, an unbound GROUP_CONCAT as "" (as tests/remote)."""
    seps = {m.group(2): m.group(1) for m in _CONCAT.finditer(text)}
    rows = []
    for solution in result.solutions:
        row = []
        for var, term in zip(result.variables, solution):
            if var in seps:
                value = "" if term is None else term.value
                row.append(seps[var].join(sorted(value.split(seps[var]))) if value else "")
            else:
                row.append(None if term is None else str(term))
        rows.append(tuple(row))
    return sorted(rows, key=repr)


def start_oxigraph(snapshot: Path, work: Path) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve-read-only`` on a hard-linked copy of ``snapshot`` (RocksDB files are immutable)."""
    copy = work / "oxigraph-db"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(snapshot, copy, copy_function=os.link)
    port = remote_servers.free_port()
    log = work / "oxigraph.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([remote_servers.oxigraph_executable(), "serve-read-only", "--location", str(copy),
                                 "--bind", f"127.0.0.1:{port}"], stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    remote_servers._wait(base + "/query?query=ASK%7B%7D", proc, log, seconds=120)
    return proc, base


def start_virtuoso(store: GraphStore, work: Path) -> tuple[subprocess.Popen, str]:
    """A fresh Virtuoso with 1.5 GB of buffers, the store's named graphs bulk-loaded from N-Quads."""
    remote_servers.VIRTUOSO_INI = remote_servers.VIRTUOSO_INI.replace(
        "NumberOfBuffers = 20000", "NumberOfBuffers = 170000").replace(
        "MaxDirtyBuffers = 12000", "MaxDirtyBuffers = 130000").replace("MaxQueryMem     = 200M", "MaxQueryMem = 2G")
    folder = work / "virtuoso"
    if folder.exists():
        shutil.rmtree(folder)
    proc, base = remote_servers.start_virtuoso(folder, max_rows=10_000_000, max_seconds=MAX_SECONDS)
    t = time.perf_counter()
    named = (q for q in store.store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
    ox.serialize(named, str(folder / "named.nq"), format=ox.RdfFormat.N_QUADS)
    sql_port = re.search(r"ServerPort\s*=\s*127\.0\.0\.1:(\d+)", (folder / "virtuoso.ini").read_text()).group(1)
    run = subprocess.run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", remote_servers.DBA_PASSWORD, "VERBOSE=OFF",
                          "BANNER=OFF", "PROMPT=OFF"], cwd=folder, capture_output=True, text=True, timeout=7200,
                         input="ld_dir ('.', 'named.nq', 'https://w3id.org/parley/id/unused');\nrdf_loader_run ();\n"
                               "checkpoint;\nSELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;\n")
    if "*** Error" in run.stdout + run.stderr or not re.search(r"^\s*0\s*$", run.stdout, re.M):
        raise RuntimeError(f"virtuoso bulk load failed: {run.stdout[-1500:]}{run.stderr[-500:]}")
    (folder / "named.nq").unlink()
    print(f"virtuoso: loaded in {time.perf_counter() - t:.0f} s", flush=True)
    return proc, base


def export_figures(spec: str, fmt: str) -> tuple[float, float, int]:
    """Seconds, peak RSS (MB) and bytes of ``kg --store SPEC export --format FMT`` as a process."""
    kg = str(Path(sys.executable).with_name("kg"))
    with tempfile.TemporaryDirectory(prefix="parley-export-") as tmp:
        out = os.path.join(tmp, f"graph.{fmt}")
        t = time.perf_counter()
        run = subprocess.run(["/usr/bin/time", "-f", "%M", kg, "--store", spec, "export", "--format", fmt,
                              "--out", out], capture_output=True, text=True, check=True,
                             env={**os.environ, "KG_STORE_TIMEOUT": "3600"})
        return time.perf_counter() - t, int(run.stderr.strip().splitlines()[-1]) / 1024, os.path.getsize(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default="/tmp/parley-bench-store")
    ap.add_argument("--triples", default="1M")
    ap.add_argument("--work", default="/tmp/parley-remote-bench")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--only", default="", help="time only these questions, comma separated")
    ap.add_argument("--skip", default="", help="questions not to time, comma separated")
    ap.add_argument("--export", action="store_true", help="also time kg export (nquads, nt) from each server")
    a = ap.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    build_store(Path(a.store), parse_size(a.triples))
    embedded = GraphStore.reader(a.store)
    values = sample_values(embedded)
    print(f"store: {len(embedded):,} triples in the union, {len(embedded.named_graphs())} article graphs")
    print(f"parameters: {values}")
    procs = []
    try:
        proc, ox_url = start_oxigraph(embedded.snapshot, work)
        procs.append(proc)
        proc, virtuoso_url = start_virtuoso(embedded, work)
        procs.append(proc)
        specs = {"oxigraph": ox_url, "virtuoso": "virtuoso+" + virtuoso_url}
        stores = {"embedded": embedded}
        stores.update({k: open_store(parse_store(s, timeout=MAX_SECONDS + 60), read_only=True) for k, s in specs.items()})
        print("\n| question | bound | rows | embedded p50 | p95 | oxigraph p50 | p95 | virtuoso p50 | p95 "
              "| oxigraph / embedded | virtuoso / embedded | same rows |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        only, skip = set(filter(None, a.only.split(","))), set(filter(None, a.skip.split(",")))
        for name, q in stored_queries().items():
            if name in skip or (only and name not in only):
                continue
            given = {p: values[p] for p in q.params if p in values}
            text = q.with_values(q.bind(given))
            answers, failed = {}, {}
            for k, s in stores.items():  # warm-up, and the rows to compare
                try:
                    answers[k] = canonical(execute(s, text, form=q.form), text)
                except ParleyError as e:  # a server that refuses the question (Virtuoso's cost estimate, a timeout)
                    failed[k] = str(e)[:160]
            if failed:
                print(f"| {name} | {', '.join(given) or '-'} | refused by {', '.join(failed)}: "
                      f"{'; '.join(failed.values())} |", flush=True)
                continue
            runs = [lambda s=s: len(execute(s, q.with_values(q.bind(given)), form=q.form)) for s in stores.values()]
            try:
                (e50, e95, n), (o50, o95, _), (v50, v95, _) = timed_together(runs, a.runs, budget=120, least=3)
            except ParleyError as e:  # answered once, then past the time limit in a timed round
                print(f"| {name} | {', '.join(given) or '-'} | refused in a timed round: {str(e)[:160]} |", flush=True)
                continue
            same = "yes" if answers["oxigraph"] == answers["embedded"] == answers["virtuoso"] else \
                f"NO (ox {answers['oxigraph'] == answers['embedded']}, virtuoso {answers['virtuoso'] == answers['embedded']})"
            print(f"| {name} | {', '.join(given) or '-'} | {n} | {e50:.1f} | {e95:.1f} | {o50:.1f} | {o95:.1f} "
                  f"| {v50:.1f} | {v95:.1f} | {o50 / e50:.2f} | {v50 / e50:.2f} | {same} |", flush=True)
        if a.export:
            print("\n| server | format | seconds | peak RSS MB | output MB |")
            print("|---|---|---|---|---|")
            for kind, spec in specs.items():
                for fmt in ("nquads", "nt"):
                    took, rss, size = export_figures(spec, fmt)
                    print(f"| {kind} | {fmt} | {took:.1f} | {rss:.0f} | {size / 1e6:.0f} |", flush=True)
    finally:
        for proc in procs:
            remote_servers.stop(proc)
        embedded.close()


if __name__ == "__main__":
    main()
