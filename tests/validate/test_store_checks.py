"""Tests for kg.validate.store_checks: rules over the whole store that no single article shows.

Each check gets a store that must pass and one that must fail naming the check. The article
graphs are built by the real graph builder (kg.graph.facts_graph) from small hand-made facts, and
every graph of a failing store conforms to the shapes on its own: the fault is only in the union.
"""
from __future__ import annotations

import hashlib
from datetime import date

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SH

from kg.graph import facts_graph
from kg.graph.iri import actor_iri, graph_iri, proposal_iri
from kg.graph.namespaces import KG, KGID
from kg.model import Actor, Article, ArticleFacts, Claim, Meeting, Participant, Proposal, Span
from kg.validate.shacl import validate_graph
from kg.validate.store import validate_store
from kg.validate.store_checks import CHECKS, KGSH, check_descriptions, check_store

VERSION = "kg.extractor.v1"
SHAPES_NS = Namespace("https://w3id.org/parley/shapes#")
MEETING = KGID["meeting/geneva-undated"]
TEXT = ("Marco Rubio said the Plan X revises Plan Y, not Plan Z. "
        "Talks in Geneva were held with Andriy Yermak on Sunday.")


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


def article_facts(stem: str, *, published: date = date(2025, 11, 24), revisions: dict[str, str] | None = None,
                  meeting_date: date | None = None, status: str = "Held") -> ArticleFacts:
    """One article's facts shaped like an extractor's: two people, a meeting in Geneva, the
    proposals ``revisions`` names (name -> the name it revises) and a claim by Rubio."""
    text = f"{stem}: {TEXT}"
    article = Article(path=f"{stem}.txt", stem=stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                      published=published, title=stem)
    actors = [Actor("Marco Rubio", "Person", mentions=[span(text, "Marco Rubio")]),
              Actor("Andriy Yermak", "Person", mentions=[span(text, "Andriy Yermak")])]
    revisions = revisions or {}
    names = sorted(set(revisions) | set(revisions.values()))
    proposals = [Proposal(n, revision_of=revisions.get(n), evidence=[span(text, n)]) for n in names]
    meeting = Meeting("Geneva", meeting_date, status=status,
                      participants=[Participant("Marco Rubio"), Participant("Andriy Yermak")],
                      evidence=[span(text, "Talks in Geneva were held")])
    claim = Claim("Marco Rubio", "the Plan X revises Plan Y", "Paraphrase",
                  span(text, "the Plan X revises Plan Y"), verb="said")
    return ArticleFacts(article, actors=actors, places={"Geneva": [span(text, "Geneva")]},
                        meetings=[meeting], proposals=proposals, claims=[claim])


def add(store, facts: ArticleFacts, *, extra: list[tuple] = ()) -> Graph:
    """Build the article's graph (the meeting IRI shared by all articles), check it conforms on
    its own, and store it."""
    g = facts_graph(facts, meeting_iris=[MEETING], version=VERSION)
    for triple in extra:
        g.add(triple)
    assert validate_graph(g).conforms, [v.message for v in validate_graph(g).results]
    store.replace_graph(graph_iri(facts.article), g)
    return g


def shapes(found) -> list[URIRef]:
    return sorted({f.violation.shape for f in found})


# -- kgsh:StoreRevisionCycle ----------------------------------------------------------------
def test_store_revision_cycle_across_articles_fails(fresh_store):
    add(fresh_store, article_facts("a", revisions={"Plan X": "Plan Y"}))
    add(fresh_store, article_facts("b", revisions={"Plan Y": "Plan X"}))
    found = check_store(fresh_store)
    assert shapes(found) == [KGSH.StoreRevisionCycle]
    assert {(f.violation.focus_node, f.violation.value) for f in found} == {
        (proposal_iri("Plan X"), proposal_iri("Plan Y")), (proposal_iri("Plan Y"), proposal_iri("Plan X"))}
    by_focus = {f.violation.focus_node: f for f in found}
    x = by_focus[proposal_iri("Plan X")]
    assert (x.label, x.article, x.words) == ("Plan X", "a", "Plan X")
    assert x.graph == graph_iri(article_facts("a").article)
    assert x.violation.message.endswith("the steps of the cycle are stated in a, b")
    assert x.violation.path == URIRef("http://www.w3.org/ns/prov#wasRevisionOf")


