"""`kg sparql`, `kg query FILE.rq` and `--as-of` on the command line, over the sample store on disk."""
from __future__ import annotations

import csv
import gc
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kg.cli import cli

MOSCOW = "https://w3id.org/parley/id/meeting/moscow-2025-12-02"


def kg(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    out = (result.exit_code, result.stdout, result.stderr)
    del result
    gc.collect()  # drop the store (and its lock) held by the traceback
    return out


def test_sparql_select_table_csv_and_json(sample_store_path):
    q = f"SELECT ?who WHERE {{ <{MOSCOW}> kg:participant/rdfs:label ?who }} ORDER BY ?who"
    code, out, _ = kg("--store", sample_store_path, "sparql", q)
    assert code == 0 and out.splitlines()[0] == "who" and "Vladimir Putin" in out and out.rstrip().endswith("rows)")
    code, out, _ = kg("--store", sample_store_path, "sparql", q, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["who"] and ["Vladimir Putin"] in rows
    code, out, _ = kg("--store", sample_store_path, "sparql", q, "--format", "json")
    assert {b["who"]["value"] for b in json.loads(out)["results"]["bindings"]} == {r[0] for r in rows[1:]}


def test_sparql_ask_and_construct(sample_store_path):
    assert kg("--store", sample_store_path, "sparql", "ASK { ?m a kg:Meeting }")[1] == "true\n"
    code, out, _ = kg("--store", sample_store_path, "sparql", f"DESCRIBE <{MOSCOW}>")
    g = Graph().parse(data=out, format="turtle")  # the table format of a graph is Turtle
    assert code == 0 and (URIRef(MOSCOW), None, None) in g
    code, out, _ = kg("--store", sample_store_path, "sparql", f"CONSTRUCT WHERE {{ <{MOSCOW}> ?p ?o }}",
                      "--format", "nt")
    assert set(Graph().parse(data=out, format="nt")) == set(g.triples((URIRef(MOSCOW), None, None)))


def test_sparql_from_a_file(sample_store_path, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a kg:Meeting }\n")
    code, out, _ = kg("--store", sample_store_path, "sparql", "--file", path, "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "n" and int(out.splitlines()[1]) > 5


@pytest.mark.parametrize("args, message", [
    ([], "Error: [E901] Give the query as an argument or with --file"),
    (["ASK {}", "--file", "x.rq"], "Error: [E901]"),
    (["INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "Error: [E506] This endpoint is read-only: INSERT"),
    (["SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }"], "Error: [E507]"),
    (["SELECT ?x WHERE {"], "Error: [E513] The query is not valid SPARQL"),
    (["SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "turtle"], "Error: [E511] No 'turtle' output for a SELECT"),
    (["ASK {}", "--as-of", "yesterday"], "Error: [E510]"),
])
def test_sparql_refusals(sample_store_path, args, message):
    code, out, err = kg("--store", sample_store_path, "sparql", *args)
    assert code in (1, 2) and err.startswith(message) and out == ""


def test_query_accepts_a_path_to_an_rq_file_with_its_params(sample_store_path, tmp_path):
    path = tmp_path / "who-met-where.rq"
    path.write_text("# Who met at a place?\n# param place: the place label\n"
                    "SELECT ?place ?who WHERE { ?m kg:location/rdfs:label ?place ; kg:participant/rdfs:label ?who }\n")
    code, out, _ = kg("--store", sample_store_path, "query", path, "--param", "place=Moscow", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and {r["place"] for r in rows} == {"Moscow"}
    code, _, err = kg("--store", sample_store_path, "query", path, "--param", "city=Moscow")
    assert code == 2 and err.startswith("Error: [E502] Query 'who-met-where' has no parameter 'city'")
    code, _, err = kg("--store", sample_store_path, "query", tmp_path / "missing.rq")
    assert code == 2 and err.startswith(f"Error: [E512] {tmp_path / 'missing.rq'}: cannot read the query file")


@pytest.mark.issue(10)
def test_query_as_of_drops_a_later_articles_statements(sample_store_path):
    args = ("--store", sample_store_path, "query", "attendees-at-place", "-p", "place=Moscow", "--format", "csv")
    before = kg(*args, "--as-of", "2025-12-01")[1]
    after = kg(*args, "--as-of", "2025-12-03")[1]
    assert len(before.splitlines()) == 1, "only the header: the Kremlin article is dated 3 December"
    assert "Vladimir Putin" in after and after == kg(*args)[1]
