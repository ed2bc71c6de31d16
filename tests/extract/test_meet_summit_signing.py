"""A summit and the signing held at it are two meetings (GOLD_FORMAT: a bilateral and a signing are
two); the signers attended the summit too, and the signing takes the summit's day (invented text)."""
from datetime import date


def names(m):
    return {p.name for p in m.participants}


TEXT = ("Leaders gather for the regional summit\n\nThe regional summit opened in Kuala Lumpur on Sunday. "
        "Thai Prime Minister Anutin Charnvirakul and Cambodian Prime Minister Hun Manet signed the accord "
        "in Kuala Lumpur, with Donald Trump at their side.")


def test_meet_summit_and_signing_at_it_are_two_meetings(run):
    f = run(TEXT, published=date(2025, 10, 27))
    assert len(f.meetings) == 2
    assert {m.date for m in f.meetings} == {date(2025, 10, 26)}


def test_meet_signers_attend_the_summit_too(run):
    f = run(TEXT, published=date(2025, 10, 27))
    for m in f.meetings:
        assert {"Anutin Charnvirakul", "Hun Manet"} <= names(m)


def test_meet_talks_at_a_summit_are_the_summit(run):
    f = run("The regional summit opened in Kuala Lumpur on Sunday. Anutin Charnvirakul held bilateral "
            "talks with Hun Manet at the summit in Kuala Lumpur on Sunday.", published=date(2025, 10, 27))
    assert len(f.meetings) == 1
