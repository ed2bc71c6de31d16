"""Meeting identity decided incrementally (only over the stored reports a change can reach, found
through the record index in a real store) gives every article the IRIs of one batch decision over
the whole set, after any sequence of additions, replacements and removals."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kg.graph import resolve_meetings
from kg.model import Article, ArticleFacts, Meeting, Participant
from kg.reconcile_scope import decide
from kg.store import GraphStore
from kg.store.index import StoreIndex
from kg.store.records import ArticleRecord

pytestmark = pytest.mark.issue(11)

# places that contain one another (the gazetteer's chains), and one it does not know
PLACES = ["Kremlin, Moscow", "Moscow", "Russia", "Red Square, Moscow", "White House, Washington", "Washington",
          "Geneva", "Switzerland", "Harbour Town", "Kyiv", "Ukraine", "Doha", "Qatar", "Oslo"]
PEOPLE = ["Ann Alder", "Bo Birch", "Cy Cedar", "Di Dogwood", "Ed Elm", "Flo Fir"]
START = date(2025, 3, 1)


def facts(rng: random.Random, i: int, version: int = 0, *, span: int = 40) -> ArticleFacts:
    """A made-up article: one to three reports over ``span`` days, some undated or placeless."""
    published = None if rng.random() < 0.1 else START + timedelta(days=rng.randrange(span))
    meetings = []
    for _ in range(rng.randint(1, 3)):
        when = None if rng.random() < 0.35 else published + timedelta(days=-rng.randrange(3)) if published and \
            rng.random() < 0.5 else START + timedelta(days=rng.randrange(span))
        place = None if rng.random() < 0.15 else rng.choice(PLACES)
        people = sorted(rng.sample(PEOPLE, rng.randint(0, 3)))
        meetings.append(Meeting(place=place, date=when, participants=[Participant(p) for p in people]))
    a = Article(path=f"t{i}.txt", stem=f"t{i}", text="", sha256=f"{i:060x}{version:04x}", published=published)
    return ArticleFacts(article=a, meetings=meetings)


def graph(i: int) -> str:
    return f"https://w3id.org/parley/id/graph/t{i:03d}"


def apply(store: GraphStore, index: StoreIndex, current: dict, stubs: dict, removed: set) -> int:
    """One build's identity step, and the records it writes; returns how many records it wrote."""
    iris, moved = decide(index, stubs, removed)
    for g in removed:
        store.set_state(g, "record", None)
        index.drop(g)
        del current[g]
    current.update(stubs)
    for g in sorted(set(stubs) | set(moved)):
        f = current[g]
        rec = ArticleRecord(graph=g, source="", sha256=f.article.sha256, path=g, file=g, root=None, extractor="v",
                            published=f.article.published, context=[] if f.article.published is None else None,
                            meetings=f.meetings, meeting_iris=[str(x) for x in iris[g]])
        store.set_state(g, "record", rec.to_json())
        index.put(g, rec)
    return len(stubs) + len(moved)


@pytest.mark.parametrize("seed", range(36))
def test_incremental_identity_equals_one_batch_decision(seed):
    rng = random.Random(seed)
    span = (20, 120, 400)[seed % 3]  # from everything near everything to sparse
    store = GraphStore(None)
    index = StoreIndex(store)
    current: dict[str, ArticleFacts] = {}
    pending = list(range(30))
    rng.shuffle(pending)
    version = 0
    moved = 0
    while pending or rng.random() < 0.3:
        stubs = {graph(i): facts(random.Random(f"{seed}-{i}"), i, span=span) for i in pending[:rng.randint(1, 3)]}
        pending = pending[len(stubs):]
        removed = set()
        if current and rng.random() < 0.3:
            removed = {rng.choice(sorted(current))}
        if set(current) - removed and rng.random() < 0.3:  # an edit: the same graph, other facts
            g = rng.choice(sorted(set(current) - removed))
            version += 1
            stubs[g] = facts(rng, int(g[-3:]), version, span=span)
        moved += apply(store, index, current, stubs, removed) - len(stubs)
        order = sorted(current)
        batch = dict(zip(order, resolve_meetings([current[g] for g in order])))
        stored = {g: index.get(g).meeting_iris for g in order}
        assert stored == {g: [str(x) for x in batch[g]] for g in order}
    assert index.all_graphs() == set(current)


def test_the_scope_of_a_change_is_the_reports_near_it_not_the_store():
    # a hundred meetings at places and days far apart: adding one more touches none of them
    store = GraphStore(None)
    index = StoreIndex(store)
    current: dict[str, ArticleFacts] = {}
    far = {}
    for i in range(100):
        a = Article(path=f"t{i}.txt", stem=f"t{i}", text="", sha256=f"{i:064x}", published=START + timedelta(days=9 * i))
        place = PLACES[i % 3] if i % 2 else "Geneva"
        far[graph(i)] = ArticleFacts(a, meetings=[Meeting(place, a.published, [Participant(PEOPLE[i % 6])])])
    apply(store, index, current, far, set())
    a = Article(path="new.txt", stem="new", text="", sha256="f" * 64, published=START + timedelta(days=451))
    new = ArticleFacts(a, meetings=[Meeting("Moscow", START + timedelta(days=450), [Participant("Ann Alder")])])
    iris, moved = decide(index, {graph(999): new}, set())
    assert moved == [] and len(iris) <= 3, sorted(iris)
