"""One label per person across the articles of a store, in a build (kg/reconcile_names.py).

Two articles of ours: one names "Jane Smithson" in full, the other only "Smithson" (as a speaker
and as a participant of a meeting). Whatever the order they land in, the store holds one person
node with the full name, and equals one batch build over both.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build, remove
from kg.graph.iri import actor_iri
from kg.store import STATE_GRAPH, GraphStore

pytestmark = pytest.mark.issue(8)

ARTICLES = {
    "oslo-quota-talks": ("2025-05-04", "Trade envoys meet in Oslo\n\n"
                         "OSLO, May 4 (Wire) - Norwegian trade envoy Jane Smithson met Finnish negotiator "
                         "Pekka Rautio in Oslo on Sunday to discuss fishing quotas. \"We made progress on the "
                         "quota question,\" Smithson told reporters after the meeting.\n"),
    "quota-talks-follow-up": ("2025-05-06", "Fishing quota talks go on\n\n"
                              "HELSINKI, May 6 (Wire) - Norwegian envoy Smithson and Finnish negotiator Pekka "
                              "Rautio met again in Helsinki on Tuesday for talks on fishing quotas. Smithson said "
                              "the two sides were close to a deal.\n"),
}


def data_quads(store: GraphStore) -> set[str]:
    """Article graphs, derived graphs and the union default graph (not the bookkeeping)."""
    return {str(q) for q in store.store.quads_for_pattern(None, None, None)
            if getattr(q.graph_name, "value", None) != STATE_GRAPH}


def write(folder: Path, stem: str) -> None:
    published, text = ARTICLES[stem]
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / f"{stem}.meta.json").write_text(json.dumps({"published": published, "language": "en"}),
                                              encoding="utf-8")


def built(tmp_path: Path, nlp, steps: list[list[str]]) -> GraphStore:
    folder = tmp_path / "articles"
    folder.mkdir(parents=True)
    store = GraphStore(None)
    for step in steps:
        for stem in step:
            write(folder, stem)
        assert not build(folder, store, nlp=nlp, validate=False).errors
    return store


def persons(store: GraphStore) -> set[str]:
    rows = store.store.query("SELECT DISTINCT ?l WHERE { GRAPH ?g { ?p a <https://w3id.org/parley/ontology#Person> ; "
                             "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }")
    return {r[0].value for r in rows}


@pytest.fixture(scope="module")
def batch(tmp_path_factory, nlp):
    return data_quads(built(tmp_path_factory.mktemp("names-batch"), nlp, [sorted(ARTICLES)]))


def test_names_a_surname_alone_takes_the_full_name_another_article_gives(tmp_path, nlp):
    store = built(tmp_path, nlp, [sorted(ARTICLES)])
    assert "Jane Smithson" in persons(store)
    assert "Smithson" not in persons(store)
    speakers = {r[0].value for r in store.store.query(
        "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?c <https://w3id.org/parley/ontology#speaker> ?s } }")}
    assert str(actor_iri("Smithson", "Person")) not in speakers
    assert str(actor_iri("Jane Smithson", "Person")) in speakers
    # the meeting only the second article reports has the full name as participant (decided before identity)
    met = {r[0].value for r in store.store.query(
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?m <https://w3id.org/parley/ontology#participant> ?p } }")}
    assert str(actor_iri("Jane Smithson", "Person")) in met
    assert str(actor_iri("Smithson", "Person")) not in met


@pytest.mark.parametrize("order", [["oslo-quota-talks", "quota-talks-follow-up"],
                                   ["quota-talks-follow-up", "oslo-quota-talks"]])
def test_names_builds_in_either_order_equal_one_batch_build(order, batch, tmp_path, nlp):
    store = built(tmp_path, nlp, [[stem] for stem in order])
    got = data_quads(store)
    assert got == batch, f"{len(got ^ batch)} quads differ, e.g. {sorted(got - batch)[:2]} / {sorted(batch - got)[:2]}"


def test_names_removing_the_full_name_gives_the_surname_back(tmp_path, nlp):
    store = built(tmp_path, nlp, [sorted(ARTICLES)])
    report = remove(store, ["oslo-quota-talks.txt"], nlp=nlp, validate=False)
    assert not report.errors and report.rewritten == 1
    assert persons(store) == {"Smithson", "Pekka Rautio"}


OTHER = ("2025-05-05", "Port fees on the agenda\n\n"
         "TALLINN, May 5 (Wire) - Estonian transport minister Maarja Kivisild met Latvian official Ilmars "
         "Ozolins in Tallinn on Monday to discuss harbour fees. Kivisild said the talks were useful.\n")


@pytest.mark.parametrize("order", [["oslo-quota-talks", "quota-talks-follow-up"],
                                   ["quota-talks-follow-up", "oslo-quota-talks"]])
def test_names_decided_from_the_names_a_change_reaches_equal_one_batch_build(order, tmp_path, nlp):
    """With an unrelated article stored first, each later build is smaller than the store: its
    labels are decided over the names it reaches only, and the store still equals a batch build."""
    ARTICLES["port-fees-talks"] = OTHER
    try:
        whole = data_quads(built(tmp_path / "batch", nlp, [["port-fees-talks"] + order]))
        stepped = built(tmp_path / "steps", nlp, [["port-fees-talks"]] + [[stem] for stem in order])
    finally:
        del ARTICLES["port-fees-talks"]
    assert "Jane Smithson" in persons(stepped) and "Smithson" not in persons(stepped)
    got = data_quads(stepped)
    assert got == whole, f"{len(got ^ whole)} quads differ, e.g. {sorted(got - whole)[:2]} / {sorted(whole - got)[:2]}"


GIVEN = ["Jana", "Jane", "Janek", "Petro", "Petr", "Omar", "Omer", "Ida", "Hal", "Serhiy", "Sergiy", "K"]
SURNAMES = ["Smithson", "Smitson", "Smithsen", "Voss", "Vos", "Harthy", "Alharthy", "Al Harthy", "Rautio",
            "Rautiola", "Brennick", "Brenick", "Kovalenko", "Kowalenko", "Lind"]


def random_name(rng) -> str:
    if rng.random() < 0.3:
        return rng.choice(SURNAMES).split()[-1]
    return f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"


def record(g: str, persons: dict[str, str]):
    from kg.store.records import ArticleRecord

    return ArticleRecord(graph=g, source=g, sha256=g, path=g, file=g, root=None, extractor="x", published=None,
                         context=None, persons=persons)


@pytest.mark.parametrize("seed", range(12))
def test_names_deciding_the_names_a_change_reaches_equals_deciding_all(seed):
    """Random stores of names written under the labels of their set, and a random change: the names
    the change reaches, decided from the index by key, give every name its whole decision's label."""
    import random

    from kg.reconcile_names import Labels, set_labels, whole_labels, written_otherwise
    from kg.store.index import StoreIndex

    rng = random.Random(seed)
    stored = {f"urn:a:{i:03}": sorted({random_name(rng) for _ in range(rng.randint(1, 4))}) for i in range(40)}
    # and articles about other people, whom no change here reaches
    stored |= {f"urn:b:{i:03}": [f"Ulla {''.join(rng.choice('bdfgkmprtv') + rng.choice('aeiou') for _ in range(3))}"]
               for i in range(40)}
    labels = whole_labels(StoreIndex(GraphStore(None)), set(), stored.values())
    index = StoreIndex(GraphStore(None))
    for g, names in stored.items():
        index.put(g, record(g, {n: labels.get(n, n) for n in names}))
    leaving = set(rng.sample(sorted(stored), rng.randint(0, 4)))
    arriving = [sorted({random_name(rng) for _ in range(rng.randint(1, 4))}) for _ in range(rng.randint(0, 3))]
    part, whole = set_labels(index, leaving, arriving), whole_labels(index, leaving, arriving)
    assert isinstance(part, Labels)
    everyone = {n for names in list(stored.values()) + arriving for n in names}
    assert {n: part.get(n, n) for n in everyone} == {n: whole.get(n, n) for n in everyone}
    assert written_otherwise(index, part, leaving) == written_otherwise(index, whole, leaving)
    assert len(part.graphs()) < len(stored) - 20  # the change is decided without reading every article
