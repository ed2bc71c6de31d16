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
    f = run("American negotiators are expected to fly to Beijing next week for talks with Chinese Vice Premier He Lifeng.")
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


def test_meetings_two_places_with_their_dates_in_one_sentence(run):
    f = run("The envoys arrived in Cairo with a text that had been revised in talks with Israeli officials, "
            "first in Doha on 10 November and then in Paris on Wednesday.")
    got = {(m.place, m.date) for m in f.meetings}
    assert got == {("Doha", date(2025, 11, 10)), ("Paris", date(2025, 11, 26))}


def test_meetings_dateline_does_not_place_a_meeting_with_its_own_place(run):
    f = run("CAIRO — Egyptian President Abdel Fattah el-Sisi received US envoy Steve Witkoff in Cairo on "
            "Tuesday. Witkoff came after talks with Israeli officials on 12 November.")
    assert ("Cairo", date(2025, 11, 12)) not in {(m.place, m.date) for m in f.meetings}


def test_meetings_presenting_a_plan_to_a_person_in_a_city(run):
    f = run("Kenyan President William Ruto met envoys in Nairobi on Monday. Ruto had presented the plan to "
            "Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Thursday.")
    m = next(m for m in f.meetings if m.place == "Addis Ababa")
    assert m.date == date(2025, 11, 27) and {p.name for p in m.participants} == {"William Ruto", "Abiy Ahmed"}


def test_meetings_presenting_a_plan_without_a_city_is_no_meeting(run):
    f = run("Kenyan President William Ruto presented the plan to Ethiopian Prime Minister Abiy Ahmed on Thursday.")
    assert f.meetings == []


def test_meetings_accompanied_by_adds_attendees(run):
    f = run("Talks began in Riyadh on Monday. The American side was led by Secretary of State Marco Rubio, "
            "who was accompanied by envoy Steve Witkoff and Army Secretary Dan Driscoll.")
    names = {p.name: p.role for p in f.meetings[0].participants}
    assert names["Marco Rubio"] == "HeadOfDelegation"
    assert names["Steve Witkoff"] is None and names["Dan Driscoll"] is None


def test_meetings_sat_in_on_the_meeting(run):
    f = run("Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva in Beijing on "
            "Tuesday. Wang Yi, the Chinese foreign minister, who sat in on the meeting, called it warm.")
    assert "Wang Yi" in {p.name for p in f.meetings[0].participants}


def test_meetings_among_those_who_attended_were(run):
    f = run("African leaders held a summit in Addis Ababa on Saturday. Among the leaders who attended were "
            "Kenyan President William Ruto, Nigerian President Bola Tinubu and Ghanaian President John Mahama.")
    names = {p.name for p in f.meetings[0].participants}
    assert {"William Ruto", "Bola Tinubu", "John Mahama"} <= names


def test_meetings_member_of_the_delegation(run):
    f = run("Trade talks were held in London on Monday. Li Chenggang, a Chinese trade negotiator, was also "
            "part of the Chinese delegation.")
    assert "Li Chenggang" in {p.name for p in f.meetings[0].participants}


def test_meetings_together_with_at_the_meeting_place(run):
    f = run("Leaders held a summit in Sharm el-Sheikh on Monday. In Sharm el-Sheikh, Egyptian President "
            "Abdel Fattah el-Sisi signed a declaration together with Jordan's King Abdullah and Turkish "
            "President Recep Tayyip Erdogan.")
    names = {p.name for p in f.meetings[0].participants}
    assert {"Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"} <= names


def test_meetings_dated_after_publication_are_scheduled(nlp):
    from datetime import date

    from kg.extract import extract
    from kg.model import Article, Span

    text = "The envoy said he and the foreign minister would meet again in Oslo next Saturday."
    a = Article(path="t.txt", stem="t", text=text, sha256="0" * 64, published=date(2025, 4, 13))
    a.body = [Span(0, len(text))]
    meetings = [m for m in extract(a, nlp).meetings if m.date]
    assert meetings and all(m.status == "Scheduled" for m in meetings if m.date > date(2025, 4, 13))


