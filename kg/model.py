"""Plain dataclasses that the pipeline stages pass to each other.

Ingest produces :class:`Article`; extraction turns one article into :class:`ArticleFacts`
(actors, meetings, proposals, claims, each carrying :class:`Span` evidence into the article
text); the graph stage turns facts into RDF. Nothing here knows about spaCy or rdflib.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    """Character offsets into :attr:`Article.text`: ``text[start:end]`` is the evidence.

    Implements the W3C Web Annotation TextPositionSelector (start inclusive, end exclusive).
    """

    start: int
    end: int


@dataclass
class Article:
    """One news article as ingested: text plus the metadata its source gives."""

    path: str  # where it was read from (file, or file#line for JSONL)
    stem: str  # file name without extension; the evaluation's ?doc
    text: str
    sha256: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    author: str | None = None
    language: str | None = None
    retrieved: str | None = None
    # its identity across builds: the URL when the metadata has one, else the path relative to
    # the built folder (kg/ingest/readers.py source_of); empty for articles made in code
    source: str = ""
    # character ranges of the text that are article body (not page furniture)
    body: list[Span] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Short content-derived identifier used in IRIs (stable across builds)."""
        return self.sha256[:16]


@dataclass
class Actor:
    """A person, organisation or country acting or acted upon in an article.

    ``kind`` is the ontology class local name: Person, Organization, Country, Delegation,
    AnonymousSource.
    """

    name: str  # canonical label
    kind: str
    mentions: list[Span] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # "US Secretary of State"
    affiliation: str | None = None  # canonical name of another actor
    wikidata: str | None = None  # QID, only when verified
    confidence: float = 0.8


@dataclass
class Participant:
    name: str  # canonical actor name
    role: str | None = None  # Host, Guest, Mediator, HeadOfDelegation
    evidence: Span | None = None


@dataclass
class Meeting:
    """An encounter (talks, meeting, summit, visit, call) reported by an article."""

    place: str | None  # canonical place label
    date: date | None
    participants: list[Participant] = field(default_factory=list)
    status: str = "Held"  # Held, UnderWay, Scheduled, Cancelled
    mode: str | None = None  # InPerson, Phone, Video
    evidence: list[Span] = field(default_factory=list)
    date_basis: str | None = None  # how the date was resolved: explicit, relative, batch
    confidence: float = 0.7


@dataclass
class Provision:
    topic: str
    quantity: float | None = None
    status: str = "Original"  # Original, Revised, Reported, Disputed
    evidence: Span | None = None


@dataclass
class Proposal:
    """A named plan, draft or framework."""

    name: str
    points: int | None = None
    proposer: str | None = None  # canonical actor name
    revision_of: str | None = None  # name of the proposal it revises
    provisions: list[Provision] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.7


@dataclass
class Claim:
    """A statement attributed to a speaker with a reporting verb."""

    speaker: str  # canonical actor name, or "anonymous source"
    text: str
    claim_type: str  # DirectQuote, PartialQuote, Paraphrase
    evidence: Span  # the words of the claim (quote or reported clause)
    verb: str | None = None
    date: date | None = None
    channel: str | None = None  # X, Telegram, press conference, social media
    about: list[str] = field(default_factory=list)  # proposal names / place labels
    via: str | None = None  # reporting chain: "The New York Times"
    hedged: bool = False
    confidence: float = 0.7


@dataclass
class Link:
    """A Wikidata linking decision for one actor or place of an article: a QID, or NIL."""

    name: str  # canonical actor name or place label
    kind: str  # Person, Organization, Country, Place
    qid: str | None
    confidence: float
    method: str  # e.g. kg.link.cache.v1
    reason: str = ""


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    places: dict[str, list[Span]] = field(default_factory=dict)  # label -> mentions
    meetings: list[Meeting] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # extraction steps that failed on this article
