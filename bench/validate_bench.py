"""How does validation time grow with the graph, and what does one more article cost?

Builds synthetic article graphs with the real graph builder (kg.graph.facts_graph over synthetic
kg.model.ArticleFacts: an article with its text, actors with mentions, a meeting with
participations, a proposal with provisions revising the previous article's, claims; every
evidence with offsets that match the text), loads them into an in-memory GraphStore up to each
size, and prints, in one run:

- the full ``validate_store`` (SHACL per article graph, then the store checks): seconds and
  microseconds per stored triple; it should be linear;
- the store checks alone (kg.validate.store_checks, SPARQL over the union graph);
- the incremental cost of one added article as the build pays it (its graph validated in
  memory before it lands), median over ``--added`` articles, as a ratio to the time of building
  that article's graph;
- validation per article by engine, on the same graphs in the same run: pySHACL (the
  reference), the sparql engine one graph at a time, and the sparql engine on a batch of 256
  graphs as ``kg build`` runs it (``--engines-only`` prints just this).

Names vary per article so IRIs differ; a few countries and places are shared, as in the news.
Absolute times are noisy on a shared machine; the ratios and the per-triple figures carry.

usage: .venv/bin/python bench/validate_bench.py [--sizes 10k,100k,1M] [--added 20]
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from kg.graph import facts_graph
from kg.graph.iri import graph_iri, meeting_iri
from kg.model import Actor, Article, ArticleFacts, Claim, Meeting, Participant, Proposal, Provision, Span
from kg.store import GraphStore
from kg.validate.shacl import validate_graph, validate_graph_pyshacl, validate_graphs_reports
from kg.validate.store import findings, validate_store
from kg.validate.store_checks import check_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import Text  # noqa: E402  (one sentence writer for both benchmarks)

VERSION = "kg.extractor.v1"
SYLLABLES = ["ka", "lo", "mi", "ren", "sto", "va", "dri", "po", "zel", "ny", "ta", "bor", "vik", "sen", "ul", "gra"]
FIRST = ["Andriy", "Marco", "Steve", "Rustem", "Kirill", "Dan", "Olena", "Sergei", "Jared", "Hakan"]
TITLES = ["foreign minister", "special envoy", "national security adviser", "chief negotiator", "defence minister"]
COUNTRIES = ["Ukraine", "United States", "Russia", "Turkey", "Qatar"]
CITIES = ["Geneva", "Istanbul", "Abu Dhabi", "Miami", "Riyadh", "Doha", "Berlin", "Paris"]
TOPICS = ["size of the army", "frozen assets", "security guarantees", "elections", "sanctions relief"]


def surname(i: int, k: int) -> str:
    """A distinct pronounceable surname for actor ``k`` of article ``i``."""
    n, parts = i * 16 + k, []
    for _ in range(4):
        n, r = divmod(n, len(SYLLABLES))
        parts.append(SYLLABLES[r])
    return "".join(parts).capitalize()


def synthetic_facts(i: int) -> ArticleFacts:
    """Article ``i``: six people, a delegation, two countries, a meeting, a proposal revising
    article ``i - 1``'s, five claims; about 550 triples."""
    t = Text()
    day = date(2025, 1, 1) + timedelta(days=i % 300)
    people = [f"{FIRST[(i + k) % len(FIRST)]} {surname(i, k)}" for k in range(6)]
    countries = [COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i + 1) % len(COUNTRIES)]]
    city = CITIES[i % len(CITIES)]
    delegation = f"{countries[0]} delegation {surname(i, 9)}"
    plan, previous = f"Plan {surname(i, 12)}", f"Plan {surname(i - 1, 12)}" if i else None
    mentions: dict[str, list[Span]] = {}

    def mention(name: str, span: Span) -> None:
        mentions.setdefault(name, []).append(span)

    a, b, c = t.say("Talks between ", people[0], " and ", people[1], " were held in ", city, " on Sunday.")
    mention(people[0], a), mention(people[1], b)
    meeting_span, city_spans = Span(0, len(t.text) - 1), [c]
    for k in range(6):
        (s, c) = t.say("", people[k], f", the {TITLES[k % len(TITLES)]} of ", countries[k % 2], ", arrived.")
        mention(people[k], s), mention(countries[k % 2], c)
    (d,) = t.say("The ", delegation, " joined them.")
    mention(delegation, d)
    p, *before = t.say("They discussed the ", plan, ", a revision of the ", previous or "first draft", ".")
    provisions = []
    for topic in TOPICS[:3]:
        (ts,) = t.say("It covers ", topic, ".")
        provisions.append(Provision(topic, quantity=600000.0 if topic == TOPICS[0] else None, evidence=ts))
    claims = []
    for k in range(5):
        quote = f"We made progress on point {k + 1} of the {plan}"
        s, q = t.say("", people[k], ' said: "', quote, '".')
        mention(people[k], s)
        claims.append(Claim(people[k], quote, "DirectQuote", q, verb="said", date=day,
                            about=[plan, city] if k % 2 else [plan]))
    (anon,) = t.say("A source said ", "the talks would resume next week", ".")
    claims.append(Claim("anonymous source", "the talks would resume next week", "Paraphrase", anon, verb="said",
                        hedged=True))
    text = t.text
    article = Article(path=f"synthetic/{i}.txt", stem=f"synthetic-{i}", text=text,
                      sha256=hashlib.sha256(f"{i}:{text}".encode()).hexdigest(), title=f"Talks in {city}",
                      publisher="Synthetic Wire", published=day + timedelta(days=1), language="en",
                      url=f"https://example.org/news/{i}", body=[Span(0, len(text))])
    actors = [Actor(n, "Person", mentions=mentions[n], titles={TITLES[k % len(TITLES)]},
                    affiliation=countries[k % 2]) for k, n in enumerate(people)]
    actors += [Actor(c, "Country", mentions=mentions[c], wikidata=f"Q{212 + COUNTRIES.index(c)}") for c in countries]
    actors.append(Actor(delegation, "Delegation", mentions=mentions[delegation]))
    meeting = Meeting(city, day, status="Held", mode="InPerson", evidence=[meeting_span], date_basis="relative",
                      participants=[Participant(people[0], "Host"), Participant(people[1], "Guest"),
                                    Participant(people[2]), Participant(people[3], "Mediator")])
    proposals = [Proposal(plan, points=28, proposer=people[0], revision_of=previous, provisions=provisions,
                          evidence=[p])]
    if previous:  # typed here too: kgsh:Proposal-wasRevisionOf wants it in the same graph
        proposals.append(Proposal(previous, evidence=before))
    return ArticleFacts(article, actors=actors, places={city: city_spans}, meetings=[meeting],
                        proposals=proposals, claims=claims)


