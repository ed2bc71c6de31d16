"""What does adding, replacing or removing one article cost in a large store?

Builds a store of synthetic articles (benchmarks/synthetic.py; about 1M triples at 2,000
articles) through the real build, with each article's extraction replaced by the facts the
generator knows are in it (so that the language model is not run for an hour), then adds one new
article, replaces one (its text edited) and removes one, a few times each, and prints the wall
time of each change beyond its extraction, with the build's own split of that time, and what the
change leaves running (the CPU and disk bytes of the RocksDB compaction its publish starts).

What a change leaves behind is measured too: each publish flushes every column family (one file
each, ~2.5 ms apiece), and RocksDB then merges those small files with everything written through
transactions since the bulk loads (12-18 MB rewritten per change at 1.1M triples, ~0.1-0.15 s of
CPU in its own threads, which a change made right after shares the two cores with).

Each build that makes the store prints its cost per article by step, so a batch landing in a
large store can be compared with the first one (a fresh build).

usage: .venv/bin/python benchmarks/incremental_build.py [--articles 2000] [--repeat 3] [--batch 500] [--store DIR]
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kg.reconcile as reconcile  # noqa: E402
from kg.build import build, remove  # noqa: E402
from kg.graph.iri import graph_iri  # noqa: E402
from kg.link import Linker  # noqa: E402
from kg.store import GraphStore  # noqa: E402
from synthetic import article  # noqa: E402

FACTS: dict = {}  # content hash -> the facts in that article
PAUSE = 1.0  # seconds after each change, for the compaction it starts to finish (not timed)
EXTRACTING = [0.0]  # seconds spent in the stand-in for extraction since the last change began


def known_facts(articles, nlp, *, n_process, context, report, tick, cluster=None, **_):
    """Stands in for kg.reconcile.extract_all: the generator's facts instead of the language model."""
    t = time.perf_counter()
    out = [FACTS[a.sha256] for a in articles]
    tick(len(out))
    EXTRACTING[0] += time.perf_counter() - t
    return out


class NoModel:
    """Passed as ``nlp``: present, so the build never loads the real one."""

    def pipe(self, *args, **kwargs):
        raise AssertionError("the language model is not used here")


def generated(i: int):
    facts = article(i).facts
    FACTS[facts.article.sha256] = facts
    return facts.article


def edited(a):
    """The same article with one more sentence: another content hash, the same facts."""
    text = a.text + "\nThe talks are expected to resume later this month.\n"
    new = replace(a, text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    FACTS[new.sha256] = replace(FACTS[a.sha256], article=new)
    return new


def written() -> int:
    """Bytes this process has written to disk so far (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/io") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("write_bytes"))
    except (OSError, StopIteration):
        return 0


def timed(what: str, run, times: dict) -> None:
    EXTRACTING[0] = 0.0
    t, cpu, wrote = time.perf_counter(), time.process_time(), written()
    report = run()
    ms = (time.perf_counter() - t) * 1000
    beyond = ms - EXTRACTING[0] * 1000
    times.setdefault(what, []).append(beyond)
    split = ", ".join(f"{k} {v * 1000:.0f}" for k, v in report.seconds.items() if v >= 0.0005)
    print(f"  {what}: {ms:.0f} ms, {beyond:.0f} beyond extraction ({split or 'no timed steps'}; "
          f"{report.summary()})", flush=True)
    # what the change costs after it returns: RocksDB compacts the files each publish flushes, in
    # its own threads (CPU of every thread of this process, disk bytes written, after a pause)
    time.sleep(PAUSE)
    print(f"    with the compaction after it: {(time.process_time() - cpu) * 1000:.0f} ms CPU, "
          f"{(written() - wrote) / 1e6:.1f} MB written", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=500, help="articles per build while the store is made")
    ap.add_argument("--store", help="store folder (kept; default: a temporary one)")
    a = ap.parse_args()
    reconcile.extract_all = known_facts
    with tempfile.TemporaryDirectory() as tmp:
        store = GraphStore(Path(a.store or Path(tmp) / "store"))
        t = time.perf_counter()
        for first in range(0, a.articles, a.batch):
            batch = [generated(i) for i in range(first, min(a.articles, first + a.batch))]
            b = time.perf_counter()
            report = build(batch, store, nlp=NoModel())
            per = 1000 * (time.perf_counter() - b) / len(batch)
            split = ", ".join(f"{k} {1000 * v / len(batch):.1f}" for k, v in report.seconds.items())
            print(f"  batch of {len(batch)} into {first} articles: {per:.1f} ms per article ({split}; "
                  f"{report.rewritten} rewritten)", flush=True)
        print(f"store: {a.articles} articles, {len(store)} triples in the union, built in "
              f"{time.perf_counter() - t:.0f} s")
        times: dict = {}
        linker = Linker.load()
        for r in range(a.repeat):
            new = generated(a.articles + r)
            timed("add one article", lambda: build([new], store, nlp=NoModel(), linker=linker), times)
            old = generated(r * 7)
            timed("replace one article", lambda: build([edited(old)], store, nlp=NoModel(), linker=linker), times)
            gone = str(graph_iri(generated(r * 7 + 3)))
            timed("remove one article", lambda: remove(store, [gone], nlp=NoModel(), linker=linker), times)
        for what, ms in times.items():
            print(f"{what}: median {statistics.median(ms):.0f} ms beyond extraction over {len(ms)}")
        store.close()


if __name__ == "__main__":
    main()