def test_store_revision_cycle_of_three_steps_over_two_articles_fails(fresh_store):
    # a states two steps of the cycle, b closes it: no article states it whole
    add(fresh_store, article_facts("a", revisions={"Plan X": "Plan Y", "Plan Y": "Plan Z"}))
    add(fresh_store, article_facts("b", revisions={"Plan Z": "Plan X"}))
    found = check_store(fresh_store)
    assert shapes(found) == [KGSH.StoreRevisionCycle]
    assert {(f.violation.focus_node, f.article) for f in found} == {
        (proposal_iri("Plan X"), "a"), (proposal_iri("Plan Y"), "a"), (proposal_iri("Plan Z"), "b")}


def test_store_revision_chain_across_articles_passes(fresh_store):
    add(fresh_store, article_facts("a", revisions={"Plan X": "Plan Y"}))
    add(fresh_store, article_facts("b", revisions={"Plan Y": "Plan Z"}))
    assert check_store(fresh_store) == []


def test_store_revision_cycle_within_one_article_is_left_to_the_shape(fresh_store):
    facts = article_facts("a", revisions={"Plan X": "Plan Y"})
    g = facts_graph(facts, meeting_iris=[MEETING], version=VERSION)
    g.add((proposal_iri("Plan Y"), URIRef("http://www.w3.org/ns/prov#wasRevisionOf"), proposal_iri("Plan X")))
    assert SHAPES_NS.ProposalRevisionCycleShape in {v.shape for v in validate_graph(g).results}
    fresh_store.replace_graph(graph_iri(facts.article), g)
    assert check_store(fresh_store) == []


# -- kgsh:StoreClaimSpeaker -----------------------------------------------------------------
def test_store_claim_speaker_typed_disjoint_elsewhere_fails(fresh_store):
    rubio = actor_iri("Marco Rubio", "Person")
    add(fresh_store, article_facts("a"))
    # article b (wrongly) says Rubio's IRI names a proposal: disjoint with kg:Actor
    add(fresh_store, article_facts("b"), extra=[(rubio, RDF.type, KG.Proposal)])
    found = check_store(fresh_store)
    assert shapes(found) == [KGSH.StoreClaimSpeaker]
    assert {f.violation.value for f in found} == {rubio}
    assert {f.article for f in found} == {"a", "b"}  # the claim of each article
    assert "kg:Proposal" not in found[0].violation.message  # full IRIs, not prefixed names
    assert str(KG.Proposal) in found[0].violation.message


def test_store_claim_speaker_typed_as_actor_everywhere_passes(fresh_store):
    add(fresh_store, article_facts("a"))
    add(fresh_store, article_facts("b"))
    assert check_store(fresh_store) == []


# -- kgsh:StoreHeldMeetingDate --------------------------------------------------------------
def test_store_held_meeting_dated_by_a_later_article_fails(fresh_store):
    # a, published on the 20th, says the Geneva meeting was held; b dates it the 23rd
    add(fresh_store, article_facts("a", published=date(2025, 11, 20)))
    add(fresh_store, article_facts("b", published=date(2025, 11, 25), meeting_date=date(2025, 11, 23)))
    found = check_store(fresh_store)
    assert shapes(found) == [KGSH.StoreHeldMeetingDate]
    (f,) = found
    assert f.violation.focus_node == MEETING
    assert str(f.violation.value) == "2025-11-23"
    assert f.article == "a"
    assert f.violation.message == ("a (published 2025-11-20) reports the meeting as held, "
                                   "but another article dates it 2025-11-23")