def test_meetings_venue_label_names_building_and_city(run):
    f = run("Chilean President Gabriel Boric met Donald Trump in the Oval Office on Friday.")
    assert f.meetings[0].place == "Oval Office, White House, Washington"


def test_meetings_deadline_date_is_not_the_meeting_date(run):
    f = run("Staged at a lakeside hotel in Geneva, the meeting was a final attempt to settle the dispute "
            "before March 15.")
    assert all(m.date != date(2026, 3, 15) and m.date != date(2025, 3, 15) for m in f.meetings)


def test_meetings_headline_country_and_body_city_are_one_meeting(run):
    f = run("Ministers hold talks in Saudi Arabia\n\nOn Monday, envoys of both governments held talks in Riyadh.")
    assert [(m.place, m.date) for m in f.meetings] == [("Riyadh", date(2025, 11, 24))]


def test_meetings_possible_meeting_is_no_meeting_and_lends_no_attendee(run):
    f = run("When the two delegations met for talks in Vienna on Monday, they discussed a possible meeting of "
            "Vladimir Putin with Volodymyr Zelenskyy.")
    [m] = f.meetings
    assert m.place == "Vienna" and not {"Vladimir Putin", "Volodymyr Zelenskyy"} & {p.name for p in m.participants}


def test_meetings_one_on_one_and_dinner_stay_two_meetings(run):
    f = run("In Seoul on Wednesday, Donald Trump and Lee Jae-myung held one-on-one talks. "
            "Later, Lee Jae-myung hosted Donald Trump over dinner at a Seoul hotel on Wednesday.")
    assert len([m for m in f.meetings if m.place == "Seoul"]) == 2


def test_meetings_attended_by_adds_the_agents(run):
    f = run("Talks opened in Doha on Sunday. The meeting was also attended by Qatari minister Mohammed Al-Khulaifi "
            "and by US envoy Adam Boehler.")
    names = {p.name for p in f.meetings[0].participants}
    assert {"Mohammed Al-Khulaifi", "Adam Boehler"} <= names


def test_meetings_team_headed_by_heads_its_delegation(run):
    f = run("Envoys met in Muscat on Saturday. Oman mediated between the Iranian side, headed by Foreign Minister "
            "Abbas Araghchi, and the US team, headed by envoy Steve Witkoff.")
    names = {p.name for p in f.meetings[0].participants}
    assert {"Steve Witkoff", "Abbas Araghchi"} <= names


def test_meetings_among_those_counterparts_were(run):
    f = run("Donald Trump held talks with Volodymyr Zelenskyy at the White House on Monday. Among those "
            "counterparts were French President Emmanuel Macron and Finnish President Alexander Stubb.")
    names = {p.name for p in f.meetings[0].participants}
    assert {"Emmanuel Macron", "Alexander Stubb"} <= names


def test_meetings_welcoming_the_talks_is_not_hosting_them(run):
    f = run("Negotiators signed a text in Cairo on Monday. Secretary of State Antony Blinken welcomed the signing.")
    assert all("Antony Blinken" not in {p.name for p in m.participants} for m in f.meetings)


def test_meetings_opening_round_is_a_meeting(run):
    f = run("The opening round in the Omani capital, Muscat, ended without a deal.")
    assert [m.place for m in f.meetings] == ["Muscat"]


def test_meetings_place_named_by_apposition(run):
    f = run("The two leaders held talks in Lochmore, northern Scotland, on Sunday.")
    assert f.meetings[0].place == "Lochmore"


def test_meetings_signatories_and_onlookers_take_part(run):
    f = run("Kenyan President William Ruto and Ugandan President Yoweri Museveni sign the pact in Nairobi as "
            "South African President Cyril Ramaphosa and Nigerian President Bola Tinubu look on.")
    names = {p.name for p in f.meetings[0].participants}
    assert {"William Ruto", "Yoweri Museveni", "Cyril Ramaphosa", "Bola Tinubu"} <= names


def test_meetings_talks_conducted_through_a_go_between(run):
    f = run("The talks in Muscat on Saturday were conducted through Omani Foreign Minister Badr Albusaidi.")
    assert "Badr Albusaidi" in {p.name for p in f.meetings[0].participants}
