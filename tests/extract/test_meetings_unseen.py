"""Meeting mechanisms for phrasings the tuned articles did not show (invented sentences): colon
datelines, a date that belongs to a meeting nested in another's clause, pair phrases ("the pair",
"the two leaders") standing for the two persons last named."""
from datetime import date


def names(m):
    return {p.name for p in m.participants}


def test_meetings_colon_dateline_places_the_main_event(run):
    f = run("Ministers agree on water sharing\n\nROME: Italian Prime Minister Giorgia Meloni held talks with "
            "Turkish President Recep Tayyip Erdogan on Tuesday.", published=date(2025, 3, 5))
    m = f.meetings[0]
    assert m.place == "Rome" and m.date == date(2025, 3, 4)


def test_meetings_title_case_colon_dateline(run):
    f = run("Leaders meet\n\nNew Delhi: Prime Minister Narendra Modi opened his summit with President Emmanuel "
            "Macron on Friday.", published=date(2025, 3, 7))
    assert f.meetings[0].place == "New Delhi"


def test_meetings_colon_heading_that_is_no_place_is_no_dateline(run):
    f = run("Leaders meet\n\nUpdate: Prime Minister Narendra Modi opened his summit with President Emmanuel "
            "Macron on Friday.", published=date(2025, 3, 7))
    assert f.meetings[0].place is None


def test_meetings_the_hague_is_its_own_city(run):
    f = run("Mark Rutte met Keir Starmer in The Hague on Monday.", published=date(2025, 3, 5))
    assert f.meetings[0].place == "The Hague"


def test_meetings_date_of_a_dinner_nested_in_the_summit_clause_is_the_dinners(run):
    f = run("Prime Minister Narendra Modi opened his summit with President Emmanuel Macron in New Delhi on "
            "Friday. The summit opened just hours after a banquet that Modi hosted on Thursday evening.",
            published=date(2025, 3, 7))
    dates = sorted(m.date for m in f.meetings if m.date)
    assert dates == [date(2025, 3, 6), date(2025, 3, 7)]
    summit = next(m for m in f.meetings if m.date == date(2025, 3, 7))
    assert summit.place == "New Delhi"


def test_attendees_the_two_leaders_beside_the_dinner_clause(run):
    f = run("Prime Minister Narendra Modi opened his summit with President Emmanuel Macron on Friday. "
            "It came hours after the two leaders had talked at length over a dinner on Thursday night.",
            published=date(2025, 3, 7))
    dinner = next(m for m in f.meetings if m.date == date(2025, 3, 6))
    assert names(dinner) == {"Narendra Modi", "Emmanuel Macron"}


def test_attendees_the_pair_holding_talks(run):
    f = run("President Emmanuel Macron waited for Chancellor Friedrich Merz at the airport. The pair were to "
            "hold talks in Berlin on Monday.", published=date(2025, 3, 7))
    assert names(f.meetings[0]) == {"Emmanuel Macron", "Friedrich Merz"}


def test_attendees_the_pair_seen_ahead_of_the_talks_are_not_in_them(run):
    f = run("Envoy Steve Witkoff met Vladimir Putin in Moscow on Friday. Earlier he was seen with aide "
            "Kirill Dmitriev as the pair left a hotel ahead of the talks.", published=date(2025, 3, 8))
    assert "Kirill Dmitriev" not in names(f.meetings[0])


def test_attendees_three_leaders_are_no_pair(run):
    f = run("Emmanuel Macron, Friedrich Merz and Keir Starmer arrived. The three leaders held talks in "
            "Kyiv on Saturday with Volodymyr Zelenskyy.", published=date(2025, 5, 11))
    assert "Keir Starmer" not in names(f.meetings[0]) or len(names(f.meetings[0])) >= 3


def test_meetings_place_and_day_told_in_two_sentences_are_one_bilateral(run):
    f = run("Emmanuel Macron and Friedrich Merz were to hold bilateral talks on Monday. Macron drove Merz "
            "to their bilateral meeting in Strasbourg, France.", published=date(2025, 3, 10))
    assert [(m.place, m.date) for m in f.meetings] == [("Strasbourg", date(2025, 3, 10))]
    assert names(f.meetings[0]) == {"Emmanuel Macron", "Friedrich Merz"}


def test_meetings_halves_that_do_not_agree_stay_apart(run):
    f = run("Emmanuel Macron held talks with Friedrich Merz on Monday. Keir Starmer later met Volodymyr "
            "Zelenskyy in Kyiv, Ukraine.", published=date(2025, 3, 10))
    assert len(f.meetings) == 2


def test_meetings_bilateral_on_the_margins_of_a_summit_is_not_the_summit(run):
    f = run("Emmanuel Macron and Friedrich Merz held bilateral talks on Monday on the sidelines of the EU summit. "
            "Macron said the bilateral meeting on the sidelines of the EU summit in Brussels was excellent.",
            published=date(2025, 3, 10))
    assert len(f.meetings) == 2
    assert all(m.place == "Brussels" and m.date == date(2025, 3, 10) for m in f.meetings)


