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

from spacy.tokens import Doc, Token

from ...model import Proposal, Span
from ..actors.index import ActorIndex
from .ceasefires import ceasefire_mentions, ceasefire_name
from .mentions import CEASEFIRE_WORDS, POINTS, PlanMention, family_of, find_mentions, numbered_head, party_prefix, short_name
from .named_documents import named_documents, proposed_bodies
from ..actors.parties import actor_of
from .provisions import provisions_of
from .targets import numeric_targets

DOMAIN_SKIP = frozenset("draft joint bilateral trilateral".split())


@dataclass
class Cluster:
    proposal: Proposal
    mentions: list[PlanMention] = field(default_factory=list)
    family: str = "plan"
    named: bool = False  # a capitalised name of its own ("Kuala Lumpur Peace Accords")
    signed: bool = False

    def add(self, m: PlanMention) -> None:
        self.mentions.append(m)
        if m.points and not self.proposal.points:
            self.proposal.points = m.points


def _compatible(c: Cluster, m: PlanMention) -> bool:
    if c.family != m.family:
        return False
    parties = next((x.parties for x in c.mentions if x.parties), [])
    if parties and m.parties and set(parties) != set(m.parties):
        return False
    types = {t for x in c.mentions for t in x.types}
    if types and m.types and not types & set(m.types):
        return False
    if c.mentions and c.mentions[0].version != m.version:
        return False  # "the tentative deal they struck in July" is a version of its own
    return not (c.proposal.points and m.points and c.proposal.points != m.points)


def _documents(mentions: list[PlanMention]) -> list[Cluster]:
    """Agreements and declarations: attested, distinguished mentions (or numbered ones) found a
    cluster; distinguished but unattested mentions only join a compatible one."""
    clusters: list[Cluster] = []
    docs = [m for m in mentions if m.family in ("agreement", "declaration", "pledge") and (not m.plural or _place_named(m))]
    for m in docs:
        amount = any(ch.isdigit() for w in m.mods for ch in w)
        if not (m.points or m.plural or (m.attested and (m.distinguished or m.proposer or _extras(m)))
                or (m.family == "pledge" and (m.proposer or amount))):
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
        c.proposal.name = _document_name(c)
        c.signed = any(x.signed for x in c.mentions)
    return clusters


def _place_named(m: PlanMention) -> bool:
    """ "The Minsk agreements", "the Oslo accords": a set of documents named by a place, not by their
    parties, is one named document (lower-case heads; capitalised ones are :mod:`.named_documents`)."""
    if not (m.plural and m.definite and not m.parties and m.tok.dep_ != "conj"):
        return False
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == m.tok.i - 1 for c in m.tok.children):
        return False
    m.head, m.attested = m.tok.lower_, True
    m.mods = [m.tok.doc[m.tok.i - 1].text]  # the place, even when it is a capital that stands for a state
    return True


def _extras(m: PlanMention) -> list[str]:
    """Modifier words of a mention that are not its type words, numbers of points or document nouns."""
    return [w for w in m.mods if w.lower() not in m.types and not POINTS.search(w) and not family_of(w)
            and w.lower() not in ("draft",)]


