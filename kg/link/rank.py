"""Ranking: which candidate item, if any, a mention stands for, and how sure we are.

Each type-compatible candidate gets a weight

    w = prior * exp(TITLE * title + COOC * co-occurrence)

where ``prior`` says how well the name matched (a verified alias 1.0, a Wikidata label 1.0, an alias
0.95, a lone surname of a person much less), ``title`` is the weighted share of the words of the
mention's best title ("Ukrainian president") found in the item's positions held and description,
and ``co-occurrence`` counts (up to 2) other names of the article that the item is linked to or
mentions. Confidence is the candidate's share of all the weight plus a NIL weight standing for
"the item meant is none of these"; below the threshold the decision is NIL, never a guess.
Candidates of an incompatible or unknown kind get no weight at all.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from .entity import Entity, compatible
from .text import norm, overlap, weighted_words

TITLE, COOC = 2.0, 1.5
MAX_COOC = 2
THRESHOLD = 0.7
SURNAME_ONLY = 0.4  # prior factor for a one-word person name matched outside the verified list
NIL_CACHE, NIL_LIVE = 0.05, 0.25  # weight of "none of these" for verified and for searched candidates


@dataclass(frozen=True)
class Candidate:
    entity: Entity
    prior: float  # what the name alone says (0..1)
    source: str  # "cache", "cache-fuzzy" or "live"
    links: frozenset[str] = frozenset()  # co-occurring names the item is linked to (live only)


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    weight: float
    title: float
    cooc: int

    @property
    def qid(self) -> str:
        return self.candidate.entity.qid


@dataclass(frozen=True)
class LinkDecision:
    """The outcome of linking one mention: a QID, or NIL (``qid is None``) with the reason.

    confidence (float): the chosen item's share of the weight; for NIL, the best candidate's share
        (0.0 when there was no candidate).
    method (str): the versioned procedure that decided, e.g. ``kg.link.cache.v1``.
    reason (str): a sentence a person can check.
    candidates (tuple[str, ...]): QIDs considered, best first.
    """

    qid: str | None
    confidence: float
    method: str
    reason: str
    candidates: tuple[str, ...] = field(default=())

    @property
    def is_nil(self) -> bool:
        return self.qid is None

    @property
    def iri(self) -> str | None:
        return f"http://www.wikidata.org/entity/{self.qid}" if self.qid else None


def item_words(entity: Entity, *, when: date | None, former: bool) -> set[str]:
    """Words of the item's description, its country and the positions it held at ``when`` (all
    positions when ``when`` is unknown or the title says "former")."""
    texts = [entity.description, entity.country or ""]
    day = when.isoformat() if when else None
    for p in entity.positions:
        ended = day is not None and p.end is not None and p.end < day
        not_yet = day is not None and p.start is not None and p.start > day
        if former or not (ended or not_yet):
            texts.append(p.label)
    return {w for t in texts if t for w in weighted_words(t)}


def title_score(entity: Entity, titles: Iterable[str], *, when: date | None) -> float:
    """Best weighted share of a title's words found in what the item is known for (0..1)."""
    best = 0.0
    for t in titles:
        former = "former" in norm(t).split()
        best = max(best, overlap(t, item_words(entity, when=when, former=former)))
    return best


def cooc_score(candidate: Candidate, context: Iterable[str]) -> int:
    """How many co-occurring names the item is linked to (live) or names in its country,
    description or positions (0..MAX_COOC)."""
    e = candidate.entity
    text = " " + " ".join(norm(t) for t in [e.country or "", e.description, *(p.label for p in e.positions)]) + " "
    found = {norm(n) for n in candidate.links}
    for name in context:
        key = norm(name)
        if key and f" {key} " in text:
            found.add(key)
    return min(len(found), MAX_COOC)


def decide(name: str, kind: str | None, candidates: list[Candidate], *, titles: Iterable[str] = (),
           context: Iterable[str] = (), when: date | None = None, threshold: float = THRESHOLD,
           method: str) -> LinkDecision:
    """Rank ``candidates`` for a mention and decide: the best item if its confidence reaches
    ``threshold``, else NIL.

    name (str): the mention's canonical name.
    kind (str | None): its ontology kind (Person, Organization, Country, Place, Event), or None.
    candidates (list[Candidate]): items whose names matched.
    titles (Iterable[str]): role titles given to the mention in the article.
    context (Iterable[str]): other names in the article.
    when (date | None): the article's date, to tell current from former positions.
    threshold (float): the least confidence for a link.
    method (str): recorded in the decision.
    RETURNS (LinkDecision): the link or NIL, with confidence and reason.
    """
    titles, context = list(titles), [c for c in context if norm(c) != norm(name)]
    refused = [c for c in candidates if not compatible(kind, c.entity.kind)]
    scored: list[Scored] = []
    for c in candidates:
        if c in refused:
            continue
        t = title_score(c.entity, titles, when=when)
        k = cooc_score(c, context)
        scored.append(Scored(c, c.prior * math.exp(TITLE * t + COOC * k), t, k))
    scored.sort(key=lambda s: -s.weight)
    refusal = "; ".join(f"{c.entity.qid} is {c.entity.kind or 'of unknown type'}" for c in refused)
    if not scored:
        why = f"no candidate of kind {kind} for {name!r}" if candidates else f"no candidate for {name!r}"
        return LinkDecision(None, 0.0, method, why + (f" ({refusal})" if refusal else ""),
                            tuple(c.entity.qid for c in candidates))
    nil = NIL_CACHE if all(s.candidate.source == "cache" for s in scored) else NIL_LIVE
    total = sum(s.weight for s in scored) + nil
    best = scored[0]
    confidence = round(best.weight / total, 3)
    evidence = _evidence(best)
    order = tuple(s.qid for s in scored)
    if confidence >= threshold:
        return LinkDecision(best.qid, confidence, method,
                            f"{name!r} -> {best.qid} ({best.candidate.entity.label}): {evidence}", order)
    others = ", ".join(f"{s.qid} {s.weight / total:.2f}" for s in scored[1:4])
    return LinkDecision(None, confidence, method,
                        f"no confident match for {name!r}: best {best.qid} ({best.candidate.entity.label}) "
                        f"{confidence:.2f} < {threshold}" + (f"; also {others}" if others else "")
                        + (f"; refused {refusal}" if refusal else ""), order)


def _evidence(s: Scored) -> str:
    parts = [{"cache": "verified alias", "cache-fuzzy": "spelling variant of a verified alias",
              "live": "Wikidata label/alias"}[s.candidate.source] + f" (prior {s.candidate.prior:.2f})"]
    if s.title:
        parts.append(f"title match {s.title:.2f}")
    if s.cooc:
        parts.append(f"{s.cooc} co-occurring name(s)")
    return ", ".join(parts)
