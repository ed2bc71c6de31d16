"""Turn one article's extracted facts into the RDF of its named graph.

Functions are named for the ontology term they emit (``meeting_triples`` emits ``kg:Meeting``).
Every statement node gets ``kg:evidence`` pointing to a W3C Web Annotation ``oa:SpecificResource``
whose selectors reproduce the article's exact words; the named graph itself says which article
and which extractor version it came from (PROV-O).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from ..model import Actor, Article, ArticleFacts, Claim, Link, Meeting, Proposal, Span
from . import iri
from .namespaces import KG, OA, SCHEMA, WD, bind_prefixes

CONTEXT_CHARS = 32  # oa:prefix / oa:suffix length: enough to re-anchor a quote if offsets drift


def _conf(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 2))), datatype=XSD.decimal)


def merge_reports(meetings: list[Meeting], nodes: list[URIRef]) -> dict[URIRef, Meeting]:
    """One article may report one meeting twice ("talks in Florida on Sunday", later "the
    Florida meeting"): merge reports that identity resolution gave the same IRI. The first
    report's place, date and status stand; participants and evidence are pooled."""
    merged: dict[URIRef, Meeting] = {}
    for m, node in zip(meetings, nodes):
        if node not in merged:
            merged[node] = replace(m, participants=[replace(p) for p in m.participants], evidence=list(m.evidence))
            continue
        first = merged[node]
        first.place, first.date = first.place or m.place, first.date or m.date
        first.mode = first.mode or m.mode
        first.date_basis = first.date_basis or m.date_basis
        first.confidence = max(first.confidence, m.confidence)
        known = {p.name: p for p in first.participants}
        for p in m.participants:
            if p.name not in known:
                first.participants.append(p)
            elif known[p.name].role is None and p.role:  # a later report may name the role
                known[p.name].role, known[p.name].evidence = p.role, p.evidence or known[p.name].evidence
        first.evidence += [e for e in m.evidence if e not in first.evidence]
    return merged


class ArticleGraph:
    """Builds the named graph of one article. ``meeting_iris[i]`` is the IRI chosen for
    ``facts.meetings[i]`` by identity resolution across articles (see :mod:`kg.graph.identity`)."""

    def __init__(self, facts: ArticleFacts, *, meeting_iris: list[URIRef], version: str) -> None:
        self.facts = facts
        self.article: Article = facts.article
        self.doc = iri.article_iri(self.article)
        self.meeting_iris = meeting_iris
        self.version = version
        self.g = Graph()
        bind_prefixes(self.g)
        self.actors = {a.name: a for a in facts.actors}
        self.proposals = {p.name: iri.proposal_iri(p.name) for p in facts.proposals}

    def build(self) -> Graph:
        self.article_triples()
        for actor in self.facts.actors:
            self.actor_triples(actor)
        for label, spans in sorted(self.facts.places.items()):
            self.place_triples(label, spans)
        for node, meeting in merge_reports(self.facts.meetings, self.meeting_iris).items():
            self.meeting_triples(meeting, node)
        for proposal in self.facts.proposals:
            self.proposal_triples(proposal)
        for claim in self.facts.claims:
            self.claim_triples(claim)
        for link in self.facts.links:
            self.entity_link_triples(link)
        return self.g

    # -- nodes -----------------------------------------------------------------------------
    def clip(self, span: Span) -> Span:
        """Keep evidence inside the article body it starts in, without trailing white space: a
        sentence that runs on into page furniture must not quote the furniture."""
        end = span.end
        for body in self.article.body:
            if body.start <= span.start < body.end:
                end = min(end, body.end)
                break
        while end > span.start and self.article.text[end - 1].isspace():
            end -= 1
        return Span(span.start, end) if end > span.start else span

    def evidence(self, node: URIRef, span: Span) -> URIRef:
        """Attach ``kg:evidence`` for ``span`` to ``node``; returns the Evidence IRI."""
        text = self.article.text
        span = self.clip(span)
        ev = iri.evidence_iri(self.article, span)
        quote, position = URIRef(f"{ev}#quote"), URIRef(f"{ev}#position")
        add = self.g.add
        add((node, KG.evidence, ev))
        add((ev, RDF.type, KG.Evidence))
        add((ev, OA.hasSource, self.doc))
        add((ev, OA.hasSelector, quote))
        add((ev, OA.hasSelector, position))
        add((quote, RDF.type, OA.TextQuoteSelector))
        add((quote, OA.exact, Literal(text[span.start:span.end])))
        add((quote, OA.prefix, Literal(text[max(0, span.start - CONTEXT_CHARS):span.start])))
        add((quote, OA.suffix, Literal(text[span.end:span.end + CONTEXT_CHARS])))
        add((position, RDF.type, OA.TextPositionSelector))
        # xsd:integer, not the Web Annotation range xsd:nonNegativeInteger: Oxigraph stores
        # integer subtypes as xsd:integer, and a graph must validate the same before and after
        # it is stored (the shapes add sh:minInclusive 0)
        add((position, OA.start, Literal(span.start)))
        add((position, OA.end, Literal(span.end)))
        return ev

    def actor_node(self, name: str) -> URIRef:
        actor = self.actors.get(name)
        return iri.actor_iri(name, actor.kind if actor else "Person")

    def place_node(self, label: str) -> URIRef:
        actor = self.actors.get(label)
        if actor is not None and actor.kind == "Country":
            return iri.actor_iri(label, "Country")  # a country is both an actor and a place
        return iri.place_iri(label)

    # -- one function per ontology class -----------------------------------------------------
    def article_triples(self) -> None:
        a, doc, add = self.article, self.doc, self.g.add
        add((doc, RDF.type, KG.Article))
        add((doc, KG.fileName, Literal(a.stem)))
        add((doc, KG.contentHash, Literal(a.sha256)))
        add((doc, SCHEMA.text, Literal(a.text)))
        for prop, value in ((SCHEMA.headline, a.title), (SCHEMA.publisher, a.publisher),
                            (SCHEMA.author, a.author), (SCHEMA.inLanguage, a.language)):
            if value:
                add((doc, prop, Literal(value)))
        if a.url:
            add((doc, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.published:
            add((doc, SCHEMA.datePublished, Literal(a.published)))
        graph, activity = iri.graph_iri(a), iri.activity_iri(a, self.version)
        add((graph, PROV.wasDerivedFrom, doc))
        add((graph, PROV.wasGeneratedBy, activity))
        add((activity, RDF.type, KG.ExtractionActivity))
        add((activity, PROV.used, doc))
        add((activity, KG.extractorVersion, Literal(self.version)))

    def label(self, node: URIRef, name: str) -> None:
        """One rdfs:label per node: two spellings that mint one IRI ("MOSCOW", "Moscow") keep
        the first as the label and the others as skos:altLabel."""
        if (node, RDFS.label, None) in self.g:
            if (node, RDFS.label, Literal(name)) not in self.g:
                self.g.add((node, SKOS.altLabel, Literal(name)))
        else:
            self.g.add((node, RDFS.label, Literal(name)))

    def actor_triples(self, actor: Actor) -> None:
        node, add = iri.actor_iri(actor.name, actor.kind), self.g.add
        add((node, RDF.type, KG[actor.kind]))
        self.label(node, actor.name)
        add((node, KG.mentionedIn, self.doc))
        for alias in sorted(actor.aliases - {actor.name}):
            add((node, SKOS.altLabel, Literal(alias)))
        for title in sorted(actor.titles):
            add((node, KG.roleTitle, Literal(title)))
        if actor.affiliation in self.actors:  # only to an actor this graph describes
            add((node, KG.affiliation, self.actor_node(actor.affiliation)))
        if actor.wikidata:
            add((node, SCHEMA.sameAs, WD[actor.wikidata]))
        for span in actor.mentions:
            self.evidence(node, span)

    def place_triples(self, label: str, spans: list[Span]) -> None:
        node, add = self.place_node(label), self.g.add
        add((node, RDF.type, KG.Place))
        self.label(node, label)
        add((node, KG.mentionedIn, self.doc))
        for span in spans:
            self.evidence(node, span)
        self.containment(label)

    def containment(self, label: str) -> None:
        """kg:containedIn from a place named with what contains it: "Oval Office, White House, Washington"
        lies in "White House, Washington", which lies in "Washington" (a country stays its actor node)."""
        parts = [part.strip() for part in label.split(",")]
        add = self.g.add
        for i in range(len(parts) - 1):
            inner, outer = ", ".join(parts[i:]), ", ".join(parts[i + 1:])
            if not outer:
                return
            node = self.place_node(outer)
            add((self.place_node(inner), KG.containedIn, node))
            add((node, RDF.type, KG.Place))
            self.label(node, outer)

    def meeting_triples(self, meeting: Meeting, node: URIRef) -> None:
        add = self.g.add
        add((node, RDF.type, KG.Meeting))
        where = f" in {meeting.place}" if meeting.place else ""
        when = f" on {meeting.date.isoformat()}" if meeting.date else ""
        add((node, RDFS.label, Literal(f"Meeting{where}{when}")))
        if meeting.place:
            place = self.place_node(meeting.place)
            add((node, KG.location, place))
            add((place, RDF.type, KG.Place))
            self.label(place, meeting.place)
            self.containment(meeting.place)
        if meeting.date:
            add((node, KG.date, Literal(meeting.date)))
            if meeting.date_basis:
                add((node, KG.dateBasis, Literal(meeting.date_basis)))
        add((node, KG.status, KG[meeting.status]))
        if meeting.mode:
            add((node, KG.mode, KG[meeting.mode]))
        add((node, KG.confidence, _conf(meeting.confidence)))
        for span in meeting.evidence:
            self.evidence(node, span)
        for p in meeting.participants:
            agent = self.actor_node(p.name)
            part = iri.participation_iri(node, agent)
            add((node, KG.participant, agent))
            add((node, KG.hasParticipation, part))
            add((part, RDF.type, KG.Participation))
            add((part, KG.agent, agent))
            if p.role:
                add((part, KG.role, KG[p.role]))
            if p.evidence:
                self.evidence(part, p.evidence)

    def proposal_triples(self, proposal: Proposal) -> None:
        node, add = self.proposals[proposal.name], self.g.add
        add((node, RDF.type, KG.Proposal))
        add((node, RDFS.label, Literal(proposal.name)))
        if proposal.points:
            add((node, KG.numberOfPoints, Literal(proposal.points)))
        if proposal.proposer in self.actors:  # only to an actor this graph describes
            add((node, KG.proposedBy, self.actor_node(proposal.proposer)))
        if proposal.revision_of:
            add((node, PROV.wasRevisionOf, iri.proposal_iri(proposal.revision_of)))
        add((node, KG.confidence, _conf(proposal.confidence)))
        for span in proposal.evidence:
            self.evidence(node, span)
        for provision in proposal.provisions:
            item = iri.provision_iri(node, provision.topic)
            add((node, KG.hasProvision, item))
            add((item, RDF.type, KG.Provision))
            add((item, KG.topic, Literal(provision.topic)))
            add((item, KG.provisionStatus, KG[provision.status]))
            if provision.quantity is not None:
                add((item, KG.quantity, Literal(Decimal(str(provision.quantity)), datatype=XSD.decimal)))
            if provision.evidence:
                self.evidence(item, provision.evidence)

    def claim_triples(self, claim: Claim) -> None:
        add = self.g.add
        node = iri.claim_iri(self.article, claim.evidence, claim.speaker)
        if claim.speaker == "anonymous source" or claim.speaker not in self.actors:
            speaker = iri.actor_iri(claim.speaker, "AnonymousSource")
            add((speaker, RDF.type, KG.AnonymousSource))
            add((speaker, RDFS.label, Literal("anonymous source")))
        else:
            speaker = self.actor_node(claim.speaker)
        add((node, RDF.type, KG.Claim))
        add((node, KG.speaker, speaker))
        add((node, KG.text, Literal(claim.text)))
        add((node, KG.claimType, KG[claim.claim_type]))
        add((node, KG.confidence, _conf(claim.confidence)))
        if claim.verb:
            add((node, KG.reportingVerb, Literal(claim.verb)))
        if claim.date:
            add((node, KG.date, Literal(claim.date)))
        if claim.channel:
            add((node, KG.channel, Literal(claim.channel)))
        if claim.via:
            add((node, KG.reportedVia, Literal(claim.via)))
        add((node, KG.hedged, Literal(bool(claim.hedged))))
        for about in claim.about:
            if about in self.proposals:
                add((node, KG.about, self.proposals[about]))
            elif about in self.facts.places:
                add((node, KG.about, self.place_node(about)))
            elif about in self.actors:
                add((node, KG.about, self.actor_node(about)))
        self.evidence(node, claim.evidence)


    def entity_link_triples(self, link: Link) -> None:
        """kg:EntityLink: the Wikidata decision for an actor or place, as PROV provenance of its
        schema:sameAs (or of its absence: NIL is "no confident match", with the reason)."""
        subject = self.place_node(link.name) if link.kind == "Place" else self.actor_node(link.name)
        node = iri.link_iri(self.article, link.kind, link.name)
        add = self.g.add
        add((node, RDF.type, KG.EntityLink))
        add((node, KG.linkSubject, subject))
        add((node, KG.confidence, _conf(link.confidence)))
        add((node, KG.linkMethod, Literal(link.method)))
        add((node, PROV.wasGeneratedBy, iri.activity_iri(self.article, self.version)))
        if link.reason:
            add((node, KG.linkReason, Literal(link.reason)))
        if link.qid:
            add((node, KG.linkTarget, WD[link.qid]))
            add((subject, SCHEMA.sameAs, WD[link.qid]))
        else:
            add((node, KG.linkOutcome, KG.NoConfidentMatch))


def facts_graph(facts: ArticleFacts, *, meeting_iris: list[URIRef], version: str) -> Graph:
    """The RDF of one article's named graph.

    facts (ArticleFacts): what extraction found in the article.
    meeting_iris (list[URIRef]): the IRI of each of ``facts.meetings``, in order.
    version (str): the extractor version, recorded as PROV provenance.
    RETURNS (Graph): an in-memory rdflib Graph, ready to validate and to store.
    """
    return ArticleGraph(facts, meeting_iris=meeting_iris, version=version).build()
