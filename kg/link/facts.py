"""Link the actors and places of one article's facts, recording every decision.

The linker is the authority on QIDs: whatever the extractor guessed is replaced by its decision.
Every actor gets a record: its QID, or an explicit NIL (the graph says "no confident match", with
the reason), so "not linked" is a decision, not a gap. A place gets a NIL record only when there was
a candidate to reject.
"""
from __future__ import annotations

from ..model import ArticleFacts, Link
from .linker import Linker


def link_facts(facts: ArticleFacts, linker: Linker) -> None:
    """Set ``Actor.wikidata`` from ``linker`` and append a :class:`Link` per decision."""
    names = {a.name for a in facts.actors} | set(facts.places)
    when = facts.article.published
    for actor in facts.actors:
        if actor.kind in ("AnonymousSource", "Delegation"):
            continue
        d = linker.link_actor(actor, context_names=names - {actor.name}, when=when)
        actor.wikidata = d.qid
        facts.links.append(Link(actor.name, actor.kind, d.qid, d.confidence, d.method, d.reason))
    actor_names = {a.name for a in facts.actors}
    for label in sorted(facts.places):
        if label in actor_names:  # a country named as a place is linked as the actor
            continue
        d = linker.link_place(label, context_names=names - {label}, when=when)
        if d.qid or d.candidates:
            facts.links.append(Link(label, "Place", d.qid, d.confidence, d.method, d.reason))
