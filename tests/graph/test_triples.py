"""From hand-made ArticleFacts to the RDF of one article's named graph."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS

from kg.graph import facts_graph, iri
from kg.graph.namespaces import KG, KGID, OA, SCHEMA
from kg.model import (Actor, Article, ArticleFacts, Claim, Meeting, Participant, Proposal, Provision,
                      Span)

VERSION = "kg.extractor.v1"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_ANY_URI = URIRef("http://www.w3.org/2001/XMLSchema#anyURI")
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
TEXT = (
    "US special envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Tuesday.\n"
    "Kremlin aide Yuri Ushakov said the talks were useful but that no compromise had been found.\n"
    "\u201cThe work will go on,\u201d Ushakov said of the 28-point peace plan, which would cap the army at 600,000.\n"
    "A source close to the talks told reporters that the order of steps was discussed.\n"
)


def span_of(words: str, text: str = TEXT) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


@pytest.fixture
def facts() -> ArticleFacts:
    article = Article(path="moscow.txt", stem="moscow", text=TEXT,
                      sha256=hashlib.sha256(TEXT.encode("utf-8")).hexdigest(), url="https://example.org/moscow",
                      title="Witkoff meets Putin", publisher="Fixture Wire", published=date(2025, 12, 3),
                      author="Fixture desk", language="en")
    witkoff = Actor("Steve Witkoff", "Person", mentions=[span_of("Steve Witkoff")],
                    titles={"US special envoy"}, affiliation="United States", wikidata="Q7613525")
    putin = Actor("Vladimir Putin", "Person", mentions=[span_of("Vladimir Putin")], aliases={"Putin"})
    ushakov = Actor("Yuri Ushakov", "Person", mentions=[span_of("Yuri Ushakov")])
    usa = Actor("United States", "Country")
    plan = Proposal("28-point peace plan", points=28, proposer="United States",
                    provisions=[Provision("cap on the armed forces", quantity=600000,
                                          evidence=span_of("cap the army at 600,000"))],
                    evidence=[span_of("28-point peace plan")])
    talks = Meeting("Moscow", date(2025, 12, 2), status="Held", mode="InPerson", date_basis="relative",
                    participants=[Participant("Vladimir Putin", "Host", span_of("Vladimir Putin")),
                                  Participant("Steve Witkoff", "Guest")],
                    evidence=[span_of("met Russian President Vladimir Putin in Moscow on Tuesday")])
    claims = [
        Claim("Yuri Ushakov", "The work will go on,", "DirectQuote", span_of("The work will go on,"), verb="said",
              about=["28-point peace plan"]),
        Claim("Yuri Ushakov", "the talks were useful", "Paraphrase", span_of("the talks were useful"), verb="said"),
        Claim("anonymous source", "the order of steps was discussed", "Paraphrase",
              span_of("the order of steps was discussed"), verb="told", hedged=True),
    ]
    return ArticleFacts(article=article, actors=[witkoff, putin, ushakov, usa],
                        places={"Moscow": [span_of("Moscow")]}, meetings=[talks], proposals=[plan], claims=claims)


@pytest.fixture
def graph(facts):
    return facts_graph(facts, meeting_iris=[KGID["meeting/moscow-2025-12-02"]], version=VERSION)


def one(g, s, p):
    values = list(g.objects(s, p))
    assert len(values) == 1, f"{s} {p}: {values}"
    return values[0]


def test_facts_graph_every_evidence_exact_equals_the_article_words(graph, facts):
    evidences = set(graph.subjects(RDF.type, KG.Evidence))
    assert len(evidences) >= 10
    for ev in evidences:
        quote, position = URIRef(f"{ev}#quote"), URIRef(f"{ev}#position")
        assert set(graph.objects(ev, OA.hasSelector)) == {quote, position}
        start, end = one(graph, position, OA.start).toPython(), one(graph, position, OA.end).toPython()
        assert one(graph, quote, OA.exact) == Literal(TEXT[start:end])
        assert one(graph, quote, OA.prefix) == Literal(TEXT[max(0, start - 32):start])
        assert one(graph, quote, OA.suffix) == Literal(TEXT[end:end + 32])
        assert one(graph, ev, OA.hasSource) == iri.article_iri(facts.article)
        assert ev == iri.evidence_iri(facts.article, Span(start, end))


def test_facts_graph_evidence_offsets_are_non_negative_integers(graph):
    positions = list(graph.subjects(RDF.type, OA.TextPositionSelector))
    assert positions
    for position in positions:
        start, end = one(graph, position, OA.start), one(graph, position, OA.end)
        assert isinstance(start.toPython(), int) and isinstance(end.toPython(), int)
        assert 0 <= start.toPython() < end.toPython() <= len(TEXT)


def test_facts_graph_literals_survive_the_store_unchanged(graph, facts):
    # a graph must validate the same before and after it is stored: Oxigraph canonicalises
    # some literals (xsd:nonNegativeInteger -> xsd:integer, "0.70" -> "0.7"), so the graph
    # stage must only emit literals the store gives back as they were
    from kg.store import GraphStore

    store = GraphStore(None)
    node = iri.graph_iri(facts.article)
    store.replace_graph(node, graph)
    back = store.graph(node)

    def typed(g):  # plain strings come back as ^^xsd:string, the same RDF term
        return {(s, p, o.datatype or XSD_STRING, str(o)) for s, p, o in g if isinstance(o, Literal)}

    assert typed(back) == typed(graph)


def test_facts_graph_named_graph_provenance(graph, facts):
    article = facts.article
    g, doc = iri.graph_iri(article), iri.article_iri(article)
    activity = iri.activity_iri(article, VERSION)
    assert (g, PROV.wasDerivedFrom, doc) in graph
    assert (g, PROV.wasGeneratedBy, activity) in graph
    assert (activity, RDF.type, KG.ExtractionActivity) in graph
    assert (activity, PROV.used, doc) in graph
    assert (activity, KG.extractorVersion, Literal(VERSION)) in graph


def test_facts_graph_article_node_carries_its_metadata(graph, facts):
    doc = iri.article_iri(facts.article)
    assert (doc, RDF.type, KG.Article) in graph
    assert one(graph, doc, SCHEMA.text) == Literal(TEXT)
    assert one(graph, doc, KG.fileName) == Literal("moscow")
    assert one(graph, doc, KG.contentHash) == Literal(facts.article.sha256)
    assert one(graph, doc, SCHEMA.datePublished) == Literal(date(2025, 12, 3))
    assert one(graph, doc, SCHEMA.datePublished).datatype == XSD_DATE
    assert one(graph, doc, SCHEMA.url) == Literal("https://example.org/moscow", datatype=XSD_ANY_URI)
    assert one(graph, doc, SCHEMA.headline) == Literal("Witkoff meets Putin")


def test_facts_graph_meeting_participants_and_roles(graph):
    meeting = KGID["meeting/moscow-2025-12-02"]
    putin, witkoff = KGID["person/vladimir-putin"], KGID["person/steve-witkoff"]
    assert (meeting, RDF.type, KG.Meeting) in graph
    assert set(graph.objects(meeting, KG.participant)) == {putin, witkoff}
    assert one(graph, meeting, KG.location) == KGID["place/moscow"]
    assert one(graph, meeting, KG.date) == Literal(date(2025, 12, 2))
    assert one(graph, meeting, KG.status) == KG.Held
    assert one(graph, meeting, KG.mode) == KG.InPerson
    host = iri.participation_iri(meeting, putin)
    assert (meeting, KG.hasParticipation, host) in graph
    assert one(graph, host, KG.agent) == putin
    assert one(graph, host, KG.role) == KG.Host
    assert list(graph.objects(host, KG.evidence)), "the participant's own evidence is kept"


def test_facts_graph_actor_labels_aliases_titles_and_wikidata(graph):
    witkoff, putin = KGID["person/steve-witkoff"], KGID["person/vladimir-putin"]
    assert (witkoff, RDF.type, KG.Person) in graph
    assert one(graph, witkoff, RDFS.label) == Literal("Steve Witkoff")
    assert one(graph, witkoff, KG.roleTitle) == Literal("US special envoy")
    assert one(graph, witkoff, KG.affiliation) == KGID["country/united-states"]
    assert one(graph, witkoff, SCHEMA.sameAs) == URIRef("http://www.wikidata.org/entity/Q7613525")
    assert (putin, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("Putin")) in graph


def test_facts_graph_claims_speaker_text_and_about(graph, facts):
    ushakov = KGID["person/yuri-ushakov"]
    claims = set(graph.subjects(RDF.type, KG.Claim))
    assert len(claims) == 3
    quote = iri.claim_iri(facts.article, facts.claims[0].evidence, "Yuri Ushakov")
    assert one(graph, quote, KG.speaker) == ushakov
    assert one(graph, quote, KG.claimType) == KG.DirectQuote
    assert one(graph, quote, KG.about) == KGID["proposal/28-point-peace-plan"]
    assert one(graph, quote, KG.reportingVerb) == Literal("said")


def test_facts_graph_anonymous_source_claim(graph, facts):
    node = iri.claim_iri(facts.article, facts.claims[2].evidence, "anonymous source")
    speaker = one(graph, node, KG.speaker)
    assert speaker == KGID["actor/anonymous-source"]
    assert (speaker, RDF.type, KG.AnonymousSource) in graph
    assert one(graph, node, KG.hedged) == Literal(True)


def test_facts_graph_proposal_and_provision(graph):
    plan = KGID["proposal/28-point-peace-plan"]
    assert one(graph, plan, KG.numberOfPoints) == Literal(28)
    assert one(graph, plan, KG.proposedBy) == KGID["country/united-states"]
    item = iri.provision_iri(plan, "cap on the armed forces")
    assert one(graph, plan, KG.hasProvision) == item
    assert one(graph, item, KG.quantity).toPython() == 600000
    assert one(graph, item, KG.provisionStatus) == KG.Original


def test_facts_graph_has_no_blank_nodes(graph):
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in graph for t in triple)


def test_facts_graph_building_twice_gives_an_isomorphic_graph(facts):
    meeting_iris = [KGID["meeting/moscow-2025-12-02"]]
    first = facts_graph(facts, meeting_iris=meeting_iris, version=VERSION)
    second = facts_graph(facts, meeting_iris=meeting_iris, version=VERSION)
    assert len(first) == len(second) > 50
    assert isomorphic(first, second)
    assert set(first) == set(second), "no blank nodes: the triples themselves are equal"


def test_facts_graph_other_extractor_version_changes_only_the_provenance(facts):
    meeting_iris = [KGID["meeting/moscow-2025-12-02"]]
    v1 = facts_graph(facts, meeting_iris=meeting_iris, version=VERSION)
    v2 = facts_graph(facts, meeting_iris=meeting_iris, version="kg.extractor.v2")
    changed = set(v1) ^ set(v2)
    assert changed
    activities = {iri.activity_iri(facts.article, VERSION), iri.activity_iri(facts.article, "kg.extractor.v2")}
    assert all(s in activities or o in activities for s, _, o in changed)


def test_facts_graph_place_spellings_with_one_iri_get_one_label(facts):
    facts.places = {"Moscow": [span_of("Moscow")], "MOSCOW": []}  # a dateline spelling
    assert iri.place_iri("MOSCOW") == iri.place_iri("Moscow")
    g = facts_graph(facts, meeting_iris=[KGID["meeting/moscow-2025-12-02"]], version=VERSION)
    moscow = KGID["place/moscow"]
    labels = set(g.objects(moscow, RDFS.label))
    variants = set(g.objects(moscow, URIRef("http://www.w3.org/2004/02/skos/core#altLabel")))
    assert len(labels) == 1, labels
    assert labels | variants == {Literal("Moscow"), Literal("MOSCOW")}


def test_merge_reports_keeps_a_role_named_by_a_later_report():
    from rdflib import URIRef

    from kg.graph.triples import merge_reports
    from kg.model import Meeting, Participant

    node = URIRef("https://w3id.org/parley/id/meeting/moscow-2025-12-02")
    first = Meeting("Moscow", None, [Participant("Vladimir Putin"), Participant("Steve Witkoff")])
    later = Meeting("Moscow", None, [Participant("Vladimir Putin", role="Host")])
    merged = merge_reports([first, later], [node, node])[node]
    assert {p.name: p.role for p in merged.participants} == {"Vladimir Putin": "Host", "Steve Witkoff": None}
    assert first.participants[0].role is None  # the reports themselves are left alone
