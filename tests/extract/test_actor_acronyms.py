"""Organisations defined by a long name and an acronym in brackets: one actor, the acronym an alias."""


def orgs(facts):
    return {a.name: a for a in facts.actors if a.kind == "Organization"}


def test_acronym_name_with_a_country_inside_is_one_organisation(run):
    f = run("Envoys met the Democratic Forces for the Liberation of Rwanda (FDLR) near Goma on Monday. "
            "The FDLR later denied any role in the raid.")
    o = orgs(f)
    assert "Democratic Forces for the Liberation of Rwanda" in o
    assert "FDLR" in o["Democratic Forces for the Liberation of Rwanda"].aliases
    assert "Rwanda" not in {a.name for a in f.actors if a.kind == "Country"}


def test_acronym_name_the_ner_runs_into_the_bracket(run):
    f = run("The Allied Democratic Forces (ADF) raided two farms. Local leaders blamed the ADF for the killings.")
    assert set(orgs(f)) >= {"Allied Democratic Forces"}
    assert not any("(" in n for n in orgs(f))


def test_acronym_with_small_words_and_a_place_tail(run):
    f = run("The UN Mission in South Sudan (UNMISS) said it had sheltered families. Separately, the National "
            "Unity Government of Myanmar (NUG) rejected the vote, and the NUG said it would keep fighting.")
    o = orgs(f)
    assert "UN Mission in South Sudan" in o and "National Unity Government of Myanmar" in o
    assert "NUG" in o["National Unity Government of Myanmar"].aliases


def test_acronym_of_a_hyphenated_movement(run):
    f = run("The Sudan People's Liberation Movement-North (SPLM-N) joined the talks in Juba on Tuesday.")
    assert "Sudan People's Liberation Movement-North" in orgs(f)


def test_known_acronym_gives_the_known_name(run):
    f = run("The Islamic State of Iraq and Syria (ISIS) claimed the bombing on Friday.")
    assert "Islamic State" in orgs(f)
    assert "Islamic State of Iraq and Syria" not in orgs(f)


def test_posts_documents_and_credits_are_no_acronym_organisations(run):
    f = run("The Comprehensive Economic Partnership Agreement (CEPA) was signed in Delhi. "
            "India's Director General of Military Operations (DGMO) called his counterpart. "
            "The delegates pose for a photo. (Photo by Lena Moor/AP)")
    names = {a.name for a in f.actors}
    assert not any(n.startswith(("Comprehensive Economic", "Director General")) for n in names)
    assert "Lena Moor" not in names


def test_acronym_inside_an_event_name_stays_a_forum(run):
    f = run("Two leaders talked at the edge of the summit of the Shanghai Cooperation Organisation (SCO) in "
            "Tianjin. The two left the SCO Summit venue together.")
    assert "Shanghai Cooperation Organisation" not in orgs(f)
