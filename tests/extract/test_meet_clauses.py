"""Attendees told by the shape of the clause (invented sentences): an opening "Meeting A ..., B did X"
says B met A, whatever the parser makes of the opening phrase."""
from datetime import date


def names(m):
    return {p.name for p in m.participants}


def test_meet_opening_participle_names_both_sides(run):
    f = run("Meeting Polish President Andrzej Duda on the margins of the EU summit in Bavaria on Tuesday, "
            "Chancellor Friedrich Merz laid out new support for Poland's army.", published=date(2025, 6, 18))
    m = next(m for m in f.meetings if m.date == date(2025, 6, 17))
    assert {"Andrzej Duda", "Friedrich Merz"} <= names(m)


def test_meet_team_headed_by_named_right_after_the_team(run):
    """ "between the US team, headed by A, and the Iranian side, headed by B": both heads take part,
    though the parser may hang the first "headed" on the main verb."""
    f = run("Negotiators met in Vienna on Saturday. Norway carried messages for the US team, headed by "
            "Secretary of State Marco Rubio, and the Russian side, headed by Foreign Minister Sergei Lavrov.",
            published=date(2025, 4, 20))
    assert {"Marco Rubio", "Sergei Lavrov"} <= names(f.meetings[0])


def test_meet_relative_clause_names_those_who_chaired(run):
    f = run("Negotiators met in Vienna on Saturday. The talks, which Lucia Ferran and Tomas Quiroga, the "
            "Peruvian deputy minister, co-chaired, ran late into the night.", published=date(2025, 4, 20))
    assert {"Lucia Ferran", "Tomas Quiroga"} <= names(f.meetings[0])


def test_meet_visited_a_city_where_he_met(run):
    f = run("Keir Starmer visited Kyiv on Saturday, where he met Volodymyr Zelenskyy.", published=date(2025, 3, 12))
    assert [(m.place, m.date, names(m)) for m in f.meetings] == [
        ("Kyiv", date(2025, 3, 8), {"Keir Starmer", "Volodymyr Zelenskyy"})]


def test_meet_a_meeting_of_named_persons(run):
    f = run("A trilateral meeting of Donald Trump, Ilham Aliyev and Nikol Pashinyan took place at the White "
            "House on Friday.", published=date(2025, 3, 12))
    assert names(f.meetings[0]) == {"Donald Trump", "Ilham Aliyev", "Nikol Pashinyan"}


def test_meet_travel_to_a_city_to_meet(run):
    f = run("Steve Witkoff will travel to Moscow next week to meet Vladimir Putin.", published=date(2025, 3, 12))
    assert [(m.place, m.status) for m in f.meetings] == [("Moscow", "Scheduled")]


def test_meet_hosted_a_dinner_for_a_guest(run):
    f = run("Narendra Modi hosted a private dinner for Vladimir Putin at his residence in New Delhi on Thursday.",
            published=date(2025, 3, 12))
    roles = {p.name: p.role for p in f.meetings[0].participants}
    assert roles == {"Narendra Modi": "Host", "Vladimir Putin": "Guest"}
