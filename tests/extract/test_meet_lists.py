"""Who took part, told by lists and verbs beside the meeting sentence (invented sentences)."""
from datetime import date

PUB = date(2025, 3, 12)


def names(m):
    return {p.name for p in m.participants}


def test_meet_sat_down_with_is_a_meeting(run):
    f = run("Narendra Modi sat down with Vladimir Putin in Tianjin on Monday.", published=PUB)
    assert [(m.place, names(m)) for m in f.meetings] == [("Tianjin", {"Narendra Modi", "Vladimir Putin"})]


def test_meet_meeting_a_side_named_by_its_people(run):
    f = run("The US team, which included Marco Rubio and Steve Witkoff, met the Ukrainians in Geneva on Sunday.",
            published=PUB)
    assert names(f.meetings[0]) == {"Marco Rubio", "Steve Witkoff"}


def test_meet_also_present_were(run):
    f = run("Donald Trump met Volodymyr Zelenskyy in Washington on Monday. Also present were JD Vance and "
            "Marco Rubio.", published=PUB)
    assert {"JD Vance", "Marco Rubio"} <= names(f.meetings[0])


def test_meet_present_after_the_names(run):
    f = run("Donald Trump met Volodymyr Zelenskyy in Washington on Monday. JD Vance and Marco Rubio were also "
            "present.", published=PUB)
    assert {"JD Vance", "Marco Rubio"} <= names(f.meetings[0])


def test_meet_among_those_attending(run):
    f = run("Leaders met in Brussels on Thursday. Among those attending were Keir Starmer and Emmanuel Macron.",
            published=PUB)
    assert names(f.meetings[0]) == {"Keir Starmer", "Emmanuel Macron"}


def test_meet_the_participants_were(run):
    f = run("Talks were held in Cairo on Sunday. The participants were Steve Witkoff, Khalil al-Hayya and "
            "Hassan Rashad.", published=PUB)
    assert {"Steve Witkoff", "Hassan Rashad"} <= names(f.meetings[0])


def test_meet_a_meeting_to_come_lends_no_attendee_to_the_last_one(run):
    f = run("US and Ukrainian officials held talks in Florida on Sunday. Andriy Yermak is expected to meet the "
            "US envoys again, officials said.", published=PUB)
    assert "Andriy Yermak" not in names(f.meetings[0])


def test_meet_they_were_attended_by(run):
    f = run("Talks took place in Doha on Sunday. They were attended by Steve Witkoff and Khalil al-Hayya.",
            published=PUB)
    assert names(f.meetings[0]) == {"Steve Witkoff", "Khalil al-Hayya"}


def test_meet_also_attended_with_no_object(run):
    f = run("Leaders met in Brussels on Thursday. Keir Starmer also attended.", published=PUB)
    assert names(f.meetings[0]) == {"Keir Starmer"}


def test_meet_attending_something_else_is_not_the_meeting(run):
    f = run("Leaders met in Brussels on Thursday. Keir Starmer attended a football match later.", published=PUB)
    assert "Keir Starmer" not in names(f.meetings[0])


def test_meet_in_attendance(run):
    f = run("Leaders met in Brussels on Thursday, with Keir Starmer and Emmanuel Macron in attendance.",
            published=PUB)
    assert names(f.meetings[0]) == {"Keir Starmer", "Emmanuel Macron"}


def test_meet_travellers_to_the_city_take_part(run):
    f = run("Steve Witkoff and Jared Kushner flew to Moscow on Monday. Talks in Moscow with Vladimir Putin took "
            "place on Tuesday.", published=PUB)
    assert names(f.meetings[0]) == {"Steve Witkoff", "Jared Kushner", "Vladimir Putin"}


def test_meet_travellers_to_another_city_do_not(run):
    f = run("Steve Witkoff flew to Paris on Monday. Talks in Moscow with Vladimir Putin took place on Tuesday.",
            published=PUB)
    assert names(f.meetings[0]) == {"Vladimir Putin"}


def test_meet_they_were_led_on_one_side_by(run):
    f = run("Talks took place in Geneva on Sunday. They were led on the US side by Marco Rubio.", published=PUB)
    assert {p.name: p.role for p in f.meetings[0].participants} == {"Marco Rubio": "HeadOfDelegation"}


def test_meet_representing_a_country_were(run):
    f = run("Talks took place in Geneva on Sunday. Representing Ukraine were Andriy Yermak and Keir Starmer.",
            published=PUB)
    assert names(f.meetings[0]) == {"Andriy Yermak", "Keir Starmer"}


def test_meet_the_delegation_comprised(run):
    f = run("Talks took place in Geneva on Sunday. The US delegation comprised Marco Rubio, Steve Witkoff and "
            "Jared Kushner.", published=PUB)
    assert names(f.meetings[0]) == {"Marco Rubio", "Steve Witkoff", "Jared Kushner"}


def test_meet_a_plan_comprising_names_is_no_delegation(run):
    f = run("Talks took place in Geneva on Sunday. The plan included Marco Rubio's proposals.", published=PUB)
    assert names(f.meetings[0]) == set()