def _document_name(c: Cluster) -> str:
    """"DRC-Rwanda peace agreement", "mineral rights deal", "Gaza ceasefire deal", "tentative bilateral
    trade deal", "temporary agreement to lower tariffs": the parties, the most specific mention's
    modifiers, types, head noun and content. An agreement the article also calls a deal is a "deal"."""
    ms = [x for x in c.mentions if x.family != "ceasefire"] or c.mentions
    cease = [x for x in c.mentions if x.family == "ceasefire"]
    if not any(x.parties or x.types or _extras(x) or x.tail for x in ms):
        first = next((x for x in ms if x.points), None)
        if first is None:  # known only by its proposer: "the US declaration"
            c.proposal.proposer = ms[0].proposer
            return " ".join(w for w in (short_name(ms[0].proposer or ""), ms[0].head) if w)
        return f"{first.points}-{first.unit} {first.head}"
    best = max(ms, key=lambda x: (len(x.types) + len(_extras(x)) + bool(x.tail), bool(x.parties), -x.start))
    parties = best.parties or next((x.parties for x in ms if x.parties), [])
    proposer = None if parties else next((x.proposer for x in ms if x.proposer), None)
    c.proposal.proposer = proposer
    head = "deal" if c.family == "agreement" and any(x.head == "deal" for x in ms) else best.head
    types = [t for t in best.types if not t.startswith("of ")]
    order = [w for w in ("draft", "joint", "bilateral", "trilateral") if w in types]
    order += [w for w in types if w not in order]
    tail = [t for t in best.types if t.startswith("of ")] + ([best.tail] if best.tail else [])
    if cease and not any(_ceasefire_type(t) for x in ms for t in x.types):  # "under the statement, the ceasefire"
        words = max(cease, key=lambda x: len(x.mods)).mods
        tail.append(" ".join(["on", *words, "ceasefire"]))
    prefix = party_prefix(parties) if parties else short_name(proposer) if proposer else ""
    extras = _extras(best)  # and what the other mentions add ("two-part" + "settlement" memorandum)
    extras += [w for x in ms if x is not best for w in _extras(x) if w not in extras and w.lower() not in order]
    words = [prefix, *extras[:4], *order, head, *tail]
    return " ".join(w for w in words if w)


def _ceasefires(mentions: list[PlanMention], cease: list[PlanMention], documents: list[Cluster]) -> list[Cluster]:
    """Ceasefires: one per duration, parties and proposer; a generic "the truce" joins the main one.
    A ceasefire the article also calls an agreement ("ceasefire agreement") is that agreement."""
    clusters: list[Cluster] = []
    for m in cease:
        if m.hedged or not (m.attested or m.duration or m.wrapper == "plan" and m.proposer):
            continue  # a ceasefire plan someone put forward is a proposal even when it was turned down
        target = next((c for c in clusters if _same_ceasefire(c, m)), None)
        if target is None:
            target = Cluster(Proposal(name=""), family="ceasefire")
            clusters.append(target)
        target.add(m)
    if not clusters:
        return []
    main = next((c for c in clusters if not any(x.duration for x in c.mentions)), clusters[0])
    for m in cease:
        if m.definite and not (m.plural or m.hedged or m.duration) and not any(m in c.mentions for c in clusters):
            main.add(m)
    for d in documents:  # "the ceasefire agreement between the two sides" founded a document
        under = {x.tok.sent.start for x in d.mentions if x.tok.dep_ == "pobj" and x.tok.head.lower_ == "under"}
        typed = any(_ceasefire_type(t) for x in d.mentions for t in x.types)
        for c in [c for c in clusters if not _clash(c, d)]:  # "under the joint statement, the ceasefire ..."
            if typed or any(x.tok.sent.start in under for x in c.mentions):
                d.mentions.extend(c.mentions)
                clusters.remove(c)
    in_docs = {id(x) for d in documents for x in d.mentions}
    for m in mentions:  # unattested "ceasefire agreement" mentions name the ceasefire an agreement
        if m.family == "agreement" and set(m.types) & CEASEFIRE_WORDS and id(m) not in in_docs and clusters:
            target = next((c for c in clusters if not _clash(c, Cluster(Proposal(""), [m]))), None)
            if target is not None:
                m.wrapper = m.wrapper or m.head
                target.add(m)
    return clusters


def _ceasefire_type(t: str) -> bool:
    """"ceasefire", "truce", "permanent cessation of hostilities": the document is a ceasefire."""
    return t in CEASEFIRE_WORDS or "hostilities" in t or "cessation" in t


def _parties(c: Cluster) -> list[str]:
    return next((x.parties for x in c.mentions if x.parties), [])


def _clash(a: Cluster, b: Cluster) -> bool:
    pa, pb = _parties(a), _parties(b)
    return bool(pa and pb and set(pa) != set(pb))


