"""kg:Proposal: named plans, drafts, frameworks, agreements, treaties, declarations and joint
statements, their number of points, proposer or parties, revisions and provisions.

Mentions of one article (:mod:`.proposal_mentions`) are clustered:
- plans with a number of points are keyed by it; the largest is the original, the others revise it;
  "the original/initial plan" is the original, "the revised/amended/new plan" its latest revision,
  and a "revised version of the framework" with no number of its own creates that revision;
- an unnumbered plan with a proposer stands apart when its proposer differs;
- agreements, treaties and declarations become proposals when they are distinguished (a type such
  as "peace" or "joint", two named parties, a number of articles) and the text attests the
  document (signed, initialled, released, "under the statement", "the agreement provides ...");
- a capitalised name whose head is a document noun ("Indus Waters Treaty") is a proposal;
- generic mentions ("the agreement", "the plan") only attach to an existing proposal; indefinite
  ones ("a deal", "a broader agreement") and plural generics ("proposals") are ignored.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ...model import Proposal, Span
from ..actors.index import ActorIndex
from .mentions import (FROM_TO, POINTS, PlanMention, family_of, is_channel, make_mention, numbered_head,
                                party_name)
from .named_documents import named_documents
from ..actors.parties import actor_of
from .provisions import provisions_of

DOMAIN_SKIP = frozenset("draft joint bilateral trilateral".split())


@dataclass
class Cluster:
    proposal: Proposal
    mentions: list[PlanMention] = field(default_factory=list)
    family: str = "plan"

    def add(self, m: PlanMention) -> None:
        self.mentions.append(m)
        if m.points and not self.proposal.points:
            self.proposal.points = m.points


def _mentions(doc: Doc, idx: ActorIndex) -> list[PlanMention]:
    out: list[PlanMention] = []
    for tok in doc:
        fam = family_of(tok.lower_)
        if fam is None or tok.pos_ not in ("NOUN", "PROPN") or is_channel(tok):
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and family_of(tok.head.head.lower_) in ("plan", "weak"):
            continue  # "the draft of the plan", "the text of the agreement": the outer noun is the mention
        if tok.dep_ == "compound" and family_of(tok.head.lower_):
            continue  # "treaty text", "framework agreement"
        m = make_mention(tok, idx)
        if m is not None:
            out.append(m)
    for sent in doc.sents:  # "includes 19 points", "from 28 points to 19"
        ft = FROM_TO.search(sent.text)
        in_sent = [m for m in out if sent.start_char <= m.start < sent.end_char and m.family in ("plan", "weak")]
        if ft:
            a, b = int(ft.group(1)), int(ft.group(2))
            for p in (a, b):
                out.append(PlanMention(sent[0], sent.start_char + ft.start(), sent.start_char + ft.end(),
                                       points=p, role="original" if p == a else "revised",
                                       revises=a if p == b else None))
            continue
        pm = POINTS.search(sent.text)
        inside = pm is not None and any(m.start <= sent.start_char + pm.start() < m.end for m in out)
        if pm and not inside and in_sent and all(m.points is None for m in in_sent):
            in_sent[0].points = int(pm.group(1) or pm.group(3))
    return sorted(out, key=lambda m: m.start)


def _compatible(c: Cluster, m: PlanMention) -> bool:
    if c.family != m.family:
        return False
    parties = next((x.parties for x in c.mentions if x.parties), [])
    if parties and m.parties and set(parties) != set(m.parties):
        return False
    types = {t for x in c.mentions for t in x.types}
    if types and m.types and not types & set(m.types):
        return False
    return not (c.proposal.points and m.points and c.proposal.points != m.points)


def _documents(mentions: list[PlanMention]) -> list[Cluster]:
    """Agreements and declarations: attested, distinguished mentions (or numbered ones) found a
    cluster; distinguished but unattested mentions only join a compatible one."""
    clusters: list[Cluster] = []
    docs = [m for m in mentions if m.family in ("agreement", "declaration") and not m.plural]
    for m in docs:
        if not (m.points or (m.attested and m.distinguished)):
            continue
        target = next((c for c in clusters if _compatible(c, m)), None)
        if target is None:
            target = Cluster(Proposal(name=""), family=m.family)
            clusters.append(target)
        target.add(m)
    for m in docs:
        if m.distinguished and not any(m in c.mentions for c in clusters):
            target = next((c for c in clusters if _compatible(c, m)), None)
            if target is not None:
                target.add(m)
    for c in clusters:
        named = [x for x in c.mentions if x.parties]
        if named:
            c.proposal.name = party_name(named[0])
        elif any(x.types for x in c.mentions):
            c.proposal.name = max((x for x in c.mentions if x.types), key=lambda x: len(x.types)).name
        else:
            first = next(x for x in c.mentions if x.points)
            c.proposal.name = f"{first.points}-{first.unit} {first.head}"
    return clusters


def _domain(c: Cluster) -> str | None:
    for m in sorted(c.mentions, key=lambda x: not x.points):
        for t in m.types:
            if t not in DOMAIN_SKIP and not t.startswith("of "):
                return t
    return None


def _plans(mentions: list[PlanMention]) -> tuple[list[Cluster], Cluster | None, Cluster | None]:
    """Plans: numbered clusters, the original, its revision, and unnumbered plans by proposer."""
    plans = [m for m in mentions if m.family in ("plan", "weak")]
    numbered: dict[int, Cluster] = {}
    for m in plans:
        if m.points:
            c = numbered.setdefault(m.points, Cluster(Proposal(name="", points=m.points, proposer=m.proposer)))
            c.add(m)
            c.proposal.proposer = c.proposal.proposer or m.proposer
    ordered = sorted(numbered.values(), key=lambda c: min(x.start for x in c.mentions))
    original = max(ordered, key=lambda c: c.proposal.points or 0) if ordered else None
    revision = next((c for c in reversed(ordered) if c is not original), None)
    loose: list[Cluster] = []
    for m in (m for m in plans if not m.points):
        if m.plural and m.role is None and not m.proposed:
            continue  # "concrete proposals", "the American proposals"
        if not m.definite and not (m.role or m.proposer or m.types):
            continue  # "a document", "a detailed roadmap", "any final text"
        if original is not None and revision is None and m.strong_revision:
            revision = Cluster(Proposal(name="revised " + m.name, proposer=m.proposer or original.proposal.proposer))
            revision.add(m)
            continue
        if original is not None and (m.proposer in (None, original.proposal.proposer)
                                     or original.proposal.proposer is None or m.role is not None):
            target = revision if m.role == "revised" and revision is not None else original
            target.add(m)
            if target is original and m.role != "revised" and original.proposal.proposer is None:
                original.proposal.proposer = m.proposer
            continue
        if m.family == "weak" or not m.definite and not m.proposer:
            continue
        target = next((c for c in loose if c.proposal.proposer == m.proposer or m.proposer is None), None)
        if target is None:
            target = Cluster(Proposal(name=m.name, proposer=m.proposer))
            loose.append(target)
        elif m.proposer and not target.proposal.proposer:
            target.proposal.proposer = m.proposer
        target.add(m)
    for c in loose:  # name an unnumbered plan by its most specific mention with a proposer
        named = [m for m in c.mentions if m.proposer]
        if named:
            c.proposal.name = max(named, key=lambda m: len(m.name.split())).name
    base = _domain(original) if original is not None else None
    for c in ordered:
        first = next((m for m in c.mentions if m.points and family_of(m.tok.lower_)), c.mentions[0])
        domain = _domain(c) or base
        c.proposal.name = " ".join(x for x in (f"{c.proposal.points}-{first.unit}", domain, numbered_head(first)) if x)
    if revision is not None and revision not in ordered:
        ordered.append(revision)
    if original is not None:
        for c in ordered:
            c.proposal.revision_of = None if c is original else original.proposal.name
    return ordered + loose, original, revision


def find_proposals(doc: Doc, idx: ActorIndex) -> tuple[list[Proposal], list[tuple[int, int, str]]]:
    """Proposals of one parsed article and the (start, end, name) of each mention.

    doc (Doc): the parsed article.
    idx (ActorIndex): its actors (for proposers and parties).
    RETURNS (tuple): proposals (kg:Proposal with points, proposer, revision_of, provisions) and mentions.
    """
    mentions = _mentions(doc, idx)
    plans, original, revision = _plans(mentions)
    documents = _documents(mentions)
    out = [c for c in plans if c.proposal.points or c.proposal.proposer or c is revision] + documents
    for head, start, end, name in named_documents(doc):  # "Indus Waters Treaty": named, so a proposal
        hit = next((c for c in out if any(m.start < end and start < m.end for m in c.mentions)), None)
        if hit is not None:
            hit.proposal.name = hit.proposal.name if hit.proposal.points else name
            continue
        m = PlanMention(head, start, end, family=family_of(head.lower_) or "agreement", head=head.lower_)
        documents.append(Cluster(Proposal(name=name), family=m.family))
        documents[-1].add(m)
        out.append(documents[-1])
    main = sorted(out, key=lambda c: min(m.start for m in c.mentions))[0] if out else None
    for m in mentions:  # generic "the agreement", "this declaration": the same family, else the main one
        if m.family not in ("agreement", "declaration") or m.plural or any(m in c.mentions for c in out):
            continue
        if not m.definite or m.distinguished or (m.head == "statement" and not m.types):
            continue
        target = next((c for c in documents if c.family == m.family), main)
        if target is not None:
            target.add(m)
    refs: list[tuple[int, int, str]] = []
    for c in out:
        c.mentions.sort(key=lambda m: m.start)
        c.proposal.evidence = [Span(m.start, m.end) for m in c.mentions]
        c.proposal.confidence = 0.85 if c.proposal.points else 0.65
        c.proposal.provisions = provisions_of(c.mentions, revised=c is revision and c is not original,
                                              qualify=lambda t: actor_of(t, idx))
        refs += [(m.start, m.end, c.proposal.name) for m in c.mentions]
    return [c.proposal for c in out], refs
