"""Person names that a gazetteer alias or a hyphen would break (invented sentences)."""


def test_actors_org_alias_after_person_name_is_the_surname(run):
    f = run("Foreign Minister Maria Lopes Wagner said the deal would hold. Lopes Wagner said it again.")
    names = {a.name for a in f.actors}
    assert "Maria Lopes Wagner" in names and "Wagner Group" not in names
    assert {c.speaker for c in f.claims} == {"Maria Lopes Wagner"}


def test_actors_org_alias_alone_stays_an_organisation(run):
    f = run("The Wagner Group withdrew its fighters, officials said.")
    assert "Wagner Group" in {a.name for a in f.actors}


def test_actors_hyphenated_surname_resolves_to_full_name(run):
    f = run("Egyptian President Abdel Fattah el-Sisi hosted the talks. Sisi stressed that the truce had to hold.")
    assert {c.speaker for c in f.claims} == {"Abdel Fattah el-Sisi"}
    assert "Sisi" not in {a.name for a in f.actors}


def test_actors_surname_he_is_not_a_pronoun(run):
    f = run("Chinese Vice Premier He Lifeng met Scott Bessent in London on Monday. "
            "He Lifeng said the talks were candid.")
    assert "He Lifeng" in {c.speaker for c in f.claims}


def test_actors_given_name_short_form_resolves_to_full_name(run):
    f = run("Prime Minister Tomas Verhallen hosted the talks in Lisbon on Monday. Tomas, whose country "
            "chairs the bloc this year, said the ceasefire would hold.")
    persons = {a.name for a in f.actors if a.kind == "Person"}
    assert "Tomas Verhallen" in persons and "Tomas" not in persons
    assert any(c.speaker == "Tomas Verhallen" for c in f.claims)


def test_actors_shared_given_name_stays_unresolved():
    from kg.extract.text.gazetteer import load_gazetteer
    from kg.extract.actors.names import canonical_person
    g = load_gazetteer()
    assert canonical_person("Hal", ["Hal Brennick", "Hal Osterby"], g) == "Hal"
    assert canonical_person("Hal", ["Hal Brennick"], g) == "Hal Brennick"


def test_actors_name_prefix_resolves_to_longest_form():
    from kg.extract.text.gazetteer import load_gazetteer
    from kg.extract.actors.names import canonical_person
    g = load_gazetteer()
    assert canonical_person("Nasser bin Khalid", ["Nasser bin Khalid Al Tamimi"], g) == "Nasser bin Khalid Al Tamimi"


def test_actors_dynasty_name_from_persons_gazetteer():
    from kg.extract.text.gazetteer import load_gazetteer
    from kg.extract.actors.names import canonical_person
    assert canonical_person("Tamim bin Hamad", [], load_gazetteer()) == "Tamim bin Hamad Al Thani"


def persons(f):
    return {a.name for a in f.actors if a.kind == "Person"}


def test_names_title_before_a_name_the_ner_misses(run):
    f = run("Fisheries Minister Torvald Enqvist said the quota talks would resume. National Security Adviser "
            "(NSA) Pranav Iyer joined them, as did Queen Mother Amalthea.")
    assert {"Torvald Enqvist", "Pranav Iyer", "Amalthea"} <= persons(f)


def test_names_person_slot_before_an_apposition(run):
    f = run("Halvard Quist, the head of the northern delegation, said the map was final. Quist added that "
            "nothing more would be signed.")
    assert "Halvard Quist" in persons(f) and "Quist" not in persons(f)


def test_names_headline_words_are_not_names(run):
    f = run("Envoy Says Border Talks Will Resume Soon\nThe envoy said so on Monday.")
    assert not any("Says" in n or "Talks" in n for n in persons(f))


def test_names_verified_person_by_any_spelling(run):
    f = run("Von der Leyen arrived late. Later, Ursula von der Leyen and Merz spoke to the press.")
    assert {"Ursula von der Leyen", "Friedrich Merz"} <= persons(f)
    assert not any(n.startswith("Ursula von") and n != "Ursula von der Leyen" for n in persons(f))


def test_names_cut_off_by_a_line_break_completed_or_dropped(run):
    f = run("The summit closed with a speech by Commission President Ursula von\nder Leyen on Friday.\n"
            "Among the guests was Karel van")
    assert "Ursula von der Leyen" in persons(f)
    assert not any(n.endswith((" von", " van", " der")) for n in persons(f))


def test_names_run_together_names_are_split(run):
    f = run('"They worked hard," said Moreau of Ilunga, Sato and Haddad, the three envoys.')
    assert not any(" of " in n or " and " in n for n in persons(f))


def test_names_initials_of_a_full_name_are_that_person(run):
    f = run("Crown Prince Nasser bin Khalid arrived on Monday. NBK, as he is known, met the envoys.")
    assert "NBK" not in persons(f)


def test_names_photo_credits_bylines_and_notes_are_not_persons(run):
    f = run("By Lorna Feld\nThe ministers met in Oslo on Monday. (The second round. – Ed.)\n"
            "Picture: Tomas Brandt/Polar Images\nKaito Mori / EPA\nMinister Ilse Varga said the deal was close.")
    assert persons(f) == {"Ilse Varga"}


def test_names_a_place_mistaken_for_a_person(run):
    f = run("The two leaders met in Brackenridge on Sunday. Minister Ilse Varga said the talks in Brackenridge "
            "went well.")
    assert "Brackenridge" not in persons(f) and "Brackenridge" in f.places


def test_names_headline_word_glued_to_a_name_is_trimmed(run):
    f = run("Quist Visits Northern Capital For Border Talks\nHalvard Quist, the envoy, arrived on Monday. "
            "Quist said the talks had begun.")
    assert persons(f) == {"Halvard Quist"}


def test_names_building_named_like_a_person_is_not_one(run):
    f = run("The envoys met at Brennick House on Monday, and Minister Ilse Varga said they would meet "
            "again in Brennick House.")
    assert persons(f) == {"Ilse Varga"}
