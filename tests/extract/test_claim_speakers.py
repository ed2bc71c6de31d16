"""Speakers the parse leaves implicit or mislabels (kg/extract/claims/subjects.py) and the claim
boundaries around them. Every sentence is invented for the test."""
from __future__ import annotations


def claims(facts):
    return [(c.speaker, c.text) for c in facts.claims]


def test_state_body_speaks_through_its_verb(run):
    f = run("The Foreign Ministry of Peru affirmed that the border talks would go on in Lima.")
    assert ("Ministry of Foreign Affairs (Peru)", "the border talks would go on in Lima") in claims(f)  # a named ministry


def test_possessive_army_speaks_for_its_state(run):
    f = run("Chile's army said in a statement that Bolivia had moved troops to the border.")
    assert [c.speaker for c in f.claims] == ["Chile"]
    assert f.claims[0].text == "Bolivia had moved troops to the border"  # no leading "that"


def test_joint_statement_gives_one_claim_per_named_speaker(run):
    f = run("In a joint statement, Kenya, Uganda and Tanzania said the truce must be respected.")
    assert sorted(c.speaker for c in f.claims) == ["Kenya", "Tanzania", "Uganda"]
    assert {c.text for c in f.claims} == {"the truce must be respected"}


def test_people_familiar_are_an_anonymous_source(run):
    f = run("People familiar with the negotiations said the draft had reached Nairobi.")
    assert claims(f) == [("anonymous source", "the draft had reached Nairobi")]


def test_that_clause_hung_on_the_audience_is_the_claim(run):
    f = run("Kenyan Foreign Minister Musalia Mudavadi told a press briefing that the two armies had pulled back.")
    assert ("Musalia Mudavadi", "the two armies had pulled back") in claims(f)


def test_pronoun_before_the_main_clause_is_its_subject(run):
    f = run("Kenyan President William Ruto and Ugandan President Yoweri Museveni met in Kampala. "
            "Though he insisted that the border was calm, the Ugandan president said more troops would come.")
    by_text = {c.text: c.speaker for c in f.claims}
    assert by_text.get("the border was calm") == "Yoweri Museveni"


def test_pronoun_inside_a_phrase_is_bound_by_the_clause_subject(run):
    f = run("Prime Minister Ana Brnabic and Deputy Prime Minister Ivica Dacic arrived late. The row began when "
            "the deputy prime minister started lecturing the envoy over what he called a failure to consult Belgrade.")
    assert ("Ivica Dacic", "a failure to consult Belgrade") in claims(f)


def test_sentence_initial_said_takes_the_name_after_it(run):
    f = run('Kenyan President William Ruto hosted the ceremony in the capital.\n\nSaid Ruto before the signing: "These two men are about '
            'to end a long quarrel. Both countries will stop shooting today."')
    assert [c.speaker for c in f.claims] == ["William Ruto"]
    assert f.claims[0].text.startswith("These two men are about to end a long quarrel. Both countries")


def test_persons_after_of_are_not_speakers(run):
    f = run('"They deserve the credit," said Emmanuel Macron of Olaf Scholz, Donald Tusk and Pedro Sanchez.')
    assert [c.speaker for c in f.claims] == ["Emmanuel Macron"]


def test_conjoined_speakers_with_their_countries_both_speak(run):
    f = run("Musalia Mudavadi of Kenya and Jeje Odongo of Uganda said the talks had gone well.")
    assert sorted(c.speaker for c in f.claims) == ["Jeje Odongo", "Musalia Mudavadi"]


def test_indirect_question_and_announced_event_are_no_claims(run):
    f = run("Peru explained how the truce had come about. Chilean President Gabriel Boric announced the "
            "agreement at a short press conference.")
    assert f.claims == []


def test_reason_participle_belongs_to_the_claim(run):
    f = run("Bolivia insists on firm guarantees, arguing that loose promises would only buy time.")
    assert [c.speaker for c in f.claims] == ["Bolivia"]


def test_more_reporting_verbs(run):
    f = run("Foreign Minister Javier Gonzalez-Olaechea argued that the dispute was over. The European Union "
            "cautioned that any deal must respect the border.")
    speakers = {c.speaker for c in f.claims}
    assert {"Javier Gonzalez-Olaechea", "European Union"} <= speakers


def test_hyphenated_outlet_is_no_country_source(run):
    f = run("According to Interfax-Peru, Lima will take a week to study the memorandum.")
    assert all(c.speaker != "Peru" for c in f.claims)


def test_quotation_without_attribution_gives_no_claim(run):
    f = run('"The war has to end now." The note was found on a wall in Lima.')
    assert f.claims == []


def test_statement_speaks_for_its_author(run):
    f = run("A joint statement put out by the government of Peru confirmed that both trade offices had "
            "reopened. A communique from Chile's foreign ministry said the two sides had agreed to talk again.")
    speakers = {c.text: c.speaker for c in f.claims}
    assert speakers.get("both trade offices had reopened") == "Peru"
    assert speakers.get("the two sides had agreed to talk again") == "Ministry of Foreign Affairs (Chile)"


def test_appeal_reports_the_whole_request(run):
    f = run("Peruvian President Dina Boluarte appealed to Brazil for border patrols to stop the smugglers.")
    assert ("Dina Boluarte", "to Brazil for border patrols to stop the smugglers") in claims(f)


def test_country_title_picks_the_leader_of_that_country(run):
    f = run("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima. According to the "
            "Chilean president, the new guarantees cover fishing rights.")
    assert [c.speaker for c in f.claims] == ["Gabriel Boric"]


def test_bare_clause_after_in_a_statement_is_the_claim(run):
    f = run("Chile said in a statement it had returned the fishing boats, while Peru said it was still counting.")
    assert ("Chile", "it had returned the fishing boats") in claims(f)
    assert ("Peru", "it was still counting") in claims(f)


def test_charge_text_keeps_hyphenated_words_whole(run):
    f = run("Kenya condemned the Sudan-backed raid on the border town.")
    assert f.claims and "Sudan-backed" in f.claims[0].text


def test_the_two_leaders_are_both_speakers(run):
    f = run("Kenyan President William Ruto and Ugandan President Yoweri Museveni met in Kampala. "
            "The two leaders said the border would reopen next month.")
    assert sorted(c.speaker for c in f.claims) == ["William Ruto", "Yoweri Museveni"]


def test_ministry_in_a_capital_speaks_for_its_state(run):
    f = run("The foreign ministry in Lima said the fishing quotas were unfair.")
    assert [c.speaker for c in f.claims] == ["Peru"]


def test_unnamed_group_of_mediators_is_no_speaker(run):
    f = run("Egyptian and Qatari mediators said the talks would resume on Sunday.")
    assert f.claims == []
