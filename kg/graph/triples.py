"""Turn one article's extracted facts into the RDF of its named graph.

Functions are named for the ontology term they emit (``meeting_triples`` emits ``kg:Meeting``).
Every statement node gets ``kg:evidence`` pointing to a W3C Web Annotation ``oa:SpecificResource``
whose selectors reproduce the article's exact words; the named graph itself says which article
and which extractor version it came from (PROV-O).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from ..model import Actor, Article, ArticleFacts, Claim, Link, Meeting, Proposal, Span
from . import iri
from .namespaces import bind_prefixes
from .terms import _KG, _OA, _PROV, _RDF, _RDFS, _SCHEMA, _SKOS, _WD, TripleSet, _conf, _lit

CONTEXT_CHARS = 32  # oa:prefix / oa:suffix length: enough to re-anchor a quote if offsets drift


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
        self.doc_node = ox.NamedNode(self.doc)
        self.meeting_iris = meeting_iris
        self.version = version
        self.g = TripleSet()
        self.actors = {a.name: a for a in facts.actors}
        self.proposals = {p.name: iri.proposal_iri(p.name) for p in facts.proposals}
        self.activity = iri.activity_iri(self.article, version)

    def build(self) -> TripleSet:
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
        ev_iri = iri.evidence_iri(self.article, span)
        # the twelve triples straight into the set, each IRI made once (the hottest loop of a graph)
        ev, quote, position = ox.NamedNode(ev_iri), ox.NamedNode(f"{ev_iri}#quote"), ox.NamedNode(f"{ev_iri}#position")
        g, T, start, end = self.g, ox.Triple, span.start, span.end
        if type(node) is not ox.NamedNode:
            node = g.node(node)
        rdf_type = _RDF.type
        g[T(node, _KG.evidence, ev)] = None
        g[T(ev, rdf_type, _KG.Evidence)] = None
        g[T(ev, _OA.hasSource, self.doc_node)] = None
        g[T(ev, _OA.hasSelector, quote)] = None
        g[T(ev, _OA.hasSelector, position)] = None
        g[T(quote, rdf_type, _OA.TextQuoteSelector)] = None
        g[T(quote, _OA.exact, ox.Literal(text[start:end]))] = None
        g[T(quote, _OA.prefix, ox.Literal(text[max(0, start - CONTEXT_CHARS):start]))] = None
        g[T(quote, _OA.suffix, ox.Literal(text[end:end + CONTEXT_CHARS]))] = None
        g[T(position, rdf_type, _OA.TextPositionSelector)] = None
        # xsd:integer, not the Web Annotation range xsd:nonNegativeInteger: Oxigraph stores
        # integer subtypes as xsd:integer, and a graph must validate the same before and after
        # it is stored (the shapes add sh:minInclusive 0)
        g[T(position, _OA.start, _lit(start))] = None
        g[T(position, _OA.end, _lit(end))] = None
        return ev_iri

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
        add((doc, _RDF.type, _KG.Article))
        add((doc, _KG.fileName, _lit(a.stem)))
        add((doc, _KG.contentHash, _lit(a.sha256)))
        add((doc, _SCHEMA.text, _lit(a.text)))
        for prop, value in ((_SCHEMA.headline, a.title), (_SCHEMA.publisher, a.publisher),
                            (_SCHEMA.author, a.author), (_SCHEMA.inLanguage, a.language)):
            if value:
                add((doc, prop, _lit(value)))
        if a.url:
            add((doc, _SCHEMA.url, _lit(a.url, datatype=XSD.anyURI)))
        if a.published:
            add((doc, _SCHEMA.datePublished, _lit(a.published)))
        graph, activity = iri.graph_iri(a), self.activity
        add((graph, _PROV.wasDerivedFrom, doc))
        add((graph, _PROV.wasGeneratedBy, activity))
        add((activity, _RDF.type, _KG.ExtractionActivity))
        add((activity, _PROV.used, doc))
        add((activity, _KG.extractorVersion, _lit(self.version)))

    def label(self, node: URIRef, name: str) -> None:
        """One rdfs:label per node: two spellings that mint one IRI ("MOSCOW", "Moscow") keep
        the first as the label and the others as skos:altLabel."""
        labels = self.g.labels.get(self.g.node(node))
        if labels:
            if _lit(name) not in labels:
                self.g.add((node, _SKOS.altLabel, _lit(name)))
        else:
            self.g.add((node, _RDFS.label, _lit(name)))

    def actor_triples(self, actor: Actor) -> None:
        node, add = iri.actor_iri(actor.name, actor.kind), self.g.add
        add((node, _RDF.type, _KG[actor.kind]))
        self.label(node, actor.name)
        add((node, _KG.mentionedIn, self.doc))
        for alias in sorted(actor.aliases - {actor.name}):
            add((node, _SKOS.altLabel, _lit(alias)))
        for title in sorted(actor.titles):
            add((node, _KG.roleTitle, _lit(title)))
        if actor.affiliation in self.actors:  # only to an actor this graph describes
            add((node, _KG.affiliation, self.actor_node(actor.affiliation)))
        if actor.wikidata:
            add((node, _SCHEMA.sameAs, _WD[actor.wikidata]))
        for span in actor.mentions:
            self.evidence(node, span)

    def place_triples(self, label: str, spans: list[Span]) -> None:
        node, add = self.place_node(label), self.g.add
        add((node, _RDF.type, _KG.Place))
        self.label(node, label)
        add((node, _KG.mentionedIn, self.doc))
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
            add((self.place_node(inner), _KG.containedIn, node))
            add((node, _RDF.type, _KG.Place))
            self.label(node, outer)

    def meeting_triples(self, meeting: Meeting, node: URIRef) -> None:
        add = self.g.add
        add((node, _RDF.type, _KG.Meeting))
        where = f" in {meeting.place}" if meeting.place else ""
        when = f" on {meeting.date.isoformat()}" if meeting.date else ""
        add((node, _RDFS.label, _lit(f"Meeting{where}{when}")))
        if meeting.place:
            place = self.place_node(meeting.place)
            add((node, _KG.location, place))
            add((place, _RDF.type, _KG.Place))
            self.label(place, meeting.place)
            self.containment(meeting.place)
        if meeting.date:
            add((node, _KG.date, _lit(meeting.date)))
            if meeting.date_basis:
                add((node, _KG.dateBasis, _lit(meeting.date_basis)))
        add((node, _KG.status, _KG[meeting.status]))
        if meeting.mode:
            add((node, _KG.mode, _KG[meeting.mode]))
        add((node, _KG.confidence, _conf(meeting.confidence)))
        for span in meeting.evidence:
            self.evidence(node, span)
        for p in meeting.participants:
            agent = self.actor_node(p.name)
            part = iri.participation_iri(node, agent)
            add((node, _KG.participant, agent))
            add((node, _KG.hasParticipation, part))
            add((part, _RDF.type, _KG.Participation))
            add((part, _KG.agent, agent))
            if p.role:
                add((part, _KG.role, _KG[p.role]))
            if p.evidence:
                self.evidence(part, p.evidence)

    def proposal_triples(self, proposal: Proposal) -> None:
        node, add = self.proposals[proposal.name], self.g.add
        add((node, _RDF.type, _KG.Proposal))
        add((node, _RDFS.label, _lit(proposal.name)))
        if proposal.points:
            add((node, _KG.numberOfPoints, _lit(proposal.points)))
        if proposal.proposer in self.actors:  # only to an actor this graph describes
            add((node, _KG.proposedBy, self.actor_node(proposal.proposer)))
        if proposal.revision_of:
            add((node, _PROV.wasRevisionOf, iri.proposal_iri(proposal.revision_of)))
        add((node, _KG.confidence, _conf(proposal.confidence)))
        for span in proposal.evidence:
            self.evidence(node, span)
        for provision in proposal.provisions:
            item = iri.provision_iri(node, provision.topic)
            add((node, _KG.hasProvision, item))
            add((item, _RDF.type, _KG.Provision))
            add((item, _KG.topic, _lit(provision.topic)))
            add((item, _KG.provisionStatus, _KG[provision.status]))
            if provision.quantity is not None:
                add((item, _KG.quantity, _lit(Decimal(str(provision.quantity)), datatype=XSD.decimal)))
            if provision.evidence:
                self.evidence(item, provision.evidence)

    def claim_triples(self, claim: Claim) -> None:
        add = self.g.add
        node = iri.claim_iri(self.article, claim.evidence, claim.speaker)
        if claim.speaker == "anonymous source" or claim.speaker not in self.actors:
            speaker = iri.actor_iri(claim.speaker, "AnonymousSource")
            add((speaker, _RDF.type, _KG.AnonymousSource))
            add((speaker, _RDFS.label, _lit("anonymous source")))
        else:
            speaker = self.actor_node(claim.speaker)
        add((node, _RDF.type, _KG.Claim))
        add((node, _KG.speaker, speaker))
        add((node, _KG.text, _lit(claim.text)))
        add((node, _KG.claimType, _KG[claim.claim_type]))
        add((node, _KG.confidence, _conf(claim.confidence)))
        if claim.verb:
            add((node, _KG.reportingVerb, _lit(claim.verb)))
        if claim.date:
            add((node, _KG.date, _lit(claim.date)))
        if claim.channel:
            add((node, _KG.channel, _lit(claim.channel)))
        if claim.via:
            add((node, _KG.reportedVia, _lit(claim.via)))
        add((node, _KG.hedged, _lit(bool(claim.hedged))))
        for about in claim.about:
            if about in self.proposals:
                add((node, _KG.about, self.proposals[about]))
            elif about in self.facts.places:
                add((node, _KG.about, self.place_node(about)))
            elif about in self.actors:
                add((node, _KG.about, self.actor_node(about)))
        self.evidence(node, claim.evidence)


    def entity_link_triples(self, link: Link) -> None:
        """kg:EntityLink: the Wikidata decision for an actor or place, as PROV provenance of its
        schema:sameAs (or of its absence: NIL is "no confident match", with the reason)."""
        subject = self.place_node(link.name) if link.kind == "Place" else self.actor_node(link.name)
        node = iri.link_iri(self.article, link.kind, link.name)
        add = self.g.add
        add((node, _RDF.type, _KG.EntityLink))
        add((node, _KG.linkSubject, subject))
        add((node, _KG.confidence, _conf(link.confidence)))
        add((node, _KG.linkMethod, _lit(link.method)))
        add((node, _PROV.wasGeneratedBy, self.activity))
        if link.reason:
            add((node, _KG.linkReason, _lit(link.reason)))
        if link.qid:
            add((node, _KG.linkTarget, _WD[link.qid]))
            add((subject, _SCHEMA.sameAs, _WD[link.qid]))
        else:
            add((node, _KG.linkOutcome, _KG.NoConfidentMatch))


def facts_graph(facts: ArticleFacts, *, meeting_iris: list[URIRef], version: str) -> Graph:
    """The RDF of one article's named graph.

    facts (ArticleFacts): what extraction found in the article.
    meeting_iris (list[URIRef]): the IRI of each of ``facts.meetings``, in order.
    version (str): the extractor version, recorded as PROV provenance.
    RETURNS (Graph): an in-memory rdflib Graph, ready to validate and to store.
    """
    g = Graph()
    bind_prefixes(g)
    for t in ArticleGraph(facts, meeting_iris=meeting_iris, version=version).build():
        g.add((_rdflib(t.subject), _rdflib(t.predicate), _rdflib(t.object)))
    return g


def facts_triples(facts: ArticleFacts, *, meeting_iris: list[URIRef], version: str) -> list[ox.Triple]:
    """The same statements as :func:`facts_graph`, as pyoxigraph triples: what the build validates
    and stores, without an rdflib Graph in between.

    RETURNS (list[ox.Triple]): each statement once, in the order the builder made them; literals
        as written (the store writes them in Oxigraph's canonical form).
    """
    return list(ArticleGraph(facts, meeting_iris=meeting_iris, version=version).build())


def _rdflib(term):
    if type(term) is ox.NamedNode:
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
