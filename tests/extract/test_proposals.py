def test_proposals_points_and_revision(run):
    f = run("The United States proposed a 20-point plan for Gaza. After talks in Cairo the plan was "
            "narrowed from 20 points to 15.")
    by_points = {p.points: p for p in f.proposals}
    assert {20, 15} <= set(by_points)
    assert by_points[15].revision_of == by_points[20].name == "20-point plan"


def test_proposals_proposer_from_demonym(run):
    f = run("The original American draft of the trade framework was revised in Geneva.")
    p = f.proposals[0]
    assert p.proposer == "United States" and "American" in p.name


def test_proposals_provision_quantity(run):
    f = run("The 12-point plan limits the army to 30,000 soldiers.")
    p = f.proposals[0]
    assert any(v.quantity == 30000 for v in p.provisions)


def test_proposals_generic_plan_without_proposer_is_not_emitted(run):
    f = run("Diplomats said a plan was being discussed.")
    assert f.proposals == []


def test_proposals_numbered_name_follows_its_head_noun(run):
    f = run("Kenya and Ethiopia put forward a 12-point trade framework in Nairobi on Monday.")
    assert [p.name for p in f.proposals] == ["12-point trade framework"]


def test_proposals_signed_agreement_named_by_parties(run):
    f = run("Serbia and Kosovo signed a peace agreement in Brussels on Tuesday. The agreement commits both "
            "sides to hold elections within a year.")
    assert [p.name for p in f.proposals] == ["Serbia-Kosovo peace agreement"]
    assert any(v.topic == "elections" for v in f.proposals[0].provisions)


def test_proposals_unreached_deal_is_not_a_proposal(run):
    f = run("A peace deal between Sudan and Chad has yet to be reached. Diplomats hope for a deal soon.")
    assert f.proposals == []


def test_proposals_numbered_treaty_joins_the_party_agreement(run):
    f = run("Peru and Chile signed a border agreement on Friday. The 9-article treaty text still has to be "
            "ratified by both parliaments.")
    assert len(f.proposals) == 1
    p = f.proposals[0]
    assert p.points == 9 and p.name == "Peru-Chile border agreement"


def test_proposals_joint_statement_as_channel_is_not_a_proposal(run):
    f = run("In a joint statement issued on Sunday, the two governments said the talks had been useful.")
    assert f.proposals == []


def test_proposals_joint_statement_with_terms(run):
    f = run("India and Japan met in Tokyo on Friday. Under a joint statement released by the two sides, "
            "Tokyo will cut its duties on Indian steel from 40% to 15%.")
    p = f.proposals[0]
    assert p.name == "India-Japan joint statement"
    assert [(v.topic, v.quantity) for v in p.provisions] == [("tariffs", 15.0)]


def test_proposals_declaration_of_principles(run):
    f = run("Ghana and Togo agreed in Accra to talk again. They built on a declaration of principles that "
            "the two governments signed in May.")
    assert [p.name for p in f.proposals] == ["Ghana-Togo declaration of principles"]


def test_proposals_plural_generic_is_not_a_proposal(run):
    f = run('"Some of the Canadian proposals are useful," the minister said.')
    assert f.proposals == []


def test_proposals_revised_version_creates_revision(run):
    f = run("The 14-point plan was discussed in Oslo on Monday. Later the delegations said they had "
            "produced a revised version of the plan.")
    names = {p.name: p for p in f.proposals}
    assert names["revised plan"].revision_of == "14-point plan"


def test_provisions_share_topic_across_versions(run):
    f = run("The original 30-point plan capped the navy at 20,000 sailors. Reports say the revised "
            "22-point plan caps the navy at 25,000 sailors.")
    topics = {p.points: [(v.topic, v.quantity, v.status) for v in p.provisions] for p in f.proposals}
    assert topics[30] == [("armed forces size cap", 20000.0, "Original")]
    assert topics[22] == [("armed forces size cap", 25000.0, "Reported")]


def test_provisions_list_split_into_items(run):
    f = run("The 6-point plan foresees the release of all hostages, a withdrawal of foreign troops and "
            "a transitional council.")
    topics = [v.topic for v in f.proposals[0].provisions]
    assert topics == ["hostage and prisoner exchange", "troop withdrawal", "transitional administration"]


def test_proposals_capitalised_document_name_is_a_proposal(run):
    f = run("Both sides said the Baltic Fisheries Treaty would stay in force. The Tallinn Declaration on "
            "Safe Passage for Fishing Boats, signed on Monday, bans armed patrols.")
    assert {"Baltic Fisheries Treaty", "Tallinn Declaration on Safe Passage for Fishing Boats"} <= \
        {p.name for p in f.proposals}


def test_proposals_agreement_named_by_its_purpose(run):
    f = run("Ghana and Togo signed an agreement for a lasting cessation of hostilities in Accra on Monday.")
    assert any("cessation of hostilities" in p.name for p in f.proposals)
    assert not any(p.name.endswith("peace agreement") for p in f.proposals)
