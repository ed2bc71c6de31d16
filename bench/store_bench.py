"""Why the store is Oxigraph: load and query a synthetic Parley-shaped graph in pyoxigraph and in
rdflib's memory store, in one run, and print the ratios.

usage: .venv/bin/python bench/store_bench.py [--meetings 5000]
"""
from __future__ import annotations

import argparse
import time

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.graph.namespaces import KG, KGID, PREFIXES
from kg.query import get_query
from kg.store import GraphStore


def synthetic(meetings: int):
    """Quads shaped like ours: actors, meetings with places, dates and participants, one graph per 'article'."""
    quads = []
    for i in range(meetings):
        g = KGID[f"graph/{i:016x}"]
        m = KGID[f"meeting/place-{i % 300}-{i}"]
        place = KGID[f"place/place-{i % 300}"]
        quads += [(m, RDF.type, KG.Meeting, g), (m, KG.location, place, g), (place, RDF.type, KG.Place, g),
                  (place, RDFS.label, Literal(f"Place {i % 300}"), g),
                  (m, KG.date, Literal(f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=XSD.date), g),
                  (KGID[f"article/{i:016x}"], RDF.type, KG.Article, g),
                  (KGID[f"article/{i:016x}"], KG.fileName, Literal(f"a{i}"), g)]
        for j in range(4):
            p = KGID[f"person/p{(i * 7 + j) % 2000}"]
            quads += [(m, KG.participant, p, g), (p, RDF.type, KG.Person, g), (p, RDFS.label, Literal(f"Person {(i * 7 + j) % 2000}"), g)]
    return quads


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=5000)
    n = ap.parse_args().meetings
    quads = synthetic(n)
    print(f"{len(quads)} quads ({n} meetings)")

    by_graph: dict = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, []).append((s, p, o))

    def load_ox():
        store = GraphStore(None)
        for g, triples in by_graph.items():
            store.replace_graph(g, triples)
        return store

    def load_rdflib():
        ds = Dataset(default_union=True)
        for s, p, o, g in quads:
            ds.add((s, p, o, g))
        return ds

    t_ox, t_rl = timed(load_ox, 1), timed(load_rdflib, 1)
    store, ds = load_ox(), load_rdflib()
    q = get_query("attendees-at-place")
    bindings = {"place": Literal("Place 7")}
    q_ox = timed(lambda: list(store.rows(q.text, bindings)))
    rdflib_text = q.text
    q_rl = timed(lambda: list(ds.query(rdflib_text, initNs=PREFIXES, initBindings=bindings)), 1)
    meetings = get_query("meetings")
    m_ox = timed(lambda: list(store.rows(meetings.text)))
    m_rl = timed(lambda: list(ds.query(meetings.text, initNs=PREFIXES)), 1)
    print(f"load:                    oxigraph {t_ox:.2f}s  rdflib {t_rl:.2f}s  ratio rdflib/oxigraph {t_rl / t_ox:.1f}x")
    print(f"attendees-at-place:      oxigraph {q_ox * 1000:.1f}ms rdflib {q_rl * 1000:.1f}ms ratio {q_rl / q_ox:.1f}x")
    print(f"meetings (contract):     oxigraph {m_ox * 1000:.1f}ms rdflib {m_rl * 1000:.1f}ms ratio {m_rl / m_ox:.1f}x")


if __name__ == "__main__":
    main()
