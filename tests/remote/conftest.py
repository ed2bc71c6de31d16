"""Remote stores for the tests: a real Oxigraph server and a real Virtuoso 7 over HTTP, started here.

Each is started once per session on free loopback ports and filled by the real pipeline: ``kg build``
of data/articles (the project's own sample articles), plus two hand-made article graphs that report one
meeting with dates a day apart, so that ``conflicts`` has rows to agree on. The embedded reference is
the same: the session's in-memory build of data/articles (``sample_store``) copied, plus the same two graphs.

Virtuoso runs with ResultSetMaxRows = VIRTUOSO_MAX_ROWS: above every stored question's answer on this
data, below the store's size, so that the truncation tests have something to cut. Nothing here skips:
scripts/test.sh installs both servers (the oxigraph wheel, scripts/virtuoso.sh).
"""
from __future__ import annotations

import hashlib
from datetime import date

import pytest
from rdflib import URIRef

from remote_servers import PASSWORD, USER, VIRTUOSO_MAX_ROWS, start_oxigraph, start_virtuoso, stop

KINDS = ("oxigraph", "virtuoso")


def conflict_graphs():
    """Two articles of our own, in facts: one meeting in Vaduz reported on 3 and on 4 March."""
    from kg.graph import facts_graph, iri
    from kg.model import Actor, Article, ArticleFacts, Meeting, Participant, Span

    out = []
    for stem, text, day in (("vaduz-one", "Envoy Ada Quill met mediators in Vaduz on Tuesday.", 3),
                            ("vaduz-two", "Ada Quill held talks in Vaduz on Wednesday, aides said.", 4)):
        article = Article(path=f"{stem}.txt", stem=stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                          publisher="Test Wire", published=date(2031, 3, 5))
        where = text.index("Vaduz")
        facts = ArticleFacts(article=article, actors=[Actor("Ada Quill", "Person", mentions=[Span(text.index("Ada"), text.index("Ada") + 9)])],
                             places={"Vaduz": [Span(where, where + 5)]},
                             meetings=[Meeting("Vaduz", date(2031, 3, day), participants=[Participant("Ada Quill")],
                                               evidence=[Span(0, len(text) - 1)])])
        out.append((iri.graph_iri(article), facts_graph(facts, meeting_iris=[URIRef(f"https://w3id.org/parley/id/meeting/vaduz-2031-03-0{day}")],
                                                         version="kg.extractor.v1")))
    return out


@pytest.fixture(scope="session")
def password_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("secret") / "password"
    path.write_text(PASSWORD + "\n")
    return path


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory):
    proc, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield url
    stop(proc)


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory):
    proc, url = start_virtuoso(tmp_path_factory.mktemp("virtuoso"), max_rows=VIRTUOSO_MAX_ROWS)
    yield url
    stop(proc)
    assert proc.returncode is not None


@pytest.fixture(scope="session")
def remote_spec(oxigraph_url, virtuoso_url):
    """kind -> the --store value naming it."""
    return {"oxigraph": oxigraph_url, "virtuoso": "virtuoso+" + virtuoso_url}


@pytest.fixture(scope="session")
def remote_config(remote_spec, password_file):
    """kind -> RemoteConfig (Virtuoso with its writing user; the password read from a file)."""
    from kg.store import parse_store

    return {"oxigraph": parse_store(remote_spec["oxigraph"]),
            "virtuoso": parse_store(remote_spec["virtuoso"], user=USER, password_file=str(password_file))}


@pytest.fixture(scope="session")
def remote_builds(remote_config, samples_dir, nlp):
    """kind -> (RemoteStore, BuildReport): data/articles built into each server, plus the conflict graphs."""
    from kg.build import build
    from kg.store import open_store

    out = {}
    for kind in KINDS:
        store = open_store(remote_config[kind])
        report = build(samples_dir, store, nlp=nlp, validate=False)
        for graph, data in conflict_graphs():
            store.replace_graph(graph, data)
        out[kind] = (store, report)
    return out


@pytest.fixture(scope="session")
def embedded_reference(sample_store):
    """The session's embedded build of data/articles, copied, plus the conflict graphs."""
    from kg.store import GraphStore

    store = GraphStore(None)
    store.store.extend(sample_store.store.quads_for_pattern(None, None, None))
    for graph, data in conflict_graphs():
        store.replace_graph(graph, data)
    return store


@pytest.fixture(params=KINDS)
def kind(request):
    return request.param


@pytest.fixture
def remote_store(remote_builds, kind):
    return remote_builds[kind][0]
