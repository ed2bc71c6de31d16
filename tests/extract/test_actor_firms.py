"""A name an apposition calls a firm is an organisation, never a person."""


def kinds(facts):
    return {a.name: a.kind for a in facts.actors}


def test_firm_apposition_makes_an_organisation(run):
    f = run("Exports had fallen, analysts said. Orvel Dynamics, a satellite imagery company, released "
            "pictures of the port.")
    assert kinds(f).get("Orvel Dynamics") == "Organization"


def test_name_the_ner_missed_before_a_firm_apposition(run):
    f = run("Brightwater Harbour Partners, a lobbying firm, said its client had been paid in full.")
    assert kinds(f).get("Brightwater Harbour Partners") == "Organization"


def test_person_roles_and_outlets_are_left_alone(run):
    f = run("Tomas Brannick, a senior adviser, said the firm would comply. Lena Ortiz, a partner at the "
            "firm, agreed. Vexline, a news website, first reported the deal.")
    k = kinds(f)
    assert k.get("Tomas Brannick") == "Person" and k.get("Lena Ortiz") == "Person"
    assert "Vexline" not in k or k["Vexline"] != "Person"
