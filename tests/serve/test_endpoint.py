"""`kg serve` over HTTP: the SPARQL 1.1 Protocol with real clients (SPARQLWrapper, rdflib's SPARQLStore),
refusals, limits the client sees, stored questions, as-of, CORS and the service description."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import urllib.error
import urllib.parse
from xml.dom.minidom import Document

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.query import stored_queries
from kg.store import GraphStore

KGNS = Namespace("https://w3id.org/parley/ontology#")
MOSCOW = URIRef("https://w3id.org/parley/id/meeting/moscow-2025-12-02")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
MEETINGS = ("CONSTRUCT { ?m a kg:Meeting ; kg:date ?d } WHERE { ?m a kg:Meeting ; kg:date ?d }")


@pytest.fixture(scope="module")
def named_quads(sample_store_path) -> int:
    """The quads of the named graphs, counted here from the store files (not through the server)."""
    store = GraphStore.reader(sample_store_path).store
    n = sum(1 for q in store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
    del store
    return n


def wrapper(server, query: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    w = SPARQLWrapper(server.sparql)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    if method:
        w.setMethod(method)
    return w


def http_error(w: SPARQLWrapper) -> urllib.error.HTTPError:
    """The HTTP error SPARQLWrapper raised (it wraps 400/500 in its own classes; others pass through)."""
    with pytest.raises(Exception) as info:
        w.query().convert()
    e = info.value
    if isinstance(e, urllib.error.HTTPError):
        return e
    raise AssertionError(f"expected an HTTP error, got {e!r}")


# -- SELECT, ASK, CONSTRUCT, DESCRIBE in every format --------------------------------------------
def test_serve_ask_in_every_results_format(server):
    assert wrapper(server, "ASK {}", JSON).query().convert() == {"head": {}, "boolean": True}
    doc = wrapper(server, "ASK {}", XML).query().convert()
    assert isinstance(doc, Document) and doc.getElementsByTagName("boolean")[0].firstChild.data == "true"
    for fmt in (CSV, TSV):
        assert wrapper(server, "ASK {}", fmt).query().convert().strip() == b"true"
    assert wrapper(server, "ASK { ?s a kg:Nonexistent }", JSON).query().convert()["boolean"] is False


@pytest.mark.parametrize("method", ["GET", POST])
def test_serve_select_counts_the_named_graph_quads_in_every_format(server, named_quads, method):
    data = wrapper(server, COUNT_NAMED, JSON, method).query().convert()
    assert int(data["results"]["bindings"][0]["n"]["value"]) == named_quads
    doc = wrapper(server, COUNT_NAMED, XML, method).query().convert()
    assert int(doc.getElementsByTagName("literal")[0].firstChild.data) == named_quads
    rows = list(csv.reader(io.StringIO(wrapper(server, COUNT_NAMED, CSV, method).query().convert().decode())))
    assert rows == [["n"], [str(named_quads)]]
    tsv = wrapper(server, COUNT_NAMED, TSV, method).query().convert().decode().splitlines()
    assert tsv == ["?n", str(named_quads)]  # TSV terms are Turtle: an xsd:integer is written bare


def test_serve_select_unbound_and_typed_terms_are_w3c_json(server):
    data = wrapper(server, "SELECT ?m ?d ?x WHERE { BIND(<https://w3id.org/parley/id/meeting/moscow-2025-12-02> AS ?m) "
                           "?m kg:date ?d } ", JSON).query().convert()
    (row,) = data["results"]["bindings"]
    assert data["head"]["vars"] == ["m", "d", "x"] and "x" not in row
    assert row["m"] == {"type": "uri", "value": str(MOSCOW)}
    assert row["d"] == {"type": "literal", "value": "2025-12-02",
                        "datatype": "http://www.w3.org/2001/XMLSchema#date"}


def test_serve_construct_gives_the_same_graph_in_every_rdf_format(server):
    graphs = {}
    for fmt in (TURTLE, N3, RDFXML, XML, JSONLD):
        result = wrapper(server, MEETINGS, fmt).query().convert()
        graphs[fmt] = result if isinstance(result, Graph) else Graph().parse(data=result, format=(
            "turtle" if fmt in (TURTLE, N3) else "json-ld"))
    status, headers, body = server.get("sparql?" + urllib.parse.urlencode({"query": MEETINGS}),
                                       accept="application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    graphs["nt"] = Graph().parse(data=body.decode(), format="nt")
    reference = set(graphs[TURTLE])
    assert (MOSCOW, KGNS.date, Literal("2025-12-02", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))) \
        in reference
    assert (MOSCOW, RDF.type, KGNS.Meeting) in reference
    for fmt, g in graphs.items():
        assert set(g) == reference, fmt


def test_serve_describe_a_meeting(server):
    g = wrapper(server, f"DESCRIBE <{MOSCOW}>", TURTLE).query().convert()
    g = g if isinstance(g, Graph) else Graph().parse(data=g, format="turtle")
    assert (MOSCOW, RDF.type, KGNS.Meeting) in g
    assert len(set(g.objects(MOSCOW, KGNS.participant))) >= 3


def test_serve_rdflib_sparqlstore_reads_the_endpoint(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(server.sparql, returnFormat="json"))
    rows = list(g.query("SELECT ?who WHERE { <%s> kg:participant/rdfs:label ?who }" % MOSCOW,
                        initNs={"kg": KGNS, "rdfs": URIRef("http://www.w3.org/2000/01/rdf-schema#")}))
    assert {str(r.who) for r in rows} >= {"Vladimir Putin", "Steve Witkoff", "Jared Kushner"}
    assert (MOSCOW, RDF.type, KGNS.Meeting) in g  # triples() goes through the endpoint too
    g.close()


def test_serve_another_triple_store_federates_into_the_endpoint(server):
    """Oxigraph, as a client: its SERVICE clause sends our endpoint a SPARQL Protocol request."""
    other = ox.Store()
    other.add(ox.Quad(ox.NamedNode(str(MOSCOW)), ox.NamedNode("urn:ex:noted"), ox.Literal("follow up")))
    rows = other.query("SELECT ?note ?who WHERE { ?m <urn:ex:noted> ?note . SERVICE <%s> { "
                       "?m <https://w3id.org/parley/ontology#participant>/<http://www.w3.org/2000/01/rdf-schema#label> ?who"
                       " } }" % server.sparql)
    assert {(r["note"].value, r["who"].value) for r in rows} >= {("follow up", "Vladimir Putin"),
                                                               ("follow up", "Steve Witkoff")}


# -- read-only --------------------------------------------------------------------------------------
@pytest.mark.parametrize("update, code", [
    ("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", "E506"),
    ("DELETE WHERE { ?s ?p ?o }", "E506"),
    ("LOAD <http://example.org/data.ttl>", "E506"),
    ("DROP ALL", "E506"),
])
def test_serve_refuses_updates_with_403(server, named_quads, update, code):
    w = wrapper(server, update, JSON, POST)  # SPARQLWrapper posts an update as update=
    e = http_error(w)
    assert e.code == 403 and code in e.read().decode()
    status, _, body = server.get("sparql", method="POST", data=update.encode(), ctype="application/sparql-update")
    assert status == 403 and b"read-only" in body
    status, _, body = server.get("sparql", method="POST", data=update.encode(), ctype="application/sparql-query")
    assert status == 403 and update.split()[0].encode() in body
    count = wrapper(server, COUNT_NAMED, JSON).query().convert()["results"]["bindings"][0]["n"]["value"]
    assert int(count) == named_quads, "nothing was changed"


def test_serve_refuses_service_with_403_and_fetches_nothing(server):
    e = http_error(wrapper(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", JSON))
    assert e.code == 403 and "[E507] SERVICE (federated query) is disabled" in e.read().decode()


def test_serve_keywords_inside_strings_iris_and_variables_are_not_refused(server):
    q = ('SELECT ?service WHERE { BIND("DROP ALL; SERVICE" AS ?service) '
         'FILTER(?service != <http://example.org/service/insert>) }  # LOAD in a comment')
    data = wrapper(server, q, JSON).query().convert()
    assert data["results"]["bindings"][0]["service"]["value"] == "DROP ALL; SERVICE"


def test_serve_invalid_query_is_a_400_with_the_parser_message(server):
    status, _, body = server.get("sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x"}))
    assert status == 400 and body.startswith(b"[E513] The query is not valid SPARQL")


# -- limits the client sees -------------------------------------------------------------------------
def test_serve_query_over_the_time_limit_gets_503_and_the_server_recovers(tight_server):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    e = http_error(wrapper(tight_server, slow, JSON))
    assert e.code == 503
    assert "[E509] The query ran longer than the time limit of 1.5 s and was stopped" in e.read().decode()
    assert wrapper(tight_server, "ASK {}", JSON).query().convert()["boolean"] is True


def test_serve_result_over_the_limit_is_refused_with_its_size(tight_server, sample_store_path):
    status, headers, body = tight_server.get("sparql?" + urllib.parse.urlencode(
        {"query": "SELECT * WHERE { ?s ?p ?o }"}), accept="text/csv")
    store = GraphStore.reader(sample_store_path).store
    total = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    del store
    assert status == 422 and headers["X-Parley-Result-Count"] == str(total)
    assert headers["X-Parley-Result-Limit"] == "50"
    assert body.decode().startswith(f"[E508] The query has {total} results, more than the limit of 50. "
                                    "Nothing was returned")
    status, headers, body = tight_server.get("sparql?" + urllib.parse.urlencode(
        {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50"}), accept="text/csv")
    assert status == 200 and headers["X-Parley-Result-Count"] == "50"
    assert len(list(csv.reader(io.StringIO(body.decode())))) == 51
    assert headers["X-Parley-Time-Limit"] == "1.5"


def test_serve_construct_over_the_limit_is_refused(tight_server):
    e = http_error(wrapper(tight_server, "CONSTRUCT WHERE { ?s ?p ?o }", TURTLE))
    assert e.code == 422 and e.headers["X-Parley-Result-Count"] != "50"


# -- stored questions -------------------------------------------------------------------------------
def test_serve_lists_the_stored_questions_with_their_parameters(server):
    status, _, body = server.get("queries")
    listed = {q["name"]: q for q in json.loads(body)}
    assert status == 200 and set(listed) == set(stored_queries())
    assert listed["attendees-at-place"]["params"] == [
        {"name": "place", "kind": "string", "description": stored_queries()["attendees-at-place"].descriptions["place"]}]


EXAMPLES = [(name, {}) for name in sorted(stored_queries())] + [
    ("attendees-at-place", {"place": "Moscow"}), ("meetings-of-actor", {"actor": "Witkoff"}),
    ("claims-by-speaker", {"speaker": "Rubio"}), ("evidence", {"node": str(MOSCOW)}),
]


@pytest.mark.parametrize("name, params", EXAMPLES, ids=[f"{n}-{'-'.join(p)}" for n, p in EXAMPLES])
def test_serve_stored_question_returns_the_rows_of_kg_query(server, kg_bin, sample_store_path, name, params):
    cli = subprocess.run([kg_bin, "--store", str(sample_store_path), "query", name, "--format", "json",
                          *[f"--param={k}={v}" for k, v in params.items()]], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    over_http = server.json(f"queries/{name}?" + urllib.parse.urlencode(params))
    assert over_http == json.loads(cli.stdout)
    if params:
        assert over_http["results"]["bindings"], f"the example {params} finds something"


@pytest.mark.parametrize("hostile", ['Moscow" } ; DROP ALL ; #', "Moscow' . ?s ?p ?o } #", "?place", "*"])
def test_serve_hostile_parameter_matches_nothing_and_changes_nothing(server, named_quads, hostile):
    data = server.json("queries/attendees-at-place?" + urllib.parse.urlencode({"place": hostile}))
    assert data["results"]["bindings"] == []
    count = server.json("sparql?" + urllib.parse.urlencode({"query": COUNT_NAMED}))
    assert int(count["results"]["bindings"][0]["n"]["value"]) == named_quads


def test_serve_stored_question_refuses_bad_parameters_with_400(server):
    status, _, body = server.get("queries/attendees-at-place?city=Moscow")
    assert status == 400 and body.startswith(b"[E502] Query 'attendees-at-place' has no parameter 'city'")
    status, _, body = server.get("queries/evidence?" + urllib.parse.urlencode({"node": "<x> } DROP ALL"}))
    assert status == 400 and body.startswith(b"[E516]")
    status, _, body = server.get("queries/nope")
    assert status == 404 and b"[E501]" in body


def test_serve_stored_question_as_of_drops_a_later_article(server):
    before = server.json("queries/attendees-at-place?place=Moscow&as_of=2025-12-01")
    after = server.json("queries/attendees-at-place?place=Moscow&as_of=2025-12-03")
    assert before["results"]["bindings"] == []  # the Kremlin article is dated 3 December
    assert {b["attendeeLabel"]["value"] for b in after["results"]["bindings"]} >= {"Vladimir Putin"}
    status, _, body = server.get("queries/timeline?as_of=1%20Dec")
    assert status == 400 and body.startswith(b"[E510]")


def test_serve_sparql_as_of_chooses_graphs(server, named_quads):
    everything = server.json("sparql?" + urllib.parse.urlencode({"query": COUNT_NAMED}))
    early = server.json("sparql?" + urllib.parse.urlencode({"query": COUNT_NAMED, "as_of": "2023-01-01"}))
    n_all = int(everything["results"]["bindings"][0]["n"]["value"])
    n_early = int(early["results"]["bindings"][0]["n"]["value"])
    assert 0 < n_early < n_all == named_quads


# -- protocol details -------------------------------------------------------------------------------
def test_serve_cors_preflight_and_headers(server):
    status, headers, _ = server.get("sparql", method="OPTIONS")
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"] and "Content-Type" in headers["Access-Control-Allow-Headers"]
    _, headers, _ = server.get("sparql?query=ASK%7B%7D")
    assert headers["Access-Control-Allow-Origin"] == "*" and "X-Parley-Result-Count" in headers[
        "Access-Control-Expose-Headers"]


def test_serve_content_negotiation_refusals(server):
    status, _, body = server.get("sparql?query=ASK%7B%7D", accept="image/png")
    assert status == 406 and b"[E804]" in body
    status, _, body = server.get("sparql", method="POST", data=b"ASK {}", ctype="text/plain")
    assert status == 415 and b"[E802]" in body
    status, _, body = server.get("sparql", method="POST", data=b"", ctype="application/x-www-form-urlencoded")
    assert status == 400 and b"[E803]" in body


def test_serve_refuses_a_huge_body_with_413(server):
    status, _, body = server.get("sparql", method="POST", data=b"#" * 1_000_001, ctype="application/sparql-query")
    assert status == 413 and b"1000001 bytes" in body


def test_serve_cli_errors(kg_bin, sample_store_path, tmp_path):
    import socket

    missing = subprocess.run([kg_bin, "--store", str(tmp_path / "none"), "serve"], capture_output=True, text=True)
    assert missing.returncode == 2 and missing.stderr.startswith("Error: [E702] There is no store at")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = subprocess.run([kg_bin, "--store", str(sample_store_path), "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=120)
    assert busy.returncode == 2 and busy.stderr.startswith(f"Error: [E801] Cannot listen on 127.0.0.1:{port}")


def test_serve_service_description(server, sample_store_path):
    status, headers, body = server.get("sparql", accept="text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body.decode(), format="turtle")
    service = URIRef(server.sparql)
    assert (service, RDF.type, SD.Service) in g and (service, SD.endpoint, service) in g
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
    names = {str(g_) for g_ in GraphStore.reader(sample_store_path).all_graphs()}
    assert {str(o) for o in g.objects(None, SD.name)} == names
    limits = dict((str(p).split("#")[1], o.toPython()) for p, o in g.predicate_objects(service)
                  if str(p).startswith("https://w3id.org/parley/serve#"))
    assert limits == {"queryTimeLimit": 10, "resultLimit": 10000}


def test_serve_static_files_and_no_way_out_of_them(server):
    status, headers, body = server.get("")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"/static/js/main.js" in body
    status, headers, _ = server.get("static/js/main.js")
    assert status == 200 and "javascript" in headers["Content-Type"]
    for path in ("static/../app.py", "static/%2e%2e/app.py", "static/../../errors.py", "nope"):
        assert server.get(path)[0] == 404, path
    assert b"http://" not in server.get("")[2].replace(b"http://www.w3.org/2000/svg", b""), "no CDN"


def test_serve_readme_client_example_runs(server, capsys):
    """The README's SPARQLWrapper and SPARQLStore block, run as written against the test's server."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    block = next(b for b in readme.split("```python\n")[1:] if b.startswith("from SPARQLWrapper"))
    code = block.split("```")[0].replace("http://127.0.0.1:7878/sparql", server.sparql)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - our own documentation
    assert "Vladimir Putin" in capsys.readouterr().out
    assert (MOSCOW, RDF.type, KGNS.Meeting) in scope["g"]
