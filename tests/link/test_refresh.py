"""``refresh_cache``: cached items re-read from the endpoint (here the sample server); nothing is
added, verified fields stay, missing items and kind conflicts are reported."""
from __future__ import annotations

from datetime import date

import pytest

from kg.link import EntityCache, Linker, refresh_cache
from kg.link.entity import Entity

pytestmark = pytest.mark.issue(5)


def test_refresh_fills_fields_and_adds_nothing(sample_client):
    cache = EntityCache([
        Entity("Q900000001", "Keith Kellogg", "Person", aliases=("Keith Kellogg", "Gen. Kellogg"), verified=True),
        Entity("Q900000010", "Washington, D.C.", "Place", aliases=("Washington, D.C.",), verified=True),
        Entity("Q900000099", "Nobody", "Person", verified=True),  # not at the endpoint
        Entity("Q900000011", "Washington", "Person", verified=True),  # the endpoint says Place
    ])
    report = refresh_cache(cache, sample_client, today=date(2025, 12, 1))
    assert set(cache.entities) == {"Q900000001", "Q900000010", "Q900000099", "Q900000011"}
    assert sorted(report.refreshed) == ["Q900000001", "Q900000010", "Q900000011"]
    assert report.missing == ["Q900000099"]
    assert report.warnings == [
        "[W602] Q900000011 (Washington): the endpoint types it as Place, the cache as Person; the cached kind "
        "was kept. Check the item before trusting the link.",
        f"[W601] Q900000099 (Nobody): not found at {sample_client.endpoint}; its cached fields were kept. "
        "Check whether the item was merged."]
    envoy = cache.get("Q900000001")
    assert envoy.aliases == ("Keith Kellogg", "Gen. Kellogg") and envoy.kind == "Person"
    assert envoy.retrieved == "2025-12-01" and envoy.country == "United States"
    assert "Special Envoy for Ukraine and Russia" in {p.label for p in envoy.positions}
    city = cache.get("Q900000010")
    assert city.wd_aliases == ("DC", "Washington") and city.classes == ("Q1549591", "Q5119", "Q515")
    assert cache.get("Q900000011").kind == "Person"  # the conflict is reported, not applied
    # the refreshed aliases now find the item, at a Wikidata-alias prior
    assert [h.entity.qid for h in cache.lookup("DC")] == ["Q900000010"]
    assert cache.lookup("DC")[0].prior < cache.lookup("Washington, D.C.")[0].prior


def test_refreshed_positions_decide_a_title(sample_client):
    cache = EntityCache([Entity("Q900000001", "Keith Kellogg", "Person", verified=True),
                         Entity("Q900000002", "Keith Kellogg", "Person", verified=True)])
    linker = Linker(cache)
    assert linker.link("Keith Kellogg", "Person", titles=["special envoy"]).qid is None  # nothing known yet
    refresh_cache(cache, sample_client)
    d = linker.link("Keith Kellogg", "Person", titles=["special envoy"])
    assert d.qid == "Q900000001", d.reason
