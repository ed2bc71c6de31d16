from datetime import date

from kg.extract.text.dates import find_dates, resolve

SUNDAY = date(2025, 11, 30)


def one(text, published=SUNDAY, **kw):
    found = find_dates(text)
    assert found, text
    return resolve(found[0], published=published, **kw)


def test_dates_explicit_month_day_takes_nearest_year():
    assert one("talks on November 30") == (date(2025, 11, 30), "explicit")
    assert one("on the 2nd of December") == (date(2025, 12, 2), "explicit")
    assert one("on January 3", published=date(2025, 12, 28))[0] == date(2026, 1, 3)


def test_dates_explicit_year_wins():
    assert one("December 1, 2025", published=None) == (date(2025, 12, 1), "explicit")


def test_dates_weekday_follows_tense():
    assert one("they met on Friday")[0] == date(2025, 11, 28)
    assert one("they will meet on Tuesday", future=True)[0] == date(2025, 12, 2)


def test_dates_relative_expressions():
    assert one("a week ago")[0] == date(2025, 11, 23)
    assert one("three days ago")[0] == date(2025, 11, 27)
    assert one("yesterday")[0] == date(2025, 11, 29)
    assert one("today")[0] == SUNDAY


def test_dates_vague_expressions_give_none():
    for text in ("last week", "next week", "late November", "over the weekend", "early December"):
        assert one(text) == (None, None), text


def test_dates_undated_article_uses_batch_dates():
    assert one("on October 2", published=None, context_dates=[date(2025, 10, 5)]) == (date(2025, 10, 2), "batch")
    assert one("on Sunday", published=None, context_dates=[date(2025, 10, 5)]) == (None, None)
    assert one("on October 2", published=None) == (None, None)


def test_dates_weekday_before_an_explicit_date_reads_the_date():
    found = find_dates("the leaders met on Thursday, March 6th in the capital")
    assert len(found) == 1 and found[0].kind == "explicit"
    assert resolve(found[0], published=None, context_dates=[date(2025, 3, 8)])[0] == date(2025, 3, 6)
    assert find_dates("they said on Monday (Feb 3) that")[0].get("day") == "3"


def test_meetings_date_of_the_speaker_reporting_a_finished_meeting(run):
    f = run("VIENNA — Speaking to reporters late on Friday, Rafael Grossi said the meeting had been useful.")
    assert [(m.place, m.date) for m in f.meetings] == [("Vienna", date(2025, 11, 28))]


def test_meetings_date_of_another_clause_is_not_the_meeting_date(run):
    f = run("A truce agreed on Monday was later extended to make room for talks.")
    assert all(m.date != date(2025, 11, 24) for m in f.meetings)
