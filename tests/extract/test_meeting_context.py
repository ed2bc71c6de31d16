"""Attendees and places taken from the words around a meeting: the sentence after a caption's colon,
the subject of "left after talks with Y", a line-up anchored to its leader, a side's negotiator, a
headline's place, an earlier (pluperfect) meeting kept apart, "the Omani capital"."""
from datetime import date


def names(m):
    return {p.name for p in m.participants}


def test_caption_colon_names_the_signatories_in_the_next_sentence(run):
    f = run("Signing in Oslo, Norway, on March 3 2025:\n\nAnna Berg, Sweden's trade minister, and Danish "
            "envoy Lars Holm put their signatures under the pact.")
    m = next(m for m in f.meetings if m.place == "Oslo")
    assert {"Anna Berg", "Lars Holm"} <= names(m)


def test_caption_colon_does_not_reach_past_a_full_stop(run):
    f = run("The signing took place in Oslo on March 3 2025. Anna Berg later flew to Rome.")
    assert not any("Anna Berg" in names(m) for m in f.meetings)


def test_subject_leaving_after_a_session_with_a_person_took_part(run):
    f = run("Tom Becker, the American envoy, flew home on Friday after a four-hour session with President "
            "Ivan Petrov in Minsk.")
    m = next(m for m in f.meetings if m.place == "Minsk")
    assert {"Tom Becker", "Ivan Petrov"} <= names(m)


def test_subject_criticising_talks_is_no_participant(run):
    f = run("Maria Lopez criticised the talks with President Ivan Petrov in Minsk on March 3 2025.")
    assert not any("Maria Lopez" in names(m) for m in f.meetings)


def test_line_up_brought_with_him_joins_his_meeting_not_the_latest(run):
    f = run("Delegations from both countries met in Vienna on March 3 2025. Jan Novak led the Czech team. "
            "On the way, the team had stopped in Linz for a meeting with Governor Karl Huber. Novak brought "
            "several officials with him, among them Eva Dvorak, his chief adviser, and Petr Svoboda.")
    vienna = next(m for m in f.meetings if m.place == "Vienna")
    assert {"Eva Dvorak", "Petr Svoboda"} <= names(vienna)
    assert not any("Eva Dvorak" in names(m) for m in f.meetings if m.place == "Linz")


def test_a_sides_negotiator_takes_part_in_the_current_meeting(run):
    f = run("A second round of talks opened in Vienna on March 3 2025. Czech negotiator Jan Novak said the "
            "gap between the sides had narrowed.")
    assert "Jan Novak" in names(next(m for m in f.meetings if m.place == "Vienna"))


def test_a_negotiator_without_a_side_is_not_added(run):
    f = run("A second round of talks opened in Vienna on March 3 2025. The negotiator Jan Novak once wrote a "
            "book about it.")
    assert "Jan Novak" not in names(next(m for m in f.meetings if m.place == "Vienna"))


def test_the_country_adjective_capital_is_its_capital(run):
    f = run("Norway and Chile held talks on trade in the Omani capital on March 3 2025.")
    assert [m.place for m in f.meetings] == ["Muscat"]


def test_a_place_after_an_earlier_round_is_not_the_new_rounds_place(run):
    f = run("Saturday's negotiations in Rome were held seven days after the first round in the Omani capital, "
            "Muscat.", published=date(2025, 4, 20))
    assert not any(m.place == "Muscat" and m.date == date(2025, 4, 19) for m in f.meetings)
    assert any(m.place == "Rome" for m in f.meetings)


def test_headline_place_places_the_dated_main_meeting(run):
    f = run("Norway and Chile hold trade talks in Oslo\n\nThe two governments held talks on fishing quotas "
            "on Saturday, officials said.", published=date(2025, 4, 20))
    assert [(m.place, m.date) for m in f.meetings] == [("Oslo", date(2025, 4, 19))]


