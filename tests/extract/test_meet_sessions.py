"""Sessions of one meeting day told apart (invented sentences): a one-on-one named without its own
place or date is a meeting of its own beside the plenary round, and holds its two persons only."""
from datetime import date


def names(m):
    return {p.name for p in m.participants}


TEXT = ("Emmanuel Macron held a multilateral meeting with European leaders at the Elysee Palace in Paris on "
        "Tuesday. Friedrich Merz first sat down with Macron for one-on-one talks, after which the other "
        "leaders joined them. Among those leaders were Keir Starmer and Donald Tusk.")


def test_meet_one_on_one_beside_a_plenary_is_a_second_meeting(run):
    f = run(TEXT, published=date(2025, 3, 5))
    assert len(f.meetings) == 2
    assert {m.date for m in f.meetings} == {date(2025, 3, 4)}


def test_meet_one_on_one_holds_its_two_persons_and_the_list_joins_the_plenary(run):
    f = run(TEXT, published=date(2025, 3, 5))
    small, big = sorted(f.meetings, key=lambda m: len(m.participants))
    assert names(small) == {"Emmanuel Macron", "Friedrich Merz"}
    assert {"Keir Starmer", "Donald Tusk"} <= names(big)


def test_meet_a_bare_session_word_joins_the_meeting_of_that_session(run):
    f = run("Narendra Modi and Emmanuel Macron held bilateral talks in New Delhi on Friday. The two leaders "
            "later had dinner at a hotel in New Delhi. A reporter at the dinner asked Macron about trade.",
            published=date(2025, 3, 8))
    assert len(f.meetings) == 2


def test_meet_morning_and_afternoon_sessions_are_two_meetings(run):
    f = run("Steve Witkoff met Vladimir Putin in the Kremlin on Tuesday morning. In the afternoon session, "
            "Yuri Ushakov and Kirill Dmitriev joined them.", published=date(2025, 3, 12))
    assert len(f.meetings) == 2
    morning = next(m for m in f.meetings if "Steve Witkoff" in names(m) and "Yuri Ushakov" not in names(m))
    assert names(morning) == {"Steve Witkoff", "Vladimir Putin"}
    assert any({"Kirill Dmitriev", "Yuri Ushakov"} <= names(m) for m in f.meetings)


def test_meet_an_afternoon_session_followed_with_others(run):
    f = run("The morning round in Geneva on Monday brought together Marco Rubio and Andriy Yermak. An afternoon "
            "session followed with Steve Witkoff and Keir Starmer.", published=date(2025, 3, 12))
    assert sorted(sorted(names(m)) for m in f.meetings) == [
        ["Andriy Yermak", "Marco Rubio"], ["Keir Starmer", "Steve Witkoff"]]
    assert {m.place for m in f.meetings} == {"Geneva"}


def test_meet_resumed_the_next_day_is_a_session_of_its_own(run):
    """GOLD_FORMAT: a follow-up session "resumed the next day" keeps the attendees it is reported with."""
    f = run("Talks opened in Istanbul on Monday with Hakan Fidan and Andriy Yermak. They resumed the next day "
            "with Keir Starmer.", published=date(2025, 3, 5))
    by_day = {m.date: names(m) for m in f.meetings}
    assert by_day == {date(2025, 3, 3): {"Hakan Fidan", "Andriy Yermak"}, date(2025, 3, 4): {"Keir Starmer"}}
    assert {m.place for m in f.meetings} == {"Istanbul"}
