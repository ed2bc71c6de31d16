"""What does a build cost after the language model, step by step, in CPU seconds?

The facts of N synthetic articles (``benchmarks/synthetic.py``: the facts a perfect extractor
would find, so no language model runs) go through what ``kg build -j 1`` does with each
article's facts after extraction: linking, the facts' JSON for the store, meeting identity, the
triples (``facts_triples``), validation (``validate_triples``, the sparql engine, shapes compiled
beforehand) and the write into a fresh on-disk store (``replace_graphs``). Each step is timed in
CPU time of this process (Oxigraph's threads included), ``--repeat`` times, and the fastest of
each is kept: on a shared machine that says more than the wall clock.

usage: .venv/bin/python bench/post_bench.py [--articles N] [--repeat N]
"""
from __future__ import annotations

import argparse
import copy
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rdflib import URIRef

from kg.graph import facts_triples, resolve_meetings
from kg.graph.iri import graph_iri
from kg.link import Linker
from kg.link.facts import link_facts
from kg.store import GraphStore
from kg.store.records import dumps
from kg.validate.batch import validate_triples
from kg.validate.sparql_engine import engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import article  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    base = [article(i).facts for i in range(a.articles)]
    engine()
    linker = Linker.load()
    best: dict[str, float] = {}
    triples = 0
    for _ in range(a.repeat):
        facts = copy.deepcopy(base)
        times: dict[str, float] = {}
        t = time.process_time()

        def step(name: str) -> None:
            nonlocal t
            now = time.process_time()
            times[name] = now - t
            t = now

        for f in facts:
            link_facts(f, linker)
        step("link")
        for f in facts:
            dumps(f)
        step("facts JSON")
        iris = resolve_meetings(facts)
        step("identity")
        graphs = [(URIRef(str(graph_iri(f.article))), facts_triples(f, meeting_iris=i, version="kg.extractor.v1"))
                  for f, i in zip(facts, iris)]
        step("triples")
        validate_triples(graphs)
        step("validation")
        tmp = tempfile.mkdtemp(prefix="post-bench-")
        store = GraphStore(Path(tmp) / "store")
        t = time.process_time()
        store.replace_graphs(graphs)
        step("store write")
        store.close()
        shutil.rmtree(tmp)
        for k, v in times.items():
            best[k] = min(best.get(k, v), v)
        triples = sum(len(g) for _, g in graphs)
    print(f"{a.articles} synthetic articles, {triples} triples; CPU seconds, fastest of {a.repeat}:")
    print("  " + ", ".join(f"{k} {v:.3f}" for k, v in best.items()) + f"; total {sum(best.values()):.3f}")


if __name__ == "__main__":
    main()
