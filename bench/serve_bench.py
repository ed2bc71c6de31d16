"""What the HTTP endpoint costs over asking the store in-process: the same stored questions through
`kg serve` (urllib, one connection per request) and through kg.api, in one run, as ratios.

usage: .venv/bin/python bench/serve_bench.py [--store data/store] [--repeat 50]
       (build the store first: scripts/demo.sh, or kg --store data/store build data/articles)
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kg import api

QUESTIONS = [("attendees-at-place", {"place": "Moscow"}), ("timeline", {}), ("meetings", {}), ("actors", {})]


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default="data/store")
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    kg = str(Path(sys.executable).with_name("kg"))
    server = subprocess.Popen([kg, "--store", args.store, "serve", "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip()
        store = api.open_store(args.store)

        def http(name, params):
            req = urllib.request.Request(f"{url}queries/{name}?{urllib.parse.urlencode(params)}",
                                         headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req) as resp:
                return resp.read()

        print(f"{'question':22s} {'in-process ms':>14s} {'HTTP ms':>9s} {'ratio':>6s}")
        for name, params in QUESTIONS:
            local = median_ms(lambda: api.run_question(store, name, **params).serialize("json"), args.repeat)
            remote = median_ms(lambda: http(name, params), args.repeat)
            print(f"{name:22s} {local:14.2f} {remote:9.2f} {remote / local:6.1f}x")
        n = args.repeat * 4
        for clients in (1, 2, 4):
            t = time.perf_counter()
            with ThreadPoolExecutor(clients) as pool:
                list(pool.map(lambda _: http("attendees-at-place", {"place": "Moscow"}), range(n)))
            print(f"{clients} client(s): {n / (time.perf_counter() - t):.0f} requests/s (attendees-at-place)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
