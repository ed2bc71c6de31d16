"""The notebook API (kg.api): the functions the CLI and the server share."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef

from kg import api
from kg.errors import BadParameter, ReadOnly, ResultLimitExceeded, StoreError, UnknownQuery
from kg.graph.namespaces import KG

MOSCOW = URIRef("https://w3id.org/parley/id/meeting/moscow-2025-12-02")
KREMLIN = "kremlin-witkoff-kushner-2025-12-02"


@pytest.fixture(scope="module")
def store(sample_store_path):
    s = api.open_store(sample_store_path)
    yield s
    del s


def test_api_open_store_that_does_not_exist(tmp_path):
    with pytest.raises(StoreError, match=r"^\[E702\] There is no store at"):
        api.open_store(tmp_path / "none")
    assert not (tmp_path / "none").exists()


def test_api_run_question_with_keyword_parameters(store):
    result = api.run_question(store, "attendees-at-place", place="Moscow")
    assert result.variables[:4] == ["meeting", "date", "place", "attendeeLabel"]
    assert {str(r["attendeeLabel"]) for r in result.rows} >= {"Vladimir Putin", "Steve Witkoff"}
    assert all(r["meeting"] == MOSCOW for r in result.rows)
    assert api.run_question(store, "attendees-at-place", place="Moscow", as_of="2025-12-01").rows == []
    with pytest.raises(BadParameter, match=r"^\[E502\]"):
        api.run_question(store, "attendees-at-place", city="Moscow")
    assert "attendees-at-place" in api.questions()


def test_api_run_sparql_forms(store):
    assert api.run_sparql(store, "ASK { ?m a kg:Meeting }").boolean is True
    g = api.run_sparql(store, f"CONSTRUCT WHERE {{ <{MOSCOW}> kg:date ?d }}").graph()
    assert list(g.objects(MOSCOW, KG.date)) == [Literal("2025-12-02", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))]
    with pytest.raises(ReadOnly):
        api.run_sparql(store, "DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(ResultLimitExceeded) as info:
        api.run_sparql(store, "SELECT * WHERE { ?s ?p ?o }", max_results=10)
    assert info.value.limit == 10 and info.value.count == len(store)


def test_api_results_json_is_what_oxigraph_writes(store):
    text = "SELECT ?m ?d ?label ?none WHERE { ?m kg:date ?d ; kg:location/rdfs:label ?label } ORDER BY ?m ?d"
    ours = json.loads(api.run_sparql(store, text).serialize("json"))
    theirs = json.loads(store.store.query(text, prefixes={"kg": str(KG), "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
                        .serialize(format=ox.QueryResultsFormat.JSON))
    assert ours == theirs and ours["results"]["bindings"]


def test_api_article_dataset_holds_one_article_graph(store):
    ds = api.article_dataset(store, KREMLIN)
    assert isinstance(ds, Dataset)
    (graph,) = [g for g in ds.graphs() if len(g)]
    assert str(graph.identifier).startswith("https://w3id.org/parley/id/graph/")
    assert (MOSCOW, KG.participant, None) in graph
    same = api.article_dataset(store, str(graph.identifier))
    assert {t for g in same.graphs() for t in g} == set(graph)
    with pytest.raises(UnknownQuery, match=r"^\[E514\]"):
        api.article_dataset(store, "no-such-article")


def test_api_readme_notebook_example_runs(sample_store_path):
    """The README's notebook block, run as written against the sample store."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    block = next(b for b in readme.split("```python\n")[1:] if b.startswith("from kg import api"))
    code = block.split("```")[0].replace('"data/store"', repr(str(sample_store_path)))
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - our own documentation
    assert scope["result"].rows and len(scope["ds"]) > 0
