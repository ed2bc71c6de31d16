"""Named plans, declarations and ceasefires in general form (kg/extract/proposals). Every sentence is
invented for the test."""
from __future__ import annotations


def names(facts):
    return [p.name for p in facts.proposals]


def test_plan_named_by_a_proper_modifier(run):
    f = run("Sudan's army rejected the Nile roadmap put forward by Kenya, Ethiopia and Egypt.")
    assert names(f) == ["Nile roadmap"]


def test_plan_named_by_a_capital_has_that_state_as_proposer(run):
    f = run("The African Union endorsed the Nairobi plan for the reconstruction of Juba.")
    assert len(f.proposals) == 1 and f.proposals[0].proposer == "Kenya"
    assert f.proposals[0].name.startswith("Nairobi plan")


def test_plan_named_by_its_structure(run):
    f = run("The mediator unveiled a three-phase plan to end the war in Darfur.")
    assert len(f.proposals) == 1 and f.proposals[0].name.startswith("three-phase plan")


def test_indefinite_plain_plan_is_no_proposal(run):
    f = run("The mediator said a plan might be needed one day.")
    assert f.proposals == []


def test_date_is_no_part_of_a_document_name(run):
    f = run("The two presidents signed the Lima Declaration on Friday, ending a long dispute.")
    assert names(f) == ["Lima Declaration"]


def test_hyphenated_place_stays_whole_in_a_document_name(run):
    f = run("The summit produced the Dar es-Salaam Declaration, a text setting out principles for peace.")
    assert names(f) == ["Dar es-Salaam Declaration"]


def test_ceasefire_agreement_in_force_is_a_proposal(run):
    f = run("The ceasefire agreement between Peru and Chile took effect at midnight.")
    assert names(f) == ["Chile-Peru ceasefire agreement"]


def test_signed_framework_agreement_is_a_proposal(run):
    f = run("The parties signed a framework agreement in Lima.")
    assert names(f) == ["framework agreement"]


def test_ceasefire_initiative_and_the_same_proposer_plan_are_one(run):
    f = run("Kenya presented a new initiative for a ceasefire in Darfur. The Kenyan initiative would see "
            "prisoners freed in stages.")
    assert len(f.proposals) == 1 and f.proposals[0].proposer == "Kenya"
    assert "ceasefire" in f.proposals[0].name


def test_handed_memorandum_names_its_proposer(run):
    f = run("Peru handed Chile a memorandum setting out its terms for a settlement.")
    assert [(p.name, p.proposer) for p in f.proposals] == [("Peru memorandum", "Peru")]


def test_broker_is_no_party_of_a_ceasefire(run):
    f = run("The Brazil-brokered ceasefire between Peru and Chile has largely held since June.")
    assert names(f) == ["Chile-Peru ceasefire"]


def test_clause_on_the_last_party_attests_the_deal_but_names_no_party(run):
    f = run("Kenya hailed the peace deal between Peru and Chile, which was signed in Brasilia.")
    assert names(f) == ["Chile-Peru peace deal"]
