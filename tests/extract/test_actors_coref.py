"""Which person a he/she stands for (kg/extract/actors/coref.py): the subject of the sentence before,
not a name hung on its object, and not a person the text calls by an honorific of the other gender.
Every sentence is invented for the test."""
from __future__ import annotations


def speakers(facts):
    return {c.text: c.speaker for c in facts.claims}


def test_pronoun_skips_the_possessor_and_apposition_of_the_object(run):
    f = run("Steve Witkoff met Vladimir Putin's aide Kirill Dmitriev. He said the talks were useful.")
    assert speakers(f).get("the talks were useful") == "Steve Witkoff"


def test_pronoun_skips_an_apposition_to_the_object(run):
    f = run("Kaja Kallas received the Serbian envoy, Marko Djuric, in Brussels. "
            "She said the accession talks would resume in spring.")
    assert speakers(f).get("the accession talks would resume in spring") == "Kaja Kallas"


def test_pronoun_skips_a_possessive_title_phrase_as_object(run):
    f = run("Kaja Kallas met Lula da Silva's foreign minister Mauro Vieira in Brasilia. She said the trade pact was close.")
    assert speakers(f).get("the trade pact was close") == "Kaja Kallas"


def test_she_is_not_the_person_called_mr(run):
    f = run("Mr Jonas Gahr Store visited Ms Mette Frederiksen in Copenhagen. She said the fishing dispute was settled.")
    assert speakers(f).get("the fishing dispute was settled") == "Mette Frederiksen"


def test_pronoun_attendee_is_the_subject_before(run):
    f = run("Steve Witkoff praised Vladimir Putin's aide Kirill Dmitriev. "
            "He held talks with Marco Rubio in Miami on Tuesday.")
    names = {p.name for m in f.meetings for p in m.participants}
    assert "Steve Witkoff" in names
    assert "Kirill Dmitriev" not in names


def test_main_clause_subject_beats_the_subject_of_its_that_clause(run):
    f = run("William Ruto warned that Yoweri Museveni would lose support. He said the vote was due in May.")
    assert speakers(f).get("the vote was due in May") == "William Ruto"


def test_subject_of_the_nearer_sentence_wins_even_after_a_quote(run):
    f = run('Yoweri Museveni headed the Ugandan team at the talks. "We came here to work," William Ruto told reporters '
            "in Arusha. He added that the next round would be held in June.")
    assert speakers(f).get("the next round would be held in June") == "William Ruto"