def _same_ceasefire(c: Cluster, m: PlanMention) -> bool:
    durations = {x.duration for x in c.mentions if x.duration}
    if m.duration and m.duration not in durations:
        return False
    if _clash(c, Cluster(Proposal(""), [m])):
        return False
    proposer = next((x.proposer for x in c.mentions if x.proposer), None)
    return not (proposer and m.proposer and proposer != m.proposer)


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
        if m.family == "weak" or not m.definite and not m.proposer and not m.named:
            continue
        target = next((c for c in loose if c.proposal.proposer == m.proposer or m.proposer is None), None)
        if m.named and m.proposer is None and (target is None or not target.named):
            target = None  # "the Quad roadmap": a plan of its own name
        if target is None:
            target = Cluster(Proposal(name=m.name, proposer=m.proposer))
            loose.append(target)
        elif m.proposer and not target.proposal.proposer:
            target.proposal.proposer = m.proposer
        target.add(m)
        if m.named and not target.named:
            target.named = True
            target.proposal.name = " ".join([*m.mods, m.head, *([m.tail] if m.tail else [])])
    for c in loose:  # name an unnumbered plan by its most specific mention with a proposer
        named = [m for m in c.mentions if m.proposer]
        if named:
            best = max(named, key=lambda m: (len(m.name.split()) + bool(m.tail), -m.start))
            tail = best.tail or next((m.tail for m in c.mentions if m.tail), "")
            c.proposal.name = " ".join(x for x in (best.name, tail) if x)
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


def _merge_signed(documents: list[Cluster], out: list[Cluster]) -> None:
    """One named document signed in the article ("sign what we're calling the X Accords") is the
    document the article also calls "the joint declaration" or "a peace deal" when they were signed."""
    named = [c for c in documents if c.named and c.signed]
    if len(named) != 1:
        return
    for c in [c for c in documents if not c.named and c.signed and not c.proposal.points]:
        named[0].mentions.extend(c.mentions)
        documents.remove(c)
        out.remove(c)


def _merge_proposed(out: list[Cluster]) -> None:
    """ "Egypt presented an initiative for a ceasefire ... the Egyptian initiative": a ceasefire plan and an
    unnumbered plan of the same proposer are one proposal, named by the proposer's word and the ceasefire."""
    for c in [c for c in out if c.family == "ceasefire"]:
        proposer = next((m.proposer for m in c.mentions if m.wrapper == "plan" and m.proposer), None)
        if proposer is None or any(m.parties for m in c.mentions):
            continue
        plan = next((p for p in out if p.family == "plan" and not p.proposal.points and not p.named
                     and p.proposal.proposer == proposer), None)
        if plan is None:
            continue
        c.mentions.extend(plan.mentions)
        out.remove(plan)
        words = plan.proposal.name.split()
        if len(words) > 1 and words[0].lower() not in c.proposal.name.lower():
            c.proposal.name = f"{words[0]} {c.proposal.name}"


def also_called(head: Token) -> Token | None:
    """The document noun a name renames: "the 2015 nuclear agreement, known as the X Plan" or "the
    agreement, the X Accord": the one document has a description and a name."""
    if head.dep_ == "appos":
        return head.head
    verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "as" else None
    if verb is not None and verb.dep_ == "acl" and verb.lemma_ in ("know", "call", "dub", "name", "term"):
        return verb.head
    return None


