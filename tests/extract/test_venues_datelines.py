"""Meeting places from venues and datelines, host verbs as meeting triggers (invented sentences)."""
from datetime import date


def test_meetings_venue_gives_its_city(run):
    f = run("Chancellor Olaf Scholz met President Emmanuel Macron at the Elysee Palace on Friday.")
    m = f.meetings[0]
    assert m.place == "Élysée Palace, Paris" and m.date == date(2025, 11, 28)


def test_meetings_received_in_the_kremlin_host_attends(run):
    f = run("Russian President Vladimir Putin received Indian Prime Minister Narendra Modi in the Kremlin on Monday.")
    m = f.meetings[0]
    assert m.place == "Kremlin, Moscow" and m.date == date(2025, 11, 24)
    assert {p.name for p in m.participants} >= {"Vladimir Putin", "Narendra Modi"}


def test_actors_venue_only_as_place_is_not_an_actor(run):
    f = run("Vladimir Putin received Narendra Modi in the Kremlin on Monday.")
    assert "Kremlin" not in {a.name for a in f.actors}


def test_actors_venue_that_speaks_stays_an_actor(run):
    f = run("The Kremlin said on Monday that the talks were useful.")
    assert "Kremlin" in {a.name for a in f.actors}


def test_meetings_ceremony_hosted_by_adds_host_and_signatories(run):
    f = run("WASHINGTON — Sergei Lavrov and Hakan Fidan signed the accord at the State Department "
            "in a ceremony hosted by US Secretary of State Marco Rubio.")
    m = f.meetings[0]
    assert m.place == "United States Department of State, Washington"
    assert {p.name for p in m.participants} >= {"Marco Rubio", "Sergei Lavrov", "Hakan Fidan"}


def test_meetings_hoped_to_welcome_is_no_meeting(run):
    f = run("Trump told reporters he hoped to welcome President Paul Kagame in Washington.")
    assert f.meetings == []


def test_meetings_dateline_places_main_event(run):
    f = run("NAIROBI — The two delegations resumed talks on Saturday, officials said.")
    m = f.meetings[0]
    assert m.place == "Nairobi" and m.date == date(2025, 11, 29)


def test_meetings_dateline_after_headline_line(run):
    f = run("Rivals agree to new round of talks\nDOHA, Qatar — Negotiators held talks on Friday.")
    assert f.meetings[0].place == "Doha"


def test_meetings_co_chaired_summit_both_chairs_attend(run):
    f = run("President Cyril Ramaphosa and President William Ruto co-chaired a summit in the coastal city of "
            "Mombasa on Monday.")
    m = f.meetings[0]
    assert m.place == "Mombasa"
    assert {p.name for p in m.participants} >= {"Cyril Ramaphosa", "William Ruto"}


def test_meetings_negated_attendance_is_not_attendance(run):
    f = run("Leaders held a summit in Cairo on Monday. Prime Minister Benjamin Netanyahu did not travel to the summit.")
    assert "Benjamin Netanyahu" not in {p.name for m in f.meetings for p in m.participants}


def test_meetings_days_of_talks_before_dated_agreement(run):
    f = run("The two sides agreed on Monday to cut tariffs, following two days of negotiations in Geneva. "
            "The talks were held on Saturday and Sunday.")
    assert date(2025, 11, 24) not in {m.date for m in f.meetings}  # Monday is the agreement's date


def test_dateline_with_an_agency_credit_places_the_main_event(run):
    f = run("Leaders talk\n\nBERLIN (Reuters) - Friedrich Merz met Keir Starmer on Tuesday for two hours.",
            published=date(2025, 3, 12))
    assert [m.place for m in f.meetings] == ["Berlin"]
