"""Two files with the same text: which one lands is a function of the set of files (the copy with
the first graph IRI), never of the order they were read or built in."""
from __future__ import annotations

import shutil

import pytest

from kg.build import build
from kg.graph.iri import graph_iri
from kg.ingest import read_folder
from kg.store import STATE_GRAPH, GraphStore

pytestmark = pytest.mark.issue(9)



def data_quads(store: GraphStore) -> set[str]:
    return {str(q) for q in store.store.quads_for_pattern(None, None, None)
            if getattr(q.graph_name, "value", None) != STATE_GRAPH}


TEXT = ("GENEVA, March 3 (Parley) - Envoys from the two delegations met in Geneva on Tuesday for a second "
        "round of talks on the prisoner exchange, officials said.\n\nA third round is planned for April.\n")


def copies(folder, names):
    for n in names:
        (folder / n).write_text(TEXT, encoding="utf-8")


def test_ingest_keeps_the_first_graph_iri_whatever_the_read_order(tmp_path):
    copies(tmp_path, ["alpha.txt", "zulu.txt", "mike.txt"])
    got = read_folder(tmp_path)
    assert len(got.articles) == 1 and len(got.duplicates) == 2
    every = sorted(str(graph_iri(a)) for a in [got.articles[0]] +
                   [a for n in ("alpha.txt", "zulu.txt", "mike.txt") for a in read_folder(tmp_path / n).articles])
    # the kept article's graph IRI is the smallest of the three copies' (read each on its own to get theirs)
    assert str(graph_iri(got.articles[0])) == every[0]


@pytest.mark.parametrize("first", ["alpha.txt", "zulu.txt"])
def test_copies_built_one_at_a_time_equal_one_batch(tmp_path, nlp, first):
    batch_dir = tmp_path / "batch"
    batch_dir.mkdir()
    copies(batch_dir, ["alpha.txt", "zulu.txt"])
    batch = GraphStore(None)
    report = build(batch_dir, batch, nlp=nlp, validate=False)
    assert len(report.landed) == 1 and len(report.duplicates) == 1

    seq_dir = tmp_path / "seq"
    seq_dir.mkdir()
    store = GraphStore(None)
    copies(seq_dir, [first])
    build(seq_dir, store, nlp=nlp, validate=False)
    shutil.copy(seq_dir / first, seq_dir / ({"alpha.txt", "zulu.txt"} - {first}).pop())
    later = build(seq_dir, store, nlp=nlp, validate=False)
    assert len(later.duplicates) == 1
    assert data_quads(store) == data_quads(batch)
    assert len(store.named_graphs()) == len(batch.named_graphs())