def find_proposals(doc: Doc, idx: ActorIndex) -> tuple[list[Proposal], list[tuple[int, int, str]]]:
    """Proposals of one parsed article and the (start, end, name) of each mention.

    doc (Doc): the parsed article.
    idx (ActorIndex): its actors (for proposers and parties).
    RETURNS (tuple): proposals (kg:Proposal with points, proposer, revision_of, provisions) and mentions.
    """
    cease, wrapped = ceasefire_mentions(doc, idx)
    mentions = find_mentions(doc, idx, wrapped)
    plans, original, revision = _plans(mentions)
    documents = _documents(mentions)
    out = [c for c in plans if c.proposal.points or c.proposal.proposer or c is revision or c.named] + documents
    for head, start, end, name in named_documents(doc):  # "Indus Waters Treaty": named, so a proposal
        alias = also_called(head)
        hits = [c for c in out if any(m.start < end and start < m.end or m.tok == alias for m in c.mentions)]
        hit = hits[0] if hits else None
        for other in hits[1:]:  # the description and the name are one document
            hit.mentions.extend(other.mentions)
            out.remove(other)
            if other in documents:
                documents.remove(other)
        signed = any(t.lemma_ in ("sign", "ink") for t in head.sent)
        if hit is not None:
            hit.proposal.name = hit.proposal.name if hit.proposal.points else name
            hit.named, hit.signed = True, hit.signed or signed
            continue
        m = PlanMention(head, start, end, family=family_of(head.lower_) or "agreement", head=head.lower_)
        documents.append(Cluster(Proposal(name=name), family=m.family, named=True, signed=signed))
        documents[-1].add(m)
        out.append(documents[-1])
    for head, start, end, name in proposed_bodies(doc, set(idx.token_actor)):  # "a Board of Peace"
        sent = head.sent  # a board the plan of the same sentence envisages is one of its provisions
        if not any(sent.start_char <= m.start < sent.end_char for c in out for m in c.mentions):
            body = Cluster(Proposal(name=name), family="body", named=True)
            body.add(PlanMention(head, start, end, family="body", head=head.lower_))
            out.append(body)
    for t in numeric_targets(doc, idx):  # "adopt Trump's 5% spending goal"
        target = Cluster(Proposal(name=t.name, proposer=t.proposer), family="target", named=True)
        for head, start, end in t.spans:
            target.add(PlanMention(head, start, end, family="target", head=head.lower_))
        out.append(target)
    for m in mentions:  # his "victory plan": a plan named in quotation marks
        if m.quoted and m.family == "plan" and m.mods and not any(m in c.mentions for c in out):
            quoted = Cluster(Proposal(name=" ".join([*m.mods, m.head]), proposer=m.proposer), named=True)
            quoted.add(m)
            out.append(quoted)
    _merge_signed(documents, out)
    out += _ceasefires(mentions, cease, documents)
    main = sorted(out, key=lambda c: min(m.start for m in c.mentions))[0] if out else None
    for m in mentions:  # generic "the agreement", "this declaration": the same family, else the main one
        if m.family not in ("agreement", "declaration", "pledge") or m.plural or any(m in c.mentions for c in out):
            continue
        if not m.definite or m.distinguished or (m.head == "statement" and not m.types):
            continue
        target = next((c for c in documents if c.family == m.family), None)
        if target is None and m.family == "declaration" and m.proposer:
            continue  # "Russia's memorandum" is no other word for the ceasefire
        target = target or next((c for c in documents if c.family != "pledge"), main)
        if target is not None and (target.family != "pledge" or m.family == "pledge"):
            target.add(m)
    for m in mentions:  # "the framework" once "a trade framework" was agreed
        if m.family == "plan" and m.definite and not m.plural and not any(m in c.mentions for c in out):
            target = next((c for c in documents if any(x.head == m.head for x in c.mentions)), None)
            if target is not None:
                target.add(m)
    for c in out:  # named once every mention is in: "a deal" elsewhere makes an agreement a "deal"
        if c.family == "ceasefire":
            c.proposal.name = ceasefire_name(c.mentions)
            c.proposal.proposer = next((x.proposer for x in c.mentions if x.proposer), None)
        elif c in documents and (not c.named or c.proposal.points):
            c.proposal.name = _document_name(c)
    _merge_proposed(out)
    refs: list[tuple[int, int, str]] = []
    for c in out:
        c.mentions.sort(key=lambda m: m.start)
        c.proposal.evidence = [Span(m.start, m.end) for m in c.mentions]
        c.proposal.confidence = 0.85 if c.proposal.points else 0.65
        c.proposal.provisions = provisions_of(c.mentions, revised=c is revision and c is not original,
                                              qualify=lambda t: actor_of(t, idx))
        refs += [(m.start, m.end, c.proposal.name) for m in c.mentions]
    return [c.proposal for c in out], refs
