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
