"""Meeting identity at scale: is ``resolve_meetings`` near-linear in the number of reports?

Synthetic reports (no language model): N articles of three meetings each, a fifth of them undated,
a tenth naming nobody, at places drawn from the gazetteer's cities, venues and countries (so
containment is exercised) and from made-up places, over a span of days that grows with N (news
arrives at a steady rate: 50 articles a day) or, with ``--fixed-span``, over one fixed year (the
density grows with N: the hard case for any index by place and date).

Prints the CPU seconds at each size and the ratio to the size before (2.0 is linear for doubling).

    .venv/bin/python benchmarks/identity_bench.py                 # 1k, 2k, 4k, 8k articles
    .venv/bin/python benchmarks/identity_bench.py --sizes 1000 2000 --fixed-span
    .venv/bin/python benchmarks/identity_bench.py --incremental   # and one article added to each
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from kg.graph.identity import resolve_meetings
from kg.model import Article, ArticleFacts, Meeting, Participant

PLACES = ["Moscow", "Kremlin, Moscow", "Washington", "White House, Washington", "Geneva", "Switzerland",
          "Riyadh", "Saudi Arabia", "Istanbul", "Turkey", "Doha", "Qatar", "Cairo", "Egypt", "Paris", "London",
          "Berlin", "Kyiv", "Ukraine", "Muscat", "Oman", "Abu Dhabi", "Brussels", "Vienna", "Oslo", "Nairobi"]
PLACES += [f"Harbour Town {k}" for k in range(40)]  # places the gazetteer does not know
SURNAMES = [f"Envoy{k}" for k in range(400)]


def corpus(n: int, *, per_day: int = 50, fixed_span: bool = False, seed: int = 7) -> list[ArticleFacts]:
    rng = random.Random(seed)
    days = 365 if fixed_span else max(1, n // per_day)
    start = date(2025, 1, 1)
    out = []
    for i in range(n):
        published = start + timedelta(days=rng.randrange(days))
        text = f"synthetic article {i}"
        a = Article(path=f"a{i}.txt", stem=f"a{i}", text=text, sha256=f"{i:064x}", published=published,
                    source=f"a{i}.txt")
        meetings = []
        for j in range(3):
            undated = rng.random() < 0.2
            when = None if undated else published - timedelta(days=rng.randrange(4))
            people = [] if rng.random() < 0.1 else rng.sample(SURNAMES[:60] if j == 0 else SURNAMES, rng.randint(1, 4))
            place = rng.choice(PLACES) if rng.random() > 0.05 else None
            meetings.append(Meeting(place=place, date=when,
                                    participants=[Participant(name=f"Ann {p}") for p in sorted(people)]))
        out.append(ArticleFacts(article=a, meetings=meetings))
    return out


def incremental(n: int, *, fixed_span: bool) -> tuple[float, int, int]:
    """Milliseconds to decide identity after adding one article to a store of ``n`` (records and
    their index in a real in-memory store), the stored articles it looked at, and those it moved."""
    from kg.reconcile_scope import decide
    from kg.store import GraphStore
    from kg.store.index import StoreIndex
    from kg.store.records import ArticleRecord

    batch = corpus(n + 1, fixed_span=fixed_span)
    *stored, new = batch
    store = GraphStore(None)
    for i, (f, iris) in enumerate(zip(stored, resolve_meetings(stored))):
        g = f"https://w3id.org/parley/id/graph/a{i}"
        rec = ArticleRecord(graph=g, source="", sha256=f.article.sha256, path=g, file=g, root=None, extractor="v",
                            published=f.article.published, context=None, meetings=f.meetings,
                            meeting_iris=[str(x) for x in iris])
        store.set_state(g, "record", rec.to_json())
    index = StoreIndex(store)  # built from the records, as for a store made before the index
    t = time.perf_counter()
    iris, moved = decide(index, {"https://w3id.org/parley/id/graph/new": new}, set())
    return 1000 * (time.perf_counter() - t), len(iris) - 1, len(moved)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    ap.add_argument("--fixed-span", action="store_true", help="all sizes over one year (density grows with N)")
    ap.add_argument("--incremental", action="store_true",
                    help="also: the time to decide identity after adding one article to a store of each size")
    args = ap.parse_args()
    resolve_meetings(corpus(50))  # warm the gazetteer
    before = None
    print(f"{'articles':>9} {'reports':>8} {'meetings':>9} {'cpu s':>8} {'ratio':>6}")
    for n in args.sizes:
        batch = corpus(n, fixed_span=args.fixed_span)
        t = time.process_time()
        iris = resolve_meetings(batch)
        cpu = time.process_time() - t
        distinct = len({x for row in iris for x in row})
        ratio = f"{cpu / before:6.2f}" if before else "     -"
        print(f"{n:9d} {3 * n:8d} {distinct:9d} {cpu:8.2f} {ratio}")
        before = cpu
    if args.incremental:
        print(f"{'articles':>9} {'one more: ms':>13} {'looked at':>10} {'moved':>6}")
        for n in args.sizes:
            ms, looked, moved = incremental(n, fixed_span=args.fixed_span)
            print(f"{n:9d} {ms:13.1f} {looked:10d} {moved:6d}")


if __name__ == "__main__":
    main()
