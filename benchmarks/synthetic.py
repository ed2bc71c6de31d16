"""A synthetic news corpus shaped like the real one, at any size (1k, 10k, 100k articles).

The shapes come from the real corpus (../shared/corpus: 300-750 words, 9-22 paragraphs, a
dateline, a meeting with its attendees, quotations with a reporting verb, a plan with a number
of points and provisions, a publisher and a publication date); the words come from templates
written here and the names from Parley's own gazetteer (data/gazetteer, the verified Wikidata
labels). No sentence of the real corpus is used.

Each article is generated twice over, deterministically from its number: as text with a
``.meta.json`` sidecar (what ``kg build`` reads), and as the :class:`kg.model.ArticleFacts` a
perfect extractor would find in that text (with spans that reproduce the words), so that a
store of a million triples can be built without running the language model for an hour.

Articles share what news shares: a meeting is reported by about seven articles (some of which
date it a day apart), plans are revised over a few rounds, the same envoys speak.

usage: .venv/bin/python benchmarks/synthetic.py OUT_DIR --articles 1000
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from kg.extract.text.gazetteer import load_gazetteer
from kg.model import Actor, Article, ArticleFacts, Claim, Meeting, Participant, Proposal, Provision, Span

VERSION = "kg.extractor.v1"
TITLES = ["foreign minister", "special envoy", "national security adviser", "chief negotiator",
          "defence minister", "deputy foreign minister", "presidential aide"]
TOPICS = ["troop numbers", "frozen central bank assets", "security guarantees", "elections", "sanctions relief",
          "prisoner exchanges", "the ceasefire line", "reconstruction funds", "grain exports", "border crossings"]
VERBS = ["said", "told reporters", "said in a statement", "wrote", "added"]
BACKGROUND = [
    "Diplomats described the atmosphere as businesslike but tense.",
    "The talks followed weeks of shuttle diplomacy between the capitals.",
    "Neither side published a joint statement after the session.",
    "Officials cautioned that several issues remained unresolved.",
    "Analysts said the timing reflected pressure from allies.",
    "The delegations were expected to report back to their governments.",
    "A further round could take place within weeks, according to people briefed on the plans.",
    "Earlier rounds had ended without agreement on the sequencing of steps.",
    "Security around the venue was tight, and the press was kept at a distance.",
    "The agenda was not made public in advance.",
]


@dataclass
class Generated:
    """One synthetic article: its file stem, text, sidecar metadata and the facts in it."""

    stem: str
    text: str
    meta: dict
    facts: ArticleFacts


@lru_cache(maxsize=1)
def names() -> dict[str, list[str]]:
    """People, countries with a capital, organisations and outlets from the gazetteer, sorted."""
    g = load_gazetteer()
    real = sorted({label for label, _, kind in g.qids.values() if kind == "Person"} | set(g.persons.values()))
    first = sorted({p.split()[0] for p in real})
    last = sorted({p.split()[-1] for p in real if len(p.split()) > 1})
    # fictional people (no quotation is put in a real person's mouth), from the gazetteer's names:
    # first and last names recombined
    persons = [f"{f} {s}" for f in first for s in last if f"{f} {s}" not in real]
    capitals = {}
    for city, country in sorted(g.capitals.items()):
        capitals.setdefault(country, g.capital_labels.get(city, city.title()))
    return {"persons": persons, "countries": sorted(capitals), "capitals": [capitals[c] for c in sorted(capitals)],
            "outlets": sorted(set(g.outlets.values()))}


class Text:
    """Grows a text sentence by sentence and hands back the spans of the marked pieces."""

    def __init__(self) -> None:
        self.text = ""

    def say(self, *pieces: str) -> list[Span]:
        """Append ``pieces`` as one sentence; returns the span of every odd piece."""
        spans = []
        for n, piece in enumerate(pieces):
            if n % 2:
                spans.append(Span(len(self.text), len(self.text) + len(piece)))
            self.text += piece
        self.text += " "
        return spans

    def paragraph(self) -> None:
        self.text = self.text.rstrip(" ") + "\n\n"


def article(i: int) -> Generated:
    """Article number ``i`` (deterministic)."""
    n = names()
    rng = random.Random(i)
    story = i // 7  # about seven articles report each meeting
    srng = random.Random(f"story-{story}")
    k = srng.randrange(len(n["countries"]))
    countries = [n["countries"][k], n["countries"][(k + 1 + srng.randrange(20)) % len(n["countries"])]]
    city = n["capitals"][(k + srng.randrange(3)) % len(n["capitals"])]
    day = date(2024, 1, 1) + timedelta(days=story % 700)
    reported_day = day + timedelta(days=1) if rng.random() < 0.1 else day  # some sources differ by a day
    people = [n["persons"][(story * 3 + j * 11 + (j > 3) * i) % len(n["persons"])] for j in range(6)]
    people = list(dict.fromkeys(people))
    outlet = n["outlets"][i % len(n["outlets"])]
    plan = f"{12 + story % 20}-point plan of round {story}"
    # a plan is revised over up to five rounds, then talks start over with a new one
    previous = f"{12 + (story - 1) % 20}-point plan of round {story - 1}" if story % 5 else None
    mentions: dict[str, list[Span]] = {}

    def mention(name: str, span: Span) -> None:
        mentions.setdefault(name, []).append(span)

    t = Text()
    (dl,) = t.say("", city.upper(), f", {reported_day:%B} {reported_day.day} ({outlet}) -")
    a, b, c = t.say("", people[0], " met ", people[1], " in ", city,
                    f" on {reported_day:%A, %B} {reported_day.day}, officials said.")
    mention(people[0], a), mention(people[1], b)
    meeting_span = Span(a.start, len(t.text) - 1)
    t.paragraph()
    for j, person in enumerate(people):
        s, cs = t.say("", person, f", the {TITLES[(story + j) % len(TITLES)]} of ", countries[j % 2],
                      ", took part." if j < 4 else ", joined later.")
        mention(person, s), mention(countries[j % 2], cs)
        if j % 2:
            t.paragraph()
    p, before = t.say("The delegations discussed the ", plan, ", which revises the ", previous or "earlier draft", ".")
    provisions = []
    for topic in rng.sample(TOPICS, 3):
        quantity = float(rng.choice([10000, 50000, 600000, 800000]))
        (ts,) = t.say("Under the plan, ", topic, f" would be capped at {int(quantity):,}.")
        provisions.append(Provision(topic, quantity=quantity, evidence=ts))
    t.paragraph()
    claims = []
    for j in range(rng.randrange(3, 7)):
        speaker = people[j % len(people)]
        verb = VERBS[(i + j) % len(VERBS)]
        quote = f"We made progress on point {j + 1} of the {plan}"
        s, q = t.say("", speaker, f" {verb}: \u201c", quote, ".\u201d")
        mention(speaker, s)
        claims.append(Claim(speaker, quote, "DirectQuote", q, verb=verb.split()[0], date=reported_day,
                            about=[plan] if j % 2 else [plan, city]))
        if j % 2:
            t.paragraph()
    while len(t.text.split()) < 300 + rng.randrange(300):  # real articles: 300-750 words, 9-22 paragraphs
        t.say(rng.choice(BACKGROUND))
        if rng.random() < 0.4:
            t.paragraph()
    text = t.text.rstrip() + "\n"
    stem = f"synthetic-{i:06d}"
    published = reported_day + timedelta(days=1)
    meta = {"url": f"https://news.example.org/{published:%Y/%m/%d}/{stem}", "title": f"Talks in {city}",
            "publisher": outlet, "published": published.isoformat(), "language": "en"}
    art = Article(path=f"{stem}.txt", stem=stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                  url=meta["url"], title=meta["title"], publisher=outlet, published=published, language="en",
                  body=[Span(0, len(text))])
    actors = [Actor(x, "Person", mentions=mentions[x], titles={TITLES[(story + j) % len(TITLES)]},
                    affiliation=countries[j % 2]) for j, x in enumerate(people)]
    actors += [Actor(x, "Country", mentions=mentions[x]) for x in countries if x in mentions]
    meeting = Meeting(city, reported_day, status="Held", mode="InPerson", evidence=[meeting_span],
                      date_basis="explicit",
                      participants=[Participant(people[0], "Host"), Participant(people[1], "Guest")]
                      + [Participant(x) for x in people[2:4]])
    proposals = [Proposal(plan, points=12 + story % 20, proposer=people[0], revision_of=previous,
                          provisions=provisions, evidence=[p])]
    if previous:
        proposals.append(Proposal(previous, evidence=[before]))
    facts = ArticleFacts(art, actors=actors, places={city: [c, dl]}, meetings=[meeting], proposals=proposals,
                         claims=claims)
    return Generated(stem, text, meta, facts)


def write_corpus(folder: str | Path, count: int, *, first: int = 0) -> Path:
    """Write articles ``first`` .. ``first + count - 1`` as ``.txt`` + ``.meta.json`` into ``folder``."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        g = article(i)
        (out / f"{g.stem}.txt").write_text(g.text, encoding="utf-8")
        (out / f"{g.stem}.meta.json").write_text(json.dumps(g.meta), encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=1000, help="how many (1000, 10000, 100000)")
    a = ap.parse_args()
    write_corpus(a.out, a.articles)
    print(f"{a.articles} articles in {a.out}")


if __name__ == "__main__":
    main()
