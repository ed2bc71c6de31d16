"""Claims as unseen articles make them: bodies named once and then only by their head noun, a home
government, statements issued as documents, and reporting verbs that report nothing said (negated,
future, planned, refused) or run into the end of the text (kg/extract/claims). Sentences are invented."""
from __future__ import annotations


def claims(facts):
    return [(c.speaker, c.text) for c in facts.claims]


def test_bare_ministry_speaks_for_the_state_that_qualified_it_before(run):
    f = run("Ghana's foreign ministry said on Friday that the talks were frank. Togo's army denied any raid. "
            "The ministry added that a second round was planned.")
    assert ("Ministry of Foreign Affairs (Ghana)", "a second round was planned") in claims(f)


def test_bare_army_takes_the_latest_army_named_before(run):
    f = run("Ghana's army said the border was quiet. Togo's army said shots were fired. "
            "The army added that it would hold its positions.")
    assert ("Togo", "it would hold its positions") in claims(f)


def test_home_government_speaks_for_the_country_the_article_is_about(run):
    f = run("Ghana held elections in Ghana last year. Ghana now faces strikes, and Ghana's unions are angry. "
            "The government said the wage talks would go on.")
    assert ("Ghana", "the wage talks would go on") in claims(f)


def test_no_home_government_when_two_countries_are_named_alike(run):
    f = run("Ghana and Togo traded accusations. Ghana blamed Togo, and Togo blamed Ghana. "
            "The government said the wage talks would go on.")
    assert f.claims == [] or all(c.text != "the wage talks would go on" for c in f.claims)


def test_issuers_of_a_statement_saying_something_each_say_it(run):
    f = run("Ghanaian President John Mahama and Togolese President Faure Gnassingbe issued a joint statement "
            "saying the border would stay open.")
    assert sorted(c.speaker for c in f.claims) == ["Faure Gnassingbe", "John Mahama"]
    assert {c.text for c in f.claims} == {"the border would stay open"}


def test_negated_future_planned_or_refused_statements_are_no_claims(run):
    for text in ("Ghanaian President John Mahama did not say whether the soldiers would return.",
                 "Ghanaian President John Mahama will tell lawmakers on Monday that the strike is over.",
                 "Ghanaian President John Mahama plans to call for a truce at the summit.",
                 "Ghanaian President John Mahama declined to say when the talks would resume."):
        assert run(text).claims == [], text


def test_a_made_statement_next_to_them_is_still_a_claim(run):
    f = run("Ghanaian President John Mahama has said the strike is over.")
    assert claims(f) == [("John Mahama", "the strike is over")]


def test_claim_cut_off_before_its_predicate_is_dropped(run):
    assert run("Ghanaian President John Mahama told reporters that the port will").claims == []


def test_claim_cut_off_after_its_predicate_is_kept(run):
    f = run("Ghanaian President John Mahama told reporters that the port had reopened to the")
    assert [c.speaker for c in f.claims] == ["John Mahama"]
    assert f.claims[0].text.startswith("the port had reopened")


def test_the_statement_speaks_for_whoever_issued_it(run):
    f = run("Ghanaian President John Mahama released a statement on Monday. The statement said the port would reopen.")
    assert claims(f) == [("John Mahama", "the port would reopen")]


def test_said_with_a_colon_before_a_quoted_paragraph_attributes_it(run):
    f = run('Ghanaian President John Mahama spoke in Accra.\n\nMahama said:\n\n"The port will open. Ships can dock."')
    assert [(c.speaker, c.claim_type) for c in f.claims] == [("John Mahama", "DirectQuote")]
    assert f.claims[0].text == "The port will open. Ships can dock"


def test_quote_open_over_paragraphs_is_one_claim_under_its_closing_attribution(run):
    f = run('Ghanaian President John Mahama spoke in Accra.\n\n"The port will open. Ships can dock.\n\n'
            '"The navy stands ready," he added.')
    assert [c.speaker for c in f.claims] == ["John Mahama"]
    assert f.claims[0].text == "The port will open. Ships can dock ... The navy stands ready"


def test_unattributed_quotation_is_no_claim(run):
    assert run('"The port will open soon."\n\nThe ships waited offshore.').claims == []


def test_suggested_and_hinted_report_a_statement(run):
    for verb in ("suggested", "hinted"):
        f = run(f"Ghanaian President John Mahama {verb} that the ferry would restart.")
        assert claims(f) == [("John Mahama", "the ferry would restart")], verb


def test_promised_clause_drops_its_complementizer(run):
    f = run("Ghanaian President John Mahama promised that the ferry would restart.")
    assert claims(f) == [("John Mahama", "the ferry would restart")]


def test_the_joint_statement_speaks_for_each_state_that_issued_it(run):
    f = run("Ghana and Togo issued a joint statement after the talks. The statement said the ferry would restart.")
    assert sorted(claims(f)) == [("Ghana", "the ferry would restart"), ("Togo", "the ferry would restart")]


def test_quotation_cut_off_after_its_predicate_is_kept(run):
    f = run('Ghanaian President John Mahama spoke on Monday. He said: "We are ready to open the port to')
    assert [(c.speaker, c.claim_type) for c in f.claims] == [("John Mahama", "DirectQuote")]
    assert f.claims[0].text.startswith("We are ready to open the port")