def test_meetings_summit_named_once_as_a_backdrop_makes_no_meeting(run):
    f = run("Emmanuel Macron met Friedrich Merz on Monday on the margins of the EU summit in Brussels.",
            published=date(2025, 3, 10))
    assert len(f.meetings) == 1 and names(f.meetings[0]) == {"Emmanuel Macron", "Friedrich Merz"}


def test_meetings_two_parties_sign_at_a_city(run):
    f = run("Armenia and Azerbaijan signed a peace accord in Abu Dhabi. Foreign Minister Ararat Mirzoyan was "
            "present for the signing.", published=None)
    m = f.meetings[0]
    assert m.place == "Abu Dhabi" and names(m) == {"Ararat Mirzoyan"}


def test_meetings_one_party_signing_a_decree_is_no_meeting(run):
    f = run("Armenia signed the decree in Yerevan.", published=date(2025, 3, 10))
    assert f.meetings == []


def test_meetings_document_signed_at_a_city_on_a_date(run):
    f = run("The framework builds on the declaration that was signed in Abu Dhabi on 19 July 2025.",
            published=date(2025, 9, 1))
    assert [(m.place, m.date) for m in f.meetings] == [("Abu Dhabi", date(2025, 7, 19))]


def test_attendees_present_for_the_talks(run):
    f = run("Delegations held talks in Doha on Monday. Qatari minister Mohammed Al-Khulaifi was present for the "
            "talks.", published=date(2025, 3, 11))
    assert "Mohammed Al-Khulaifi" in names(f.meetings[0])


def test_meetings_caption_persons_where_the_leaders_dined(run):
    f = run("Chancellor Friedrich Merz and President Emmanuel Macron on March 3, 2025, at a palace in Brussels, "
            "Belgium, where the leaders dined on the eve of the summit.", published=date(2025, 3, 4))
    assert len(f.meetings) == 1
    m = f.meetings[0]
    assert m.date == date(2025, 3, 3) and names(m) == {"Friedrich Merz", "Emmanuel Macron"}


def test_attendees_travellers_to_the_summit(run):
    f = run("EU leaders held a summit in Brussels on Thursday. Chancellor Friedrich Merz arrived for the summit "
            "late. While en route to the summit, Prime Minister Keir Starmer spoke to reporters.",
            published=date(2025, 3, 7))
    assert {"Friedrich Merz", "Keir Starmer"} <= names(f.meetings[0])


def test_attendees_who_did_not_arrive_are_not_travellers(run):
    f = run("EU leaders held a summit in Brussels on Thursday. Chancellor Friedrich Merz did not arrive for the "
            "summit.", published=date(2025, 3, 7))
    assert "Friedrich Merz" not in names(f.meetings[0])


def test_attendees_the_summit_goes_to_the_current_summit_not_an_earlier_dinner(run):
    f = run("Keir Starmer dined with Emmanuel Macron in Brussels on Wednesday. EU leaders opened their summit in "
            "Brussels on Thursday. Keir Starmer flew to the summit with little to offer.", published=date(2025, 3, 7))
    summit = next(m for m in f.meetings if m.date == date(2025, 3, 6))
    assert "Keir Starmer" in names(summit)


def test_attendees_listed_after_a_colon_that_ends_the_group(run):
    f = run("Ukrainian officials began talks in Jeddah on Tuesday with the US team: Secretary of State Marco "
            "Rubio and national security adviser Mike Waltz.", published=date(2025, 3, 12))
    assert {"Marco Rubio", "Mike Waltz"} <= names(f.meetings[0])


def test_attendees_colon_list_leaves_out_a_person_named_for_a_title(run):
    f = run("Ukrainian negotiators held talks in Miami on Sunday with the US team: Steve Witkoff and Jared "
            "Kushner, son-in-law of President Donald Trump.", published=date(2025, 3, 12))
    assert {"Steve Witkoff", "Jared Kushner"} <= names(f.meetings[0])
    assert "Donald Trump" not in names(f.meetings[0])


def test_attendees_delegation_led_by_a_and_including_b_and_c(run):
    f = run("A delegation led by Rustem Umerov and including Andriy Hnatov and Kyrylo Budanov arrived in Geneva "
            "on Sunday for talks with the Americans.", published=date(2025, 3, 12))
    assert {"Andriy Hnatov", "Kyrylo Budanov"} <= names(f.meetings[0])


def test_meetings_there_points_back_to_the_city_of_the_trip(run):
    f = run("Steve Witkoff flew to Moscow on Thursday. He held talks there with Vladimir Putin and his aide "
            "Yuri Ushakov.", published=date(2025, 3, 12))
    m = f.meetings[0]
    assert m.place == "Moscow"
    assert {"Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"} <= names(m)


