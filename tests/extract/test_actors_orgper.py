"""Unknown persons the small NER calls organisations, told apart by the shape and the context of
the name (invented sentences and names)."""


def persons(f):
    return {a.name for a in f.actors if a.kind == "Person"}


def orgs(f):
    return {a.name for a in f.actors if a.kind == "Organization"}


def test_orgper_delegation_led_by_two_unknown_names_is_two_persons(run):
    f = run("The delegation was led by Tomasz Wielgosz and Ilse Marken.")
    assert {"Tomasz Wielgosz", "Ilse Marken"} <= persons(f)
    assert not orgs(f) & {"Tomasz Wielgosz", "Ilse Marken", "Tomasz Wielgosz and Ilse Marken"}


def test_orgper_speaker_taken_up_by_he_is_a_person(run):
    f = run("Radek Olszar told reporters that the ceasefire would hold. He said more talks were planned.")
    assert "Radek Olszar" in persons(f)


def test_orgper_speaker_taken_up_by_it_stays_no_person(run):
    f = run("Radek Olszar told reporters that the ceasefire would hold. It said more talks were planned.")
    assert "Radek Olszar" not in persons(f)


def test_orgper_name_with_a_role_in_apposition_is_a_person(run):
    f = run("The UN envoy met with Teodor Vasquil, a senior adviser to the president.")
    assert "Teodor Vasquil" in persons(f)


def test_orgper_given_name_of_a_person_named_in_the_article(run):
    f = run("Radek Brenner, the defence minister, arrived on Sunday. "
            "Talks later resumed with Radek Olszar and the two armies on Friday.")
    assert "Radek Olszar" in persons(f) and "Radek Olszar" not in orgs(f)


def test_orgper_given_name_of_a_known_person(run):
    f = run("Talks later resumed with Volodymyr Olszar and the two armies on Friday.")
    assert "Volodymyr Olszar" in persons(f)


def test_orgper_firm_leading_a_funding_round_is_no_person(run):
    f = run("The funding round was led by Goldman Sachs and Morgan Stanley.")
    assert not persons(f) & {"Goldman Sachs", "Morgan Stanley"}
    f = run("The team was led by Morgan Stanley, which advised the buyer.")
    assert "Morgan Stanley" not in persons(f)


def test_orgper_delegation_headed_by_an_unknown_name(run):
    f = run("The talks were held at Lancaster House and chaired by Oskar Brennvik. "
            "A delegation headed by Ilse Marken arrived in Doha on Sunday.")
    assert {"Oskar Brennvik", "Ilse Marken"} <= persons(f)


def test_orgper_organisations_stay_organisations(run):
    f = run("The talks were hosted by the Meridian Group and attended by the Coastal Forces Movement. "
            "The agreement was signed by Kestrel Dynamics and Halvard Partners in Oslo.")
    assert not persons(f) & {"Meridian Group", "Coastal Forces Movement", "Kestrel Dynamics", "Halvard Partners"}


def test_orgper_body_led_by_an_organisation_is_no_person(run):
    f = run("The mission was led by the Northern Growth Bank, which said it would fund the plan.")
    assert not any("Northern Growth" in n for n in persons(f))


def test_orgper_name_shape_refuses_organisation_words():
    import spacy
    from kg.extract.actors.org_persons import name_shaped
    from kg.extract.text.gazetteer import load_gazetteer
    g = load_gazetteer()
    doc = spacy.blank("en")("Tomasz Wielgosz met Unity Party and NATO Watch and Fox News")
    assert name_shaped(doc[0:2], g)
    assert not name_shaped(doc[3:5], g) and not name_shaped(doc[6:8], g) and not name_shaped(doc[9:11], g)


def test_orgper_unknown_name_the_ner_calls_a_place_leading_a_delegation(run):
    f = run("The delegation was led by Nkosana Mbeki-Dlamini.")
    assert "Nkosana Mbeki-Dlamini" in persons(f)


def test_orgper_place_names_stay_places(run):
    f = run("The talks were chaired by King George Island officials. The delegation flew to Kestrel Bay on Monday.")
    assert not persons(f) & {"King George Island", "George Island", "Kestrel Bay"}


def test_orgper_name_the_ner_missed_at_a_sentence_start_taken_up_by_she(run):
    f = run("Ilse Marken spoke first. She said the talks were useful.")
    assert "Ilse Marken" in persons(f)
    f = run("Tomasz Wielgosz arrived in Doha on Monday. It met the emir.")
    assert "Tomasz Wielgosz" not in persons(f)
