"""Named documents on unseen text (issue 8): a name inside a longer name, a capital inside a name.
Every sentence is invented for the test."""
from __future__ import annotations


def test_name_inside_a_longer_document_name_is_no_proposal_of_its_own(run):
    f = run("Kenya and Uganda signed the Nairobi Framework for the Border Agreement on Friday in Nairobi. "
            "It builds on the Nairobi Declaration of Principles signed in May.")
    names = sorted(p.name for p in f.proposals)
    assert names == ["Nairobi Declaration of Principles", "Nairobi Framework for the Border Agreement"]


def test_capital_in_a_document_name_is_its_venue_not_its_proposer(run):
    f = run("Kenya and Uganda signed the Nairobi Framework in Nairobi on Friday. Egypt presented the Cairo "
            "plan for Gaza on Monday.")
    by_name = {p.name: p.proposer for p in f.proposals}
    assert by_name["Nairobi Framework"] is None
    assert by_name.get("Cairo plan for Gaza") == "Egypt"


def test_proposer_is_who_the_text_says_drew_it_up(run):
    f = run("The deal builds on a 12-point framework that Kenyan mediators drew up in March. A revised 9-point "
            "version was presented by Uganda in May.")
    by_points = {p.points: p.proposer for p in f.proposals}
    assert by_points == {12: "Kenya", 9: "Uganda"}
