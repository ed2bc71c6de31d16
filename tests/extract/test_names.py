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
