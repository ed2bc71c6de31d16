"""Person names around honorifics, misspelt given names before a known surname, and short forms
(invented sentences)."""


def persons(f):
    return {a.name for a in f.actors if a.kind == "Person"}


def test_actors_name_after_spaced_honorific_is_a_person(run):
    f = run("Speaking beside H E Karim Nadeer, Special Envoy for the Horn of Africa, the minister "
            "thanked H E Dr. Lina Osei and HE Omar Balde for their patience during the talks.")
    assert {"Karim Nadeer", "Lina Osei", "Omar Balde"} <= persons(f)


def test_actors_honorifics_alone_name_nobody(run):
    f = run("The mediation began when Amir H H Sheikh Rashid bin Khalid Al Noor called both leaders "
            "to the capital, the ministry said on Sunday.")
    names = persons(f)
    assert not any(n.startswith(("Amir", "H ")) or n in ("H", "H H") for n in names)
    assert any(n.startswith("Rashid bin Khalid") for n in names)


def test_actors_shouted_he_is_no_honorific():
    from kg.extract.actors.honorifics import honorific_len
    import spacy
    nlp = spacy.blank("en")
    assert honorific_len(nlp("HE SAID NO"), 0) == 0
    assert honorific_len(nlp("HE Omar Balde"), 0) == 1
    assert honorific_len(nlp("H E Omar Balde"), 0) == 2
    assert honorific_len(nlp("His Excellency Omar Balde"), 0) == 2


def test_actors_misspelt_given_name_joins_the_verified_person(run):
    f = run("According to officials, Russian President Vladmir Putin was determined that the two men "
            "should travel together to the venue of their meeting.")
    assert "Vladimir Putin" in persons(f)
    assert not any(n.startswith("Vladmir") for n in persons(f))


def test_actors_other_given_name_before_a_known_surname_is_another_person(run):
    f = run("Melania Trump said the charity gala had raised more than expected this year, and "
            "Donald Trump thanked the donors who had travelled to attend it.")
    assert {"Melania Trump", "Donald Trump"} <= persons(f)


def test_actors_plural_title_before_a_known_surname_is_no_given_name(run):
    f = run("A summit of Presidents Putin, Zelenskyy and Trump was suggested by the delegation "
            "for later this month in a neutral capital.")
    assert not any(n.startswith("Presidents") for n in persons(f))
    assert "Vladimir Putin" in persons(f)


def test_actors_abbreviated_given_name_in_a_bullet_takes_the_full_name(run):
    f = run("• Attacks from across the border have to stop now, says Kh Tarar\n\n"
            "Interior Minister Khalid Tarar led the delegation, which met its counterparts on Sunday.")
    assert "Khalid Tarar" in persons(f) and "Kh Tarar" not in persons(f)


def test_actors_persons_listed_with_a_person_are_persons(run):
    f = run("Foreign ministers Ana Lopes, Jan Novak and Piet de Vries met in Vienna on Monday to discuss "
            "the plan. Ms Lopes said the talks had been useful.")
    assert {"Ana Lopes", "Jan Novak", "Piet de Vries"} <= persons(f)
    assert "Piet de Vries" not in {a.name for a in f.actors if a.kind == "Organization"}


def test_actors_company_listed_with_a_person_stays_no_person(run):
    f = run("The contract was signed by Donald Trump, Acme Holdings and Vladimir Putin on Monday.")
    assert "Acme Holdings" not in persons(f)


def test_actors_nickname_is_the_person_it_is_given_for(run):
    f = run("Militia commander Idris Kamal Osman, known as Sabri, said his forces were ready for a truce. "
            "Sabri later repeated the offer on Telegram.")
    assert "Idris Kamal Osman" in persons(f) and "Sabri" not in persons(f)
    osman = next(a for a in f.actors if a.name == "Idris Kamal Osman")
    assert len(osman.mentions) == 3 and "Sabri" in osman.aliases


def test_actors_byline_on_its_own_line_is_no_actor(run):
    f = run("Truce talks stall in Jeddah\n\nAhmed Salah\nStaff Writer\n\nTalks between the two armies "
            "stalled on Friday, mediators said. Omar Nasser, a mediator, said the gap was wide.")
    assert "Omar Nasser" in persons(f) and "Ahmed Salah" not in persons(f)
    g = run("Truce talks stall in Jeddah\n\nAhmed Salah\nStaff Writer\n\nTalks between the two armies "
            "stalled on Friday, mediators said.")
    assert "Ahmed Salah" not in persons(g)


def test_actors_lone_surname_with_its_role_in_apposition_is_a_person(run):
    f = run("Kazemzadeh, the foreign ministry spokesman, said on Monday that a date would be set. "
            "Tehran, the capital, was calm.")
    assert "Kazemzadeh" in persons(f) and "Tehran" not in persons(f)


def test_actors_name_broken_by_a_hard_wrapped_line_is_one_person(run):
    f = run("On Monday in Lisbon, the Estonian Foreign Minister Maarja\nTamm met her Finnish counterpart Eero\n"
            "Lahti, and the two ministers said that the talks would continue. Lahti added that\n"
            "the next round was set.")
    assert {"Maarja Tamm", "Eero Lahti"} <= persons(f)
    assert not {"Maarja", "Eero"} & persons(f)
