"""``kg validate`` on one core and on every core, on the benchmark store (issue 11).

Runs kg.validate.store.validate_store on the store benchmarks/queries_bench.py builds (default
/tmp/parley-bench-store, 1M triples), opened as a reader, with 1 process and then with N (default:
every core), checks that both reports hold the same findings in the same order, and prints the
seconds and their ratio (measured in one run).

usage: .venv/bin/python benchmarks/validate_store_bench.py [--store DIR] [--processes N]
"""
from __future__ import annotations

import argparse
import time

from kg.store import GraphStore
from kg.validate.store import default_jobs, validate_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default="/tmp/parley-bench-store")
    ap.add_argument("--processes", type=int, default=default_jobs())
    a = ap.parse_args()
    store = GraphStore.reader(a.store)
    print(f"store: {len(store):,} triples in the union, {len(store.named_graphs())} article graphs")
    reports, took = {}, {}
    for jobs in (1, a.processes):
        t = time.perf_counter()
        reports[jobs] = validate_store(store, jobs=jobs)
        took[jobs] = time.perf_counter() - t
        print(f"  {jobs} process(es): {took[jobs]:.1f} s, {len(reports[jobs].findings)} finding(s)", flush=True)
    same = [(str(f.violation.shape), str(f.violation.focus_node), str(f.violation.message))
            for f in reports[1].findings] == [(str(f.violation.shape), str(f.violation.focus_node),
                                               str(f.violation.message)) for f in reports[a.processes].findings]
    print(f"\n| processes | seconds | ratio to 1 | same findings |\n|---|---|---|---|")
    for jobs in (1, a.processes):
        print(f"| {jobs} | {took[jobs]:.1f} | {took[jobs] / took[1]:.2f} | {same} |")
    store.close()


if __name__ == "__main__":
    main()
