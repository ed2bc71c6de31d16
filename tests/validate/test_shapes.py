"""Tests for ontology/shapes.ttl through kg.validate.shacl.

One hand-written article graph (tests/fixtures/shapes/conforming.ttl) must conform. Each broken
variant is that graph plus a SPARQL Update that breaks one rule; it must fail on exactly the
shapes named with it, which the coverage test checks include every shape that can report.
"""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.validate.shacl import (
    ONTOLOGY_PATH,
    SHAPES_PATH,
    ValidationReport,
    load_shapes,
    validate_graph,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "shapes" / "conforming.ttl"
KG = Namespace("https://w3id.org/parley/ontology#")
KGSH = Namespace("https://w3id.org/parley/shapes#")
ID = "https://w3id.org/parley/id/"

PREFIXES = f"""
PREFIX kg:         <{KG}>
PREFIX rdf:        <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs:       <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:        <http://www.w3.org/2001/XMLSchema#>
PREFIX prov:       <http://www.w3.org/ns/prov#>
PREFIX schema:     <https://schema.org/>
PREFIX oa:         <http://www.w3.org/ns/oa#>
PREFIX skos:       <http://www.w3.org/2004/02/skos/core#>
PREFIX wd:         <http://www.wikidata.org/entity/>
PREFIX article:    <{ID}article/>
PREFIX person:     <{ID}person/>
PREFIX country:    <{ID}country/>
PREFIX delegation: <{ID}delegation/>
PREFIX org:        <{ID}org/>
PREFIX actor:      <{ID}actor/>
PREFIX place:      <{ID}place/>
PREFIX meeting:    <{ID}meeting/>
PREFIX proposal:   <{ID}proposal/>
PREFIX claim:      <{ID}claim/>
PREFIX evidence:   <{ID}evidence/>
"""
ARTICLE = "article:d99a57cc719374b8"
ACTIVITY = f"<{ID}activity/d99a57cc719374b8-kg.extractor.v1>"
LINK = f"<{ID}link/d99a57cc719374b8-country-ukraine>"
NIL_LINK = f"<{ID}link/d99a57cc719374b8-place-geneva>"
MEETING = "meeting:geneva-2025-11-23"
US_PART = f"<{ID}meeting/geneva-2025-11-23/participation/united-states>"
PROVISION = f"<{ID}proposal/28-point-peace-plan/provision/size-of-the-army>"
CLAIM = "claim:d99a57cc719374b8-175-194"
RUBIO_EV = "evidence:d99a57cc719374b8-119-130"
RUBIO_QUOTE = f"<{ID}evidence/d99a57cc719374b8-119-130#quote>"
RUBIO_POS = f"<{ID}evidence/d99a57cc719374b8-119-130#position>"
ARMY_POS = f"<{ID}evidence/d99a57cc719374b8-374-413#position>"
ARMY_QUOTE = f"<{ID}evidence/d99a57cc719374b8-374-413#quote>"


def nn(n: int) -> str:
    return f'"{n}"^^xsd:nonNegativeInteger'


def case(case_id: str, update: str, *shapes: str):
    """A broken variant: ``update`` applied to the fixture must fail on exactly ``shapes``."""
    return pytest.param(update, frozenset(KGSH[s] for s in shapes), id=case_id)


BROKEN = [
    # property-keyed shapes
    case("sameas-wikipedia-url",
         "DELETE DATA { country:ukraine schema:sameAs wd:Q212 } ;"
         "INSERT DATA { country:ukraine schema:sameAs <https://www.wikidata.org/wiki/Q212> }",
         "WikidataLink-sameAs"),
    case("sameas-property-id", "INSERT DATA { place:geneva schema:sameAs wd:P276 }", "WikidataLink-sameAs"),
    case("sameas-literal", 'INSERT DATA { person:andriy-yermak schema:sameAs "Q1" }', "WikidataLink-sameAs"),
    case("confidence-above-one",
         "DELETE DATA { person:marco-rubio kg:confidence 0.9 } ; INSERT DATA { person:marco-rubio kg:confidence 1.5 }",
         "Confidence-confidence"),
    case("confidence-as-double",
         "DELETE DATA { person:marco-rubio kg:confidence 0.9 } ;"
         'INSERT DATA { person:marco-rubio kg:confidence "0.9"^^xsd:double }',
         "Confidence-confidence"),
    case("evidence-link-untyped", f"INSERT DATA {{ {MEETING} kg:evidence evidence:nowhere }}", "EvidenceLink-evidence"),
    # actors and places
    case("actor-without-label", 'DELETE DATA { person:marco-rubio rdfs:label "Marco Rubio" }', "Actor-label"),
    case("actor-two-labels", 'INSERT DATA { org:reuters rdfs:label "Reuters news agency" }', "Actor-label"),
    case("country-without-label", 'DELETE DATA { country:ukraine rdfs:label "Ukraine" }',
         "Actor-label", "Place-label"),
    case("actor-altlabel-iri", "INSERT DATA { person:marco-rubio skos:altLabel place:geneva }", "Actor-altLabel"),
    case("actor-roletitle-language-tagged",
         'INSERT DATA { person:andriy-yermak kg:roleTitle "head of the presidential office"@en }',
         "Actor-roleTitle"),
    case("actor-affiliation-untyped",
         "DELETE DATA { person:andriy-yermak kg:affiliation country:ukraine } ;"
         "INSERT DATA { person:andriy-yermak kg:affiliation org:presidential-office }",
         "Actor-affiliation"),
    case("actor-mentioned-in-place", "INSERT DATA { person:marco-rubio kg:mentionedIn place:geneva }",
         "Actor-mentionedIn"),
    case("person-without-evidence",
         "DELETE DATA { person:andriy-yermak kg:evidence evidence:d99a57cc719374b8-330-343 }", "Person-evidence"),
    case("organization-without-evidence",
         "DELETE DATA { org:reuters kg:evidence evidence:d99a57cc719374b8-285-292 }", "Organization-evidence"),
    case("delegation-without-evidence",
         "DELETE DATA { delegation:ukrainian-delegation kg:evidence evidence:d99a57cc719374b8-298-318 }",
         "Organization-evidence"),
    case("country-without-evidence",
         "DELETE DATA { country:ukraine kg:evidence evidence:d99a57cc719374b8-381-388 }", "Country-evidence"),
    case("delegation-of-two-actors",
         "INSERT DATA { delegation:ukrainian-delegation kg:delegationOf country:united-states }",
         "Delegation-delegationOf"),
    case("anonymous-source-linked", "INSERT DATA { actor:anonymous-source schema:sameAs wd:Q42 }",
         "AnonymousSource-sameAs"),
    case("place-without-label", 'DELETE DATA { place:geneva rdfs:label "Geneva" }', "Place-label"),
    case("place-altlabel-iri", "INSERT DATA { place:geneva skos:altLabel place:genf }", "Place-altLabel"),
    case("place-mentioned-in-country", "INSERT DATA { place:geneva kg:mentionedIn country:ukraine }",
         "Place-mentionedIn"),
    # meetings and participation
    case("meeting-without-place-and-date",
         f'DELETE DATA {{ {MEETING} kg:location place:geneva ; kg:date "2025-11-23"^^xsd:date }}',
         "MeetingShape"),
    case("meeting-location-is-person",
         f"DELETE DATA {{ {MEETING} kg:location place:geneva }} ;"
         f"INSERT DATA {{ {MEETING} kg:location person:marco-rubio }}",
         "Meeting-location"),
    case("meeting-date-as-string",
         f'DELETE DATA {{ {MEETING} kg:date "2025-11-23"^^xsd:date }} ;'
         f'INSERT DATA {{ {MEETING} kg:date "2025-11-23" }}',
         "Meeting-date"),
    case("meeting-two-dates", f'INSERT DATA {{ {MEETING} kg:date "2025-11-22"^^xsd:date }}', "Meeting-date"),
    case("meeting-status-unknown",
         f"DELETE DATA {{ {MEETING} kg:status kg:Held }} ; INSERT DATA {{ {MEETING} kg:status kg:Postponed }}",
         "Meeting-status"),
    case("meeting-two-statuses", f"INSERT DATA {{ {MEETING} kg:status kg:Scheduled }}", "Meeting-status"),
    case("meeting-mode-unknown",
         f"DELETE DATA {{ {MEETING} kg:mode kg:InPerson }} ; INSERT DATA {{ {MEETING} kg:mode kg:Letter }}",
         "Meeting-mode"),
    case("meeting-participant-untyped", f"INSERT DATA {{ {MEETING} kg:participant person:nobody }}",
         "Meeting-participant"),
    case("meeting-participation-untyped",
         f"INSERT DATA {{ {MEETING} kg:hasParticipation <{ID}meeting/geneva-2025-11-23/participation/nobody> }}",
         "Meeting-hasParticipation"),
    case("meeting-date-basis-unknown",
         f'DELETE DATA {{ {MEETING} kg:dateBasis "relative" }} ; INSERT DATA {{ {MEETING} kg:dateBasis "guessed" }}',
         "Meeting-dateBasis"),
    case("meeting-without-evidence",
         f"DELETE DATA {{ {MEETING} kg:evidence evidence:d99a57cc719374b8-9-67 }}", "Meeting-evidence"),
    case("held-meeting-after-article",
         f'DELETE DATA {{ {MEETING} kg:date "2025-11-23"^^xsd:date }} ;'
         f'INSERT DATA {{ {MEETING} kg:date "2025-11-25"^^xsd:date }}',
         "HeldMeetingDateShape"),
    case("participation-without-agent",
         f"DELETE DATA {{ {US_PART} kg:agent country:united-states }}", "Participation-agent"),
    case("participation-agent-untyped",
         f"DELETE DATA {{ {US_PART} kg:agent country:united-states }} ;"
         f"INSERT DATA {{ {US_PART} kg:agent country:atlantis }}",
         "Participation-agent"),
    case("participation-role-unknown",
         f"DELETE DATA {{ {US_PART} kg:role kg:Guest }} ; INSERT DATA {{ {US_PART} kg:role kg:Chair }}",
         "Participation-role"),
    case("participation-without-meeting",
         f"DELETE DATA {{ {MEETING} kg:hasParticipation {US_PART} }}", "Participation-meeting"),
    # proposals and provisions
    case("proposal-without-label",
         'DELETE DATA { proposal:19-point-framework rdfs:label "19-point framework" }', "Proposal-label"),
    case("proposal-zero-points",
         "DELETE DATA { proposal:19-point-framework kg:numberOfPoints 19 } ;"
         "INSERT DATA { proposal:19-point-framework kg:numberOfPoints 0 }",
         "Proposal-numberOfPoints"),
    case("proposal-points-as-string",
         "DELETE DATA { proposal:19-point-framework kg:numberOfPoints 19 } ;"
         'INSERT DATA { proposal:19-point-framework kg:numberOfPoints "19" }',
         "Proposal-numberOfPoints"),
    case("proposal-proposer-untyped", "INSERT DATA { proposal:19-point-framework kg:proposedBy person:nobody }",
         "Proposal-proposedBy"),
    case("proposal-revision-of-untyped",
         "INSERT DATA { proposal:19-point-framework prov:wasRevisionOf proposal:20-point-plan }",
         "Proposal-wasRevisionOf"),
    case("proposal-provision-untyped",
         f"INSERT DATA {{ proposal:19-point-framework kg:hasProvision <{ID}proposal/19-point-framework/provision/x> }}",
         "Proposal-hasProvision"),
    case("revision-cycle-of-two",
         "INSERT DATA { proposal:28-point-peace-plan prov:wasRevisionOf proposal:19-point-framework }",
         "ProposalRevisionCycleShape"),
    case("revision-of-itself",
         "INSERT DATA { proposal:28-point-peace-plan prov:wasRevisionOf proposal:28-point-peace-plan }",
         "ProposalRevisionCycleShape"),
    case("provision-without-topic", f'DELETE DATA {{ {PROVISION} kg:topic "size of the army" }}', "Provision-topic"),
    case("provision-quantity-as-double",
         f"DELETE DATA {{ {PROVISION} kg:quantity 600000.0 }} ; INSERT DATA {{ {PROVISION} kg:quantity 6.0E5 }}",
         "Provision-quantity"),
    case("provision-status-unknown",
         f"DELETE DATA {{ {PROVISION} kg:provisionStatus kg:Original }} ;"
         f"INSERT DATA {{ {PROVISION} kg:provisionStatus kg:Rumoured }}",
         "Provision-provisionStatus"),
    case("provision-without-proposal",
         f"DELETE DATA {{ proposal:28-point-peace-plan kg:hasProvision {PROVISION} }}", "Provision-proposal"),
    # claims
    case("claim-without-speaker", f"DELETE DATA {{ {CLAIM} kg:speaker person:marco-rubio }}", "Claim-speaker"),
    case("claim-two-speakers", f"INSERT DATA {{ {CLAIM} kg:speaker person:andriy-yermak }}", "Claim-speaker"),
    case("claim-without-text", f'DELETE DATA {{ {CLAIM} kg:text "the most productive" }}', "Claim-text"),
    case("claim-without-type", f"DELETE DATA {{ {CLAIM} kg:claimType kg:PartialQuote }}", "Claim-claimType"),
    case("claim-type-unknown",
         f"DELETE DATA {{ {CLAIM} kg:claimType kg:PartialQuote }} ; INSERT DATA {{ {CLAIM} kg:claimType kg:Rumour }}",
         "Claim-claimType"),
    case("claim-without-evidence",
         f"DELETE DATA {{ {CLAIM} kg:evidence evidence:d99a57cc719374b8-175-194 }}", "Claim-evidence"),
    case("claim-two-verbs", f'INSERT DATA {{ {CLAIM} kg:reportingVerb "said" }}', "Claim-reportingVerb"),
    case("claim-date-as-datetime",
         f'DELETE DATA {{ {CLAIM} kg:date "2025-11-23"^^xsd:date }} ;'
         f'INSERT DATA {{ {CLAIM} kg:date "2025-11-23T10:00:00"^^xsd:dateTime }}',
         "Claim-date"),
    case("claim-channel-iri", f"INSERT DATA {{ {CLAIM} kg:channel <https://x.com/> }}", "Claim-channel"),
    case("claim-about-literal", f'INSERT DATA {{ {CLAIM} kg:about "the talks" }}', "Claim-about"),
    case("claim-reported-via-iri", f"INSERT DATA {{ {CLAIM} kg:reportedVia org:reuters }}", "Claim-reportedVia"),
    case("claim-hedged-as-string",
         f'DELETE DATA {{ {CLAIM} kg:hedged false }} ; INSERT DATA {{ {CLAIM} kg:hedged "no" }}', "Claim-hedged"),
    case("claim-speaker-untyped",
         f"DELETE DATA {{ {CLAIM} kg:speaker person:marco-rubio }} ; INSERT DATA {{ {CLAIM} kg:speaker person:ghost }}",
         "ClaimSpeakerTypeShape"),
    case("claim-speaker-is-a-place",
         f"DELETE DATA {{ {CLAIM} kg:speaker person:marco-rubio }} ; INSERT DATA {{ {CLAIM} kg:speaker place:geneva }}",
         "ClaimSpeakerTypeShape"),
    # articles
    case("article-hash-too-short",
         f'DELETE {{ {ARTICLE} kg:contentHash ?h }} INSERT {{ {ARTICLE} kg:contentHash ?short }}'
         f' WHERE {{ {ARTICLE} kg:contentHash ?h BIND (SUBSTR(?h, 1, 63) AS ?short) }}',
         "Article-contentHash"),
    case("article-hash-upper-case",
         f'DELETE {{ {ARTICLE} kg:contentHash ?h }} INSERT {{ {ARTICLE} kg:contentHash ?upper }}'
         f' WHERE {{ {ARTICLE} kg:contentHash ?h BIND (UCASE(?h) AS ?upper) }}',
         "Article-contentHash", "ArticleKeyShape"),
    case("article-hash-of-other-text",
         f'DELETE {{ {ARTICLE} kg:contentHash ?h }} INSERT {{ {ARTICLE} kg:contentHash "{"0" * 64}" }}'
         f" WHERE {{ {ARTICLE} kg:contentHash ?h }}",
         "ArticleKeyShape"),
    case("article-without-file-name", f'DELETE DATA {{ {ARTICLE} kg:fileName "geneva-talks" }}', "Article-fileName"),
    case("article-without-text", f"DELETE WHERE {{ {ARTICLE} schema:text ?text }}", "Article-text"),
    case("article-two-headlines", f'INSERT DATA {{ {ARTICLE} schema:headline "Talks in Geneva" }}',
         "Article-headline"),
    case("article-publisher-node", f"INSERT DATA {{ {ARTICLE} schema:publisher org:reuters }}", "Article-publisher"),
    case("article-date-as-string",
         f'DELETE DATA {{ {ARTICLE} schema:datePublished "2025-11-24"^^xsd:date }} ;'
         f'INSERT DATA {{ {ARTICLE} schema:datePublished "24 November 2025" }}',
         "Article-datePublished"),
    case("article-url-plain-string",
         f"DELETE WHERE {{ {ARTICLE} schema:url ?url }} ;"
         f'INSERT DATA {{ {ARTICLE} schema:url "https://news.example.org/2025/11/24/geneva-talks" }}',
         "Article-url"),
    case("article-author-node", f"INSERT DATA {{ {ARTICLE} schema:author person:marco-rubio }}", "Article-author"),
    case("article-two-languages", f'INSERT DATA {{ {ARTICLE} schema:inLanguage "uk" }}', "Article-inLanguage"),
    case("article-two-source-paths", f'INSERT DATA {{ {ARTICLE} kg:sourcePath "elsewhere.txt" }}',
         "Article-sourcePath"),
    # evidence and selectors
    case("evidence-without-source", f"DELETE DATA {{ {RUBIO_EV} oa:hasSource {ARTICLE} }}", "Evidence-hasSource"),
    case("evidence-source-not-article",
         f"DELETE DATA {{ {RUBIO_EV} oa:hasSource {ARTICLE} }} ; INSERT DATA {{ {RUBIO_EV} oa:hasSource place:geneva }}",
         "Evidence-hasSource"),
    case("evidence-without-quote-selector", f"DELETE DATA {{ {RUBIO_EV} oa:hasSelector {RUBIO_QUOTE} }}",
         "Evidence-quoteSelector"),
    case("evidence-without-position-selector", f"DELETE DATA {{ {RUBIO_EV} oa:hasSelector {RUBIO_POS} }}",
         "Evidence-positionSelector"),
    case("evidence-end-past-article",
         f"DELETE DATA {{ {ARMY_POS} oa:end {nn(413)} }} ; INSERT DATA {{ {ARMY_POS} oa:end {nn(415)} }}",
         "EvidenceSpanShape"),
    case("evidence-offsets-reversed",
         f"DELETE DATA {{ {RUBIO_POS} oa:start {nn(119)} ; oa:end {nn(130)} }} ;"
         f"INSERT DATA {{ {RUBIO_POS} oa:start {nn(130)} ; oa:end {nn(119)} }}",
         "EvidenceSpanShape"),
    case("evidence-empty-span",
         f"DELETE DATA {{ {RUBIO_POS} oa:end {nn(130)} }} ; INSERT DATA {{ {RUBIO_POS} oa:end {nn(119)} }}",
         "EvidenceSpanShape"),
    case("evidence-exact-misspelt",
         f'DELETE DATA {{ {RUBIO_QUOTE} oa:exact "Marco Rubio" }} ; INSERT DATA {{ {RUBIO_QUOTE} oa:exact "Mark Rubio" }}',
         "EvidenceQuoteShape"),
    case("evidence-offsets-shifted-by-one",
         f"DELETE DATA {{ {RUBIO_POS} oa:start {nn(119)} ; oa:end {nn(130)} }} ;"
         f"INSERT DATA {{ {RUBIO_POS} oa:start {nn(120)} ; oa:end {nn(131)} }}",
         "EvidenceQuoteShape"),
    case("quote-without-exact", f'DELETE DATA {{ {RUBIO_QUOTE} oa:exact "Marco Rubio" }}', "TextQuoteSelector-exact"),
    case("quote-exact-empty",
         f'DELETE DATA {{ {RUBIO_QUOTE} oa:exact "Marco Rubio" }} ; INSERT DATA {{ {RUBIO_QUOTE} oa:exact "" }}',
         "TextQuoteSelector-exact", "EvidenceQuoteShape"),
    case("quote-two-prefixes",
         f'INSERT DATA {{ {RUBIO_QUOTE} oa:prefix "State " , "of State " }}', "TextQuoteSelector-prefix"),
    case("quote-suffix-iri", f"INSERT DATA {{ {RUBIO_QUOTE} oa:suffix <urn:x> }}", "TextQuoteSelector-suffix"),
    case("position-start-negative",
         f'DELETE DATA {{ {RUBIO_POS} oa:start {nn(119)} }} ; INSERT DATA {{ {RUBIO_POS} oa:start -1 }}',
         "TextPositionSelector-start", "EvidenceSpanShape"),
    case("position-start-as-decimal",
         f'DELETE DATA {{ {RUBIO_POS} oa:start {nn(119)} }} ; INSERT DATA {{ {RUBIO_POS} oa:start 119.0 }}',
         "TextPositionSelector-start"),
    case("position-end-as-string",
         f'DELETE DATA {{ {RUBIO_POS} oa:end {nn(130)} }} ; INSERT DATA {{ {RUBIO_POS} oa:end "130" }}',
         "TextPositionSelector-end"),
    case("position-without-end", f"DELETE DATA {{ {RUBIO_POS} oa:end {nn(130)} }}", "TextPositionSelector-end"),
    # provenance
    case("activity-version-unversioned",
         f'DELETE DATA {{ {ACTIVITY} kg:extractorVersion "kg.extractor.v1" }} ;'
         f'INSERT DATA {{ {ACTIVITY} kg:extractorVersion "extractor 1" }}',
         "ExtractionActivity-extractorVersion"),
    case("activity-without-used", f"DELETE DATA {{ {ACTIVITY} prov:used {ARTICLE} }}", "ExtractionActivity-used"),
    # Wikidata linking decisions
    case("link-without-subject", f"DELETE DATA {{ {LINK} kg:linkSubject country:ukraine }}", "EntityLink-linkSubject"),
    case("link-subject-a-claim", f"DELETE DATA {{ {LINK} kg:linkSubject country:ukraine }} ;"
         f"INSERT DATA {{ {LINK} kg:linkSubject {CLAIM} }}", "EntityLink-linkSubject"),
    case("link-target-not-an-entity", f"DELETE DATA {{ {LINK} kg:linkTarget wd:Q212 }} ;"
         f"INSERT DATA {{ {LINK} kg:linkTarget <https://www.wikidata.org/wiki/Q212> }}", "EntityLink-linkTarget"),
    case("link-method-unversioned", f'DELETE DATA {{ {LINK} kg:linkMethod "kg.link.cache.v1" }} ;'
         f'INSERT DATA {{ {LINK} kg:linkMethod "cache" }}', "EntityLink-linkMethod"),
    case("link-confidence-above-one", f"DELETE DATA {{ {LINK} kg:confidence 0.95 }} ;"
         f"INSERT DATA {{ {LINK} kg:confidence 1.5 }}", "EntityLink-confidence", "Confidence-confidence"),
    case("link-neither-target-nor-nil", f"DELETE DATA {{ {LINK} kg:linkTarget wd:Q212 }}", "EntityLinkShape"),
    case("link-both-target-and-nil", f"INSERT DATA {{ {NIL_LINK} kg:linkTarget wd:Q71 }}", "EntityLinkShape"),
    # closed enumerations
    case("invented-meeting-status", f"INSERT DATA {{ <{ID}status/postponed> a kg:MeetingStatus }}",
         "MeetingStatusShape"),
    case("invented-link-outcome", f"INSERT DATA {{ <{ID}outcome/guessed> a kg:LinkOutcome }}", "LinkOutcomeShape"),
    case("invented-meeting-mode", f"INSERT DATA {{ <{ID}mode/letter> a kg:MeetingMode }}", "MeetingModeShape"),
    case("invented-participant-role", f"INSERT DATA {{ <{ID}role/chair> a kg:ParticipantRole }}",
         "ParticipantRoleShape"),
    case("invented-claim-type", f"INSERT DATA {{ <{ID}claim-type/rumour> a kg:ClaimType }}", "ClaimTypeShape"),
    case("invented-provision-status", f"INSERT DATA {{ <{ID}status/rumoured> a kg:ProvisionStatus }}",
         "ProvisionStatusShape"),
]

# Variants at the edges of a rule that must still conform.
STILL_CONFORMING = [
    pytest.param(f'DELETE DATA {{ {MEETING} kg:date "2025-11-23"^^xsd:date }}', id="meeting-with-place-only"),
    pytest.param(f"DELETE DATA {{ {MEETING} kg:location place:geneva }}", id="meeting-with-date-only"),
    pytest.param(f'DELETE DATA {{ {MEETING} kg:date "2025-11-23"^^xsd:date }} ;'
                 f'INSERT DATA {{ {MEETING} kg:date "2025-11-24"^^xsd:date }}',
                 id="held-meeting-on-publication-day"),
    pytest.param(f'DELETE DATA {{ {MEETING} kg:date "2025-11-23"^^xsd:date ; kg:status kg:Held }} ;'
                 f'INSERT DATA {{ {MEETING} kg:date "2025-12-01"^^xsd:date ; kg:status kg:Scheduled }}',
                 id="scheduled-meeting-after-article"),
    pytest.param(f'DELETE DATA {{ {MEETING} kg:dateBasis "relative" }} ;'
                 f'INSERT DATA {{ {MEETING} kg:dateBasis "relative"^^xsd:string }}',
                 id="date-basis-typed-string"),
    pytest.param(f"DELETE DATA {{ {MEETING} kg:location place:geneva }} ;"
                 f"INSERT DATA {{ {MEETING} kg:location country:ukraine }}",
                 id="country-as-location"),
    pytest.param(f'DELETE DATA {{ {RUBIO_QUOTE} oa:exact "Marco Rubio" }} ;'
                 f'INSERT DATA {{ {RUBIO_QUOTE} oa:exact "GENEVA" }} ;'
                 f"DELETE DATA {{ {RUBIO_POS} oa:start {nn(119)} ; oa:end {nn(130)} }} ;"
                 f"INSERT DATA {{ {RUBIO_POS} oa:start {nn(0)} ; oa:end {nn(6)} }}",
                 id="evidence-at-start-of-text"),
    pytest.param(f"DELETE DATA {{ {ARMY_POS} oa:end {nn(413)} }} ;"
                 f"INSERT DATA {{ {ARMY_POS} oa:end {nn(414)} }} ;"
                 f"DELETE WHERE {{ {ARMY_QUOTE} oa:exact ?e }} ;"
                 f'INSERT DATA {{ {ARMY_QUOTE} oa:exact "capped Ukraine\'s army at 600,000 troops." }}',
                 id="evidence-at-end-of-text"),
    pytest.param('INSERT DATA { person:marco-rubio rdfs:label "Marco Rubio" }', id="same-label-twice-is-one-triple"),
    # Oxigraph hands xsd:nonNegativeInteger back as xsd:integer; stored graphs must still conform.
    pytest.param("DELETE { ?p oa:start ?s ; oa:end ?e } INSERT { ?p oa:start ?si ; oa:end ?ei }"
                 " WHERE { ?p oa:start ?s ; oa:end ?e BIND (xsd:integer(?s) AS ?si) BIND (xsd:integer(?e) AS ?ei) }",
                 id="offsets-as-xsd-integer"),
]


@pytest.fixture(scope="module")
def conforming() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def variant(base: Graph, update: str) -> Graph:
    g = Graph()
    g += base
    g.update(PREFIXES + update)
    return g


def reporting_shapes(shapes: Graph) -> set[URIRef]:
    """Named shapes that can appear as sh:sourceShape: property shapes, and node shapes with a
    constraint of their own (not just sh:property)."""
    named = {s for s in shapes.subjects(RDF.type, SH.PropertyShape) if isinstance(s, URIRef)}
    own = (SH["or"], SH["in"], SH.xone, SH.sparql)
    for node in shapes.subjects(RDF.type, SH.NodeShape):
        if any((node, p, None) in shapes for p in own):
            named.add(node)
    return named


def test_load_shapes_returns_the_shapes_file(shapes: Graph) -> None:
    assert (KGSH.ClaimShape, RDF.type, SH.NodeShape) in shapes
    assert len(shapes) == len(Graph().parse(SHAPES_PATH))


def test_validate_graph_conforming_fixture_conforms(conforming: Graph) -> None:
    report = validate_graph(conforming)
    assert isinstance(report, ValidationReport)
    assert report.results == [], [(v.shape, v.focus_node, v.message) for v in report.results]
    assert report.conforms
    assert (None, SH.conforms, Literal(True)) in report.report_graph


def test_validate_graph_leaves_data_unchanged(conforming: Graph) -> None:
    data = variant(conforming, "DELETE DATA { claim:d99a57cc719374b8-175-194 kg:speaker person:marco-rubio }")
    before = set(data)
    validate_graph(data)
    assert set(data) == before


@pytest.mark.parametrize("update, expected", BROKEN)
def test_validate_graph_broken_variant_fails_on_named_shape(
    conforming: Graph, update: str, expected: frozenset[URIRef]
) -> None:
    report = validate_graph(variant(conforming, update))
    assert not report.conforms
    assert {v.shape for v in report.results} == expected
    # The flattened results must agree with pySHACL's own report graph.
    reported = set(report.report_graph.objects(None, SH.sourceShape))
    assert reported == expected
    assert all(v.severity == SH.Violation and v.message for v in report.results)


@pytest.mark.parametrize("update", STILL_CONFORMING)
def test_validate_graph_edge_variant_conforms(conforming: Graph, update: str) -> None:
    report = validate_graph(variant(conforming, update))
    assert report.results == [], [(v.shape, v.focus_node, v.message) for v in report.results]


def test_shapes_every_reporting_shape_has_a_broken_variant(shapes: Graph) -> None:
    covered = set().union(*(p.values[1] for p in BROKEN))
    assert reporting_shapes(shapes) - covered == set()
    assert covered - reporting_shapes(shapes) == set(), "a case names a shape that does not exist"


def test_shapes_every_shape_has_comment_and_message(shapes: Graph) -> None:
    nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    nodes |= set(shapes.objects(None, SH.sparql))
    missing = sorted(
        str(n) for n in nodes if shapes.value(n, RDFS.comment) is None or shapes.value(n, SH.message) is None
    )
    assert missing == []
    assert len(nodes) > 80  # guards against the type queries silently matching nothing
    targets = set(shapes.objects(None, SH.target))
    assert targets and all(shapes.value(t, RDFS.comment) is not None for t in targets)


def test_shapes_sparql_targets_select_nothing_in_conforming_data(conforming: Graph, shapes: Graph) -> None:
    # The SPARQL targets exist to pre-select violators only; one that selected every evidence
    # node would still pass the other tests but bring back the per-node query cost.
    merged = conforming + Graph().parse(ONTOLOGY_PATH)
    prefixes = {
        str(shapes.value(d, SH.prefix)): Namespace(str(shapes.value(d, SH.namespace)))
        for d in shapes.objects(None, SH.declare)
    }
    targets = list(shapes.objects(None, SH.target))
    assert len(targets) == 3
    for target in targets:
        assert list(merged.query(str(shapes.value(target, SH.select)), initNs=prefixes)) == []


def test_shapes_every_ontology_class_has_a_target_shape(shapes: Graph) -> None:
    ontology = Graph().parse(ONTOLOGY_PATH)
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG))}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert len(classes) == 22
    assert classes - targeted == set()


