"""Actor misfires seen on real articles, as general mechanisms, on sentences of our own."""
from __future__ import annotations


def names(facts, kind=None):
    return {a.name for a in facts.actors if kind is None or a.kind == kind}


def test_actors_a_person_a_reporter_asks_about_is_no_journalist(run):
    f = run("When a reporter asked whether Martin Lindqvist would attend the summit in Riga, President Arvo "
            "Saar said he hoped so. Lindqvist did not comment.")
    assert "Martin Lindqvist" in names(f, "Person")


def test_actors_the_reporter_title_before_a_name_still_marks_the_journalist(run):
    f = run("Finnish officials met Estonian envoys in Tallinn on Monday, reporter Mira Kask said on her "
            "channel. The envoys agreed to meet again.")
    assert "Mira Kask" not in names(f)


def test_actors_a_leader_writing_an_article_for_a_paper_is_an_actor(run):
    f = run("Prime Minister Halvard Brenne wrote in an article for The Guardian that the treaty would hold. "
            "Brenne will meet his Danish counterpart in Oslo on Friday.")
    assert "Halvard Brenne" in names(f, "Person")


def test_actors_a_sentence_opening_with_by_and_a_name_is_no_byline(run):
    f = run("By Halvard Brenne's own account, the talks in Oslo went well. Brenne said a deal was near.")
    assert "Halvard Brenne" in names(f, "Person")


def test_actors_a_byline_still_is_a_journalist(run):
    f = run("Ministers meet in Oslo\n\nBy Sigrun Tveit\n\nOSLO, Nov 28 - Norway and Sweden began talks on "
            "fishing rights on Friday, Swedish Minister Karl Ekdahl said.")
    assert "Sigrun Tveit" not in names(f)
    assert "Karl Ekdahl" in names(f, "Person")


def test_actors_the_country_of_a_possessive_group_is_no_actor(run):
    f = run("The United States said it would stop striking Somalia's Shabaab militants after the group "
            "agreed to halt its attacks on ships.")
    assert "Somalia" not in names(f)
    assert "United States" in names(f, "Country")


def test_actors_an_organisation_label_keeps_no_line_break(run):
    f = run("The talks were led by the Nordic Fisheries\nCouncil and Norway in Bergen on Monday.")
    assert all("\n" not in n for n in names(f))


def test_actors_a_name_split_by_a_line_break_is_one_person(run):
    f = run("Swedish Foreign Minister Karl\nEkdahl met Norway's envoy in Oslo on Monday. Ekdahl said the "
            "talks were useful.")
    assert "Karl Ekdahl" in names(f, "Person")
    assert "Karl" not in names(f)


def test_actors_a_byline_above_a_line_is_not_joined_to_it(run):
    f = run("Jane Osterberg\nOslo talks end without a deal as Norway and Sweden disagree on quotas.")
    assert not any("Osterberg Oslo" in n for n in names(f))


def test_actors_the_outlet_appealing_to_its_reader_names_no_actors(run):
    f = run("Back our reporting\nBig Oil, border wars, the housing crisis: wherever news breaks, The Guardian "
            "sends people to see it, and your donation is what keeps our reporters there.\n"
            "Norway and Sweden began talks on fishing rights in Oslo on Monday.")
    assert "Big Oil" not in names(f)
    assert {"Norway", "Sweden"} <= names(f, "Country")


def test_actors_a_name_after_a_lower_case_title_is_a_person_whatever_the_ner_called_it(nlp):
    from spacy.tokens import Span as SpacySpan

    from kg.extract.actors.person_spans import missed_persons
    from kg.extract.text.gazetteer import load_gazetteer

    doc = nlp("The premier met finance minister Lars Vik and trade envoy Bergen Holm in Oslo on Tuesday.")
    i = next(t.i for t in doc if t.text == "Bergen")
    doc.ents = [e for e in doc.ents if not (e.start <= i < e.end)] + [SpacySpan(doc, i, i + 2, label="FAC")]
    found = {(e.text, e.label_) for e in missed_persons(doc, load_gazetteer())}
    assert ("Bergen Holm", "PERSON") in found


def test_actors_a_body_only_testified_before_is_no_actor(run):
    f = run("The trade secretary left the talks in Geneva early to testify before Congress, officials said.")
    assert "Congress" not in names(f)
    g = run("Congress voted on Tuesday to approve the trade deal with Norway.")
    assert "Congress" in names(g, "Organization")


def test_actors_a_leader_who_wrote_a_letter_is_no_journalist(run):
    f = run("In a letter written by Vladimir Putin and released on Monday, Russia set out its terms for "
            "talks in Istanbul.")
    assert "Vladimir Putin" in names(f, "Person")
    g = run("An opinion piece written by Halvard Brenne, Norway's foreign minister, urged talks in Oslo.")
    assert "Halvard Brenne" in names(g, "Person")


def test_actors_credits_at_the_end_of_a_story_are_still_journalists(run):
    f = run("Norway and Sweden agreed to meet in Oslo.\nReporting by Jane Doerr; Editing by Tom Halvers")
    assert not names(f, "Person") & {"Jane Doerr", "Tom Halvers"}
    g = run("Norway and Sweden agreed to meet in Oslo. (Additional reporting by Jane Doerr in Stockholm)")
    assert "Jane Doerr" not in names(g)


def test_actors_capitalised_common_words_are_no_names(run):
    f = run("He thanked both Countries for showing Good Judgement and Great Patience during the talks in Oslo.")
    assert not names(f) & {"Good Judgement", "Great Patience"}
    g = run("The talks in Oslo were attended by Frank Rose.")
    assert "Frank Rose" in names(g, "Person")
