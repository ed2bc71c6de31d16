"""The live Wikidata Query Service. Needs the internet: run with ``pytest --online``."""
from __future__ import annotations

import pytest

from kg.link import WDQS_ENDPOINT, EntityCache, Linker, WikidataClient

pytestmark = [pytest.mark.online, pytest.mark.issue(5)]


@pytest.fixture(scope="module")
def wdqs() -> WikidataClient:
    return WikidataClient(WDQS_ENDPOINT, timeout=30, tries=3, backoff=2.0, min_interval=1.0)


def test_online_describe_verified_item(wdqs):
    """Q3874799 is in the verified list as Volodymyr Zelenskyy, a person."""
    e = wdqs.describe(["Q3874799"])["Q3874799"]
    assert e.kind == "Person" and "Zelensk" in e.label


def test_online_candidates_for_a_verified_label(wdqs):
    assert "Q3874799" in {e.qid for e in wdqs.entities_named(["Volodymyr Zelenskyy"])}


def test_online_linker_never_links_washington_as_a_person(wdqs):
    linker = Linker(EntityCache.from_verified(), client=wdqs, strict=True)
    assert linker.link("Washington", "Person", context_names={"Kyiv", "Moscow"}).qid is None
