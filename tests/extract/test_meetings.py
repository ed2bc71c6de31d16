from datetime import date


def test_meetings_place_date_attendees(run):
    f = run("Sudanese army chief Abdel Fattah al-Burhan met US envoy Massad Boulos in Jeddah on November 28.")
    m = f.meetings[0]
    assert m.place == "Jeddah" and m.date == date(2025, 11, 28) and m.status == "Held"
    assert {p.name for p in m.participants} >= {"Abdel Fattah al-Burhan", "Massad Boulos"}


def test_meetings_scheduled_weekday_counts_forward(run):
    f = run("Armenian Prime Minister Nikol Pashinyan will meet Azerbaijani President Ilham Aliyev in Abu Dhabi "
            "on Tuesday.")
    m = f.meetings[0]
    assert m.status == "Scheduled" and m.date == date(2025, 12, 2) and m.place == "Abu Dhabi"


def test_meetings_reporting_speaker_is_not_attendee(run):
    f = run("Kremlin spokesman Dmitry Peskov said the meeting between Steve Witkoff and Vladimir Putin in Moscow "
            "was planned for Tuesday.")
    m = f.meetings[0]
    names = {p.name for p in m.participants}
    assert "Dmitry Peskov" not in names and {"Steve Witkoff", "Vladimir Putin"} <= names


def test_meetings_need_place_or_date(run):
    f = run("Negotiators said talks would continue.")
    assert f.meetings == []


def test_meetings_underway_uses_publication_date(run):
    f = run("Israeli and Hamas delegations are meeting with Egyptian mediators in Cairo.")
    m = f.meetings[0]
    assert m.status == "UnderWay" and m.date == date(2025, 11, 30) and m.place == "Cairo"


def test_meetings_vague_date_stays_none(run):
    f = run("The US team is expected to travel to Beijing next week for talks with Chinese Vice Premier He Lifeng.")
    m = f.meetings[0]
    assert m.place == "Beijing" and m.date is None and m.status == "Scheduled"


def test_meetings_later_mention_adds_delegation_head(run):
    f = run("Trade talks began in London on Monday. The Chinese delegation is led by Vice Premier He Lifeng.")
    m = f.meetings[0]
    assert m.place == "London" and "He Lifeng" in {p.name for p in m.participants}


def test_meetings_team_headed_by_adds_head(run):
    f = run("Trade talks began in London on Monday. Chinese Vice Premier He Lifeng headed the Chinese team, "
            "and the American side was led by Treasury Secretary Scott Bessent.")
    names = {p.name for p in f.meetings[0].participants}
    assert {"He Lifeng", "Scott Bessent"} <= names
