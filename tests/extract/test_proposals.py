def test_proposals_points_and_revision(run):
    f = run("The United States proposed a 20-point plan for Gaza. After talks in Cairo the plan was "
            "narrowed from 20 points to 15.")
    by_points = {p.points: p for p in f.proposals}
    assert {20, 15} <= set(by_points)
    assert by_points[15].revision_of == by_points[20].name == "20-point peace plan"


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
