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


def test_ceasefire_agreed_by_two_states_is_named_by_them(run):
    f = run("After three days of shelling, Peru and Chile agreed to an immediate ceasefire on Sunday. The truce "
            "held overnight, officials said.")
    assert [p.name for p in f.proposals] == ["Peru-Chile immediate ceasefire"]


def test_ceasefires_of_different_durations_stay_apart(run):
    f = run("Ghana and Togo reached a permanent ceasefire in Accra on Monday. A 72-hour ceasefire agreed a week "
            "earlier had been extended twice.")
    names = sorted(p.name for p in f.proposals)
    assert names == ["72-hour ceasefire", "Ghana-Togo permanent ceasefire"]


def test_plan_for_a_ceasefire_is_one_proposed_ceasefire(run):
    f = run("Kenya welcomed Ethiopia's plan for a 10-day ceasefire on Friday. Somalia said the 10-day truce "
            "could start at once.")
    assert len(f.proposals) == 1
    p = f.proposals[0]
    assert "10-day ceasefire plan" in p.name and p.proposer == "Ethiopia"


def test_discussed_or_negated_ceasefire_is_not_a_proposal(run):
    f = run("The envoys discussed a possible ceasefire in Oslo on Monday. The accord on fishing rights is not a "
            "ceasefire.")
    assert not any("ceasefire" in p.name for p in f.proposals)


def test_ceasefire_under_a_statement_is_that_statement(run):
    f = run("India and Japan issued a joint statement in Tokyo. Under the joint statement, the ceasefire starts "
            "at noon on Friday.")
    assert len(f.proposals) == 1 and "statement" in f.proposals[0].name


def test_agreement_also_called_a_deal_is_named_a_deal(run):
    f = run("Norway and Iceland signed a fisheries agreement in Oslo on Monday. The deal sets quotas for "
            "herring.")
    assert [p.name for p in f.proposals] == ["Norway-Iceland fisheries deal"]


def test_signing_of_a_deal_attests_it_and_keeps_its_modifiers(run):
    f = run("Officials gathered for the signing of a water rights deal between Egypt and Sudan.")
    assert [p.name for p in f.proposals] == ["Egypt-Sudan water rights deal"]


def test_tentative_version_of_a_deal_is_a_separate_proposal(run):
    f = run("Japan and Canada reached a trade deal in Ottawa on Friday. It replaces the tentative trade deal "
            "they struck in March.")
    assert sorted(p.name for p in f.proposals) == ["Japan-Canada trade deal", "tentative trade deal"]


def test_pledge_with_an_amount_is_a_proposal(run):
    f = run("Negotiators argued over how to pay for a $40 billion Japanese investment pledge to Brazil.")
    p = f.proposals[0]
    assert "$40 billion" in p.name and p.name.endswith("investment pledge") and p.proposer == "Japan"


def test_framework_both_sides_settle_on_is_their_agreement(run):
    f = run("Brazil and Argentina settled on a trade framework in Montevideo on Tuesday. The framework still "
            "needs the approval of both presidents.")
    assert [p.name for p in f.proposals] == ["Brazil-Argentina trade framework"]


def test_agreement_named_by_what_it_does(run):
    f = run("After the Lima round a temporary agreement to cut duties was reached.")
    assert [p.name for p in f.proposals] == ["temporary agreement to cut duties"]


def test_named_signed_document_absorbs_the_signed_declaration(run):
    f = run("Ghana and Togo signed a joint declaration in Accra on Monday. The leaders said they were signing "
            "what they call the Accra Peace Accords.")
    assert [p.name for p in f.proposals] == ["Accra Peace Accords"]
