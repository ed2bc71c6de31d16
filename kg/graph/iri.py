"""Deterministic IRIs: building twice from the same articles gives the same graph.

Every IRI is a function of content (an article's SHA-256, a canonical name, a date, character
offsets), never of a counter, a clock or a random number.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from functools import lru_cache

from rdflib import URIRef

from ..errors import Errors
from ..model import Article, Span
from .namespaces import KGID

ACTOR_PATHS = {"Person": "person", "Organization": "org", "Country": "country", "Delegation": "delegation",
               "AnonymousSource": "actor"}


@lru_cache(maxsize=65536)  # a graph names each actor, place and speaker many times over
def slug(name: str) -> str:
    """ASCII, lower case, dash-separated: 'Volodymyr Zelenskyy' -> 'volodymyr-zelenskyy'.

    A name with no Latin letters or digits ('Владимир Путин') gets 'u-' and a hash of its
    normalised form: still deterministic, never empty."""
    if not any(ch.isalnum() for ch in name or ""):
        raise ValueError(Errors.E301.format(what=repr(name)))
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not s:
        key = unicodedata.normalize("NFC", " ".join(name.lower().split()))
        s = "u-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return s


def article_iri(article: Article) -> URIRef:
    return KGID[f"article/{article.key}"]


def graph_iri(article: Article) -> URIRef:
    """The article's named graph. It follows the article's source (URL, or path in the built
    folder) when it has one, so an edited article replaces its own graph; else its content."""
    if article.source:
        key = hashlib.sha256(article.source.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return KGID[f"graph/{key}"]
    return KGID[f"graph/{article.key}"]


def activity_iri(article: Article, version: str) -> URIRef:
    return KGID[f"activity/{article.key}-{slug(version)}"]


@lru_cache(maxsize=65536)
def actor_iri(name: str, kind: str) -> URIRef:
    if kind == "AnonymousSource":
        return KGID["actor/anonymous-source"]
    return KGID[f"{ACTOR_PATHS.get(kind, 'actor')}/{slug(name)}"]


@lru_cache(maxsize=65536)
def place_iri(name: str) -> URIRef:
    return KGID[f"place/{slug(name)}"]


def meeting_iri(place: str | None, when: date | None, attendees: list[str]) -> URIRef:
    """Place and date identify a meeting; without a date, the place; without a place, the
    date and who met (sorted surnames), so that two articles on one encounter agree."""
    if place and when:
        return KGID[f"meeting/{slug(place)}-{when.isoformat()}"]
    if place:
        return KGID[f"meeting/{slug(place)}-undated"]
    who = "-".join(sorted(slug(a.split()[-1]) for a in attendees)) or "unknown"
    return KGID[f"meeting/{when.isoformat() if when else 'undated'}-{who}"]


def participation_iri(meeting: URIRef, actor: URIRef) -> URIRef:
    return URIRef(f"{meeting}/participation/{actor.rsplit('/', 1)[-1]}")


def proposal_iri(name: str) -> URIRef:
    return KGID[f"proposal/{slug(name)}"]


def provision_iri(proposal: URIRef, topic: str) -> URIRef:
    return URIRef(f"{proposal}/provision/{slug(topic)[:60]}")


def link_iri(article: Article, kind: str, name: str) -> URIRef:
    return KGID[f"link/{article.key}-{slug(kind)}-{slug(name)}"]


def claim_iri(article: Article, span: Span, speaker: str) -> URIRef:
    return KGID[f"claim/{article.key}-{span.start}-{span.end}-{slug(speaker)[:40]}"]


def evidence_iri(article: Article, span: Span) -> URIRef:
    return KGID[f"evidence/{article.key}-{span.start}-{span.end}"]
