"""A build killed after extraction keeps the facts it made: the rerun takes them by content hash
instead of running the language model again, and lands the same store as an uninterrupted build;
an edited article is extracted again. The progress callbacks get the total and every article."""
from __future__ import annotations

import shutil
import signal

import pytest

from conftest import run_kg, store_quads
from kg.build import build
from kg.store import GraphStore

pytestmark = pytest.mark.issue(11)


def _build(store_path, folder, nlp, **kwargs):
    store = GraphStore(store_path)
    try:
        return build(folder, store, nlp=nlp, **kwargs)
    finally:
        store.close()


def test_rerun_after_a_kill_takes_the_extracted_facts_by_content_hash(articles, tmp_path, tmp_path_factory, nlp):
    reference = tmp_path_factory.mktemp("reference") / "store"
    first = _build(reference, articles, nlp)
    assert first.landed and first.resumed == 0
    store = tmp_path / "store"
    run = run_kg("--store", store, "build", "--no-progress", articles, env={"KG_CRASH_AT": "graph-1"})
    assert run.returncode == -signal.SIGKILL, run.stderr[-500:]
    totals, ticks = [], []
    again = _build(store, articles, nlp, total=totals.append, progress=ticks.append)
    assert again.resumed == len(first.landed)  # not one article went through the language model again
    assert len(again.landed) == len(first.landed) and not again.errors
    assert totals == [len(first.landed)] and sum(ticks) == len(first.landed)
    assert store_quads(store) == store_quads(reference)


def test_an_edited_article_is_extracted_again_not_resumed(articles, tmp_path, nlp):
    folder = tmp_path / "articles"
    shutil.copytree(articles, folder)
    store = tmp_path / "store"
    run = run_kg("--store", store, "build", "--no-progress", folder, env={"KG_CRASH_AT": "extracted"})
    assert run.returncode == -signal.SIGKILL, run.stderr[-500:]
    txt = sorted(folder.glob("*.txt"))[0]
    txt.write_text(txt.read_text(encoding="utf-8") + "\nBoth sides said a further round was likely.\n",
                   encoding="utf-8")
    report = _build(store, folder, nlp)
    assert report.resumed == len(report.landed) - 1
    fresh = _build(tmp_path / "fresh", folder, nlp)
    assert fresh.resumed == 0
    assert store_quads(store) == store_quads(tmp_path / "fresh")
