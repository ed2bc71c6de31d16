"""The linker: offline cache first, the live endpoint (when given) for names the cache lacks."""
from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz

from ..errors import LinkError
from ..model import Actor
from .cache import DEFAULT_CACHE, VERIFIED, EntityCache
from .candidates import WikidataClient
from .entity import Entity, compatible
from .rank import SURNAME_ONLY, THRESHOLD, Candidate, LinkDecision, decide
from .text import norm, variants

log = logging.getLogger(__name__)

METHOD_CACHE = "kg.link.cache.v1"  # exact match on a verified label or alias
METHOD_FUZZY = "kg.link.cache_fuzzy.v1"  # a person's full name spelt like a verified one
METHOD_LIVE = "kg.link.wikidata_sparql.v1"  # candidates from the SPARQL endpoint, ranked
NEVER_LINKED = frozenset({"Delegation", "AnonymousSource"})


def usable_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """The surface forms of a mention that may stand in for its name: words of the name ("Zelensky"
    for "Volodymyr Zelensky"), spelling variants of it, or its acronym ("EU"). Anything else an
    extractor attached (a pronoun's antecedent gone wrong) is not used for linking."""
    key = norm(name)
    words = key.split()
    initials = "".join(w[0] for w in words if w not in ("of", "and", "for"))
    out = []
    for alias in aliases:
        a = norm(alias)
        if not a or a == key:
            continue
        if set(a.split()) <= set(words) or fuzz.ratio(a, key) >= 85 or (alias.isupper() and a == initials):
            out.append(alias)
    return out


