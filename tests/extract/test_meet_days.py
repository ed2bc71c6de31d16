"""Dates of meeting mentions on invented sentences: a possessive date belongs to the talks however the
parser hangs it; a definite mention of a day with no place is that day's placed meeting."""
from datetime import date


def test_meet_possessive_weekday_dates_the_talks_not_the_praise(run):
    f = run("Earlier on Sunday, Trump praised Saturday’s talks with Japan in Austria, saying the two sides "
            "had made a start.", published=date(2025, 5, 11))
    assert [m.date for m in f.meetings] == [date(2025, 5, 10)]


def test_meet_definite_mention_of_the_day_is_the_placed_meeting(run):
    f = run("Trade officials look for a truce.\n\nTalks in Vienna brought Marco Rubio together with Sergei Lavrov. "
            "On Saturday the negotiations went on until late at night, the two sides weighing a truce. "
            "Marco Rubio praised Saturday's talks in Austria.",
            published=date(2025, 5, 12))
    assert len(f.meetings) == 1
    assert f.meetings[0].date == date(2025, 5, 10) and f.meetings[0].place == "Vienna"


def test_meet_today_inside_a_quoted_post_is_not_the_publication_day(run):
    """The post may have been written the day before the article: its "today" dates nothing, and the
    meeting it praises is the one the article placed and dated."""
    f = run("Trade officials look for a truce.\n\nTalks in Vienna on Saturday brought Marco Rubio together "
            "with Sergei Lavrov. Rubio later posted: “A very good meeting today with Russia, in Austria.”",
            published=date(2025, 5, 11))
    assert [(m.place, m.date) for m in f.meetings] == [("Vienna", date(2025, 5, 10))]
