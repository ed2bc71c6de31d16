"""The stored queries in queries/: their comment headers, their parameters, and their answers.

Two graphs are used: a tiny one built here from hand-made facts (so each query's logic is checked
against known answers), and the seed store built by the real pipeline (issue 2's acceptance).
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

import pytest
from rdflib import Literal, URIRef

from kg.errors import BadParameter, UnknownQuery
from kg.graph import facts_graph, iri
from kg.graph.namespaces import KGID
from kg.model import Actor, Article, ArticleFacts, Claim, Meeting, Participant, Proposal, Provision, Span
from kg.query import QUERY_DIR, get_query, parse_params, stored_queries
from kg.query.stored import _PARAM, StoredQuery

QUERIES = stored_queries()
NAMES = sorted(QUERIES)
PARAMETRISED = sorted(n for n in NAMES if QUERIES[n].params)
CONTRACT = {
    "actors": ["actor", "label", "kind", "wikidata"],
    "claims": ["claim", "speakerLabel", "text", "doc"],
    "meetings": ["meeting", "date", "placeLabel", "attendeeLabel"],
    "proposals": ["proposal", "label", "points"],
}
# a value of each declared kind, to bind every parameter of every query
SAMPLE_VALUES = {"string": "Moscow", "iri": str(KGID["meeting/moscow-2025-12-02"]), "date": "2025-12-01",
                 "integer": "28"}


def projection(text: str) -> str:
    """The SELECT clause: from SELECT to the WHERE that opens the pattern."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    m = re.search(r"\bSELECT\b(.*?)\bWHERE\b", body, re.S | re.I)
    assert m, "no SELECT ... WHERE"
    return m.group(1)


def projected_variables(text: str) -> list[str]:
    """Variables the SELECT returns: plain ?x, and the ?y of (expr AS ?y)."""
    clause = re.sub(r"\bDISTINCT\b", "", projection(text), flags=re.I)
    out = re.findall(r"\(\s*.*?\bAS\s+\?(\w+)\s*\)|\?(\w+)", clause, re.S | re.I)
    return [a or b for a, b in out]


def rows(store, name: str, **params) -> list[dict]:
    q = get_query(name)
    return list(store.rows(q.text, q.bind({k: str(v) for k, v in params.items()})))


def s(row: dict, key: str) -> str | None:
    return None if row[key] is None else str(row[key])


# -- a tiny graph with known answers ------------------------------------------------------------
TEXT_A = ("Secretary of State Marco Rubio met Ukrainian negotiators in Geneva on Sunday.\n"
          "Rubio said the 28-point peace plan would cap the army at 600,000.\n")
TEXT_B = ("Steve Witkoff met Vladimir Putin in Moscow on Tuesday.\n"
          "Under the 19-point peace plan the cap on the army rises to 800,000, Witkoff said.\n")
TEXT_C = "A Kremlin aide said the Moscow talks with Witkoff took place on Wednesday.\n"


def _article(stem: str, text: str, published: date) -> Article:
    return Article(path=f"{stem}.txt", stem=stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   publisher="Fixture Wire", published=published)


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