def article_graph(i: int):
    facts = synthetic_facts(i)
    m = facts.meetings[0]
    return facts, facts_graph(facts, meeting_iris=[meeting_iri(m.place, m.date, [])], version=VERSION)


def parse_size(s: str) -> int:
    s = s.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(s[-1], 1)
    return int(float(s.rstrip("km")) * mult)


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def added_cost(store: GraphStore, first: int, n: int) -> tuple[float, float, float]:
    """Medians over ``n`` new articles of: building the graph, validating it in memory as the
    build does, and writing it to the store. The articles are removed again afterwards."""
    build, check, write = [], [], []
    for i in range(first, first + n):
        (facts, g), tb = timed(article_graph, i)
        t = time.perf_counter()
        findings(graph_iri(facts.article), g, validate_graph(g))
        check.append(time.perf_counter() - t)
        _, tw = timed(store.replace_graph, graph_iri(facts.article), g)
        build.append(tb), write.append(tw)
    for i in range(first, first + n):
        store.remove_graph(graph_iri(synthetic_facts(i).article))
    return statistics.median(build), statistics.median(check), statistics.median(write)


def engines(n: int = 256, reference: int = 32) -> None:
    """Milliseconds of validation per article, pySHACL against the sparql engine, one run."""
    graphs = [article_graph(i)[1] for i in range(n)]
    validate_graphs_reports(graphs[:2]), validate_graph_pyshacl(graphs[0])  # compile and parse outside the timings
    (_, py) = timed(lambda: [validate_graph_pyshacl(g) for g in graphs[:reference]])
    (_, one) = timed(lambda: [validate_graph(g) for g in graphs[:reference]])
    (reports, batch) = timed(validate_graphs_reports, graphs)
    assert all(r.conforms for r in reports)
    py, one, batch = py / reference * 1e3, one / reference * 1e3, batch / n * 1e3
    print(f"validation per article ({sum(map(len, graphs)) // n} triples): pyshacl {py:.1f} ms, "
          f"sparql one at a time {one:.1f} ms ({py / one:.1f}x faster), sparql batch of {n} {batch:.1f} ms "
          f"({py / batch:.1f}x faster)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1M", help="stored triples to reach, comma separated")
    ap.add_argument("--added", type=int, default=20, help="added articles to take the median over")
    ap.add_argument("--engines-only", action="store_true", help="only compare the validation engines")
    a = ap.parse_args()
    engines()
    if a.engines_only:
        return
    targets = sorted(parse_size(s) for s in a.sizes.split(","))

    validate_graph(article_graph(0)[1])  # parse the shapes and ontology once, outside the timings
    store, n, stated, build_s, load_s = GraphStore(None), 0, 0, 0.0, 0.0
    rows = []
    for target in targets:
        # grow the same store from one size to the next; len(store) scans the union, so ask it
        # only once the triples stated in article graphs (never fewer) have reached the target
        while stated < target or len(store) < target:
            (facts, g), tb = timed(article_graph, n)
            _, tl = timed(store.replace_graph, graph_iri(facts.article), g)
            stated, build_s, load_s, n = stated + len(g), build_s + tb, load_s + tl, n + 1
        triples = len(store)
        report, full_s = timed(validate_store, store)
        found, checks_s = timed(check_store, store)
        assert report.conforms and not found, [f.violation.message for f in report.findings[:5]]
        b, v, w = added_cost(store, 10_000_000, a.added)
        rows.append((triples, n, stated, build_s, load_s, full_s, checks_s, b, v, w))
        print(f"{triples:>9,} triples ({n} articles, {stated:,} stated in article graphs): "
              f"validate_store {full_s:.2f}s = {full_s / triples * 1e6:.1f} us/triple, "
              f"of which store checks {checks_s:.3f}s = {checks_s / triples * 1e6:.2f} us/triple; "
              f"one added article: build {b * 1e3:.1f} ms, validate {v * 1e3:.1f} ms "
              f"({v / b:.1f}x build), store {w * 1e3:.1f} ms", flush=True)

    print("\n| union triples | articles | graphs built (s) | loaded (s) | validate_store (s) | us/triple "
          "| per-article SHACL (s) | store checks (s) | store checks us/triple "
          "| added article: build ms | validate ms | validate/build | store ms |")
    print("|" + "---|" * 13)
    for triples, n, stated, build_s, load_s, full_s, checks_s, b, v, w in rows:
        print(f"| {triples:,} | {n} | {build_s:.1f} | {load_s:.1f} | {full_s:.1f} | {full_s / triples * 1e6:.1f} "
              f"| {full_s - checks_s:.1f} | {checks_s:.3f} | {checks_s / triples * 1e6:.2f} "
              f"| {b * 1e3:.1f} | {v * 1e3:.1f} | {v / b:.1f}x | {w * 1e3:.1f} |")


if __name__ == "__main__":
    main()