def test_shapes_conforming_fixture_instantiates_every_class(conforming: Graph) -> None:
    ontology = Graph().parse(ONTOLOGY_PATH)
    merged = conforming + ontology
    in_data = set(conforming.subjects()) | set(conforming.objects())
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG))}
    unused = []
    for cls in sorted(classes):
        subclasses = set(merged.transitive_subjects(RDFS.subClassOf, cls))
        instances = {x for sub in subclasses for x in merged.subjects(RDF.type, sub)}
        # enumeration members are typed in the ontology; the data must at least refer to one
        if not instances & in_data:
            unused.append(cls)
    assert unused == []


def test_validate_graph_violation_names_focus_path_and_value(conforming: Graph) -> None:
    bad = URIRef("https://www.wikidata.org/wiki/Q212")
    data = variant(
        conforming,
        "DELETE DATA { country:ukraine schema:sameAs wd:Q212 } ; "
        f"INSERT DATA {{ country:ukraine schema:sameAs <{bad}> }}",
    )
    [violation] = validate_graph(data).results
    assert violation.focus_node == URIRef(ID + "country/ukraine")
    assert violation.shape == KGSH["WikidataLink-sameAs"]
    assert violation.path == URIRef("https://schema.org/sameAs")
    assert violation.value == bad
    assert violation.severity == SH.Violation
    assert violation.component == SH.PatternConstraintComponent
    assert violation.message == "schema:sameAs must be an IRI of the form http://www.wikidata.org/entity/Q<digits>"


