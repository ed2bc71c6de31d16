"""One label per person across articles (kg.graph.names), with names invented for the tests."""
from __future__ import annotations

import itertools
from datetime import date

from kg.graph.names import person_counts, person_labels, rename_persons
from kg.model import Actor, Article, ArticleFacts, Claim, Meeting, Participant, Span


def facts(stem: str, *persons: str, speaker: str | None = None) -> ArticleFacts:
    f = ArticleFacts(article=Article(path=f"{stem}.txt", stem=stem, text="x" * 40, sha256=stem))
    f.actors = [Actor(name=p, kind="Person", mentions=[Span(0, 3)]) for p in persons]
    f.meetings = [Meeting(place="Oslo", date=date(2025, 5, 1), participants=[Participant(p) for p in persons])]
    if speaker:
        f.claims = [Claim(speaker=speaker, text="talks went well", claim_type="Paraphrase", evidence=Span(4, 20))]
    return f


def test_names_spelling_variants_of_one_person_get_one_label():
    m = person_labels({"Omar bin Rashid Al Harthy": 1, "Omar Alharthy": 2, "Petro Skibenko": 1,
                       "Petro Skybenko": 1, "Mykola Hrynko": 1, "Mikola Hrynko": 3})
    assert m["Omar bin Rashid Al Harthy"] == "Omar Alharthy"  # more articles use it
    assert m.get("Petro Skibenko", "Petro Skibenko") == m.get("Petro Skybenko", "Petro Skybenko")
    assert m["Mykola Hrynko"] == "Mikola Hrynko"


def test_names_surname_alone_takes_the_one_full_name():
    m = person_labels({"Lenart Voss": 2, "Voss": 1, "Hal Brennick": 1, "Ida Brennick": 1, "Brennick": 1})
    assert m["Voss"] == "Lenart Voss"
    assert "Brennick" not in m  # two persons share the surname: left as it is


def test_names_different_given_names_stay_apart():
    m = person_labels({"Ali Farouk": 1, "Alice Farouk": 1, "Hal Brennick": 1, "Ida Brennick": 1,
                       "Mark Lindqvist": 1, "Mary Lindqvist": 1})
    assert m == {}


def test_names_transliterations_of_a_given_name_are_one_person():
    m = person_labels({"Yury Koval": 1, "Yuri Koval": 2, "Dmitriy Orlan": 2, "Dmitri Orlan": 1})
    assert m == {"Yury Koval": "Yuri Koval", "Dmitri Orlan": "Dmitriy Orlan"}


def test_names_verified_label_wins():
    m = person_labels({"Jonas Halvorsen": 5, "Jonas Halvorssen": 1}, verified={"Jonas Halvorssen"})
    assert m == {"Jonas Halvorsen": "Jonas Halvorssen"}


def test_names_labels_do_not_depend_on_article_order():
    articles = [facts("a", "Omar bin Rashid Al Harthy"), facts("b", "Omar Alharthy", "Voss"),
                facts("c", "Lenart Voss"), facts("d", "Omar Alharthy")]
    results = {tuple(sorted(person_labels(person_counts(p)).items())) for p in itertools.permutations(articles)}
    assert len(results) == 1
    assert dict(results.pop()) == {"Omar bin Rashid Al Harthy": "Omar Alharthy", "Voss": "Lenart Voss"}


def test_names_rename_reaches_speakers_and_participants_and_merges_duplicates():
    f = facts("a", "Voss", "Lenart Voss", speaker="Voss")
    assert rename_persons(f, {"Voss": "Lenart Voss"})
    assert [a.name for a in f.actors] == ["Lenart Voss"]
    assert f.actors[0].mentions == [Span(0, 3)] and "Voss" in f.actors[0].aliases
    assert [p.name for p in f.meetings[0].participants] == ["Lenart Voss"]
    assert f.claims[0].speaker == "Lenart Voss"
    assert not rename_persons(facts("b", "Ida Brennick"), {"Voss": "Lenart Voss"})


def test_names_surname_pairs_are_every_pair_of_agreeing_surnames():
    import random

    from kg.graph.names import _same_surname, _surname_pairs

    rng = random.Random(3)
    pool = ["skibenko", "skybenko", "voss", "vos", "hrynko", "hrinko", "albusaidi", "busaidi", "koval",
            "kovall", "lindqvist", "lindquist", "asif", "orlan", "orlann"]
    for _ in range(50):
        left = [rng.choice(pool) for _ in range(rng.randint(1, 8))]
        right = [rng.choice(pool) for _ in range(rng.randint(1, 8))]
        expected = {(i, j) for i, a in enumerate(left) for j, b in enumerate(right) if _same_surname(a, b)}
        assert _surname_pairs(left, right) == expected


def test_names_every_name_a_name_can_pair_with_shares_one_of_its_near_keys():
    """What lets a build re-decide only the names a change reaches (kg/reconcile_names.py): random
    surnames and close misspellings of them (a letter changed, dropped, added or two swapped)."""
    import random

    from kg.graph.names import close_surname, full_name, name_keys, near_keys, pair, surname_of

    rng = random.Random(5)
    letters = "abdeiklmnoprstuvy"

    def spoil(word: str) -> str:
        i = rng.randrange(len(word))
        return rng.choice([word[:i] + rng.choice(letters) + word[i + 1:], word[:i] + word[i + 1:],
                           word[:i] + rng.choice(letters) + word[i:], word[:i] + word[i + 1:i + 2] + word[i:i + 1]
                           + word[i + 2:]])

    names = []
    for _ in range(150):
        s = "".join(rng.choice(letters) for _ in range(rng.randint(3, 12)))
        variants = [s, spoil(s), spoil(spoil(s))]
        names += [f"Ola {v.capitalize()}" for v in variants] + [variants[rng.randrange(3)].capitalize()]
    names = sorted({n for n in names if name_keys(n)})
    surnames = sorted({s for n in names if (s := close_surname(n))})
    pairs = 0
    for a in names:
        near = near_keys(a, surnames)
        for b in names:
            joined = pair(a, b) if full_name(a) and full_name(b) else (
                full_name(a) != full_name(b) and surname_of(*((b, a) if full_name(a) else (a, b))))
            if joined and a != b:
                pairs += 1
                assert near & name_keys(b), (a, b)
    assert pairs > 200  # close spellings were made and paired
