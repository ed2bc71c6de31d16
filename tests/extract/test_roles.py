"""kg:role of participations (Host, Guest, Mediator, HeadOfDelegation) with their evidence spans."""


def _roles(facts, i=0):
    return {p.name: p.role for p in facts.meetings[i].participants}


def _evidence(facts, name, i=0):
    text = facts.article.text
    p = next(p for p in facts.meetings[i].participants if p.name == name)
    return text[p.evidence.start:p.evidence.end]


def test_roles_host_verb_subject_hosts_object_is_guest(run):
    f = run("Turkish President Recep Tayyip Erdogan received Ukrainian President Volodymyr Zelensky in Ankara "
            "on Tuesday.")
    assert _roles(f) == {"Recep Tayyip Erdoğan": "Host", "Volodymyr Zelenskyy": "Guest"}
    assert _evidence(f, "Recep Tayyip Erdoğan") == "Erdogan received"


def test_roles_hosted_by_agent_is_host(run):
    f = run("Kenyan President William Ruto and Somali President Hassan Sheikh Mohamud signed the accord "
            "in Nairobi on Monday at a ceremony hosted by African Union chairman Moussa Faki.")
    roles = _roles(f)
    assert roles["Moussa Faki"] == "Host"
    assert _evidence(f, "Moussa Faki").startswith("hosted by")


def test_roles_invitation_of_makes_host(run):
    f = run("Armenian Prime Minister Nikol Pashinyan travelled to Abu Dhabi on Friday for talks with "
            "Azerbaijani President Ilham Aliyev at the invitation of Emirati President Mohamed bin Zayed.")
    roles = _roles(f)
    assert roles["Mohamed bin Zayed Al Nahyan"] == "Host"
    assert _evidence(f, "Mohamed bin Zayed Al Nahyan").startswith("at the invitation of")


def test_roles_leader_in_own_capital_hosts(run):
    f = run("Hungarian Prime Minister Viktor Orban met Chinese President Xi Jinping in Beijing on Monday.")
    roles = _roles(f)
    assert roles["Xi Jinping"] == "Host" and roles["Viktor Orban"] == "Guest"


def test_roles_seat_of_government_gives_host(run):
    f = run("Russian President Vladimir Putin met Indian Prime Minister Narendra Modi in the Kremlin on Tuesday.")
    roles = _roles(f)
    assert roles["Vladimir Putin"] == "Host" and roles["Narendra Modi"] == "Guest"


def test_roles_leader_abroad_is_not_host(run):
    f = run("Russian President Vladimir Putin met Indian Prime Minister Narendra Modi in Tianjin on Sunday.")
    assert set(_roles(f).values()) == {None}


def test_roles_host_side_aide_is_no_guest(run):
    f = run("Russian President Vladimir Putin received US envoy Steve Witkoff in Moscow on Tuesday. "
            "Yuri Ushakov, a Russian presidential aide, who sat in on the meeting, said it was useful.")
    roles = _roles(f)
    assert roles["Vladimir Putin"] == "Host" and roles["Steve Witkoff"] == "Guest"
    assert roles["Yuri Ushakov"] is None


def test_roles_mediated_by_is_mediator(run):
    f = run("Israeli and Hamas negotiators held talks in Cairo on Sunday mediated by Egyptian intelligence "
            "chief Hassan Rashad.")
    assert _roles(f)["Hassan Rashad"] == "Mediator"
    assert _evidence(f, "Hassan Rashad").startswith("mediated by")


def test_roles_with_x_mediating(run):
    f = run("Ethiopian Prime Minister Abiy Ahmed met Eritrean President Isaias Afwerki in Nairobi on Friday, "
            "with Kenyan President William Ruto mediating.")
    assert _roles(f)["William Ruto"] == "Mediator"


def test_roles_possessive_mediation(run):
    f = run("Sudanese army chief Abdel Fattah al-Burhan met rebel leader Mohamed Hamdan Dagalo in Jeddah "
            "on Monday under Saudi Foreign Minister Faisal bin Farhan's mediation.")
    assert _roles(f)["Faisal bin Farhan Al Saud"] == "Mediator"


def test_roles_delegation_led_by_is_head(run):
    f = run("Trade talks began in London on Monday. The Chinese delegation is led by Vice Premier He Lifeng.")
    assert _roles(f)["He Lifeng"] == "HeadOfDelegation"
    assert _evidence(f, "He Lifeng") == "The Chinese delegation is led by Vice Premier He Lifeng"


def test_roles_who_led_the_delegation_after_conjunction(run):
    f = run("Talks were held in Riyadh on Sunday. Marco Rubio and Rustem Umerov, who headed the Ukrainian "
            "team, both called the talks useful.")
    roles = _roles(f)
    assert roles["Rustem Umerov"] == "HeadOfDelegation"
    assert _evidence(f, "Rustem Umerov") == "Umerov, who headed the Ukrainian team"


def test_roles_coordinated_heads(run):
    f = run("Talks were held in Stockholm on Monday. US Treasury Secretary Scott Bessent and US Trade "
            "Representative Jamieson Greer led the American delegation.")
    roles = _roles(f)
    assert roles["Scott Bessent"] == roles["Jamieson Greer"] == "HeadOfDelegation"
