"""Page furniture that names no actor: credit lines, follow-the-writer lines, an outlet's name in a
copyright line, a newsletter named in a sign-up line (invented text)."""

TEXT = """Leaders meet in Geneva as talks resume

Published 12 May 2025 | Updated by Priya Nandan

The Swiss foreign minister said on Monday that the talks would resume in Geneva.

Written by Kenji Watanabe. Edited by Ruth Calder.

Follow Ana Silva on X for more updates.

Sign up for our Morning Briefing newsletter and get the news along with the weather.

Contributed by Alex Moreau. Copyright 2025 Daily Herald. All rights reserved.
"""


def test_actors_page_furniture_names_no_actor(run):
    f = run(TEXT)
    names = {a.name for a in f.actors}
    for furniture in ("Priya Nandan", "Ruth Calder", "Ana Silva", "Follow Ana Silva", "Alex Moreau",
                      "Daily Herald", "Morning Briefing", "Kenji Watanabe"):
        assert furniture not in names


def test_actors_person_in_the_story_is_still_an_actor(run):
    f = run("Follow-up talks were held on Monday. Ana Silva, the mediator, said the sides were close.\n\n"
            "Edited by Ruth Calder.")
    names = {a.name for a in f.actors if a.kind == "Person"}
    assert "Ana Silva" in names and "Ruth Calder" not in names


def test_actors_line_in_capitals_keeps_only_known_names(run):
    f = run("ZELENSKY AND TRUMP MEET IN ROME\n\nThe two leaders held talks on Saturday, officials said.")
    names = {a.name for a in f.actors}
    assert {"Volodymyr Zelenskyy", "Donald Trump"} <= names
    assert not any(n.isupper() and len(n) > 3 for n in names)


def test_actors_correspondent_in_apposition_is_no_actor(run):
    f = run("The talks resumed in Doha on Monday.\n\nOmar Haddad, Reuters correspondent in Doha, "
            "contributed reporting.")
    assert "Omar Haddad" not in {a.name for a in f.actors}


def test_actors_agency_named_in_a_credit_does_not_break_the_article(run):
    f = run("Photo: Foreign Ministry / WANA (West Asia News Agency) via REUTERS\n\n"
            "Foreign Minister Abbas Araghchi said on Sunday that the talks in Muscat were useful.")
    assert "Abbas Araghchi" in {a.name for a in f.actors}


def test_actors_a_step_with_overlapping_spans_leaves_the_entities(nlp):
    from spacy.tokens import Span
    from kg.extract.actors.index import _respan
    from kg.extract.text.gazetteer import load_gazetteer
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("kg_") and n != "kg_gazetteer_ruler"
                                   and n != "kg_paragraph_starts"]):
        doc = nlp("Foreign Minister Abbas Araghchi spoke in Muscat on Sunday.")
    before = [(e.start, e.end, e.label_) for e in doc.ents]

    def broken(d):
        return [Span(d, 0, 3, label="ORG"), Span(d, 2, 4, label="PERSON")]
    assert _respan(doc, broken, load_gazetteer()) == {}
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before


def test_actors_promo_line_of_an_outlet_names_no_actor(run):
    f = run("Modi met Putin on Friday in Delhi for the annual summit.\n\n"
            "Get Latest News on World Affairs along with Market Watch and Cricket Scores at Hindustan Times.")
    names = {a.name for a in f.actors}
    assert {"Narendra Modi", "Vladimir Putin"} <= names
    assert not {"Market Watch", "Cricket Scores", "World Affairs"} & names
