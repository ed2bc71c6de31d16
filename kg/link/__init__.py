"""Wikidata linking: actors, places and organisations to Wikidata items, offline first.

``Linker.load()`` links from the verified cache in ``data/wikidata/cache.json``;
``Linker.load(endpoint=WDQS_ENDPOINT)`` also asks the Wikidata Query Service about names the cache
lacks. Every decision is a :class:`LinkDecision`: a QID with a confidence and the method that
chose it, or NIL ("no confident match") with the reason. Emitted as ``schema:sameAs wd:Q…``.
"""
from __future__ import annotations

from .cache import DEFAULT_CACHE, VERIFIED, EntityCache
from .candidates import WDQS_ENDPOINT, WikidataClient
from .entity import Entity, Position
from .linker import METHOD_CACHE, METHOD_FUZZY, METHOD_LIVE, Linker, usable_aliases
from .rank import THRESHOLD, LinkDecision
from .refresh import RefreshReport, refresh_cache

__all__ = ["DEFAULT_CACHE", "VERIFIED", "EntityCache", "Entity", "Position", "LinkDecision", "Linker",
           "METHOD_CACHE", "METHOD_FUZZY", "METHOD_LIVE", "RefreshReport", "THRESHOLD", "WDQS_ENDPOINT",
           "WikidataClient", "refresh_cache", "usable_aliases"]
