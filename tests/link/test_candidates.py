"""The live-path client over real HTTP: candidates from the Oxigraph server loaded with the
Wikidata-shaped sample; retries, back-off, Retry-After and the rate limit against a tiny loopback
server that fails on purpose; names always sent as escaped RDF literals."""
from __future__ import annotations

import pytest

from kg.errors import LinkError
from kg.link import WikidataClient
from kg.link.candidates import default_user_agent, item_values, literal_values

pytestmark = pytest.mark.issue(5)


class FakeTime:
    """A clock that only moves when slept on, so waits are exact and tests do not wait."""

    def __init__(self) -> None:
        self.now, self.slept = 0.0, []

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds

    def clock(self) -> float:
        return self.now


def client_for(url: str, t: FakeTime, **options) -> WikidataClient:
    return WikidataClient(url, sleep=t.sleep, clock=t.clock, **{"min_interval": 0.0, "timeout": 5, **options})


# --- against the Oxigraph server loaded with the sample -------------------------------------

def test_candidates_over_http_describe_both_namesakes(sample_client):
    found = {e.qid: e for e in sample_client.entities_named(["Keith Kellogg"])}
    assert set(found) == {"Q900000001", "Q900000002"}
    envoy = found["Q900000001"]
    assert (envoy.kind, envoy.classes, envoy.country) == ("Person", ("Q5",), "United States")
    assert {(p.label, p.start, p.end) for p in envoy.positions} == {
        ("Special Envoy for Ukraine and Russia", "2025-01-20", None),
        ("National Security Advisor to the Vice President", "2018-04-01", "2021-01-20")}
    assert "football" in found["Q900000002"].description


def test_candidates_alias_match_and_subclass_types(sample_client):
    found = {e.qid: e for e in sample_client.entities_named(["Washington"])}
    assert set(found) == {"Q900000010", "Q900000011", "Q900000012", "Q900000013", "Q900000015"}
    kinds = {q: e.kind for q, e in found.items()}
    assert kinds == {"Q900000010": "Place", "Q900000011": "Place", "Q900000012": "Organization",
                     "Q900000013": "Person", "Q900000015": None}
    assert "Washington" in found["Q900000010"].wd_aliases
    assert found["Q900000010"].label == "Washington, D.C."


def test_candidates_two_subclass_steps(sample_client):
    company = sample_client.describe(["Q900000003"])["Q900000003"]
    assert company.kind == "Organization" and company.classes == ("Q43229",)


def test_candidates_linked_names(sample_client):
    links = sample_client.linked_names(["Q900000010", "Q900000011"], ["White House", "Seattle", "Nowhere"])
    assert links == {"Q900000010": {"White House"}, "Q900000011": {"Seattle"}}


@pytest.mark.parametrize("name", ['Kellogg"@en } } DROP ALL #', "Kellogg\\", "Kellogg'\n) . ?s ?p ?o"])
def test_candidates_name_is_an_escaped_literal(sample_client, name):
    assert sample_client.entities_named([name]) == []  # a valid query that matches nothing
    assert len(sample_client.entities_named(["Keith Kellogg"])) == 2  # and the store is intact


def test_literal_and_item_values_serialise_terms():
    assert literal_values(['a"b', "x\\y"]) == '"a\\"b"@en "x\\\\y"@en'
    assert item_values(["Q1", "Q42"]) == "<http://www.wikidata.org/entity/Q1> <http://www.wikidata.org/entity/Q42>"
    with pytest.raises(ValueError, match="not a Wikidata QID"):
        item_values(["Q1> } DROP ALL"])


# --- against a server that fails on purpose -------------------------------------------------

def test_client_retries_503_with_exponential_backoff(flaky_endpoint):
    t = FakeTime()
    with flaky_endpoint(failures=2) as server:
        rows = client_for(server.url, t, tries=4, backoff=0.5).select("SELECT * {}")
    assert rows == [{"item": "http://www.wikidata.org/entity/Q900000001", "name": "Ukraine"}]
    assert len(server.headers) == 3
    assert t.slept == [0.5, 1.0]


def test_client_honours_retry_after_capped(flaky_endpoint):
    t = FakeTime()
    with flaky_endpoint(failures=2, status=429, retry_after="7") as server:
        client_for(server.url, t, tries=3, backoff=0.5, max_wait=5).select("SELECT * {}")
    assert t.slept == [5, 5]


def test_client_gives_up_after_bounded_tries(flaky_endpoint):
    t = FakeTime()
    with flaky_endpoint(failures=100) as server:
        client = client_for(server.url, t, tries=3, backoff=0.1)
        with pytest.raises(LinkError, match=r"\[E601\] Wikidata endpoint .* failed after 3 tries: HTTP 503"):
            client.select("SELECT * {}")
    assert len(server.headers) == 3 and t.slept == [0.1, 0.2]


def test_client_does_not_retry_a_client_error(flaky_endpoint):
    t = FakeTime()
    with flaky_endpoint(failures=100, status=403) as server:
        with pytest.raises(LinkError, match=r"failed after 1 tries: HTTP 403"):
            client_for(server.url, t, tries=5).select("SELECT * {}")
    assert len(server.headers) == 1 and t.slept == []


def test_client_rate_limit_spaces_requests(flaky_endpoint):
    t = FakeTime()
    with flaky_endpoint(failures=0) as server:
        client = client_for(server.url, t, min_interval=1.5)
        client.select("SELECT * {}")
        t.now += 0.5  # half a second of other work
        client.select("SELECT * {}")
        client.select("SELECT * {}")
    assert t.slept == [1.0, 1.5]
    assert client.requests == 3


def test_client_sends_a_descriptive_user_agent(flaky_endpoint):
    t = FakeTime()
    with flaky_endpoint(failures=0) as server:
        client_for(server.url, t).select("SELECT * {}")
    agent = server.headers[0]["User-Agent"]
    assert agent == default_user_agent()
    assert agent.startswith("Parley/") and "(" in agent and "SPARQLWrapper/" in agent


def test_client_connection_refused_is_retried_then_reported(flaky_endpoint):
    t = FakeTime()
    with flaky_endpoint(failures=0) as server:
        url = server.url
    client = client_for(url, t, tries=2, backoff=0.01)  # the server is gone: connection refused
    with pytest.raises(LinkError, match=r"failed after 2 tries: URLError"):
        client.select("SELECT * {}")
    assert t.slept == [0.01]


def test_client_refuses_a_non_http_endpoint():
    with pytest.raises(LinkError, match=r"\[E603\] file:///etc/passwd is not an http\(s\) URL"):
        WikidataClient("file:///etc/passwd")
