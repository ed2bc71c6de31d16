"""Numeric targets put up for adoption are proposals (kg/extract/proposals/targets.py); a target that is
only met is not. Every sentence is invented for the test."""
from __future__ import annotations


def test_target_up_for_approval_is_one_proposal_named_by_what_it_is_of(run):
    f = run("African Union members poised to adopt Ruto's 3% health spending goal\n\n"
            "The summit in Nairobi is expected to bring approval for a target of spending 3% of GDP on health, "
            "which answers a demand from Kenyan President William Ruto.")
    targets = [p for p in f.proposals if "3%" in p.name]
    assert [p.name for p in targets] == ["target of spending 3% of GDP on health"]
    assert targets[0].proposer == "William Ruto"


def test_target_only_met_is_no_proposal(run):
    f = run("Kenya will put the money toward meeting its African Union health spending target of 3%.")
    assert f.proposals == []
