"""Person labels on an incremental build: the whole decision against the names one article reaches.

A synthetic store index (no language model) of N article records of three person names each, from
made-up given names and surnames of two to four syllables (a fifth of the names a surname alone),
written under the labels of their set; then one article of three names arrives (one full name whose
surname the store holds, its surname alone, one new person). Prints the milliseconds of the whole
decision (every name of the store) and of the incremental one (``kg/reconcile_names.py``), each with
the scan or lookups of the articles to rewrite, and the graphs the incremental one read.

    .venv/bin/python benchmarks/names_bench.py                 # 10k records
    .venv/bin/python benchmarks/names_bench.py --records 2000
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

from kg.reconcile_names import set_labels, whole_labels, written_otherwise
from kg.store import GraphStore
from kg.store.index import StoreIndex
from kg.store.records import ArticleRecord

SYLLABLES = [c + v for c in "bdghklmnprstvz" for v in "aeiou"] + "ov ich ski son berg in an el".split()


def word(rng: random.Random, lo: int, hi: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi))).capitalize()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(11)
    given = sorted({word(rng, 2, 2) for _ in range(300)})
    surnames = sorted({word(rng, 2, 4) for _ in range(args.records * 2)})

    def name() -> str:
        return rng.choice(surnames) if rng.random() < 0.2 else f"{rng.choice(given)} {rng.choice(surnames)}"

    stored = {f"urn:bench:{i:06}": sorted({name() for _ in range(3)}) for i in range(args.records)}
    store = GraphStore(None)
    index = StoreIndex(store)
    labels = whole_labels(index, set(), stored.values())
    t = time.perf_counter()
    for g, names in stored.items():
        index.put(g, ArticleRecord(graph=g, source=g, sha256=g, path=g, file=g, root=None, extractor="bench",
                                   published=None, context=None, persons={n: labels.get(n, n) for n in names}))
    distinct = len({n for names in stored.values() for n in names})
    print(f"{args.records} records, {distinct} distinct person names, index built in {time.perf_counter() - t:.1f} s")
    whole_ms, part_ms, read = [], [], []
    for _ in range(args.repeat):
        s = rng.choice(surnames)
        arriving = [[f"{rng.choice(given)} {s}", s, f"{rng.choice(given)} {word(rng, 3, 3)}"]]
        t = time.perf_counter()
        whole = whole_labels(index, set(), arriving)
        w_graphs = written_otherwise(index, whole, set())
        whole_ms.append(1000 * (time.perf_counter() - t))
        t = time.perf_counter()
        part = set_labels(index, set(), arriving)
        p_graphs = written_otherwise(index, part, set())
        part_ms.append(1000 * (time.perf_counter() - t))
        read.append(len(part.graphs()))
        assert p_graphs == w_graphs, "the incremental decision rewrites other articles"
    print(f"whole decision + rewrite scan: {statistics.median(whole_ms):8.1f} ms (median of {args.repeat})")
    print(f"incremental decision + lookups: {statistics.median(part_ms):7.1f} ms (median of {args.repeat}), "
          f"graphs read {statistics.median(read):.0f} of {args.records}")
    print(f"ratio whole / incremental: {statistics.median(whole_ms) / statistics.median(part_ms):.1f}")


if __name__ == "__main__":
    main()
