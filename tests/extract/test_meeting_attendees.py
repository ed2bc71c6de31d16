"""Attendees named apart from the meeting's own words: lists, co-leaders, roles, signatories."""
from datetime import date


def names(m):
    return {p.name for p in m.participants}


def test_attendees_mediation_led_with_a_co_mediator(run):
    f = run("Negotiators met in Nairobi on Friday. Former Nigerian president Goodluck Jonathan, who led the "
            "mediation with former Botswana president Ian Khama, said the sides had agreed a truce.")
    m = f.meetings[0]
    assert m.place == "Nairobi"
    assert {"Goodluck Jonathan", "Ian Khama"} <= names(m)
    assert {p.name: p.role for p in m.participants}["Ian Khama"] == "Mediator"


def test_attendees_head_of_the_government_team(run):
    f = run("Peace talks opened in Nairobi on Friday. Abdalla Hamdok headed the government team.")
    assert "Abdalla Hamdok" in names(f.meetings[0])


def test_attendees_named_after_a_phrase_placing_them_in_the_session(run):
    f = run("The delegations held talks in Vienna on Tuesday. Towards the end of the session Wang Yi and "
            "Sergei Lavrov spoke directly for an hour in Josep Borrell's presence.")
    assert {"Wang Yi", "Sergei Lavrov", "Josep Borrell"} <= names(f.meetings[0])


def test_attendees_acting_as_host_and_mediator(run):
    f = run("Talks between the two sides opened in Doha on Monday. Mohammed bin Abdulrahman Al Thani acted as "
            "host and mediator.")
    assert [p.role for p in f.meetings[0].participants] == ["Mediator"]


def test_attendees_talks_brought_a_face_to_face_with_b(run):
    f = run("The talks in Nairobi on Friday brought Kenyan President William Ruto face to face with "
            "Uganda's President, Yoweri Museveni.")
    assert {"William Ruto", "Yoweri Museveni"} <= names(f.meetings[0])


def test_attendees_met_list_the_parser_breaks_up(run):
    f = run("In Ankara, President Recep Tayyip Erdogan met Foreign Minister Hakan Fidan, intelligence chief "
            "Ibrahim Kalin and the army chiefs on Sunday morning.")
    assert {"Hakan Fidan", "Ibrahim Kalin"} <= names(f.meetings[0])


def test_attendees_envoy_named_after_the_title_phrase(run):
    f = run("The plan was on the table at talks in Geneva last week, hosted by UN chief António Guterres and the "
            "UN's special envoy for the region, Kaja Kallas.")
    assert {"António Guterres", "Kaja Kallas"} <= names(f.meetings[0])


def test_attendees_agreeing_to_meet_in_a_dated_post_is_no_meeting(run):
    f = run("Emmanuel Macron wrote on X on Saturday that the two leaders had agreed to meet.")
    assert f.meetings == []


def test_attendees_two_persons_agreeing_in_a_city_met_there(run):
    f = run("Vladimir Putin and Xi Jinping agreed in Beijing on 10 July on the text of a treaty.")
    m = f.meetings[0]
    assert (m.place, m.date) == ("Beijing", date(2025, 7, 10))
    assert {"Vladimir Putin", "Xi Jinping"} <= names(m)


def test_attendees_one_person_signing_in_a_city_is_no_meeting(run):
    f = run("Olaf Scholz signed the decree in Berlin on Monday.")
    assert f.meetings == []


def test_attendees_a_partys_chief_negotiator_heads_its_delegation(run):
    f = run("The two sides held talks in Nairobi on Friday. Abdalla Hamdok, the opposition's chief negotiator, "
            "said progress had been made.")
    roles = {p.name: p.role for p in f.meetings[0].participants}
    assert roles.get("Abdalla Hamdok") == "HeadOfDelegation"


def test_attendees_placed_phrase_joins_the_meeting_at_that_place(run):
    f = run("Wang Yi met Sergei Lavrov in Vienna on Monday. Kaja Kallas met Sergei Lavrov in Geneva on Tuesday. "
            "At the end of the Vienna meeting, Josep Borrell told reporters that progress had been made.")
    by_place = {m.place: names(m) for m in f.meetings}
    assert "Josep Borrell" in by_place["Vienna"] and "Josep Borrell" not in by_place["Geneva"]


def test_attendees_both_men_are_the_last_two_persons_named(run):
    f = run("The plan was discussed at talks in Geneva last week, hosted by UN chief António Guterres and the EU's "
            "envoy Kaja Kallas. Both officials also led the talks in Vienna on Monday.")
    m = next(m for m in f.meetings if m.place == "Vienna")
    assert {"António Guterres", "Kaja Kallas"} <= names(m)
