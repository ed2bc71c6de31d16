"""Ranking in memory: type compatibility, title and co-occurrence context, NIL below the threshold.
The items are invented (fake QIDs) and built here, so each test shows the evidence it varies."""
from __future__ import annotations

from datetime import date

import pytest

from kg.link.entity import Entity, Position, kind_of_classes
from kg.link.rank import THRESHOLD, Candidate, decide, title_score
from kg.link.text import overlap, weighted_words

pytestmark = pytest.mark.issue(5)

ENVOY = Entity("Q900000001", "Keith Kellogg", "Person", description="retired army general", country="United States",
               positions=(Position("Special Envoy for Ukraine and Russia", start="2025-01-20"),
                          Position("National Security Advisor to the Vice President", start="2018-04-01",
                                   end="2021-01-20")))
COACH = Entity("Q900000002", "Keith Kellogg", "Person", description="college football coach", country="United States")
CITY = Entity("Q900000010", "Washington, D.C.", "Place", description="capital city of the United States",
              country="United States")


def live(*entities: Entity, prior: float = 1.0) -> list[Candidate]:
    return [Candidate(e, prior, "live") for e in entities]


def test_rank_two_namesakes_without_context_is_nil():
    d = decide("Keith Kellogg", "Person", live(ENVOY, COACH), method="m")
    assert d.qid is None and d.confidence < THRESHOLD
    assert "no confident match" in d.reason and set(d.candidates) == {ENVOY.qid, COACH.qid}


@pytest.mark.parametrize("title,qid", [("special envoy for Ukraine", ENVOY.qid), ("US envoy", ENVOY.qid),
                                       ("football coach", COACH.qid)])
def test_rank_title_picks_the_namesake(title, qid):
    d = decide("Keith Kellogg", "Person", live(ENVOY, COACH), titles=[title], method="m")
    assert d.qid == qid and d.confidence >= THRESHOLD, d.reason


def test_rank_co_occurring_name_picks_the_namesake():
    d = decide("Keith Kellogg", "Person", live(ENVOY, COACH), context=["Russia", "Kyiv"], method="m")
    assert d.qid == ENVOY.qid, d.reason


def test_rank_linked_context_counts():
    linked = [Candidate(CITY, 0.95, "live", frozenset({"White House"})),
              Candidate(Entity("Q900000011", "Washington", "Place", description="state"), 1.0, "live")]
    assert decide("Washington", "Place", linked, context=["White House"], method="m").qid == CITY.qid
    unlinked = [Candidate(c.entity, c.prior, "live") for c in linked]
    assert decide("Washington", "Place", unlinked, context=["White House"], method="m").qid is None


def test_rank_wrong_type_gets_no_weight_even_with_strong_context():
    d = decide("Washington", "Person", [Candidate(CITY, 1.0, "live", frozenset({"White House", "Capitol"}))],
               titles=["capital city"], context=["White House", "Capitol"], method="m")
    assert d.qid is None and d.confidence == 0.0
    assert "Q900000010 is Place" in d.reason


def test_rank_untyped_item_is_never_linked():
    untyped = Entity("Q900000015", "Washington", None)
    assert decide("Washington", None, live(untyped), method="m").qid is None


def test_rank_lone_candidate_links_and_weak_prior_does_not():
    assert decide("Keith Kellogg", "Person", live(ENVOY), method="m").qid == ENVOY.qid
    assert decide("Kellogg", "Person", live(ENVOY, prior=0.4), method="m").qid is None


def test_rank_former_position_needs_former_in_title():
    advisor = "national security advisor"
    assert title_score(ENVOY, [advisor], when=date(2025, 11, 30)) < 0.5  # ended in 2021
    assert title_score(ENVOY, ["former " + advisor], when=date(2025, 11, 30)) == 1.0
    assert title_score(ENVOY, [advisor], when=date(2019, 6, 1)) == 1.0


def test_title_words_map_demonyms_to_countries():
    words = weighted_words("Ukrainian president")
    assert words == {"ukraine": 0.5, "president": 1.0}
    assert overlap("Ukrainian president", {"president", "ukraine"}) == 1.0
    assert overlap("Ukrainian president", {"president", "russia"}) == pytest.approx(1 / 1.5)


def test_kind_of_classes_prefers_person_and_country():
    assert kind_of_classes({"Q5", "Q43229"}) == "Person"
    assert kind_of_classes({"Q6256", "Q56061"}) == "Country"
    assert kind_of_classes({"Q515"}) == "Place"
    assert kind_of_classes({"Q900000052"}) is None
