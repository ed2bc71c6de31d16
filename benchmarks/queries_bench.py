"""How fast does every stored question answer on a store of a million triples?

Builds (once, then reuses) an on-disk store from the synthetic corpus of benchmarks/synthetic.py
(its facts through the real graph builder, one named graph per article, derived graphs
refreshed), then times each stored question in ``queries/`` three ways, in one run:

- ``kg``: as ``kg query`` runs it in process: parameters in a VALUES block
  (kg.query.StoredQuery.with_values), rows converted to rdflib terms (GraphStore.table);
- ``raw``: the same SPARQL text straight on pyoxigraph, solutions iterated, nothing converted;
- ``subst``: the previous way of binding, pyoxigraph's parameter substitution, for comparison.

Parameters take values found in the store (a place, an actor, a speaker, a proposal, one node).
Prints p50 and p95 in milliseconds and the kg/raw ratio of the p50s. Absolute times are noisy on
a shared machine; the ratios carry.

usage: .venv/bin/python benchmarks/queries_bench.py [--store DIR] [--triples 1M] [--runs 15] [--skip NAMES]
"""
from __future__ import annotations

import argparse
import statistics
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
from kg.query import stored_queries  # noqa: E402
from kg.store import GraphStore  # noqa: E402
from kg.store.oxigraph import to_ox  # noqa: E402


def parse_size(s: str) -> int:
    s = s.strip().lower()
    return int(float(s.rstrip("km")) * {"k": 1_000, "m": 1_000_000}.get(s[-1], 1))


def build_store(path: Path, triples: int) -> GraphStore:
    """The store at ``path``; when it is new, filled with synthetic articles until they state
    ``triples``: each article's graph from the real graph builder, landed with Oxigraph's bulk
    loader (named graph per article, default graph their union, as GraphStore keeps them)."""
    if path.exists():
        return GraphStore(path)
    memory, stated, n, t = ox.Store(), 0, 0, time.perf_counter()
    while stated < triples:
        g = article(n)
        m = g.facts.meetings[0]
        graph = facts_graph(g.facts, meeting_iris=[meeting_iri(m.place, m.date, [])], version=VERSION)
        name = ox.NamedNode(str(graph_iri(g.facts.article)))
        quads = [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]
        memory.extend([ox.Quad(s, p, o, name) for s, p, o in quads] +
                      [ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in quads])
        stated, n = stated + len(quads), n + 1
        if n % 500 == 0:
            print(f"  {n} articles, {stated:,} triples stated, {time.perf_counter() - t:.0f}s", flush=True)
    disk = ox.Store(str(path))
    disk.bulk_extend(iter(memory))
    disk.flush()
    del disk, memory
    store = GraphStore(path)
    refresh_derived(store)
    store.flush()
    print(f"  built: {n} articles in {time.perf_counter() - t:.0f}s", flush=True)
    return store


def one(store: GraphStore, sparql: str) -> str | None:
    rows = list(store.store.query(sparql, prefixes={k: str(v) for k, v in PREFIXES.items()}))
    return None if not rows else rows[0]


def sample_values(store: GraphStore) -> dict[str, str]:
    """A value for each parameter name of the stored questions, taken from the store."""
    found = {
        "place": "SELECT ?v WHERE { ?m a kg:Meeting ; kg:location/rdfs:label ?v } LIMIT 1",
        "actor": "SELECT ?v WHERE { ?m a kg:Meeting ; kg:participant/rdfs:label ?v } LIMIT 1",
        "speaker": "SELECT ?v WHERE { ?c a kg:Claim ; kg:speaker/rdfs:label ?v } LIMIT 1",
        "proposal": "SELECT ?v WHERE { ?p prov:wasRevisionOf ?o ; rdfs:label ?v } LIMIT 1",
        "node": "SELECT ?v WHERE { ?v a kg:Meeting ; kg:evidence ?e } LIMIT 1",
    }
    out = {}
    for name, q in found.items():
        row = one(store, q)
        if row is not None:
            out[name] = row["v"].value
    return out


def timed(fn, runs: int) -> tuple[float, float, int]:
    """p50 and p95 in ms over ``runs`` calls (fewer when a call takes seconds), and the rows."""
    times, n = [], 0
    deadline = time.perf_counter() + 20
    for _ in range(runs):
        t = time.perf_counter()
        n = fn()
        times.append(time.perf_counter() - t)
        if time.perf_counter() > deadline:  # a question taking seconds: fewer runs
            break
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times) * 1e3, p95 * 1e3, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default="/tmp/parley-bench-store")
    ap.add_argument("--triples", default="1M")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--skip", default="", help="questions not to time, comma separated (e.g. conflicts)")
    a = ap.parse_args()
    store = build_store(Path(a.store), parse_size(a.triples))
    values = sample_values(store)
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    print(f"store: {len(store):,} triples in the union, {len(store.named_graphs())} article graphs")
    print(f"parameters: {values}\n")
    print(f"| question | bound | rows | kg p50 | kg p95 | raw p50 | raw p95 | kg/raw | subst p50 | subst/kg |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, q in stored_queries().items():
        if name in a.skip.split(","):
            continue
        bound = q.bind({p: values[p] for p in q.params if p in values})
        text = q.with_values(bound)

        def kg_run() -> int:
            return len(list(store.table(text)[1]))

        def raw_run() -> int:
            return sum(1 for _ in store.store.query(text, prefixes=prefixes))

        def subst_run() -> int:
            return sum(1 for _ in store.select(q.text, bound))

        k50, k95, n = timed(kg_run, a.runs)
        r50, r95, _ = timed(raw_run, a.runs)
        s50, _, _ = timed(subst_run, a.runs) if bound else (k50, 0, 0)
        shown = ", ".join(f"{p}" for p in bound) or "-"
        print(f"| {name} | {shown} | {n} | {k50:.1f} | {k95:.1f} | {r50:.1f} | {r95:.1f} | {k50 / r50:.2f} "
              f"| {s50:.1f} | {s50 / k50:.1f} |", flush=True)


if __name__ == "__main__":
    main()
