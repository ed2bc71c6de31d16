"""Words that mark proposals: document heads by family, type and version modifiers, and the verbs
that attest, propose or agree to a document. Shared by the mention, ceasefire and naming modules."""
from __future__ import annotations

import re

PLAN_HEADS = frozenset("plan proposal draft framework blueprint initiative roadmap formula".split())
AGREEMENT_HEADS = frozenset("agreement deal treaty accord pact protocol compact".split())
PLEDGE_HEADS = frozenset("pledge pledges".split())
DECLARATION_HEADS = frozenset("declaration statement communique communiqué memorandum".split())
WEAK_HEADS = frozenset("document text version".split())  # attach only, or wrap ("text of X")
PLAN_SYNONYMS = frozenset("plan proposal draft blueprint initiative document text version wording".split())
ORIGINAL = frozenset("original initial first earlier old early".split())
REVISED = frozenset("amended revised new updated subsequent latest modified final reworked".split())
STRONG_REVISED = frozenset("amended revised updated modified reworked redrafted rewritten".split())
REVISE_VERBS = frozenset("revise amend rework update modify redraft rewrite".split())
TYPE_WORDS = frozenset("""peace ceasefire truce trade tariff security nuclear minerals grain hostage prisoner
border maritime gas energy defence defense economic normalisation normalization framework""".split())
TYPE_ADJ = frozenset("joint bilateral trilateral".split())
VERSION_WORDS = frozenset("tentative provisional preliminary interim temporary".split())  # a version of its own
CEASEFIRE_WORDS = frozenset("ceasefire truce armistice".split())
AGREE_VERBS = frozenset("agree settle reach sign conclude seal strike finalize finalise announce unveil".split())
PART_NOUNS = frozenset("phase stage part terms details".split())  # "agreed to the first phase of the deal"
BROKER_VERBS = frozenset("broker mediate facilitate".split())
NOT_NAME = frozenset("""possible potential eventual any new such this that so-called landmark historic good great
big broader wider larger bigger better fair final overall actual real formal""".split())
PROPOSE_VERBS = frozenset("propose draft present unveil submit table offer put float launch hand send".split())
ATTEST_VERBS = frozenset("""sign initial ratify conclude seal reach strike adopt release issue publish unveil
announce approve finalize finalise implement broker complete endorse draft present submit give hand deliver
pass hammer clinch forge secure ink violate breach extend""".split())
PROVISION_VERBS = frozenset("""cap limit require include allow prevent propose mention bar ban call demand
oblige grant give provide cede commit foresee envisage stipulate set establish""".split())
REPORTING = frozenset("say tell state write add announce insist stress call warn".split())
HEDGES = frozenset("reportedly potential possible reports say allegedly".split())
UNITS = {"point": "point", "points": "point", "article": "article", "articles": "article",
         "clause": "clause", "clauses": "clause", "item": "item", "items": "item"}
POINTS = re.compile(r"\b(\d{1,3})[- ](point|article|clause|item)\b|\b(\d{1,3}) (points|articles|clauses)\b", re.I)
FROM_TO = re.compile(r"\bfrom (\d{1,3}) points? to (\d{1,3})\b", re.I)
# "a three-phase plan", "a two-stage roadmap": a plan named by its structure
STRUCTURED = re.compile(r"^(?:\w+)-(?:phase|stage|step|part|tier|track)$", re.I)
IN_FORCE = {"take": "effect", "enter": "force", "come": "force"}  # "took effect", "entered into force"
PEACE_PURPOSE = frozenset("war conflict fighting hostilities peace".split())