@pytest.fixture(scope="module")
def tiny_store():
    from kg.store import GraphStore

    a = _article("geneva-a", TEXT_A, date(2025, 11, 24))
    b = _article("moscow-b", TEXT_B, date(2025, 12, 3))
    c = _article("moscow-c", TEXT_C, date(2025, 12, 4))
    facts_a = ArticleFacts(
        article=a,
        actors=[Actor("Marco Rubio", "Person", mentions=[_span(TEXT_A, "Marco Rubio")], aliases={"Rubio"},
                      wikidata="Q324546"),
                Actor("Ukraine", "Country")],
        places={"Geneva": [_span(TEXT_A, "Geneva")]},
        meetings=[Meeting("Geneva", date(2025, 11, 23), participants=[Participant("Marco Rubio")],
                          evidence=[_span(TEXT_A, "met Ukrainian negotiators in Geneva on Sunday")])],
        proposals=[Proposal("28-point peace plan", points=28, proposer="Ukraine",
                            provisions=[Provision("army size cap", quantity=600000,
                                                  evidence=_span(TEXT_A, "cap the army at 600,000"))],
                            evidence=[_span(TEXT_A, "28-point peace plan")])],
        claims=[Claim("Marco Rubio", "the 28-point peace plan would cap the army at 600,000", "Paraphrase",
                      _span(TEXT_A, "the 28-point peace plan would cap the army at 600,000"), verb="said",
                      about=["28-point peace plan"])],
    )
    facts_b = ArticleFacts(
        article=b,
        actors=[Actor("Steve Witkoff", "Person", mentions=[_span(TEXT_B, "Steve Witkoff")], aliases={"Witkoff"}),
                Actor("Vladimir Putin", "Person", mentions=[_span(TEXT_B, "Vladimir Putin")])],
        places={"Moscow": [_span(TEXT_B, "Moscow")]},
        meetings=[Meeting("Moscow", date(2025, 12, 2),
                          participants=[Participant("Vladimir Putin", "Host"), Participant("Steve Witkoff", "Guest")],
                          evidence=[_span(TEXT_B, "met Vladimir Putin in Moscow on Tuesday")])],
        proposals=[Proposal("19-point peace plan", points=19, revision_of="28-point peace plan",
                            provisions=[Provision("army size cap", quantity=800000,
                                                  evidence=_span(TEXT_B, "the cap on the army rises to 800,000"))],
                            evidence=[_span(TEXT_B, "19-point peace plan")])],
        claims=[Claim("Steve Witkoff", "the cap on the army rises to 800,000", "Paraphrase",
                      _span(TEXT_B, "the cap on the army rises to 800,000"), verb="said",
                      about=["19-point peace plan"])],
    )
    # a third report of the Moscow meeting, a day off: identity resolution joins it, so the
    # meeting now has two dates, one per article (a conflict between sources)
    facts_c = ArticleFacts(
        article=c,
        actors=[Actor("Steve Witkoff", "Person", mentions=[_span(TEXT_C, "Witkoff")])],
        places={"Moscow": [_span(TEXT_C, "Moscow")]},
        meetings=[Meeting("Moscow", date(2025, 12, 3), participants=[Participant("Steve Witkoff")],
                          evidence=[_span(TEXT_C, "the Moscow talks with Witkoff took place on Wednesday")])],
    )
    store = GraphStore(None)
    moscow = KGID["meeting/moscow-2025-12-02"]
    for facts, meetings in ((facts_a, [KGID["meeting/geneva-2025-11-23"]]), (facts_b, [moscow]),
                            (facts_c, [moscow])):
        store.replace_graph(iri.graph_iri(facts.article), facts_graph(facts, meeting_iris=meetings,
                                                                      version="kg.extractor.v1"))
    return store


# -- the files ------------------------------------------------------------------------------------
def test_stored_queries_finds_every_rq_file():
    assert NAMES == sorted(p.stem for p in QUERY_DIR.glob("*.rq"))
    assert set(CONTRACT) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_query_opens_with_a_comment_giving_its_question(name):
    text = QUERIES[name].text
    first = text.splitlines()[0]
    assert first.startswith("# "), f"{name}.rq must open with a comment"
    assert len(first[2:].split()) >= 5
    assert QUERIES[name].question == first[2:].strip()


@pytest.mark.parametrize("name", NAMES)
def test_query_param_lines_are_well_formed(name):
    q = QUERIES[name]
    declared = [line for line in q.text.splitlines() if re.match(r"#\s*param\b", line)]
    assert len(declared) == len(q.params), f"a '# param' line of {name}.rq does not parse"
    for line in declared:
        assert _PARAM.match(line)
    for param, kind in q.params.items():
        assert kind in SAMPLE_VALUES, f"{name}: unknown kind {kind!r} for {param}"
        assert q.descriptions[param], f"{name}: describe parameter {param}"
        assert re.search(rf"\?{param}\b", "\n".join(l for l in q.text.splitlines() if not l.startswith("#"))), (
            f"{name}: parameter {param} is not a variable of the query")


@pytest.mark.parametrize("name", NAMES)
def test_query_every_param_line_parses(name):
    # a "# param" line that does not parse would leave a parameter that cannot be bound
    for line in QUERIES[name].text.splitlines():
        if re.match(r"#\s*params?\b", line):
            assert _PARAM.match(line), f"{name}.rq: {line!r} looks like a parameter but does not parse"