class Linker:
    """Links actors and places to Wikidata items.

    cache (EntityCache): the verified items (offline; always consulted first).
    client (WikidataClient | None): the live endpoint for names the cache lacks; None = offline.
    threshold (float): the least confidence for a link; below it the decision is NIL.
    strict (bool): raise :class:`~kg.errors.LinkError` when the endpoint fails, instead of a NIL
        decision that names the failure.
    """

    def __init__(self, cache: EntityCache, *, client: WikidataClient | None = None,
                 threshold: float = THRESHOLD, strict: bool = False) -> None:
        self.cache, self.client, self.threshold, self.strict = cache, client, threshold, strict
        self._named: dict[tuple[str, ...], list] = {}
        self._linked: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[str, set[str]]] = {}

    @classmethod
    def load(cls, *, cache_path: Path | None = None, endpoint: str | None = None, threshold: float = THRESHOLD,
             strict: bool = False, **client_options) -> "Linker":
        """The linker over ``data/wikidata/cache.json`` (or the verified list if the cache file is
        absent); live too when ``endpoint`` is given (``client_options`` go to WikidataClient)."""
        path = Path(cache_path) if cache_path else DEFAULT_CACHE
        cache = EntityCache.load(path) if path.exists() else EntityCache.from_verified(VERIFIED)
        client = WikidataClient(endpoint, **client_options) if endpoint else None
        return cls(cache, client=client, threshold=threshold, strict=strict)

    def link_actor(self, actor: Actor, *, context_names: set[str], titles: set[str] = frozenset(),
                   when: date | None = None) -> LinkDecision:
        """Link an extracted actor (kg:Person, kg:Organization, kg:Country; never a delegation).

        actor (Actor): the actor; its name, kind, aliases and titles are used.
        context_names (set[str]): the other actors' and places' names in the same article.
        titles (set[str]): extra role titles (added to ``actor.titles``).
        when (date | None): the article's publication date.
        RETURNS (LinkDecision): the QID with confidence and method, or NIL with the reason.
        """
        return self.link(actor.name, actor.kind, aliases=actor.aliases, context_names=context_names,
                         titles=set(actor.titles) | set(titles), when=when)

    def link_place(self, label: str, *, context_names: set[str], when: date | None = None) -> LinkDecision:
        """Link a place (kg:Place: a city, region or country named as a location)."""
        return self.link(label, "Place", context_names=context_names, when=when)

    def link(self, name: str, kind: str | None, *, aliases: Iterable[str] = (), context_names: Iterable[str] = (),
             titles: Iterable[str] = (), when: date | None = None) -> LinkDecision:
        """Link one name of the given ontology kind (None: any kind, still never an untyped item).

        The verified cache is tried first (exact name, then usable aliases, then a person's
        spelling variants); the endpoint only for names the cache cannot link.
        """
        if kind in NEVER_LINKED:
            return LinkDecision(None, 0.0, METHOD_CACHE, f"a {kind} has no Wikidata item of its own")
        context, titles = set(context_names), list(titles)
        alts = usable_aliases(name, aliases)
        options = dict(titles=titles, context=context, when=when, threshold=self.threshold)
        refused: LinkDecision | None = None

        hits = self.cache.lookup(name) or [h for a in alts for h in self.cache.lookup(a)]
        if hits:
            found = {h.entity.qid: Candidate(h.entity, h.prior, "cache") for h in hits}
            decision = decide(name, kind, list(found.values()), method=METHOD_CACHE, **options)
            if decision.qid or any(compatible(kind, c.entity.kind) for c in found.values()):
                return decision
            refused = decision  # only items of another kind: a wrong type is never accepted
        if kind in (None, "Person"):
            fuzzy = {h.entity.qid: Candidate(h.entity, h.prior, "cache-fuzzy") for h in self.cache.fuzzy(name)}
            if fuzzy:
                decision = decide(name, kind, list(fuzzy.values()), method=METHOD_FUZZY, **options)
                if decision.qid:
                    return decision
        if self.client is None:
            why = f"{name!r} is not in the offline cache and live lookup is off"
            if refused:
                why = f"{refused.reason}; live lookup is off"
            return LinkDecision(None, 0.0, METHOD_CACHE, why, refused.candidates if refused else ())
        try:
            return self._live(name, kind, alts, **options)
        except LinkError as e:
            if self.strict:
                raise
            log.warning("%s", e)
            return LinkDecision(None, 0.0, METHOD_LIVE, f"live lookup failed: {e}")

    def _live(self, name: str, kind: str | None, alts: list[str], **options) -> LinkDecision:
        assert self.client is not None
        spellings = tuple(dict.fromkeys(v for n in [name, *alts] for v in variants(n)))
        if spellings not in self._named:
            self._named[spellings] = self.client.entities_named(spellings)
        keys = {norm(s) for s in spellings}
        one_word = len(norm(name).split()) == 1
        found: list[tuple[Entity, float]] = []
        for e in self._named[spellings]:
            if norm(e.label) in keys:
                prior = 1.0
            elif any(norm(a) in keys for a in e.wd_aliases):
                prior = 0.95
            else:
                continue
            cached = self.cache.get(e.qid)
            if cached is not None and cached.kind and cached.kind != e.kind:
                e = replace(e, kind=cached.kind)  # the verified kind wins over the endpoint's classes
            if one_word and e.kind == "Person":  # "Washington" is rarely George Washington
                prior *= SURNAME_ONLY
            found.append((e, prior))
        context = tuple(sorted(options["context"]))
        fitting = tuple(sorted(e.qid for e, _ in found if compatible(kind, e.kind)))
        links: dict[str, set[str]] = {}
        if fitting and context:
            if (fitting, context) not in self._linked:
                self._linked[(fitting, context)] = self.client.linked_names(fitting, context)
            links = self._linked[(fitting, context)]
        ranked = [Candidate(e, prior, "live", frozenset(links.get(e.qid, ()))) for e, prior in found]
        return decide(name, kind, ranked, method=METHOD_LIVE, **options)


__all__ = ["Linker", "LinkDecision", "METHOD_CACHE", "METHOD_FUZZY", "METHOD_LIVE", "usable_aliases"]
