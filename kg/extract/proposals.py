"""kg:Proposal: named plans, drafts and frameworks, their number of points, proposer, revisions
and provisions ("capped the army at 600,000").

Mentions of one article are clustered: "the original/initial plan" is the first plan, "the revised/
amended/new plan" its latest revision; an unnumbered plan with a different proposer stands apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Proposal, Provision, Span
from .actors import ActorIndex

HEADS = frozenset("plan plans proposal proposals draft drafts framework blueprint roadmap initiative".split())
ORIGINAL = frozenset("original initial first earlier old".split())
REVISED = frozenset("amended revised new updated subsequent latest modified final".split())
PROPOSE_VERBS = frozenset("propose draft present unveil submit table offer put".split())
PROVISION_VERBS = frozenset("""cap limit require include allow prevent propose mention bar ban call demand
oblige grant give provide cede""".split())
HEDGES = frozenset("reportedly potential possible reports say allegedly".split())
POINTS = re.compile(r"\b(\d{1,3})[- ]point\b|\b(\d{1,3}) points\b", re.I)
FROM_TO = re.compile(r"\bfrom (\d{1,3}) points? to (\d{1,3})\b", re.I)
NUMBER = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|thousand))?\b")


@dataclass
class PlanMention:
    tok: Token
    start: int
    end: int
    points: int | None = None
    role: str | None = None  # original, revised
    proposer: str | None = None
    name: str = ""
    hedged: bool = False
    revises: int | None = None


@dataclass
class Cluster:
    proposal: Proposal
    mentions: list[PlanMention] = field(default_factory=list)


def _proposer(tok: Token, idx: ActorIndex) -> tuple[str | None, str | None]:
    """(proposer, surface modifier) from the plan's modifiers or the subject of "propose"/"draft"."""
    for t in tok.subtree:
        if t.i >= tok.i:
            break
        if t.i in idx.collectives:
            return idx.collectives[t.i], t.text
        if t.i in idx.countries:
            return idx.countries[t.i], t.text
        name = idx.token_actor.get(t.i)
        if name and t.dep_ == "poss":
            actor = idx.actors[name]
            if actor.kind == "Country":
                return name, t.text
            if actor.affiliation and idx.kind(actor.affiliation) == "Country":
                return actor.affiliation, None
    verb = tok.head
    if tok.dep_ in ("dobj",) and verb.lemma_ in PROPOSE_VERBS:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            for t in subj.subtree:
                if t.i in idx.collectives:
                    return idx.collectives[t.i], t.text
                if t.i in idx.countries:
                    return idx.countries[t.i], t.text
                name = idx.token_actor.get(t.i)
                if name and idx.actors[name].affiliation and idx.kind(idx.actors[name].affiliation) == "Country":
                    return idx.actors[name].affiliation, None
    return None, None


def _mention(tok: Token, idx: ActorIndex) -> PlanMention:
    doc = tok.doc
    left = [t for t in tok.subtree if t.i <= tok.i]
    start = left[0].idx
    m = PlanMention(tok, start, tok.idx + len(tok))
    words = {t.lower_ for t in left}
    m.role = "original" if words & ORIGINAL else "revised" if words & REVISED else None
    text = doc.text[start:m.end]
    pm = POINTS.search(text)
    if pm:
        m.points = int(pm.group(1) or pm.group(2))
    m.proposer, surface = _proposer(tok, idx)
    inner = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner_plan = next((x for x in inner.children if x.lemma_ in ("plan", "proposal")), None) if inner is not None else None
    mods = [t.lower_ for t in left if t.dep_ in ("compound", "amod") and t.lower_ in ("peace", "draft", "ceasefire", "trade")]
    if inner_plan is not None:  # "the draft of the peace plan"
        mods += [t.lower_ for t in inner_plan.subtree if t.i < inner_plan.i and t.lower_ in ("peace", "ceasefire", "trade")]
        head = inner_plan.lower_
        mods = [tok.lower_, *mods] if tok.lower_ == "draft" else mods
        m.end = inner_plan.idx + len(inner_plan)
    else:
        head = tok.lower_
    order = [w for w in ("draft", "peace", "ceasefire", "trade") if w in mods]
    if order and order[0] == "draft" and head == "draft":
        order = order[1:]
    m.name = " ".join(x for x in [surface, *order, head] if x)
    sent_words = {t.lower_ for t in tok.sent}
    m.hedged = bool(sent_words & HEDGES)
    return m


