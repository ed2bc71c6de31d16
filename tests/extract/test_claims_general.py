"""Claims in the forms unseen articles use (kg/extract/claims): "according to" a body named only by its
head noun or by its state, statements issued as documents and quoted from them, a quotation given to the
reporting verb it hangs under, facts confirmed that nobody said, headlines told again in the body, and
the figures of a body ("by X count"). Sentences are invented."""
from __future__ import annotations


def claims(facts):
    return [(c.speaker, c.text) for c in facts.claims]


# -- who speaks -------------------------------------------------------------------------------------
def test_according_to_the_ministry_named_before_is_that_ministry(run):
    f = run("Ghana's foreign ministry met the envoys on Monday. According to the ministry, the border "
            "crossings will reopen next week.")
    assert claims(f) == [("Ministry of Foreign Affairs (Ghana)", "the border crossings will reopen next week")]


def test_according_to_the_statement_is_each_issuer(run):
    f = run("Ghana and Togo issued a joint statement on Friday. According to the statement, the border "
            "crossings will reopen next week.")
    assert sorted(c.speaker for c in f.claims) == ["Ghana", "Togo"]


def test_according_to_a_statement_nobody_issued_is_no_claim(run):
    assert run("According to a statement, the two delegations agreed to meet again in May.").claims == []


def test_it_said_after_a_body_released_a_readout(run):
    f = run("The Kremlin released a readout of the call. It said the two presidents had agreed to meet in Accra.")
    assert claims(f) == [("Kremlin", "the two presidents had agreed to meet in Accra")]


def test_it_said_after_two_leaders_signed_a_declaration_is_each_of_them(run):
    f = run("Ghanaian President John Mahama and Togolese President Faure Gnassingbe signed a declaration in "
            "Accra. It said the border would remain open to trade.")
    assert sorted(claims(f)) == [("Faure Gnassingbe", "the border would remain open to trade"),
                                 ("John Mahama", "the border would remain open to trade")]


def test_it_said_after_a_meeting_of_persons_is_nobody(run):
    f = run("Ghanaian President John Mahama met Togolese President Faure Gnassingbe in Accra. It said the "
            "border would remain open to trade.")
    assert f.claims == []


def test_a_quotation_the_declaration_reads_is_its_signers(run):
    f = run("Ghanaian President John Mahama and Togolese President Faure Gnassingbe signed a declaration in "
            'Accra. "The border shall remain open to trade," the declaration reads.')
    assert sorted(claims(f)) == [("Faure Gnassingbe", "The border shall remain open to trade"),
                                 ("John Mahama", "The border shall remain open to trade")]


def test_a_person_reading_a_text_makes_no_claim(run):
    assert run("Ghanaian President John Mahama read the text aloud to the reporters.").claims == []


def test_the_official_after_a_named_official_spoke_is_that_official(run):
    f = run("Ghana's trade minister Kwame Asante said the port would reopen in May. The official also "
            'undertook to "publish soon" the list of goods that may cross.')
    assert [c.speaker for c in f.claims] == ["Kwame Asante", "Kwame Asante"]


def test_a_verb_after_then_takes_the_subject_of_the_verb_before(run):
    f = run("Ghanaian President John Mahama thanked his host for the dinner in Lome, then said, "
            "\u201cI think we can open the border before the rains.\u201d")
    assert claims(f) == [("John Mahama", "I think we can open the border before the rains")]


def test_told_by_someone_that_reports_the_clause_not_the_listeners(run):
    for text in ("The ministers were told by Ghanaian President John Mahama that the deal was close.",
                 "The ministers arrived in Accra and were told by Ghanaian President John Mahama that the deal was close."):
        assert claims(run(text)) == [("John Mahama", "the deal was close")], text


# -- what was said --------------------------------------------------------------------------------
def test_a_quotation_goes_to_the_verb_it_hangs_under_not_the_nearer_one(run):
    f = run('The Ghanaian government is reported to have voiced optimism after the talks, pointing to "real '
            'gains" and saying the two sides had "agreed to talk again" next month.')
    texts = sorted(c.text for c in f.claims)
    assert len(texts) == 2 and texts[0].startswith("real gains") and "agreed to talk again" in texts[1]


def test_a_quotation_after_a_stray_quote_mark_continues_the_speaker(run):
    f = run('Ghanaian President John Mahama listed two results:\n\n\u2192 the ferry will restart "this week."'
            '\n"\n"Once the ferry runs, we shall reopen the road as well, and then the rail')
    assert [c.speaker for c in f.claims] == ["John Mahama", "John Mahama"]
    assert f.claims[1].text.startswith("Once the ferry runs")