def test_meetings_there_with_no_city_before_gives_no_place(run):
    f = run("Steve Witkoff went to Russia on Thursday. He held talks there on Friday with Vladimir Putin.",
            published=date(2025, 3, 12))
    assert [(m.place, m.date) for m in f.meetings] == [(None, date(2025, 3, 7))]


def test_meetings_morning_round_and_afternoon_session_are_two(run):
    f = run("The delegations held a morning round of talks in Istanbul on Monday, led by Hakan Fidan and "
            "Vladimir Medinsky. An afternoon session followed in Istanbul on Monday with Marco Rubio.",
            published=date(2025, 3, 12))
    assert len(f.meetings) == 2
    morning, afternoon = sorted(f.meetings, key=lambda m: m.evidence[0].start)
    assert {"Hakan Fidan", "Vladimir Medinsky"} <= names(morning)
    assert names(afternoon) == {"Marco Rubio"}


def test_attendees_meeting_attended_by_a_list(run):
    f = run("The meeting in Paris on Monday, attended by Keir Starmer, Friedrich Merz and Donald Tusk, lasted "
            "three hours.", published=date(2025, 3, 12))
    assert names(f.meetings[0]) == {"Keir Starmer", "Friedrich Merz", "Donald Tusk"}


def test_attendees_joined_for_talks_both_ways(run):
    f = run("Friedrich Merz joined Emmanuel Macron for talks in Paris on Monday.", published=date(2025, 3, 12))
    assert names(f.meetings[0]) == {"Friedrich Merz", "Emmanuel Macron"}
    f = run("Keir Starmer was joined by Friedrich Merz and Donald Tusk at the talks in Kyiv on Saturday.",
            published=date(2025, 3, 12))
    assert names(f.meetings[0]) == {"Keir Starmer", "Friedrich Merz", "Donald Tusk"}


def test_meetings_met_his_counterpart_by_name(run):
    f = run("Sergei Lavrov met his Turkish counterpart Hakan Fidan in Antalya on Friday.", published=date(2025, 3, 12))
    m = f.meetings[0]
    assert m.place == "Antalya" and {"Sergei Lavrov", "Hakan Fidan"} <= names(m)


def test_attendees_due_in_a_city_for_talks(run):
    f = run("Marco Rubio is due in Geneva on Sunday for talks with Andriy Yermak.", published=date(2025, 3, 12))
    assert names(f.meetings[0]) == {"Marco Rubio", "Andriy Yermak"}


def test_attendees_side_named_after_the_copula_and_a_leader_of_its_people(run):
    f = run("Talks in Geneva on Sunday between the American and Ukrainian teams lasted all day. On the US side "
            "were Marco Rubio and Steve Witkoff; Andriy Yermak led the Ukrainians.", published=date(2025, 3, 12))
    roles = {p.name: p.role for p in f.meetings[0].participants}
    assert {"Marco Rubio", "Steve Witkoff", "Andriy Yermak"} <= set(roles)
    assert roles["Andriy Yermak"] == "HeadOfDelegation"


def test_attendees_chaired_them_is_the_host_of_the_talks(run):
    f = run("The talks in Doha on Saturday brought no deal. Mohammed Al Thani, the Qatari prime minister, "
            "chaired them.", published=date(2025, 3, 12))
    assert [(p.name, p.role) for p in f.meetings[0].participants] == [
        ("Mohammed bin Abdulrahman bin Jassim Al Thani", "Host")]


def test_attendees_arrivals_in_the_city_of_the_talks(run):
    f = run("Marco Rubio and Sergei Lavrov arrived in Riyadh on Monday. The talks in Riyadh began on Tuesday.",
            published=date(2025, 3, 12))
    assert names(f.meetings[0]) == {"Marco Rubio", "Sergei Lavrov"}


def test_attendees_arrival_in_another_city_does_not_join(run):
    f = run("Marco Rubio arrived in Jeddah on Monday. The talks in Riyadh began on Tuesday with Sergei Lavrov.",
            published=date(2025, 3, 12))
    assert "Marco Rubio" not in names(f.meetings[0])


def test_meetings_headline_two_parties_agree_at_a_city_places_the_talks(run):
    f = run("China and Japan agree fishing truce in Geneva\n\nChinese Vice Premier He Lifeng and Japanese "
            "minister Yoji Muto met at the ambassador's residence. The talks began on Saturday.",
            published=date(2025, 3, 12))
    assert [(m.place, m.date) for m in f.meetings] == [("Geneva", date(2025, 3, 8))]


def test_attendees_person_commenting_on_the_talks_in_a_headline_is_no_attendee(run):
    f = run("Dmitry Peskov on the talks in Geneva on Monday\n\nThe Kremlin spokesman spoke to reporters.",
            published=date(2025, 3, 12))
    assert [m.place for m in f.meetings] == ["Geneva"]
    assert "Dmitry Peskov" not in names(f.meetings[0])