def find_proposals(doc: Doc, idx: ActorIndex) -> tuple[list[Proposal], list[tuple[int, int, str]]]:
    """Proposals of one parsed article and the (start, end, name) of each mention.

    doc (Doc): the parsed article.
    idx (ActorIndex): its actors (for proposers).
    RETURNS (tuple): proposals (kg:Proposal with points, proposer, revision_of, provisions) and mentions.
    """
    mentions: list[PlanMention] = []
    for tok in doc:
        if tok.lower_ in HEADS and tok.pos_ in ("NOUN", "PROPN") and not (
                tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in HEADS):
            mentions.append(_mention(tok, idx))
    for sent in doc.sents:  # "includes 19 points", "from 28 points to 19"
        ft = FROM_TO.search(sent.text)
        in_sent = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        if ft:
            a, b = int(ft.group(1)), int(ft.group(2))
            for p in (a, b):
                mentions.append(PlanMention(sent[0], sent.start_char + ft.start(), sent.start_char + ft.end(),
                                            points=p, role="original" if p == a else "revised",
                                            revises=a if p == b else None))
            continue
        pm = POINTS.search(sent.text)
        if pm and in_sent and all(m.points is None for m in in_sent):
            in_sent[0].points = int(pm.group(1) or pm.group(2))
    clusters: list[Cluster] = []
    numbered = {}
    for m in mentions:
        if m.points and m.points not in numbered:
            name = f"{m.points}-point peace plan"
            c = Cluster(Proposal(name=name, points=m.points, proposer=m.proposer))
            numbered[m.points] = c
            clusters.append(c)
        if m.points:
            c = numbered[m.points]
            c.mentions.append(m)
            c.proposal.proposer = c.proposal.proposer or m.proposer
    ordered = sorted(numbered.values(), key=lambda c: min(x.start for x in c.mentions))
    for i, c in enumerate(ordered[1:], 1):  # later numbered plans revise the first
        c.proposal.revision_of = ordered[0].proposal.name
    original = max(ordered, key=lambda c: c.proposal.points or 0) if ordered else None
    if original is not None:
        for c in ordered:
            if c is not original:
                c.proposal.revision_of = original.proposal.name
        if original.proposal.revision_of:
            original.proposal.revision_of = None
    revision = next((c for c in reversed(ordered) if c is not original), None)
    loose: list[Cluster] = []
    for m in (m for m in mentions if not m.points):
        if original is not None and (m.proposer in (None, original.proposal.proposer) or m.role is not None):
            target = revision if m.role == "revised" and revision is not None else original
            target.mentions.append(m)
            if target is original and m.role == "original" or m.proposer == target.proposal.proposer:
                target.proposal.proposer = target.proposal.proposer or m.proposer
            continue
        target = next((c for c in loose if c.proposal.proposer == m.proposer or m.proposer is None), None)
        if target is None:
            target = Cluster(Proposal(name=m.name, proposer=m.proposer))
            loose.append(target)
        elif m.proposer and not target.proposal.proposer:
            target.proposal.proposer = m.proposer
        target.mentions.append(m)
    for c in loose:  # name an unnumbered plan by its most specific mention with a proposer
        named = [m for m in c.mentions if m.proposer]
        if named:
            c.proposal.name = max(named, key=lambda m: len(m.name.split())).name
    out = [c for c in ordered + loose if c.proposal.points or c.proposal.proposer]
    refs: list[tuple[int, int, str]] = []
    for c in out:
        c.proposal.evidence = [Span(m.start, m.end) for m in c.mentions]
        c.proposal.confidence = 0.85 if c.proposal.points else 0.65
        c.proposal.provisions = _provisions(c, original, revision)
        refs += [(m.start, m.end, c.proposal.name) for m in c.mentions]
    return [c.proposal for c in out], refs


def _provisions(c: Cluster, original: Cluster | None, revision: Cluster | None) -> list[Provision]:
    out: list[Provision] = []
    for m in c.mentions:
        tok = m.tok
        verb = tok.head if tok.dep_ in ("nsubj",) else None
        if verb is None or verb.lemma_ not in PROVISION_VERBS:
            continue
        toks = [t for ch in verb.children if ch.i > verb.i and ch.dep_ in ("dobj", "prep", "xcomp", "ccomp")
                for t in ch.subtree]
        if not toks:
            continue
        toks = sorted(toks, key=lambda t: t.i)
        doc = tok.doc
        start, end = verb.idx, toks[-1].idx + len(toks[-1])
        topic = " ".join(doc.text[start:end].split())
        quantity = None
        for q in NUMBER.finditer(doc.text[start:end]):
            value = float(q.group(1).replace(",", ""))
            value *= {"million": 1e6, "thousand": 1e3}.get((q.group(2) or "").lower(), 1)
            if value >= 100:
                quantity = value
                break
        status = "Reported" if m.hedged else "Revised" if c is revision and c is not original else "Original"
        out.append(Provision(topic=topic, quantity=quantity, status=status, evidence=Span(start, end)))
    return out