def test_validate_graph_sparql_message_shows_the_text_found(conforming: Graph) -> None:
    data = variant(
        conforming,
        f"DELETE DATA {{ {RUBIO_POS} oa:start {nn(119)} ; oa:end {nn(130)} }} ;"
        f"INSERT DATA {{ {RUBIO_POS} oa:start {nn(120)} ; oa:end {nn(131)} }}",
    )
    [violation] = validate_graph(data).results
    assert violation.focus_node == URIRef(ID + "evidence/d99a57cc719374b8-119-130")
    assert violation.value == Literal("Marco Rubio")
    assert violation.component == SH.SPARQLConstraintComponent
    assert "arco Rubio " in violation.message and "[120, 131)" in violation.message


def test_validate_graph_conforms_after_oxigraph_round_trip(conforming: Graph) -> None:
    # Stored graphs come back from Oxigraph with normalised literals (xsd:nonNegativeInteger
    # becomes xsd:integer); validating a stored article must give the same answer as before.
    ox = pytest.importorskip("pyoxigraph")
    store = ox.Store()
    store.load(conforming.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    back = Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8"), format="nt")
    assert len(back) == len(conforming)
    offsets = {o.datatype for o in back.objects(None, URIRef("http://www.w3.org/ns/oa#start"))}
    assert offsets == {URIRef("http://www.w3.org/2001/XMLSchema#integer")}  # the case this test is about
    report = validate_graph(back)
    assert report.results == [], [(v.shape, v.focus_node, v.message) for v in report.results]


def test_shapes_need_the_ontology_for_subclasses(conforming: Graph, shapes: Graph) -> None:
    # Why validate_graph passes the ontology: without its rdfs:subClassOf triples a kg:Person is
    # not a kg:Actor, so sh:class kg:Actor and the speaker check reject valid data.
    conforms, report, _ = pyshacl.validate(conforming, shacl_graph=shapes, inference="none", advanced=True)
    assert not conforms
    failed = set(report.objects(None, SH.sourceShape))
    assert {KGSH["Participation-agent"], KGSH.ClaimSpeakerTypeShape} <= failed