@pytest.mark.parametrize("name", PARAMETRISED)
def test_query_params_are_in_the_select_projection(name):
    # Oxigraph substitutes only variables that the SELECT projects
    projected = projected_variables(QUERIES[name].text)
    for param in QUERIES[name].params:
        assert param in projected, f"{name}: ?{param} must be in the SELECT clause ({projected})"


@pytest.mark.parametrize("name", NAMES)
def test_query_columns_comment_matches_the_projection(name):
    q = QUERIES[name]
    line = next((l for l in q.text.splitlines() if l.startswith("# columns:")), None)
    assert line, f"{name}.rq documents no columns"
    documented = re.findall(r"\?(\w+)", line)
    assert documented == projected_variables(q.text)


# -- parameters ----------------------------------------------------------------------------------
def test_get_query_unknown_name_gives_e501_listing_known_queries():
    with pytest.raises(UnknownQuery) as err:
        get_query("nope")
    message = str(err.value)
    assert message.startswith("[E501] No stored query named 'nope'. Known queries: ")
    assert all(n in message for n in NAMES)


def test_parse_params_splits_on_the_first_equals_sign():
    assert parse_params(["place=Moscow", "node=https://x.org/a?b=c", "empty="]) == {
        "place": "Moscow", "node": "https://x.org/a?b=c", "empty": ""}


@pytest.mark.parametrize("bad", ["place", "=Moscow"])
def test_parse_params_without_key_or_equals_gives_e504(bad):
    with pytest.raises(BadParameter, match=rf"^\[E504\] --param expects KEY=VALUE, got '{bad}'\.$"):
        parse_params([bad])


def test_bind_unknown_param_gives_e502():
    with pytest.raises(BadParameter, match=r"^\[E502\] Query 'attendees-at-place' has no parameter 'city'\. "
                                           r"Its parameters: place\.$"):
        get_query("attendees-at-place").bind({"city": "Moscow"})


def test_bind_turns_values_into_terms_of_the_declared_kind():
    assert get_query("evidence").bind({"node": "https://w3id.org/parley/id/x"}) == {
        "node": URIRef("https://w3id.org/parley/id/x")}
    assert get_query("attendees-at-place").bind({"place": "Moscow"}) == {"place": Literal("Moscow")}
    q = StoredQuery("q", "SELECT ?from ?n WHERE {}", "?", params={"from": "date", "n": "integer"})
    bound = q.bind({"from": "2025-12-01", "n": "28"})
    assert bound["from"] == Literal(date(2025, 12, 1))
    assert str(bound["from"].datatype) == "http://www.w3.org/2001/XMLSchema#date"
    assert bound["n"] == Literal(28)


def test_parse_query_reads_kind_and_description(tmp_path):
    (tmp_path / "since.rq").write_text(
        "# Which meetings happened since a day?\n"
        "# param since (date): the first day, e.g. 2025-11-01\n"
        "# param place: a place label\n"
        "SELECT ?since ?place ?m WHERE { ?m kg:date ?since ; kg:location/rdfs:label ?place }\n",
        encoding="utf-8")
    q = stored_queries(tmp_path)["since"]
    assert q.question == "Which meetings happened since a day?"
    assert q.params == {"since": "date", "place": "string"}
    assert q.descriptions["since"] == "the first day, e.g. 2025-11-01"


# -- answers on the tiny graph --------------------------------------------------------------------
def test_attendees_at_place_binds_the_place(tiny_store):
    found = {s(r, "attendeeLabel"): sorted(s(r, "articles").split(", "))
             for r in rows(tiny_store, "attendees-at-place", place="Moscow")}
    assert found == {"Vladimir Putin": ["moscow-b"], "Steve Witkoff": ["moscow-b", "moscow-c"]}
    assert rows(tiny_store, "attendees-at-place", place="Kyiv") == []


def test_meetings_of_actor_finds_the_actor_by_a_spelling_variant(tiny_store):
    found = rows(tiny_store, "meetings-of-actor", actor="Witkoff")
    assert {s(r, "actorLabel") for r in found} == {"Steve Witkoff"}
    assert {s(r, "placeLabel") for r in found} == {"Moscow"}
    assert all(s(r, "actor") == "Witkoff" for r in found)


