"""kg build -j N builds and validates article graphs in worker processes (kg/graph/parallel.py):
the same triples in the same order, the same violations and the same notes as in this process."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

import kg.graph.parallel as parallel
from kg.graph.iri import graph_iri, meeting_iri
from kg.model import Actor

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import article  # noqa: E402

pytestmark = pytest.mark.issue(11)
VERSION = "kg.extractor.v1"


def _items():
    items = []
    for i in range(7):
        facts = article(i).facts
        if i == 2:  # out of range: kgsh:Confidence-confidence
            facts.meetings[0] = replace(facts.meetings[0], confidence=1.5)
        if i == 4:  # an actor kind the ontology has no class for: the facts' graph fails (W301)
            facts.actors.append(Actor(name="Nobody Known", kind=None))
        items.append((str(graph_iri(facts.article)), facts, [meeting_iri(m.place, m.date, []) for m in facts.meetings]))
    return items


def _flat(parts):
    out = []
    for part in parts:
        for triples, notes, found in part:
            out.append((triples, [kind for kind, _ in notes],
                        sorted((str(f.violation.shape), str(f.violation.focus_node), str(f.violation.component),
                                f.violation.message, f.label) for f in found)))
    return out


def test_workers_build_what_this_process_builds(monkeypatch):
    items = _items()
    here = list(parallel.built_graphs(items, version=VERSION, validate=True, processes=1))
    assert len(here) == 1  # one part
    monkeypatch.setattr(parallel, "PART", 2)
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 4)
    there = list(parallel.built_graphs(items, version=VERSION, validate=True, processes=2))
    assert [len(p) for p in there] == [2, 2, 2, 1]
    a, b = _flat(here), _flat(there)
    assert a == b
    assert all(triples for triples, _, _ in a)
    assert a[2][2] and any("Confidence" in shape for shape, *_ in a[2][2])  # the violation is found, both ways
    assert a[4][1] == ["W301", "degraded"]
    assert not any(found for i, (_, _, found) in enumerate(a) if i != 2)


def test_without_workers_the_rest_is_built_here(monkeypatch):
    items = _items()[:4]
    monkeypatch.setattr(parallel, "PART", 2)
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 4)

    class NoPool:
        def __init__(self, *a, **k):
            raise OSError("no processes")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoPool)
    there = list(parallel.built_graphs(items, version=VERSION, validate=True, processes=2))
    here = list(parallel.built_graphs(items, version=VERSION, validate=True, processes=1))
    assert _flat(there) == _flat(here)
