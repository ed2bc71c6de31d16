"""Names that are no actors: a forum named only as an event's frame, a product named by its model,
a page's field label; and organisation spellings the gazetteer folds (invented sentences)."""


def orgs(f):
    return {a.name for a in f.actors if a.kind == "Organization"}


def names(f):
    return {a.name for a in f.actors}


def test_actors_forum_only_framing_a_summit_is_no_actor(run):
    f = run("The two leaders met on the sidelines of the G20 summit in Lima on Monday, after a session "
            "amongst G20 leaders. Weeks later they talked again on the margins of a Shanghai "
            "Cooperation Organisation (SCO) summit held in Astana.")
    assert "G20" not in orgs(f)
    assert not any("Shanghai" in n or n.startswith("SCO") for n in names(f))


def test_actors_forum_that_acts_stays_an_actor(run):
    f = run("NATO said on Tuesday that it would send more monitors, days before the NATO summit in Oslo.")
    assert "NATO" in orgs(f)


def test_actors_summit_named_as_one_entity_is_no_organisation(run):
    f = run("After the proceedings at the SCO Summit venue, President Putin and I travelled together to "
            "the venue of our meeting.")
    assert not any(n.endswith("Summit") for n in names(f))


def test_actors_product_named_by_its_model_is_no_actor(run):
    f = run("The president insisted that his guest travel in his ZENTRA limousine to the venue. Kyiv "
            "asked for Valkor cruise missiles; the war might end without anyone thinking of Valkors.")
    assert not {"Valkor", "Valkors", "ZENTRA", "Zentra"} & names(f)


def test_actors_field_label_before_a_number_is_no_person(run):
    f = run("Photo: The Canadian Press | Story: 448120\n\nThe minister said on Monday that the talks in "
            "Geneva would resume.")
    assert "Story" not in names(f)


def test_actors_gazetteer_folds_group_spellings(run):
    f = run("Officials in Islamabad blame Kabul for the raids of the Tehreek-i-Taliban Pakistan (TTP), "
            "a group the Afghan Taliban deny hosting.")
    assert {"Tehrik-i-Taliban Pakistan", "Taliban"} <= orgs(f)
    assert not any(n.startswith("Tehreek") for n in names(f))


def test_actors_unknown_name_before_a_known_one_in_brackets_is_that_organisation(run):
    f = run("The government and the Northern Hills Coalition (Hezbollah) signed the text on Monday.")
    assert "Hezbollah" in orgs(f) and "Northern Hills Coalition" not in orgs(f)
