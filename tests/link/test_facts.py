"""Linking an article's actors: every actor gets a decision, a QID or an explicit NIL."""
from __future__ import annotations

from kg.link.facts import link_facts
from kg.model import Actor, Article, ArticleFacts


def test_link_facts_records_a_decision_for_every_actor(offline_linker):
    article = Article(path="x.txt", stem="x", text="", sha256="0" * 64)
    facts = ArticleFacts(article=article, actors=[
        Actor("Friedrich Merz", "Person"), Actor("Türkiye", "Country"), Actor("Halvard Quist", "Person"),
        Actor("Northern Fisheries Board", "Organization")])
    link_facts(facts, offline_linker)
    decided = {link.name: link.qid for link in facts.links}
    assert decided == {"Friedrich Merz": "Q566257", "Türkiye": "Q43", "Halvard Quist": None,
                       "Northern Fisheries Board": None}
    assert {a.name: a.wikidata for a in facts.actors} == decided
    nil = next(link for link in facts.links if link.name == "Halvard Quist")
    assert nil.confidence == 0.0 and "not in the offline cache" in nil.reason