def test_confirming_a_deal_or_a_truce_is_no_claim(run):
    for text in ("The two sides confirmed an agreement under which each will free 300 detainees.",
                 "Ghana confirmed the truce on Saturday."):
        assert run(text).claims == [], text


def test_confirming_that_something_happened_is_a_claim(run):
    f = run("Ghana confirmed on Saturday that the truce had held through the night.")
    assert claims(f) == [("Ghana", "the truce had held through the night")]


def test_a_headline_claim_told_again_in_the_body_is_one_claim(run):
    f = run("Ferry deal came together after 40 tense hours, Ghanaian officials say\n\n"
            "The ferry ran again on Monday. In the last 40 hours of the talks the ferry deal came together, "
            "a senior Ghanaian official said.")
    assert len(f.claims) == 1 and f.claims[0].text.startswith("In the last 40 hours")


def test_a_headline_claim_with_other_content_stays(run):
    f = run("Ferry will run again by June, Ghanaian officials say\n\n"
            "The port was closed in May. The road to Lome is open, a senior Ghanaian official said.")
    assert len(f.claims) == 2


def test_figures_by_a_state_count_are_its_claim(run):
    f = run("The clashes began in March, and by Ghanaian estimates, more than 300 soldiers have died since then.")
    assert claims(f) == [("Ghana", "more than 300 soldiers have died since then")]


def test_figures_by_a_body_count_start_at_the_clause_subject(run):
    f = run("The town was shelled in May, during which, by UN count, the militia burned 200 homes.")
    assert claims(f) == [("United Nations", "the militia burned 200 homes")]


def test_by_the_hour_is_no_count(run):
    assert run("The drivers were paid by the hour in the Ghanaian port.").claims == []


# -- joint statements: once per named speaker -------------------------------------------------------
def test_two_titled_ministers_in_apposition_each_speak(run):
    f = run("In a joint statement, Ghana's foreign minister Samuel Ablakwa and Togo's foreign minister "
            "Robert Dussey said the border would reopen.")
    assert sorted(claims(f)) == [("Robert Dussey", "the border would reopen"),
                                 ("Samuel Ablakwa", "the border would reopen")]


def test_a_joint_statement_from_two_states_is_each_of_theirs(run):
    f = run("A joint statement from Ghana and Togo said the border would reopen in May.")
    assert sorted(c.speaker for c in f.claims) == ["Ghana", "Togo"]


def test_they_after_two_named_subjects_is_each_of_them(run):
    f = run("Ghanaian President John Mahama and Togolese President Faure Gnassingbe issued a joint "
            'declaration. "Our peoples are one," they said.')
    assert sorted(claims(f)) == [("Faure Gnassingbe", "Our peoples are one"), ("John Mahama", "Our peoples are one")]


def test_they_after_things_is_nobody(run):
    assert run("The ships waited offshore for days. They said nothing about the strike.").claims == []


# -- descriptions of a named person, and pointers back ----------------------------------------------
def test_the_top_diplomat_of_a_country_is_its_foreign_minister(run):
    f = run("Foreign Minister Kofi Boateng led the Ghanaian side, and Togolese Foreign Minister Robert Dussey "
            "the other. The top Ghanaian diplomat was cited by a radio station as saying that the experts "
            "would meet in the coming days.")
    assert claims(f) == [("Kofi Boateng", "the experts would meet in the coming days")]


def test_a_top_diplomat_nobody_holds_is_no_speaker(run):
    f = run("The top Ghanaian diplomat was cited by a radio station as saying that the experts would meet soon.")
    assert all(c.speaker != "Kofi Boateng" for c in f.claims) and all(c.speaker != "anonymous source" for c in f.claims)


def test_that_account_came_from_gives_the_sentence_before_to_its_source(run):
    f = run("The two sides agreed to swap 50 prisoners. That account came from Ghana's trade minister "
            "Kwame Asante, in a statement on Monday.")
    assert claims(f) == [("Kwame Asante", "The two sides agreed to swap 50 prisoners")]


def test_figures_that_came_from_a_ministry_speak_as_that_ministry(run):
    f = run("More than 300 people were hurt in the clashes. The figures came from the Ghanaian health ministry.")
    assert claims(f) == [("Ministry of Health (Ghana)", "More than 300 people were hurt in the clashes")]


def test_other_things_coming_from_somewhere_are_no_claim(run):
    for text in ("The two sides agreed to swap 50 prisoners. The rain came from the west.",
                 "The two sides agreed to swap 50 prisoners. That account of the talks came from a reporter."):
        assert run(text).claims == [], text
