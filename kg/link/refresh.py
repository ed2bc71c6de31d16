"""``kg link --refresh``: re-read the cached items from the endpoint.

Only the items already in the cache (the verified QIDs) are refreshed; nothing is added. The
verified label, curated aliases and kind stay; description, class roots, positions held, country
and Wikidata's English aliases are replaced by what the endpoint says now.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..errors import Warnings
from .cache import EntityCache
from .candidates import WikidataClient
from .entity import compatible

BATCH = 50  # items per query


@dataclass
class RefreshReport:
    refreshed: list[str] = field(default_factory=list)  # QIDs
    missing: list[str] = field(default_factory=list)  # QIDs the endpoint does not describe
    warnings: list[str] = field(default_factory=list)  # W601 / W602 messages


def refresh_cache(cache: EntityCache, client: WikidataClient, *, today: date | None = None) -> RefreshReport:
    """Refresh every cached item in place from ``client``'s endpoint.

    cache (EntityCache): the cache to update (save it afterwards).
    client (WikidataClient): the endpoint to read.
    today (date | None): recorded as the retrieval date (default: today).
    RETURNS (RefreshReport): what was refreshed, what is missing, and kind conflicts.
    RAISES (LinkError): E601 when the endpoint fails.
    """
    report = RefreshReport()
    stamp = (today or date.today()).isoformat()
    qids = sorted(cache.entities)
    for i in range(0, len(qids), BATCH):
        found = client.describe(qids[i:i + BATCH])
        for qid in qids[i:i + BATCH]:
            old, new = cache.entities[qid], found.get(qid)
            if new is None:
                report.missing.append(qid)
                report.warnings.append(Warnings.W601.format(qid=qid, label=old.label, endpoint=client.endpoint))
                continue
            if old.kind and new.kind != old.kind and not compatible(_accepting(old.kind), new.kind):
                report.warnings.append(Warnings.W602.format(qid=qid, label=old.label, found=new.kind or "untyped",
                                                            cached=old.kind))
            curated = {a.casefold() for a in (old.label, *old.aliases)}
            cache.add(replace(old, description=new.description, classes=new.classes, positions=new.positions,
                              country=new.country, retrieved=stamp,
                              wd_aliases=tuple(a for a in (new.label, *new.wd_aliases)
                                               if a.casefold() not in curated)))
            report.refreshed.append(qid)
    return report


def _accepting(kind: str) -> str:
    """The verified list says Place for cities and countries alike; both agree with it."""
    return "Place" if kind == "Country" else kind
