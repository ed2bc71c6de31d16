"""Tests for ontology/parley.ttl and kg.validate.owl.

The ontology must cover docs/vocabulary.md, stay OWL 2 DL without imports, load in owlready2 and
be found consistent by HermiT, alone and with the hand-written article graph of
tests/fixtures/shapes/conforming.ttl; data that breaks a disjointness or a range must not be.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import owlready2
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg.validate.owl import ONTOLOGY_IRI, ONTOLOGY_PATH, OwlReport, check_consistency

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "shapes" / "conforming.ttl"
VOCABULARY = REPO_ROOT / "docs" / "vocabulary.md"
KG = Namespace("https://w3id.org/parley/ontology#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
XSD = "http://www.w3.org/2001/XMLSchema#"  # a str: pytest trips over rdflib's closed XSD namespace
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
ID = Namespace("https://w3id.org/parley/id/")
HERMIT_JAR = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"

DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual}

# Runs the OWL API bundled in HermiT.jar over a file and prints its OWL 2 DL profile violations.
DL_PROFILE_JAVA = """
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;
class DlProfile {
  public static void main(String[] args) throws Exception {
    OWLOntologyManager m = OWLManager.createOWLOntologyManager();
    OWLOntology o = m.loadOntologyFromOntologyDocument(new File(args[0]));
    OWLProfileReport r = new OWL2DLProfile().checkOntology(o);
    for (OWLProfileViolation v : r.getViolations()) System.out.println("VIOLATION " + v);
    System.out.println(r.isInProfile() ? "IN-PROFILE" : "NOT-IN-PROFILE");
  }
}
"""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def instances() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def kg_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(KG))}


def vocabulary_terms() -> list[str]:
    return sorted(set(re.findall(r"\bkg:([A-Za-z]+)", VOCABULARY.read_text(encoding="utf-8"))))


def fresh_world_with(*graphs: Graph) -> owlready2.World:
    world = owlready2.World()
    for n, graph in enumerate(graphs):
        data = graph.serialize(format="nt", encoding="utf-8")
        world.get_ontology(ONTOLOGY_IRI if n == 0 else f"urn:test:{n}").load(
            fileobj=io.BytesIO(data), format="ntriples"
        )
    return world


def with_triples(base: Graph, *triples) -> Graph:
    g = Graph()
    g += base
    for t in triples:
        g.add(t)
    return g


# -- the file itself --------------------------------------------------------------------------

def test_ontology_parses_as_one_owl_ontology_without_imports(ontology: Graph) -> None:
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [URIRef(ONTOLOGY_IRI)]
    assert list(ontology.objects(None, OWL.imports)) == []
    assert len(ontology) > 400


@pytest.mark.parametrize("name", vocabulary_terms())
def test_ontology_declares_vocabulary_term(ontology: Graph, name: str) -> None:
    declared = set(ontology.objects(KG[name], RDF.type))
    assert declared & DECLARATIONS, f"kg:{name} is in docs/vocabulary.md but not declared"


def test_ontology_vocabulary_terms_were_found() -> None:
    # guards the parametrization above against a regex that silently matches little
    assert {"Actor", "Held", "participant", "contentHash", "Video"} <= set(vocabulary_terms())
    assert len(vocabulary_terms()) > 70


def test_ontology_every_kg_term_has_label_and_comment(ontology: Graph) -> None:
    terms = kg_terms(ontology)
    missing = sorted(
        str(t) for t in terms
        if not isinstance(ontology.value(t, RDFS.label), Literal)
        or not isinstance(ontology.value(t, RDFS.comment), Literal)
    )
    assert len(terms) > 70
    assert missing == []


def test_ontology_referenced_external_terms_are_declared(ontology: Graph) -> None:
    # Without a declaration the reasoner must guess whether an IRI is a class or which kind of
    # property it is; for OWL 2 DL every entity used in an axiom is declared.
    used: set[URIRef] = set()
    axioms = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf, RDFS.domain, RDFS.range, OWL.onProperty,
              OWL.allValuesFrom)
    for p in axioms:
        used |= {o for o in ontology.objects(None, p) if isinstance(o, URIRef) and not o.startswith(XSD)}
    undeclared = sorted(str(u) for u in used if not set(ontology.objects(u, RDF.type)) & DECLARATIONS)
    assert undeclared == []


def test_ontology_declares_every_predicate_of_the_data_with_the_right_kind(
    ontology: Graph, instances: Graph
) -> None:
    # A literal-valued property declared as an object property (or the reverse) is punning the
    # reasoner rejects; schema:publisher and friends carry literals in our data.
    wrong = []
    for p in set(instances.predicates()) - {RDF.type, RDFS.label}:
        kinds = set(ontology.objects(p, RDF.type))
        literal = any(isinstance(o, Literal) for o in instances.objects(None, p))
        expected = {OWL.DatatypeProperty if literal else OWL.ObjectProperty, OWL.AnnotationProperty}
        if not kinds & expected:
            wrong.append((str(p), sorted(map(str, kinds))))
    assert wrong == []


@pytest.mark.parametrize(
    "sub, relation, sup",
    [
        (KG.Actor, RDFS.subClassOf, PROV.Agent),
        (KG.Person, RDFS.subClassOf, KG.Actor),
        (KG.Person, RDFS.subClassOf, PROV.Person),
        (KG.Person, RDFS.subClassOf, SCHEMA.Person),
        (KG.Organization, RDFS.subClassOf, PROV.Organization),
        (KG.Country, RDFS.subClassOf, KG.Actor),
        (KG.Country, RDFS.subClassOf, KG.Place),
        (KG.Delegation, RDFS.subClassOf, KG.Organization),
        (KG.Place, RDFS.subClassOf, SCHEMA.Place),
        (KG.Meeting, RDFS.subClassOf, SCHEMA.Event),
        (KG.Meeting, RDFS.subClassOf, PROV.Activity),
        (KG.Participation, RDFS.subClassOf, PROV.Association),
        (KG.Proposal, RDFS.subClassOf, SCHEMA.CreativeWork),
        (KG.Claim, RDFS.subClassOf, SCHEMA.Claim),
        (KG.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
        (KG.Evidence, RDFS.subClassOf, OA.SpecificResource),
        (KG.ExtractionActivity, RDFS.subClassOf, PROV.Activity),
        (KG.MeetingStatus, RDFS.subClassOf, SCHEMA.EventStatusType),
        (KG.proposedBy, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (KG.speaker, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (KG.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (KG.agent, RDFS.subPropertyOf, PROV.agent),
        (KG.hasParticipation, RDFS.subPropertyOf, PROV.qualifiedAssociation),
        (KG.participant, RDFS.subPropertyOf, SCHEMA.attendee),
        (KG.location, RDFS.subPropertyOf, SCHEMA.location),
        (KG.participant, SKOS.closeMatch, WDT.P710),
        (KG.location, SKOS.closeMatch, WDT.P276),
        (KG.date, SKOS.closeMatch, WDT.P585),
        (KG.quantity, SKOS.closeMatch, WDT.P1114),
        (KG.Person, SKOS.closeMatch, WD.Q5),
        (KG.Organization, SKOS.closeMatch, WD.Q43229),
        (KG.Country, SKOS.closeMatch, WD.Q6256),
        (KG.Meeting, SKOS.closeMatch, WD.Q2761147),
        (KG.participant, KG.wikidataProperty, Literal("P710")),
        (KG.Person, KG.wikidataClass, Literal("Q5")),
    ],
)
def test_ontology_states_alignment(ontology: Graph, sub: URIRef, relation: URIRef, sup: URIRef) -> None:
    assert (sub, relation, sup) in ontology


@pytest.mark.parametrize(
    "prop, domain, range_",
    [
        (KG.about, KG.Claim, None),
        (KG.evidence, None, KG.Evidence),
        (KG.speaker, KG.Claim, KG.Actor),
        (KG.location, KG.Meeting, KG.Place),
        (KG.affiliation, KG.Actor, KG.Actor),  # not kg:Person: an organisation's affiliation must not make it a person
        (KG.date, "union", None),  # no range: xsd:date is outside the OWL 2 datatype map
        (KG.confidence, None, "restriction"),
    ],
)
def test_ontology_property_domain_and_range(ontology: Graph, prop: URIRef, domain, range_) -> None:
    domains, ranges = list(ontology.objects(prop, RDFS.domain)), list(ontology.objects(prop, RDFS.range))
    for found, wanted in ((domains, domain), (ranges, range_)):
        if wanted is None:
            assert found == []
        elif isinstance(wanted, URIRef):
            assert found == [wanted]
        else:
            assert len(found) == 1 and isinstance(found[0], BNode)


def test_ontology_schema_literal_properties_are_datatype_properties(ontology: Graph) -> None:
    for name in ("publisher", "author", "headline", "datePublished", "url", "inLanguage", "text"):
        assert (SCHEMA[name], RDF.type, OWL.DatatypeProperty) in ontology, name


ENUMERATIONS = {
    KG.MeetingStatus: {KG.Held, KG.Scheduled, KG.UnderWay, KG.Cancelled},
    KG.MeetingMode: {KG.InPerson, KG.Phone, KG.Video},
    KG.ParticipantRole: {KG.Host, KG.Guest, KG.Mediator, KG.HeadOfDelegation},
    KG.ClaimType: {KG.DirectQuote, KG.PartialQuote, KG.Paraphrase},
    KG.ProvisionStatus: {KG.Original, KG.Revised, KG.Reported, KG.Disputed},
}


@pytest.mark.parametrize("cls", list(ENUMERATIONS), ids=lambda c: c.split("#")[1])
def test_ontology_enumeration_members_typed_and_all_different(ontology: Graph, cls: URIRef) -> None:
    members = ENUMERATIONS[cls]
    assert set(ontology.subjects(RDF.type, cls)) == members
    different = [
        set(Collection(ontology, ontology.value(axiom, OWL.distinctMembers)))
        for axiom in ontology.subjects(RDF.type, OWL.AllDifferent)
    ]
    assert members in different


def test_ontology_disjointness_as_in_vocabulary(ontology: Graph) -> None:
    axioms = [
        set(Collection(ontology, ontology.value(axiom, OWL.members)))
        for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert {KG.Person, KG.Organization, KG.Country, KG.AnonymousSource} in axioms
    assert {KG.Meeting, KG.Claim, KG.Proposal, KG.Article, KG.Evidence, KG.Actor, KG.Provision, KG.EntityLink} in axioms
    # kg:Country is both: a Place disjoint with Actor would make every country unsatisfiable
    assert all(KG.Place not in members for members in axioms)
    assert (KG.Place, OWL.disjointWith, None) not in ontology
    assert (None, OWL.disjointWith, KG.Place) not in ontology


@pytest.mark.skipif(shutil.which("javac") is None, reason="needs a JDK: the checker is a Java source file")
@pytest.mark.parametrize("with_data", [False, True], ids=["ontology", "ontology+fixture"])
def test_ontology_is_in_owl2_dl_profile(ontology: Graph, instances: Graph, tmp_path: Path, with_data: bool) -> None:
    source = tmp_path / "DlProfile.java"
    source.write_text(DL_PROFILE_JAVA)
    # RDF/XML: the OWL API 3 Turtle parser in HermiT.jar rejects some of rdflib's Turtle output
    document = tmp_path / "document.owl"
    (ontology + instances if with_data else ontology).serialize(document, format="xml")
    run = subprocess.run(
        ["java", "-cp", str(HERMIT_JAR), str(source), str(document)],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    violations = [line for line in run.stdout.splitlines() if line.startswith("VIOLATION")]
    assert violations == []
    assert run.stdout.splitlines()[-1] == "IN-PROFILE"


# -- owlready2 and HermiT ------------------------------------------------------------------------

def test_ontology_loads_in_owlready2_and_hermit_finds_it_consistent(ontology: Graph, tmp_path: Path) -> None:
    # owlready2 reads RDF/XML, OWL/XML and N-Triples but not Turtle, hence the conversion.
    path = tmp_path / "parley.nt"
    ontology.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(f"file://{path}").load()
    person = world[str(KG.Person)]
    assert person is not None and world[str(KG.Actor)] in person.is_a
    assert {c.iri for c in onto.classes()} >= {str(KG.Meeting), str(KG.Claim), str(KG.Evidence)}
    owlready2.sync_reasoner(world, infer_property_values=False, debug=0)  # raises if inconsistent
    assert list(world.inconsistent_classes()) == []
    world.close()


def test_ontology_owlready2_raises_for_person_also_organization(ontology: Graph, instances: Graph) -> None:
    data = with_triples(instances, (ID["person/marco-rubio"], RDF.type, KG.Organization))
    world = fresh_world_with(ontology, data)
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True)
    world.close()


def test_check_consistency_ontology_alone_is_consistent() -> None:
    report = check_consistency()
    assert report == OwlReport(consistent=True, involved=[], unsatisfiable=[])
    assert report.detail == "consistent"


def test_check_consistency_fixture_is_consistent(instances: Graph) -> None:
    report = check_consistency(instances)
    assert report.consistent, report.detail
    assert report.unsatisfiable == []


def test_check_consistency_person_also_organization_names_both_classes(instances: Graph) -> None:
    rubio = ID["person/marco-rubio"]
    report = check_consistency(with_triples(instances, (rubio, RDF.type, KG.Organization)))
    assert not report.consistent
    assert report.involved == [f"<{rubio}> is both <{KG.Organization}> and <{KG.Person}>, which are disjoint"]
    assert str(rubio) in report.detail


def test_check_consistency_reports_clash_found_through_a_range(instances: Graph) -> None:
    # kg:participant has range kg:Actor, and Actor is disjoint with Claim
    claim = ID["claim/d99a57cc719374b8-175-194"]
    report = check_consistency(with_triples(instances, (ID["meeting/geneva-2025-11-23"], KG.participant, claim)))
    assert not report.consistent
    assert f"<{claim}> is both <{KG.Actor}> and <{KG.Claim}>, which are disjoint" in report.involved


@pytest.mark.parametrize(
    "triple",
    [
        pytest.param((ID["claim/d99a57cc719374b8-175-194"], KG.confidence, Literal("1.5", datatype=URIRef(XSD + "decimal"))),
                     id="confidence-above-one"),
        pytest.param((ID["proposal/19-point-framework"], KG.numberOfPoints, Literal(0)), id="zero-points"),
        pytest.param((ID["claim/d99a57cc719374b8-175-194"], KG.claimType, KG.DirectQuote), id="two-claim-types"),
        pytest.param((ID["meeting/geneva-2025-11-23"], RDF.type, KG.Claim), id="meeting-also-claim"),
        pytest.param((ID["evidence/d99a57cc719374b8-9-67"], OA.hasSource, ID["meeting/geneva-2025-11-23"]),
                     id="evidence-source-is-meeting"),
    ],
)
def test_check_consistency_finds_inconsistent_data(instances: Graph, triple) -> None:
    assert not check_consistency(with_triples(instances, triple)).consistent


@pytest.mark.parametrize(
    "triple",
    [
        pytest.param((ID["meeting/geneva-2025-11-23"], KG.location, ID["country/ukraine"]), id="country-as-location"),
        pytest.param((ID["org/reuters"], KG.affiliation, ID["country/united-states"]), id="organization-affiliation"),
        pytest.param((ID["org/reuters"], KG.roleTitle, Literal("news agency")), id="organization-role-title"),
        pytest.param((ID["org/reuters"], KG.confidence, Literal(0.8)), id="confidence-as-double"),
        pytest.param((ID["meeting/geneva-2025-11-23"], KG.status, KG.Scheduled), id="statuses-from-two-articles"),
        pytest.param((ID["proposal/28-point-peace-plan"], KG.numberOfPoints, Literal(27)), id="point-counts-disagree"),
        pytest.param((ID["claim/d99a57cc719374b8-175-194"], KG.about, ID["article/d99a57cc719374b8"]), id="about-anything"),
    ],
)
def test_check_consistency_tolerates_realistic_variation(instances: Graph, triple) -> None:
    # Ranges and domains are chosen so that the reasoner flags contradictions, not the
    # disagreements and loose ends that real articles produce (SHACL reports those).
    report = check_consistency(with_triples(instances, triple))
    assert report.consistent, report.detail