def test_headline_paragraph_is_a_sentence_of_its_own(run):
    f = run("Peace talks resume in Vienna\n\nJan Novak, the Czech envoy, met Karl Huber in Linz on Friday.",
            published=date(2025, 4, 20))
    linz = next(m for m in f.meetings if m.place == "Linz")
    assert {"Jan Novak", "Karl Huber"} <= names(linz)
    assert not any(m.place == "Vienna" and m.date == date(2025, 4, 18) for m in f.meetings)


def test_participle_clause_shares_the_place_of_its_verb(run):
    f = run("Two days before, Lena Marsh was in Washington on her own, holding talks with several members of "
            "President Omar Reyes's team.", published=date(2025, 4, 12))
    m = next(m for m in f.meetings if m.place == "Washington")
    assert names(m) == {"Lena Marsh"}  # members of Reyes's team: not Reyes himself


def test_appositive_members_of_the_delegation_join_the_talks(run):
    f = run("Trade talks opened in Oslo on March 3 2025. Anna Berg had to leave early. Maria Lopez and envoy "
            "Jan Novak, the other members of the delegation, stayed on.")
    m = next(m for m in f.meetings if m.place == "Oslo")
    assert {"Maria Lopez", "Jan Novak"} <= names(m)


def test_a_joiner_goes_to_the_meeting_before_it_not_a_later_one(run):
    f = run("Jan Novak had stopped in Linz for a meeting with Karl Huber on March 1 2025. Maria Lopez and envoy "
            "Petr Svoboda, the other members of the delegation, stayed on. Further talks were held in Bergen on "
            "April 9 2025.")
    bergen = next(m for m in f.meetings if m.place == "Bergen")
    assert not {"Maria Lopez", "Petr Svoboda"} & names(bergen)


def test_the_presence_of_a_person_makes_them_an_attendee(run):
    f = run("Days of bargaining in Doha ended on March 3 2025. The presence of Tom Becker, the incoming "
            "envoy, was seen as decisive.")
    assert "Tom Becker" in names(f.meetings[0])


def test_in_the_absence_of_a_person_is_no_attendance(run):
    f = run("Days of bargaining in Doha ended on March 3 2025. Tom Becker was absent, and the talks went on "
            "without the presence of Tom Becker.")
    assert "Tom Becker" not in names(f.meetings[0])


def test_headline_place_goes_to_a_scheduled_dated_meeting_when_none_was_held(run):
    f = run("Norway and Chile to hold trade talks in Oslo\n\nThe two governments will hold talks on fishing "
            "quotas on Monday, officials said.", published=date(2025, 4, 20))
    assert [m.place for m in f.meetings] == ["Oslo"]


def test_delegation_led_by_a_and_including_b_and_c(run):
    f = run("A Chilean delegation led by Maria Lopez and including Petr Svoboda and Eva Dvorak arrived in Oslo "
            "on March 3 2025 for talks.")
    m = f.meetings[0]
    assert {"Maria Lopez", "Petr Svoboda", "Eva Dvorak"} <= names(m)
    assert {p.name: p.role for p in m.participants}["Petr Svoboda"] is None  # a member, not the head


def test_embedded_post_is_dated_by_its_signature(run):
    f = run("Talks on the border went on at the palace.\n\nPresident Lopez Holds a Meeting with Nordic Ministers "
            "https://t.co/AbC123 — Office of the President (@ChilePresident) March 3, 2025\n", published=None)
    assert any(m.date == date(2025, 3, 3) for m in f.meetings)


def test_a_date_before_the_post_signature_is_not_moved(run):
    f = run("Talks opened in Oslo on March 1 2025.\n\nWe met our friends today, said the minister.\n",
            published=None)
    assert [m.date for m in f.meetings] == [date(2025, 3, 1)]


def test_a_meeting_being_arranged_adds_no_one_to_the_meeting_held(run):
    f = run("Maria Lopez held talks with Eva Dvorak in Oslo on March 3 2025. Afterwards Lopez said she had "
            "phoned Ivan Petrov to start arranging for Petrov and Dvorak to meet.")
    m = next(m for m in f.meetings if m.place == "Oslo")
    assert "Ivan Petrov" not in names(m)
    assert {"Maria Lopez", "Eva Dvorak"} <= names(m)
