"""Hundreds of hostile files in ONE real `kg build`: every path gets a verdict, nothing crashes.

The files come from ``hostile.py`` (empty and markup-only pages, impossible dates, deep JSON,
5,000-digit numbers, lone surrogates, bad sidecars, long and non-UTF-8 file names, UTF-16
without a BOM, raw line separators in JSONL, symlink loops, FIFOs, ...), beside three good
articles. The build must exit 1 (data failed), never 2; print no traceback; land the good
articles and every hostile one that carries an article; name every refused or skipped path with
a coded message; and leave a store that `kg validate` finds conforming.
"""
from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest

from hostile import write_cases
from kg.errors import display_path
from kg.store import GraphStore
from kg.store.records import read_records

from conftest import run_kg

pytestmark = pytest.mark.issue(9)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory, few_samples):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "articles"
    cases = write_cases(folder)
    for p in few_samples:
        shutil.copy(p, folder / p.name)
    store = root / "store"
    run = run_kg("--store", store, "build", "--no-progress", folder)
    reader = GraphStore.reader(store)
    records = read_records(reader)
    reader.close()
    return run, cases, folder, store, records


def test_hostile_build_exits_1_for_bad_data_and_prints_no_traceback(hostile_build):
    run, cases, *_ = hostile_build
    assert run.returncode == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert "internal error" not in run.stderr
    assert re.search(r"into \S+: \d+ landed, 0 unchanged, \d+ skipped, \d+ failed", run.stdout)
    real = [c for c in cases if c.expect != "sidecar"]
    assert len(real) >= 500, "at least 500 hostile inputs (sidecars not counted)"


def test_hostile_build_lands_the_good_articles(hostile_build, few_samples):
    _, _, folder, _, records = hostile_build
    files = {r.file for r in records.values()}
    for p in few_samples:
        if not p.name.endswith(".meta.json"):
            assert p.name in files, f"good article {p.name} lost"


def _lines_naming(stderr: str, path: str) -> list[str]:
    return [line for line in stderr.splitlines() if path in line]


def test_hostile_build_gives_every_path_a_verdict(hostile_build):
    run, cases, folder, _, records = hostile_build
    landed_files = {r.file for r in records.values()}
    wrong = []
    for case in cases:
        shown = display_path(folder / case.path)
        named = _lines_naming(run.stderr, shown + ":") + _lines_naming(run.stderr, shown + "#") \
            + _lines_naming(run.stderr, shown + " ")
        rel = display_path(case.path)
        if case.expect == "land":
            ok = rel in landed_files or any(f.startswith(rel + "/") for f in landed_files)
        elif case.expect == "refuse":
            ok = any(line.startswith("Error: [E1") for line in named) and rel not in landed_files
        elif case.expect == "note":
            ok = any(line.startswith(("Warning: [W1", "Error: [E1")) for line in named)
        elif case.expect == "counted":
            ok = bool(re.search(r"\[W107\] .*file\(s\) that are not articles were not read", run.stderr))
        else:  # a sidecar: its article's verdict covers it
            continue
        if not ok:
            wrong.append((case.shape, case.path[:80], case.expect, named[:1]))
    assert not wrong, f"{len(wrong)} path(s) without the expected verdict: {wrong[:20]}"


def test_hostile_build_messages_are_coded_and_name_the_file(hostile_build):
    run, *_ = hostile_build
    for line in run.stderr.splitlines():
        if line.startswith(("Error:", "Warning:")):
            assert re.match(r"^(Error|Warning): \[[EW]\d{3}\] ", line), line


def test_hostile_build_leaves_a_store_that_validates(hostile_build):
    _, _, _, store, _ = hostile_build
    run = run_kg("--store", store, "validate")
    assert run.returncode == 0, run.stdout[-3000:]
    assert "Traceback" not in run.stderr


def test_hostile_build_figures(hostile_build, capsys):
    """The acceptance figures, printed (run with -s to see them)."""
    run, cases, _, _, records = hostile_build
    verdicts = Counter(c.expect for c in cases)
    with capsys.disabled():
        print(f"\nhostile files: {len(cases)} ({dict(verdicts)}); exit {run.returncode}; "
              f"tracebacks {run.stderr.count('Traceback')}; landed {len(records)}; "
              f"summary: {run.stdout.strip().splitlines()[-1]}")
        for line in run.stderr.splitlines():  # extraction that failed on an input: for the extractor's owners
            if line.startswith(("Warning: [W2", "Warning: [W3")):
                print(line[:300])
    assert verdicts["land"] and verdicts["refuse"] and verdicts["note"]