def test_claims_by_speaker_finds_the_claim_and_its_words(tiny_store):
    [row] = rows(tiny_store, "claims-by-speaker", speaker="Rubio")
    assert s(row, "speakerLabel") == "Marco Rubio"
    assert s(row, "words") == "the 28-point peace plan would cap the army at 600,000"
    assert s(row, "doc") == "geneva-a"
    assert s(row, "published") == "2025-11-24"


def test_claims_about_proposal_binds_the_proposal(tiny_store):
    found = rows(tiny_store, "claims-about-proposal", proposal="19-point peace plan")
    assert [(s(r, "speakerLabel"), s(r, "doc")) for r in found] == [("Steve Witkoff", "moscow-b")]


def test_evidence_binds_an_iri(tiny_store):
    node = str(KGID["meeting/moscow-2025-12-02"])
    found = rows(tiny_store, "evidence", node=node)
    assert {s(r, "doc") for r in found} == {"moscow-b", "moscow-c"}
    assert all(s(r, "node") == node for r in found)
    assert "met Vladimir Putin in Moscow on Tuesday" in {s(r, "words") for r in found}


def test_proposal_changes_reports_points_and_quantities(tiny_store):
    found = {(s(r, "change"), s(r, "topic"), s(r, "before"), s(r, "after"))
             for r in rows(tiny_store, "proposal-changes", proposal="19-point peace plan")}
    assert ("points", "number of points", "28", "19") in found
    assert ("quantity changed", "army size cap", "600000", "800000") in {
        (c, t, b and b.split(".")[0], a and a.split(".")[0]) for c, t, b, a in found}


def test_proposal_versions_walks_the_revision_chain(tiny_store):
    found = rows(tiny_store, "proposal-versions", proposal="28-point peace plan")
    assert {s(r, "label") for r in found} == {"28-point peace plan", "19-point peace plan"}


def test_conflicts_reports_a_meeting_given_two_dates(tiny_store):
    found = {(s(r, "fact"), s(r, "value"), s(r, "doc"), s(r, "otherValue"), s(r, "otherDoc"))
             for r in rows(tiny_store, "conflicts") if s(r, "subject") == str(KGID["meeting/moscow-2025-12-02"])}
    assert found == {("meeting date", "2025-12-02", "moscow-b", "2025-12-03", "moscow-c")}


def test_conflicts_tells_a_revision_from_a_disagreement_between_sources(tiny_store):
    facts = {s(r, "fact") for r in rows(tiny_store, "conflicts") if s(r, "fact").startswith("quantity")}
    assert facts == {"quantity between versions"}


def test_timeline_lists_every_dated_meeting_in_order(tiny_store):
    found = [s(r, "date") for r in rows(tiny_store, "timeline")]
    assert found == sorted(found)
    assert {"2025-11-23", "2025-12-02"} <= set(found)


@pytest.mark.parametrize("name", NAMES)
def test_query_runs_on_the_tiny_graph_and_finds_something(tiny_store, name):
    assert rows(tiny_store, name), f"{name} found nothing in a graph made to answer it"


# -- the seed store (issue 2) -----------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_query_parses_and_runs_on_the_seed_store(seed_store, name):
    q = QUERIES[name]
    result = seed_store.select(q.text)
    assert [v.value for v in result.variables] == projected_variables(q.text)
    list(result)


@pytest.mark.parametrize("name", PARAMETRISED)
def test_query_runs_with_every_param_bound_on_the_seed_store(seed_store, name):
    q = QUERIES[name]
    values = {p: SAMPLE_VALUES[kind] for p, kind in q.params.items()}
    found = list(seed_store.rows(q.text, q.bind(values)))
    for param, value in q.bind(values).items():
        # .eq: the store gives plain strings back as ^^xsd:string, the same RDF term
        assert all(r[param].eq(value) for r in found), f"?{param} comes back as bound"


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_query_returns_the_contract_columns(seed_store, name):
    assert [v.value for v in seed_store.select(QUERIES[name].text).variables] == CONTRACT[name]


@pytest.mark.issue(2)
def test_attendees_at_place_moscow_includes_putin_witkoff_and_kushner(seed_store, seeds_dir):
    stems = {p.stem for p in seeds_dir.glob("*.txt")}
    found: dict[str, set[str]] = {}
    for r in rows(seed_store, "attendees-at-place", place="Moscow"):
        assert s(r, "place") == "Moscow"
        found.setdefault(s(r, "attendeeLabel"), set()).update(s(r, "articles").split(", "))
    for person in ("Vladimir Putin", "Steve Witkoff", "Jared Kushner"):
        assert person in found, f"{person} missing from the Moscow attendees: {sorted(found)}"
        assert found[person], f"no article says {person} was there"
        assert found[person] <= stems, f"{person}: {found[person]} are not seed file names"


