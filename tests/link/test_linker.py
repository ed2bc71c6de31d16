"""The linker end to end over HTTP: verified cache first, the sample server for names it lacks,
and ambiguous names (two Keith Kelloggs; Washington the city, the state, the government or a
person) resolved by context or left NIL."""
from __future__ import annotations

from datetime import date

import pytest

from kg.errors import LinkError
from kg.link import METHOD_CACHE, METHOD_LIVE, EntityCache, Linker, WikidataClient, usable_aliases
from kg.model import Actor

pytestmark = pytest.mark.issue(5)
ENVOY, COACH, COMPANY = "Q900000001", "Q900000002", "Q900000003"
DC, STATE, GOVERNMENT, GEORGE = "Q900000010", "Q900000011", "Q900000012", "Q900000013"


def test_linker_kellogg_by_title(live_linker):
    actor = Actor(name="Keith Kellogg", kind="Person", titles={"US special envoy for Ukraine"})
    d = live_linker.link_actor(actor, context_names=set(), when=date(2025, 11, 30))
    assert (d.qid, d.method) == (ENVOY, METHOD_LIVE)
    coach = live_linker.link("Keith Kellogg", "Person", titles=["head football coach"])
    assert coach.qid == COACH


def test_linker_kellogg_without_context_is_nil(live_linker):
    d = live_linker.link("Keith Kellogg", "Person", context_names={"Geneva"})
    assert d.qid is None
    assert set(d.candidates) == {ENVOY, COACH} and "no confident match" in d.reason


def test_linker_kellogg_surname_only_is_never_the_company(live_linker):
    d = live_linker.link("Kellogg", "Person", titles=["special envoy"])
    assert d.qid is None and COMPANY in d.candidates and "is Organization" in d.reason


def test_linker_washington_as_person_is_nil(live_linker):
    d = live_linker.link("Washington", "Person", context_names={"Kyiv", "Donald Trump"})
    assert d.qid is None
    assert d.candidates == (GEORGE,)  # the city, state and government were refused by type


def test_linker_washington_city_by_context(live_linker):
    d = live_linker.link_place("Washington", context_names={"White House", "Donald Trump"})
    assert d.qid == DC, d.reason


def test_linker_washington_state_by_context(live_linker):
    assert live_linker.link_place("Washington", context_names={"Seattle"}).qid == STATE


def test_linker_washington_place_without_context_is_nil(live_linker):
    d = live_linker.link_place("Washington", context_names=set())
    assert d.qid is None and {DC, STATE} <= set(d.candidates)


def test_linker_washington_as_country_is_nil(live_linker):
    """An actor "Washington" typed Country (the US acting) has no Country candidate."""
    d = live_linker.link_actor(Actor(name="Washington", kind="Country"), context_names={"White House"})
    assert d.qid is None and "no candidate of kind Country" in d.reason


def test_linker_washington_as_government(live_linker):
    assert live_linker.link("Washington", "Organization").qid == GOVERNMENT


def test_linker_cache_first_no_request(live_linker):
    d = live_linker.link("Zelenskiy", "Person")
    assert (d.qid, d.method) == ("Q3874799", METHOD_CACHE)
    assert live_linker.client.requests == 0


def test_linker_wrong_type_in_cache_goes_live_and_still_refuses(live_linker):
    d = live_linker.link("Ukraine", "Person")
    assert d.qid is None and live_linker.client.requests == 1


def test_linker_memoises_live_lookups(live_linker):
    for _ in range(3):
        live_linker.link("Keith Kellogg", "Person", titles=["envoy"])
    assert live_linker.client.requests == 1


def test_linker_delegation_is_never_linked(live_linker):
    d = live_linker.link_actor(Actor(name="Ukrainian delegation", kind="Delegation"), context_names=set())
    assert d.qid is None and live_linker.client.requests == 0


def test_linker_endpoint_failure_is_nil_or_raises(tmp_path):
    dead = WikidataClient("http://127.0.0.1:9/sparql", tries=1, min_interval=0, timeout=2)
    lenient = Linker(EntityCache.from_verified(), client=dead)
    d = lenient.link("Keith Kellogg", "Person")
    assert d.qid is None and d.reason.startswith("live lookup failed: [E601]")
    with pytest.raises(LinkError, match=r"\[E601\]"):
        Linker(EntityCache.from_verified(), client=dead, strict=True).link("Keith Kellogg", "Person")


def test_usable_aliases_keep_name_words_variants_and_acronyms():
    assert usable_aliases("Volodymyr Zelensky", ["Zelensky", "Volodymyr Zelenskyy", "Trump"]) == [
        "Zelensky", "Volodymyr Zelenskyy"]
    assert usable_aliases("European Union", ["EU", "Brussels"]) == ["EU"]


def test_linker_alias_of_the_actor_is_used_when_the_name_is_unknown(offline_linker):
    actor = Actor(name="Volodymyr Oleksandrovych Z.", kind="Person", aliases={"Zelensky", "Trump"})
    assert offline_linker.link_actor(actor, context_names=set()).qid is None  # neither is a word of the name
    actor = Actor(name="President Volodymyr Zelensky Jr", kind="Person", aliases={"Volodymyr Zelensky"})
    assert offline_linker.link_actor(actor, context_names=set()).qid == "Q3874799"
