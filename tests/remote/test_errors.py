"""Nothing partial, nothing silent: Virtuoso's cut and timed-out answers, unreachable servers, bad URLs and
refused credentials all become coded errors that name the URL (never the password) and exit 2 (issue 11)."""
from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from remote_servers import PASSWORD, VIRTUOSO_MAX_ROWS, free_port

from kg.cli import cli
from kg.cli.main import REMOTE_OPTIONS
from kg.errors import QueryTimeout, StoreError
from kg.query import execute

ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def kg(*args: str, **env: str):
    """`kg ARGS` in-process; the KG_STORE_* variables it sets for kg serve's workers are put back after."""
    clean = {name: None for name in ("KG_STORE", "KG_STORE_PASSWORD", *REMOTE_OPTIONS.values())}
    return CliRunner().invoke(cli, list(args), env={**clean, **env}, catch_exceptions=False)


@pytest.fixture
def virtuoso(remote_builds):
    return remote_builds["virtuoso"][0]


@pytest.mark.issue(11)
def test_virtuoso_select_cut_at_result_set_max_rows_is_refused(virtuoso):
    assert len(virtuoso) > VIRTUOSO_MAX_ROWS  # Virtuoso would answer with the first 5,000 rows and HTTP 200
    with pytest.raises(StoreError, match=rf"^\[E723\] .*/sparql cut the answer at its limit of {VIRTUOSO_MAX_ROWS} rows"):
        execute(virtuoso, ALL_QUADS)


@pytest.mark.issue(11)
def test_virtuoso_construct_cut_silently_is_refused(virtuoso):
    # Virtuoso cuts a CONSTRUCT at ResultSetMaxRows without any header: Parley asks for one row more
    with pytest.raises(StoreError, match=r"^\[E723\]"):
        execute(virtuoso, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    small = execute(virtuoso, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s a kg:Meeting ; ?p ?o } }")
    assert 0 < len(small) < VIRTUOSO_MAX_ROWS


@pytest.mark.issue(11)
def test_virtuoso_long_reads_are_paged_below_its_limit(virtuoso, embedded_reference):
    graphs = virtuoso.all_graphs()
    assert max(len(virtuoso.graph(g)) for g in graphs) >= 1000
    assert sum(len(virtuoso.graph(g)) for g in graphs) > VIRTUOSO_MAX_ROWS
    for g in graphs:
        assert set(virtuoso.graph(g)) == set(embedded_reference.graph(g)), g


@pytest.mark.issue(11)
def test_virtuoso_query_past_its_own_time_limit_is_refused_not_cut(tmp_path):
    """A Virtuoso whose MaxQueryExecutionTime (1 s) comes before our deadline: asked with a `timeout`
    parameter it answered HTTP 200 with part of the rows and no X-SQL-State; Parley must say E724."""
    from remote_servers import start_virtuoso, stop

    from kg.store import open_store, parse_store

    proc, url = start_virtuoso(tmp_path / "v", max_rows=1_000_000, max_seconds=1)
    try:
        store = open_store(parse_store("virtuoso+" + url, timeout=60), read_only=True)
        with pytest.raises(QueryTimeout, match=r"^\[E724\] .*/sparql stopped the query at its time limit"):
            # the ~2,500 system triples three times over: hours, were it not stopped
            execute(store, "SELECT DISTINCT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) < STR(?i)) }")
    finally:
        stop(proc)


@pytest.mark.issue(11)
def test_server_silent_past_our_deadline_is_e725():
    """A listening socket that never answers: past --store-timeout, E725."""
    import socket

    from kg.store import open_store, parse_store

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"virtuoso+http://127.0.0.1:{listener.getsockname()[1]}"
        with pytest.raises(QueryTimeout, match=r"^\[E725\] "):
            execute(open_store(parse_store(url, timeout=0.5), read_only=True), "ASK {}")


@pytest.mark.issue(11)
def test_refused_connection_exits_2_with_e720_naming_the_url():
    url = f"http://127.0.0.1:{free_port()}"
    result = kg("--store", url, "query", "actors")
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: [E720] Cannot reach the SPARQL store at {url}/query: ")


@pytest.mark.issue(11)
@pytest.mark.parametrize("spec,problem", [
    ("ftp://127.0.0.1/store", "the scheme 'ftp' is not http(s)"),
    ("fuseki+http://127.0.0.1:3030", "unknown server kind 'fuseki' (known: oxigraph, virtuoso)"),
    ("http://:8080", "the URL names no host"),
])
def test_bad_store_url_exits_2_with_e726(spec, problem):
    result = kg("--store", spec, "query", "actors")
    assert result.exit_code == 2
    assert result.output == f"Error: [E726] --store {spec!r} is not a store: {problem}. Give a folder, an " \
                            "Oxigraph server's base URL (http://127.0.0.1:7878), or virtuoso+http://HOST:PORT.\n"


@pytest.mark.issue(11)
def test_password_in_the_url_is_refused_and_never_echoed():
    result = kg("--store", "virtuoso+http://parley:s3cret-pw@127.0.0.1:8890", "query", "actors")
    assert result.exit_code == 2 and "[E726]" in result.output
    assert "s3cret-pw" not in result.output


@pytest.mark.issue(11)
def test_wrong_password_exits_2_with_e721_and_no_password(remote_spec):
    result = kg("--store", remote_spec["virtuoso"], "--store-user", "parley", "build", "data/articles",
                KG_STORE_PASSWORD="not-the-password")
    assert result.exit_code == 2
    assert "[E721] The SPARQL store at http" in result.output and "/sparql-auth refused the credentials (HTTP 401)" in result.output
    assert "not-the-password" not in result.output and PASSWORD not in result.output


@pytest.mark.issue(11)
def test_anonymous_write_to_virtuoso_exits_2_with_e728(remote_spec, virtuoso_url):
    # /sparql is read-only for the anonymous user: Virtuoso answers HTTP 500 "SECURITY"
    result = kg("--store", remote_spec["virtuoso"], "--store-update-url", virtuoso_url + "/sparql",
                "build", "data/articles")
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: [E728] The SPARQL store at {virtuoso_url}/sparql does not let this "
                                    "user write (HTTP 500)")


@pytest.mark.issue(11)
def test_cli_query_and_export_read_the_remote_store(remote_spec, kind, embedded_reference):
    result = kg("--store", remote_spec[kind], "query", "attendees-at-place", "--param", "place=Moscow",
                "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.output
    exported = kg("--store", remote_spec[kind], "export", "--format", "nt")
    assert exported.exit_code == 0
    assert len(set(exported.output.splitlines())) == len(embedded_reference)
