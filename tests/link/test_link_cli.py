"""``kg link``: the decision printed for a name, the live path behind --online, and --refresh."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.link import EntityCache
from kg.link.entity import Entity

pytestmark = pytest.mark.issue(5)


def run(*args: str):
    return CliRunner().invoke(cli, ["link", *args])


def test_link_cli_prints_the_decision():
    r = run("Zelenskiy", "--kind", "Person")
    assert r.exit_code == 0
    assert r.output == ("Q3874799\tconfidence=0.952\tmethod=kg.link.cache.v1\n"
                        "'Zelenskiy' -> Q3874799 (Volodymyr Zelenskyy): verified alias (prior 1.00)\n")


def test_link_cli_nil_offline():
    r = run("Washington", "--kind", "Place")
    assert r.exit_code == 0
    assert r.output.startswith("NIL\tconfidence=0.000\tmethod=kg.link.cache.v1\n")
    assert "not in the offline cache and live lookup is off" in r.output


def test_link_cli_online_json(wikidata_sample_endpoint):
    r = run("Keith Kellogg", "--kind", "Person", "--title", "special envoy for Ukraine", "--online",
            "--endpoint", wikidata_sample_endpoint, "--format", "json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert (out["qid"], out["method"]) == ("Q900000001", "kg.link.wikidata_sparql.v1")
    assert out["candidates"] == ["Q900000001", "Q900000002"]


def test_link_cli_endpoint_failure_exit_2(flaky_endpoint):
    with flaky_endpoint(failures=100, status=403) as server:
        r = run("Keith Kellogg", "--online", "--endpoint", server.url)
    assert r.exit_code == 2
    assert r.output == f"Error: [E601] Wikidata endpoint {server.url} failed after 1 tries: HTTP 403 Forbidden. " \
                       "Use the offline cache or retry later.\n"


def test_link_cli_needs_a_name_or_an_action():
    r = run()
    assert r.exit_code == 1
    assert r.output == ("Error: [E604] Give a NAME to link, or --refresh / --rebuild-cache to update the cache "
                        "(not both).\n")
    assert run("Putin", "--refresh").exit_code == 1


def test_link_cli_refresh_saves_the_cache(tmp_path, wikidata_sample_endpoint):
    path = tmp_path / "cache.json"
    EntityCache([Entity("Q900000013", "George Washington", "Person", verified=True)]).save(path)
    r = run("--refresh", "--endpoint", wikidata_sample_endpoint, "--cache", str(path))
    assert r.exit_code == 0, r.output
    assert r.output == f"refreshed 1 of 1 items from {wikidata_sample_endpoint}; 0 missing\n"
    saved = EntityCache.load(path).get("Q900000013")
    assert saved.description.endswith("first president of the United States") and saved.retrieved


def test_link_cli_rebuild_cache(tmp_path):
    path = tmp_path / "cache.json"
    r = run("--rebuild-cache", "--cache", str(path))
    assert r.exit_code == 0 and r.output.startswith(f"rebuilt {path} with ")
    assert EntityCache.load(path).get("Q7747").label == "Vladimir Putin"


def test_link_cli_help_ends_with_example():
    r = run("--help")
    assert r.exit_code == 0
    assert "Example: kg link Zelenskiy --kind Person" in r.output
