"""How long does ``kg export`` take on the benchmark store, and how much memory does it hold?

Each way of exporting runs in a fresh process (so that its peak RSS is its own), on the store
that benchmarks/queries_bench.py builds (default /tmp/parley-bench-store, 1M triples):

- ``stream``: GraphStore.export as ``kg export`` calls it: quads go from Oxigraph's iterators to
  its writer, graph by graph, straight into the file;
- ``copy``: the previous export, for comparison: every named-graph quad filtered in a Python loop
  into an in-memory store, then dumped;
- ``cli``: ``kg --store S export --format F --out FILE`` as a command (adds start-up).

Prints seconds, peak RSS (MB) and the output size per format; ratios against ``copy`` in one run.

usage: .venv/bin/python benchmarks/export_bench.py [--store DIR] [--formats trig,nquads,nt]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
import pyoxigraph as ox
from kg.store import GraphStore
from kg.store.oxigraph import EXPORT_FORMATS, STATE_GRAPH, PREFIXES
how, path, fmt, out = sys.argv[1:5]
store = GraphStore.reader(path)
t = time.perf_counter()
if how == "stream":
    store.export(out, fmt=fmt)
else:
    rdf_format = EXPORT_FORMATS[fmt]
    named = ox.Store()
    named.extend(q for q in store.store.quads_for_pattern(None, None, None)
                 if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value != STATE_GRAPH)
    kwargs = {"prefixes": {k: str(v) for k, v in PREFIXES.items()}} if rdf_format != ox.RdfFormat.N_QUADS else {}
    named.dump(out, format=rdf_format, **kwargs)
took = time.perf_counter() - t
print(json.dumps({"s": took, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default="/tmp/parley-bench-store")
    ap.add_argument("--formats", default="trig,nquads,nt")
    a = ap.parse_args()
    kg = str(Path(sys.executable).with_name("kg"))
    print("| format | way | seconds | peak RSS MB | output MB | time / copy |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in a.formats.split(","):
            out = os.path.join(tmp, f"graph.{fmt}")
            copy = None
            ways = ["copy", "stream", "cli"] if fmt != "nt" else ["stream", "cli"]  # nt: the union, never copied
            for how in ways:
                if how == "cli":
                    t = time.perf_counter()
                    run = subprocess.run(["/usr/bin/time", "-f", "%M", kg, "--store", a.store, "export", "--format",
                                          fmt, "--out", out], capture_output=True, text=True, check=True)
                    took, rss = time.perf_counter() - t, int(run.stderr.strip().splitlines()[-1]) / 1024
                else:
                    run = subprocess.run([sys.executable, "-c", CHILD, how, a.store, fmt, out],
                                         capture_output=True, text=True, check=True)
                    got = json.loads(run.stdout)
                    took, rss = got["s"], got["rss"]
                copy = took if how == "copy" else copy
                ratio = f"{took / copy:.2f}" if copy else "-"
                print(f"| {fmt} | {how} | {took:.1f} | {rss:.0f} | {os.path.getsize(out) / 1e6:.0f} | {ratio} |", flush=True)
                os.remove(out)


if __name__ == "__main__":
    main()
