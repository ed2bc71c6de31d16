"""One meeting, one node: reports of the same encounter get the same meeting IRI."""
from __future__ import annotations

import hashlib
from datetime import date

from kg.graph import KnownMeeting, resolve_meetings
from kg.graph.namespaces import KGID
from kg.model import Article, ArticleFacts, Meeting, Participant

MOSCOW_DEC_2 = KGID["meeting/moscow-2025-12-02"]


def report(stem: str, published: date | None, *meetings: Meeting) -> ArticleFacts:
    text = f"Article {stem} about talks."
    article = Article(path=f"{stem}.txt", stem=stem, text=text,
                      sha256=hashlib.sha256(text.encode()).hexdigest(), published=published)
    return ArticleFacts(article=article, meetings=list(meetings))


def meeting(place: str | None, when: date | None, *names: str) -> Meeting:
    return Meeting(place=place, date=when, participants=[Participant(n) for n in names])


def test_resolve_meetings_dated_meeting_gets_place_and_date_iri():
    [[node]] = resolve_meetings([report("a", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin"))])
    assert node == MOSCOW_DEC_2


def test_resolve_meetings_undated_report_joins_the_single_dated_meeting_at_that_place():
    batch = [
        # the undated report comes first: dated meetings of the whole batch are known before resolving
        report("later", date(2025, 12, 4), meeting("Moscow", None, "Steve Witkoff")),
        report("first", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin", "Steve Witkoff")),
    ]
    assert resolve_meetings(batch) == [[MOSCOW_DEC_2], [MOSCOW_DEC_2]]


def test_resolve_meetings_undated_report_joins_a_meeting_already_in_the_store():
    known = [KnownMeeting(MOSCOW_DEC_2, "Moscow", date(2025, 12, 2), {"Vladimir Putin", "Jared Kushner"})]
    batch = [report("new", date(2025, 12, 5), meeting("Moscow", None))]
    assert resolve_meetings(batch, known) == [[MOSCOW_DEC_2]]


def test_resolve_meetings_undated_report_with_two_candidates_stays_separate():
    batch = [
        report("nov", date(2025, 11, 21), meeting("Moscow", date(2025, 11, 20), "Vladimir Putin")),
        report("dec", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin")),
        report("vague", date(2025, 12, 4), meeting("Moscow", None, "Vladimir Putin")),
    ]
    assert resolve_meetings(batch)[2] == [KGID["meeting/moscow-undated"]]


def test_resolve_meetings_shared_attendee_picks_one_of_two_candidates():
    batch = [
        report("nov", date(2025, 11, 21), meeting("Moscow", date(2025, 11, 20), "Dmitry Peskov")),
        report("dec", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin", "Steve Witkoff")),
        report("vague", date(2025, 12, 4), meeting("Moscow", None, "Witkoff")),  # surname only
    ]
    assert resolve_meetings(batch)[2] == [MOSCOW_DEC_2]


def test_resolve_meetings_undated_report_far_from_the_meeting_stays_separate():
    batch = [
        report("dec", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin")),
        report("spring", date(2026, 4, 1), meeting("Moscow", None, "Vladimir Putin")),  # 120 days later
    ]
    assert resolve_meetings(batch)[1] == [KGID["meeting/moscow-undated"]]


def test_resolve_meetings_undated_report_at_another_place_stays_separate():
    batch = [
        report("dec", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Steve Witkoff")),
        report("fl", date(2025, 12, 4), meeting("Florida", None, "Steve Witkoff")),
    ]
    assert resolve_meetings(batch)[1] == [KGID["meeting/florida-undated"]]


def test_resolve_meetings_placeless_report_joins_same_date_meeting_sharing_an_attendee():
    batch = [
        report("kremlin", date(2025, 12, 3),
               meeting("Moscow", date(2025, 12, 2), "Vladimir Putin", "Steve Witkoff", "Jared Kushner")),
        report("brief", date(2025, 12, 3), meeting(None, date(2025, 12, 2), "Jared Kushner", "Yuri Ushakov")),
    ]
    assert resolve_meetings(batch) == [[MOSCOW_DEC_2], [MOSCOW_DEC_2]]


def test_resolve_meetings_placeless_report_a_day_off_still_joins():
    batch = [
        report("kremlin", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin")),
        report("tz", date(2025, 12, 3), meeting(None, date(2025, 12, 3), "Putin")),
    ]
    assert resolve_meetings(batch)[1] == [MOSCOW_DEC_2]


def test_resolve_meetings_placeless_report_without_shared_attendee_stays_separate():
    batch = [
        report("kremlin", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin")),
        report("paris", date(2025, 12, 2),
               meeting(None, date(2025, 12, 2), "Volodymyr Zelenskyy", "Emmanuel Macron")),
    ]
    assert resolve_meetings(batch)[1] == [KGID["meeting/2025-12-02-macron-zelenskyy"]]


def test_resolve_meetings_is_deterministic():
    def batch():
        return [
            report("a", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin")),
            report("b", date(2025, 12, 4), meeting("Moscow", None), meeting(None, date(2025, 12, 2), "Putin")),
        ]
    assert resolve_meetings(batch()) == resolve_meetings(batch())


def test_resolve_meetings_undated_report_without_publication_date_needs_shared_participants():
    """An article without a date cannot be placed in time: one shared name (a host who meets
    many delegations) is not enough to join a dated meeting at the same place."""
    from kg.graph.identity import MeetingRegistry
    from kg.model import Meeting, Participant

    known = KnownMeeting(KGID["meeting/washington-2025-08-08"], "Washington", date(2025, 8, 8),
                         {"Donald Trump", "Ilham Aliyev", "Nikol Pashinyan"})
    registry = MeetingRegistry([known])
    other = Meeting("Washington", None, [Participant("Donald Trump"), Participant("Paul Kagame")])
    assert registry.resolve(other, None) == KGID["meeting/washington-undated"]
    same = Meeting("Washington", None, [Participant("Ilham Aliyev"), Participant("Nikol Pashinyan")])
    assert registry.resolve(same, None) == known.node


def _by_stem(batch, known=None):
    return {f.article.stem: iris for f, iris in zip(batch, resolve_meetings(batch, known))}


def test_resolve_meetings_undated_reports_months_apart_stay_apart():
    batch = [report("march", date(2025, 3, 1), meeting("Washington", None)),
             report("october", date(2025, 10, 20), meeting("Washington", None))]
    a, b = resolve_meetings(batch)
    assert a != b


def test_resolve_meetings_undated_report_without_shared_participant_stays_apart():
    batch = [report("dated", date(2025, 8, 9), meeting("Washington", date(2025, 8, 8), "Ilham Aliyev")),
             report("undated", date(2025, 8, 10), meeting("Washington", None, "Paul Kagame"))]
    a, b = resolve_meetings(batch)
    assert a != b


def test_resolve_meetings_five_reports_of_one_meeting_are_one_node():
    batch = [report("a", date(2025, 12, 3), meeting("Kremlin, Moscow", date(2025, 12, 2), "Vladimir Putin")),
             report("b", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Steve Witkoff", "Vladimir Putin")),
             report("c", date(2025, 12, 4), meeting("Moscow", None, "Jared Kushner", "Steve Witkoff")),
             report("d", date(2025, 12, 3), meeting(None, date(2025, 12, 2), "Putin", "Kushner")),
             report("e", date(2025, 12, 5), meeting("Russia", date(2025, 12, 2)))]
    assert len({node for iris in resolve_meetings(batch) for node in iris}) == 1


def test_resolve_meetings_two_meetings_of_one_article_stay_two_nodes():
    batch = [report("a", date(2025, 10, 30), meeting("Gyeongju", date(2025, 10, 29), "Donald Trump"),
                    meeting("Gyeongju", date(2025, 10, 29), "Donald Trump", "Lee Jae-myung")),
             report("b", date(2025, 10, 30), meeting("Gyeongju", date(2025, 10, 29), "Lee Jae-myung"))]
    [first, second], [other] = resolve_meetings(batch)
    assert first != second and other in (first, second)


def test_resolve_meetings_does_not_depend_on_batch_order():
    batch = [report("a", date(2025, 12, 3), meeting("Moscow", date(2025, 12, 2), "Vladimir Putin")),
             report("b", date(2025, 12, 4), meeting("Moscow", None, "Putin"), meeting(None, date(2025, 12, 2), "Putin")),
             report("c", date(2025, 11, 21), meeting("Moscow", date(2025, 11, 20), "Dmitry Peskov")),
             report("d", date(2025, 12, 4), meeting("Kremlin, Moscow", None))]
    assert _by_stem(batch) == _by_stem(list(reversed(batch))) == _by_stem(batch[1:] + batch[:1])


def test_resolve_meetings_building_and_city_are_one_place():
    batch = [report("a", date(2025, 8, 9), meeting("White House, Washington", date(2025, 8, 8), "Nikol Pashinyan")),
             report("b", date(2025, 8, 9), meeting("Washington", date(2025, 8, 8), "Ilham Aliyev", "Nikol Pashinyan"))]
    a, b = resolve_meetings(batch)
    assert a == b


def test_resolve_meetings_nameless_reports_of_undated_articles_do_not_join_by_city_alone():
    """Neither a date nor a name to tell by: two reports of "talks in Geneva" may be months apart."""
    batch = [report("one", None, meeting("Geneva", None)), report("two", None, meeting("Geneva", None))]
    a, b = resolve_meetings(batch)
    assert a != b


def test_resolve_meetings_undated_article_is_placed_in_time_by_its_own_dated_meeting():
    """An undated article that dates its main meeting (June) and names earlier talks in Geneva without
    a date or a name: they are not the May meeting at Geneva by the city alone; an undated article
    whose dated meeting is two days later ("the Moscow meeting follows talks in Geneva") is near it."""
    dated = report("may", date(2025, 5, 11), meeting("Geneva", date(2025, 5, 10), "Scott Bessent"))
    june = report("june", None, meeting("London", date(2025, 6, 9), "Scott Bessent"), meeting("Geneva", None))
    [may_node], [_, geneva] = resolve_meetings([dated, june])
    assert geneva != may_node
    soon = report("soon", None, meeting("Moscow", date(2025, 5, 12), "Steve Witkoff"), meeting("Geneva", None))
    [may_node], [_, geneva] = resolve_meetings([dated, soon])
    assert geneva == may_node
