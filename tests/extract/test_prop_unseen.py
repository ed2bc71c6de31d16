"""Proposals named the ways unseen articles name them: by year, by place in the plural, as a draft, by who
drew them up, and bodies a text sets up (kg/extract/proposals). Every sentence is invented for the test."""
from __future__ import annotations


def names(facts):
    return [p.name for p in facts.proposals]


def test_accord_named_by_its_year_is_a_proposal(run):
    assert names(run("The 1987 accord between the two islands still shapes the fishing rules.")) == ["1987 accord"]


def test_agreement_dated_by_an_of_phrase_is_a_proposal(run):
    f = run("Negotiators returned to the Niger-Chad agreement of June 2019 before the new round.")
    assert names(f) == ["Chad-Niger agreement"]


def test_a_deal_for_later_years_is_not_dated(run):
    assert run("The traders hope for a deal of some kind soon.").proposals == []


def test_plural_documents_named_by_a_place_are_one_proposal(run):
    assert names(run("Everyone agrees that the Lome agreements were never applied in full.")) == ["Lome agreements"]


def test_plural_documents_without_a_place_are_not_a_proposal(run):
    assert run("The agreements were never applied in full.").proposals == []


def test_who_drew_a_plan_up_is_its_proposer(run):
    f = run("Ghana drew up a 6-point plan for the coastal dispute.")
    assert [(p.points, p.proposer) for p in f.proposals] == [(6, "Ghana")]


def test_agreement_drawn_up_by_a_state_is_attested_with_its_proposer(run):
    f = run("The framework agreement was drawn up by Norway.")
    assert [p.proposer for p in f.proposals] == ["Norway"]


def test_draft_agreement_keeps_the_word_draft(run):
    f = run("Ghana and Togo initialled a draft border agreement in Accra.")
    assert names(f) == ["Ghana-Togo draft border agreement"]


def test_body_a_sentence_sets_up_is_a_proposal(run):
    f = run("The two ministers agreed to set up a joint working group on fishing rights.")
    assert len(f.proposals) == 1 and names(f)[0].startswith("joint working group")


def test_board_a_plan_proposes_is_named_by_its_words(run):
    assert names(run("The scheme proposes a board of trustees to run the port.")) == ["board of trustees"]


def test_generic_or_negated_body_is_not_a_proposal(run):
    assert run("The scheme proposes a new council.").proposals == []
    assert run("The ministers did not establish a council of elders.").proposals == []


def test_description_and_name_of_one_document_are_one_proposal(run):
    f = run("Mali left the 2015 security accord, known as the Bamako Peace Charter, which had set up joint patrols.")
    assert names(f) == ["Bamako Peace Charter"]


def test_signed_memorandum_is_named_by_what_it_is_on(run):
    assert names(run("The two ports signed a memorandum on customs checks.")) == ["memorandum on customs checks"]


def test_signed_protocol_is_a_document(run):
    assert names(run("The ministers signed the protocol on river transport in Niamey.")) == ["protocol on river transport"]


def test_capitalised_initiative_is_a_named_document(run):
    assert names(run("Diplomats still cite the Lake Chad Water Initiative as a model.")) == ["Lake Chad Water Initiative"]


def test_numbered_proposal_from_a_body_has_it_as_proposer(run):
    f = run("Both sides accepted the 7-point proposal from the African Union.")
    assert [(p.points, p.proposer) for p in f.proposals] == [(7, "African Union")]


def test_agreement_that_collapsed_was_made(run):
    f = run("The ceasefire agreement between Benin and Niger collapsed within a week.")
    assert names(f) == ["Benin-Niger ceasefire agreement"]


def test_agreement_that_may_collapse_is_not_attested(run):
    assert run("Diplomats fear a deal could collapse.").proposals == []
