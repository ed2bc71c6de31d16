"""Order independence, edits and removals: the store after any sequence of builds (and removals)
over the same final set of articles equals one batch build over that set.

Meeting identity and the dates undated articles resolve against depend on which articles are in
the store; a build re-decides them over every stored report and rewrites the article graphs that
change (``kg/build.py``). The articles are our own samples in data/articles.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from kg.build import build, remove
from kg.ingest import article_files
from kg.store import STATE_GRAPH, GraphStore

pytestmark = pytest.mark.issue(9)


def data_quads(store: GraphStore) -> set[str]:
    """Article graphs, derived graphs and the union default graph (not the bookkeeping)."""
    return {str(q) for q in store.store.quads_for_pattern(None, None, None)
            if getattr(q.graph_name, "value", None) != STATE_GRAPH}


def units(samples_dir: Path) -> list[list[Path]]:
    """Each article file with its sidecar: what is added or removed together."""
    out = []
    for p in article_files(samples_dir):
        side = p.with_name(p.stem + ".meta.json")
        out.append([p] + ([side] if side.exists() else []))
    return out


def put(folder: Path, unit: list[Path]) -> None:
    for p in unit:
        shutil.copy(p, folder / p.name)


def drop(folder: Path, unit: list[Path]) -> None:
    for p in unit:
        (folder / p.name).unlink()


@pytest.fixture(scope="module")
def all_units(samples_dir):
    return units(samples_dir)


@pytest.fixture(scope="module")
def batch(tmp_path_factory, all_units, nlp):
    folder = tmp_path_factory.mktemp("batch") / "articles"
    folder.mkdir()
    for u in all_units:
        put(folder, u)
    store = GraphStore(None)
    report = build(folder, store, nlp=nlp, validate=False)
    assert not report.errors
    return data_quads(store), folder


REWRITES: dict[str, int] = {}


def sequence(tmp_path, nlp, steps: list[list[list[Path]]], *, name: str = "") -> tuple[GraphStore, Path]:
    """Build after adding each step's units to one folder (the same relative paths as the batch)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    store = GraphStore(None)
    for step in steps:
        for u in step:
            put(folder, u)
        REWRITES[name] = REWRITES.get(name, 0) + build(folder, store, nlp=nlp, validate=False).rewritten
    return store, folder


@pytest.mark.parametrize("order", ["one-by-one", "reverse", "shuffled-3-steps"])
def test_builds_in_any_order_equal_one_batch_build(order, all_units, batch, tmp_path, nlp):
    us = list(all_units)
    if order == "one-by-one":
        steps = [[u] for u in us]
    elif order == "reverse":
        steps = [[u] for u in reversed(us)]
    else:
        random.Random(order).shuffle(us)
        n = int(order.split("-")[1])
        steps = [us[i::n] for i in range(n)]
    store, _ = sequence(tmp_path, nlp, steps, name=order)
    expected, _ = batch
    got = data_quads(store)
    assert got == expected, (f"{len(got ^ expected)} of {len(expected)} quads differ, e.g. "
                             f"{sorted(got - expected)[:3]} / {sorted(expected - got)[:3]}")
    if order == "one-by-one":  # later articles changed earlier decisions, and the graphs were rewritten
        assert REWRITES[order] > 0


def test_building_the_same_folder_again_changes_nothing_and_redoes_nothing(batch, nlp):
    expected, folder = batch
    store = GraphStore(None)
    build(folder, store, nlp=nlp, validate=False)
    again = build(folder, store, nlp=nlp, validate=False)
    from kg.store.records import read_records

    assert not again.landed and not again.rewritten
    assert again.unchanged == len(read_records(store)) >= len(article_files(folder))
    assert data_quads(store) == expected


def _batch_of(tmp_path, nlp, files: list[list[Path]]) -> set[str]:
    folder = tmp_path / "ref" / "articles"
    folder.mkdir(parents=True)
    for u in files:
        put(folder, u)
    store = GraphStore(None)
    build(folder, store, nlp=nlp, validate=False)
    return data_quads(store)


def test_removing_articles_then_adding_them_back_equals_the_batch(all_units, batch, tmp_path, nlp):
    store, folder = sequence(tmp_path, nlp, [all_units])
    gone = all_units[::4]
    for u in gone:
        drop(folder, u)
    report = build(folder, store, nlp=nlp, validate=False, prune=True)
    assert len(report.removed) >= len(gone) and not report.landed
    assert data_quads(store) == _batch_of(tmp_path, nlp, [u for u in all_units if u not in gone])
    for u in gone:
        put(folder, u)
    build(folder, store, nlp=nlp, validate=False)
    assert data_quads(store) == batch[0]


def test_an_edited_article_replaces_only_its_own_graph(all_units, tmp_path, nlp):
    store, folder = sequence(tmp_path, nlp, [all_units])
    target = next(u[0] for u in all_units if u[0].suffix == ".txt")
    before = {str(g) for g in store.named_graphs()}
    text = (folder / target.name).read_text(encoding="utf-8")
    (folder / target.name).write_text(text + "\nOfficials said a further round of talks was planned.\n",
                                      encoding="utf-8")
    report = build(folder, store, nlp=nlp, validate=False)
    assert [o.article.path for o in report.landed] == [str(folder / target.name)]
    assert {str(g) for g in store.named_graphs()} == before, "same graph IRI: replaced, not added beside"
    edited = tmp_path / "edited"
    edited.mkdir()
    for u in all_units:
        put(edited, u)
    (edited / target.name).write_text((folder / target.name).read_text(encoding="utf-8"), encoding="utf-8")
    ref = GraphStore(None)
    build(edited, ref, nlp=nlp, validate=False)
    assert data_quads(store) == data_quads(ref)
    assert not any(text[:40] in q and "schema.org/text" in q for q in data_quads(store) if "further round" not in q), \
        "the old text is gone from the union"


@pytest.mark.parametrize("how", ["path", "url", "graph"])
def test_kg_remove_takes_out_an_article_and_what_only_it_supported(how, all_units, tmp_path, nlp):
    from kg.store.records import read_records

    store, folder = sequence(tmp_path, nlp, [all_units])
    records = read_records(store)
    with_url = [r for r in records.values() if r.source.startswith("http")]
    rec = with_url[0] if how == "url" else sorted(records.values(), key=lambda r: r.file)[0]
    target = {"path": rec.file, "url": rec.source, "graph": rec.graph}[how]
    report = remove(store, [target], nlp=nlp, validate=False)
    assert not report.errors and len(report.removed) == 1
    rest = [u for u in all_units if u[0].name != rec.file.split("#")[0]]
    if rest == [u for u in all_units]:  # a record of a .jsonl file: rebuild without that record
        pytest.skip("not reached: the first record by file is a whole file")
    assert data_quads(store) == _batch_of(tmp_path, nlp, rest)


def test_kg_remove_of_an_unknown_article_gives_e706(tmp_path, nlp):
    store = GraphStore(None)
    report = remove(store, ["nowhere.txt"], nlp=nlp)
    assert [str(e) for e in report.errors] == [
        "[E706] No article in the store matches 'nowhere.txt'. Give a file path as it was built (relative to the "
        "built folder), the article's URL, or its graph IRI."]
