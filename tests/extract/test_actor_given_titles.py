"""A title word that is also a given name ("Amir", "Sultan") is the name after another title."""


def persons(facts):
    return {a.name for a in facts.actors if a.kind == "Person"}


def test_given_name_after_a_title_stays_in_the_name(run):
    f = run("Libyan Interior Minister Amir Farouk Zawiya met the envoy. Zawiya said the port would reopen. "
            "Energy Minister Sultan Haddad Rafi joined them later.")
    assert {"Amir Farouk Zawiya", "Sultan Haddad Rafi"} <= persons(f)
    assert not persons(f) & {"Farouk Zawiya", "Haddad Rafi"}


def test_the_same_word_as_a_title_is_still_dropped(run):
    f = run("Oman's Sultan Faisal bin Tarim received the minister on Monday.")
    assert "Faisal bin Tarim" in persons(f)
    assert not any(p.startswith("Sultan") for p in persons(f))