@pytest.mark.issue(2)
@pytest.mark.parametrize("name", NAMES)
def test_query_returns_rows_on_the_seeds(seed_store, name):
    assert list(seed_store.rows(QUERIES[name].text)), f"{name} returns nothing on the seed articles"


# -- parameters in a VALUES block (issue 11: selective questions start from the bound node) -------------
def _cells(row) -> tuple[str, ...]:
    """A row's values; a GROUP_CONCAT ("Held/Scheduled") has no defined order in SPARQL, so its parts are sorted."""
    return tuple("/".join(sorted(str(v).split("/"))) for v in row.values())


@pytest.mark.parametrize("name", PARAMETRISED)
def test_with_values_gives_the_rows_of_substitution(seed_store, tiny_store, name):
    q = QUERIES[name]
    for store in (tiny_store, seed_store):
        for values in ({p: SAMPLE_VALUES[kind] for p, kind in q.params.items()}, {}):
            bound = q.bind(values)
            by_values = sorted(_cells(r) for r in store.rows(q.with_values(bound)))
            by_substitution = sorted(_cells(r) for r in store.rows(q.text, bound))
            assert by_values == by_substitution


def test_with_values_opens_the_where_clause_and_keeps_the_text():
    q = StoredQuery("q", '# a { brace } WHERE {\nSELECT ?p ?x WHERE { ?x <urn:p#WHERE{> "WHERE {" ; ?q ?p }',
                    "?", params={"p": "string"})
    text = q.with_values(q.bind({"p": "Moscow"}))
    assert text.startswith('# a { brace } WHERE {\nSELECT ?p ?x WHERE { VALUES (?p) { ("Moscow") } ?x <urn:p#WHERE{>')
    assert q.with_values({}) == q.text


def test_with_values_binds_a_hostile_value_as_one_literal(tiny_store):
    q = QUERIES["attendees-at-place"]
    text = q.with_values(q.bind({"place": 'Moscow") } } DROP ALL ; SELECT * WHERE { ("'}))
    assert list(tiny_store.rows(text)) == []
    assert rows(tiny_store, "attendees-at-place", place="Moscow")  # the store is untouched
    with pytest.raises(ValueError):  # an IRI Oxigraph cannot accept is refused, not written
        get_query("evidence").with_values({"node": URIRef("https://x.org/a> } DROP ALL")})


@pytest.mark.issue(11)
def test_proposal_changes_reports_added_and_dropped_provisions():
    # each UNION branch starts from the bound version and the one it revises: a provision only in
    # the newer version is "added", one only in the older "dropped" (the old query never saw them)
    from kg.store import GraphStore

    old_text = "The first draft capped the army and called for early elections."
    new_text = "The second draft keeps the army cap, drops the elections and offers an amnesty."
    store = GraphStore(None)
    for stem, text, plan, revises, topics in (
            ("draft-1", old_text, "first draft", None, {"army size cap": "capped the army", "elections": "early elections"}),
            ("draft-2", new_text, "second draft", "first draft", {"army size cap": "the army cap", "amnesty": "an amnesty"})):
        a = _article(stem, text, date(2025, 11, 24))
        facts = ArticleFacts(article=a, proposals=[Proposal(
            plan, revision_of=revises, evidence=[_span(text, plan.split()[0])],
            provisions=[Provision(t, evidence=_span(text, words)) for t, words in topics.items()])]
            + ([Proposal(revises, evidence=[_span(text, "draft")])] if revises else []))
        store.replace_graph(iri.graph_iri(a), facts_graph(facts, meeting_iris=[], version="kg.extractor.v1"))
    found = {(s(r, "change"), s(r, "topic")) for r in rows(store, "proposal-changes", proposal="second draft")}
    assert found == {("added", "amnesty"), ("dropped", "elections")}
    assert found == {(s(r, "change"), s(r, "topic"))
                     for r in store.rows(QUERIES["proposal-changes"].with_values(
                         QUERIES["proposal-changes"].bind({"proposal": "second draft"})))}