def test_store_held_meeting_dated_before_publication_passes(fresh_store):
    add(fresh_store, article_facts("a", published=date(2025, 11, 24)))
    add(fresh_store, article_facts("b", published=date(2025, 11, 25), meeting_date=date(2025, 11, 23)))
    assert check_store(fresh_store) == []


def test_store_scheduled_meeting_dated_after_publication_passes(fresh_store):
    add(fresh_store, article_facts("a", published=date(2025, 11, 20), status="Scheduled"))
    add(fresh_store, article_facts("b", published=date(2025, 11, 25), meeting_date=date(2025, 11, 23)))
    assert check_store(fresh_store) == []


# -- kgsh:StoreMeetingDate ------------------------------------------------------------------
def test_store_meeting_dated_differently_by_two_articles_fails(fresh_store):
    add(fresh_store, article_facts("a", meeting_date=date(2025, 11, 23)))
    add(fresh_store, article_facts("b", meeting_date=date(2025, 11, 22)))
    found = check_store(fresh_store)
    assert shapes(found) == [KGSH.StoreMeetingDate]
    assert found[0].violation.message == "articles date the meeting both 2025-11-22 and 2025-11-23"


def test_store_meeting_dated_alike_by_two_articles_passes(fresh_store):
    add(fresh_store, article_facts("a", meeting_date=date(2025, 11, 23)))
    add(fresh_store, article_facts("b", meeting_date=date(2025, 11, 23)))
    assert check_store(fresh_store) == []


# -- wiring and vocabulary ------------------------------------------------------------------
def test_validate_store_reports_store_checks(fresh_store):
    add(fresh_store, article_facts("a", revisions={"Plan X": "Plan Y"}))
    add(fresh_store, article_facts("b", revisions={"Plan Y": "Plan X"}))
    report = validate_store(fresh_store)
    assert report.graphs == 2
    assert not report.conforms
    assert {f.violation.shape for f in report.findings} == {KGSH.StoreRevisionCycle}
    sources = set(report.report_graph.objects(None, SH.sourceShape))
    assert sources == {KGSH.StoreRevisionCycle}
    assert validate_store(fresh_store, store_checks=False).conforms


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id.split("#")[-1])
def test_store_check_is_described_in_the_shapes_vocabulary(check):
    g = check_descriptions()
    assert check.id.startswith(str(SHAPES_NS))
    assert (check.id, RDF.type, KGSH.StoreCheck) in g
    assert g.value(check.id, SH.message) is not None
    assert g.value(check.id, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None


def test_store_checks_pass_on_the_seed_store(seed_store):
    assert check_store(seed_store) == []


def test_validate_store_turtle_report_is_one_sh_validation_report():
    """Several article graphs, one with a violation: one standard report, not one per article."""
    from pathlib import Path

    from rdflib import Graph, Literal
    from rdflib.namespace import RDF, RDFS, SH

    from kg.graph.namespaces import KGID
    from kg.store import GraphStore
    from kg.validate.store import validate_store

    fixture = Graph().parse(Path(__file__).resolve().parents[1] / "fixtures" / "shapes" / "conforming.ttl")
    broken = Graph()
    for t in fixture:
        broken.add(t)
    broken.remove((KGID["person/marco-rubio"], RDFS.label, Literal("Marco Rubio")))
    store = GraphStore(None)
    store.replace_graph(KGID["graph/d99a57cc719374b8"], fixture)
    store.replace_graph(KGID["graph/0000000000000001"], broken)
    report = validate_store(store, store_checks=False).report_graph
    roots = list(report.subjects(RDF.type, SH.ValidationReport))
    assert len(roots) == 1
    assert report.value(roots[0], SH.conforms) == Literal(False)
    assert len(list(report.objects(roots[0], SH.result))) >= 1
