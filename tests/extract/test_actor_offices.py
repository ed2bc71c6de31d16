"""A country's government offices: one label however the text words them, an actor only where it
acts or speaks (inside a person's title it is the person's affiliation)."""


def orgs(facts):
    return {a.name for a in facts.actors if a.kind == "Organization"}


def test_ministry_wordings_of_one_country_are_one_office(run):
    f = run("The Ministry of Foreign Affairs of Chile said the vote would go ahead. Later, Chile's Ministry "
            "of Foreign Affairs welcomed the monitors, and the Chilean Foreign Ministry thanked Peru.")
    assert "Ministry of Foreign Affairs (Chile)" in orgs(f)
    assert len([o for o in orgs(f) if "Foreign" in o]) == 1


def test_lower_case_ministry_after_a_possessive_country(run):
    f = run("Kenya's foreign ministry said on Friday that both delegations would return to Nairobi.")
    assert "Ministry of Foreign Affairs (Kenya)" in orgs(f)
    assert any(c.speaker == "Ministry of Foreign Affairs (Kenya)" for c in f.claims)


def test_prime_ministers_office_takes_the_country_of_another_mention(run):
    f = run("Norway's Prime Minister's Office said the envoy would fly to Oslo on Sunday. The Prime "
            "Minister's Office added that the talks would resume.")
    assert orgs(f) >= {"Prime Minister's Office (Norway)"}
    assert "Prime Minister's Office" not in orgs(f)


def test_office_inside_a_title_is_an_affiliation_not_an_actor(run):
    f = run("Kenya's foreign ministry spokesman Odhiambo Wekesa said the talks were going well.")
    assert not any(o.startswith("Ministry of") for o in orgs(f))
    person = next(a for a in f.actors if a.name == "Odhiambo Wekesa")
    assert person.affiliation == "Ministry of Foreign Affairs (Kenya)"


def test_a_ministry_with_no_country_keeps_its_bare_name(run):
    f = run("A ministry of trade officials met in the morning. The foreign ministry said it would respond.")
    assert not any("(" in o for o in orgs(f))
