"""kg:mode of meetings (Phone, Video, InPerson) and when a call is a meeting at all."""


def test_modes_met_in_city_is_in_person(run):
    f = run("Sudanese army chief Abdel Fattah al-Burhan met US envoy Massad Boulos in Jeddah on November 28.")
    assert f.meetings[0].mode == "InPerson"


def test_modes_talks_by_phone(run):
    f = run("French President Emmanuel Macron and Russian President Vladimir Putin held talks by phone on "
            "Tuesday.")
    assert f.meetings[0].mode == "Phone"


def test_modes_telephone_talks(run):
    f = run("German Chancellor Friedrich Merz held telephone talks with Chinese President Xi Jinping on "
            "Wednesday.")
    assert f.meetings[0].mode == "Phone"


def test_modes_talks_by_video_link(run):
    f = run("Japanese Prime Minister Shigeru Ishiba held talks with Indian Prime Minister Narendra Modi by "
            "video link on Thursday.")
    assert f.meetings[0].mode == "Video"


def test_modes_bare_phone_call_is_not_a_meeting(run):
    f = run("US President Donald Trump had a phone call with Russian President Vladimir Putin on Tuesday.")
    assert f.meetings == []


def test_modes_call_with_person_is_not_a_meeting(run):
    f = run("Turkish President Recep Tayyip Erdogan said after a call with Ukrainian President Volodymyr "
            "Zelensky on Friday that a ceasefire was possible.")
    assert f.meetings == []


def test_modes_unplaced_meeting_stays_unknown(run):
    f = run("On December 1, Ukrainian President Volodymyr Zelensky met French President Emmanuel Macron.")
    assert f.meetings[0].mode is None


def test_modes_dateline_places_main_meeting_in_person(run):
    f = run("NAIROBI — Negotiators for Ethiopia and Eritrea spent Sunday in talks. Kenyan President William "
            "Ruto said the meeting on Sunday had been useful.")
    m = f.meetings[0]
    assert m.place == "Nairobi" and m.mode == "InPerson"
