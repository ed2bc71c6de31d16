"""kg:Provision: the items a proposal states ("capped the army at 600,000", "foresees the
disarmament of Hamas, a phased withdrawal of forces ..."), each with a normalised topic, a
quantity and a status.

The topic comes from a small table of negotiation topics and their cue words, so that the same
provision in two versions or two sources gets the same ``kg:topic`` (which the stored queries
``proposal-changes`` and ``conflicts`` compare); a provision no cue matches gets a short noun
phrase of its own object.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Token

from ...model import Provision, Span
from .mentions import PROVISION_VERBS, PlanMention
from ..text.doctext import doc_text

# (topic, cue patterns): the first topic with a matching cue wins, so specific topics come first
TOPICS: list[tuple[str, str]] = [
    ("armed forces size cap", r"\b(army|armies|armed forces|military|troops|personnel|soldiers|servicemen|navy|sailors)\b.*"
                              r"\b(cap|capp|limit|size|ceiling|number|reduc|\d{2,3},\d{3})|\b(cap|capp|limit|size|ceiling|number)\w*\b.*"
                              r"\b(army|armed forces|military|troops|personnel|soldiers|navy|sailors)\b"),
    ("NATO membership", r"\bnato\b|\balliance membership\b|\bjoin(ing)? the alliance\b"),
    ("security guarantees", r"\bsecurity guarantees?\b|\bguarantees? of security\b"),
    ("territorial integrity", r"\bterritorial integrity\b|\bsovereignty\b"),
    ("territorial control", r"\bterritor|\bland\b|\bcede|\bcession|\bannex|\bregions?\b|\bborders?\b"),
    ("amnesty", r"\bamnest"),
    ("frozen assets", r"\bfrozen\b|\bassets\b"),
    ("sanctions relief", r"\bsanction"),
    ("elections", r"\belection|\bvote\b|\bpolls\b"),
    ("hostage and prisoner exchange", r"\bhostage|\bprisoner|\bdetainee|\bcaptive"),
    ("ceasefire", r"\bceasefire|\bcease-fire|\btruce\b|\bhostilities\b|\bstop (the )?fighting\b|\barmistice"),
    ("tariffs", r"\btariff|\bdut(y|ies)\b|\blev(y|ies)\b|\bimport taxes\b"),
    ("transit corridor", r"\broute\b|\bcorridor\b|\btransit\b"),
    ("constitution change", r"\bconstitution"),
    ("troop withdrawal", r"\bwithdraw|\bpull(ing)? (out|back)\b|\bretreat"),
    ("disarmament", r"\bdisarm|\bdemilitari|\bdisengagement\b"),
    ("international force", r"\b(stabili[sz]ation|peacekeeping|international) (force|mission)\b"),
    ("transitional administration", r"\btransitional\b|\binterim (government|administration)\b|\bboard of peace\b"),
    ("refugee return", r"\brefugee|\bdisplaced\b"),
    ("reconstruction", r"\breconstruct|\brebuil"),
    ("humanitarian aid", r"\bhumanitarian\b|\baid\b"),
    ("economic cooperation", r"\beconomic\b|\btrade\b|\binvestment"),
    ("coordination mechanism", r"\bmechanism\b|\bconsultations?\b|\bchannel\b"),
]
_TOPICS = [(t, re.compile(p, re.I)) for t, p in TOPICS]
NUMBER = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*%|\s+per ?cent|\s+percent)?(?:\s+(million|thousand))?")
FROM_TO_VALUE = re.compile(r"\bfrom \S+ to (\d[\d,.]*)\s*(%|per ?cent|percent)?", re.I)
ANAPHORIC = re.compile(r"\b(this|that|the) (number|figure|limit|cap|ceiling)\b", re.I)
POINTS_ONLY = re.compile(r"^\w+ \d{1,3} (points|articles|clauses)$")
STOP_MODS = frozenset("det poss punct cc relcl acl advcl appos".split())
WRAPPERS = frozenset("part element section version clause provision".split())


def classify(text: str, context: str = "") -> str | None:
    """The normalised topic of a provision text (``context``: the previous sentence, read when the
    text refers back to "this number")."""
    probe = text + (" " + context if ANAPHORIC.search(text) else "")
    for topic, pattern in _TOPICS:
        if pattern.search(probe):
            return topic
    return None


def quantity_of(text: str) -> float | None:
    """The figure a provision sets: the target of "from X to Y", a percentage, or a number >= 100."""
    ft = FROM_TO_VALUE.search(text)
    if ft:
        return float(ft.group(1).replace(",", "").rstrip("."))
    for q in NUMBER.finditer(text):
        value = float(q.group(1).replace(",", ""))
        value *= {"million": 1e6, "thousand": 1e3}.get((q.group(3) or "").lower(), 1)
        if q.group(2) or value >= 100 and not re.match(r"(19|20)\d\d$", q.group(1)):
            return value
    return None


def _phrase(tok: Token) -> str:
    """A short noun phrase for a fallback topic: left modifiers, the head and an "of" complement."""
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in STOP_MODS and not t.is_punct]
    words = [t for t in words if not any(a.dep_ in STOP_MODS for a in t.ancestors if a.i > t.i and a.i < tok.i)]
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "for")), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    out = [t.lower_ for t in words]
    if obj is not None:
        out += [of.lower_] + [t.lower_ for t in obj.subtree if t.i <= obj.i and t.dep_ not in STOP_MODS]
    return " ".join(out[-7:])


def _span(toks: list[Token]) -> tuple[int, int]:
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[-1].text in (",", ";", ".", ":", "-", "—", "(") or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    return toks[0].idx, toks[-1].idx + len(toks[-1])


CLAUSE_SKIP = frozenset("nsubj nsubjpass aux auxpass mark advmod".split())


def _clause(verb: Token, cut: set[int]) -> list[Token]:
    """The verb and its complements, without subject, relative clauses, appositions and clauses
    with a subject of their own (those are separate provisions)."""
    drop: set[int] = set(cut)
    for c in verb.children:
        if c.dep_ in CLAUSE_SKIP or (c.i < verb.i and c.dep_ != "neg") or (c.dep_ in ("advcl", "conj", "parataxis")
                                                     and any(x.dep_ == "nsubj" for x in c.children)):
            drop.update(t.i for t in c.subtree)
    for t in verb.subtree:
        if t.dep_ == "relcl" and t.i not in drop:
            drop.update(x.i for x in t.subtree)
            prev = t.doc[t.left_edge.i - 1]
            if prev.text == ",":
                drop.add(prev.i)
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ == "neg"])  # "would not allow"
    toks = [t for t in verb.subtree if t.i not in drop and t.i >= first]
    end = next((i for i, t in enumerate(toks[1:], 1) if t.i != toks[i - 1].i + 1), len(toks))
    toks = toks[:end]
    doc, sent_end = verb.doc, verb.sent.end
    k = toks[-1].i + (0 if toks[-1].text == "," else 1)
    if k + 1 < sent_end and doc[k].text == "," and doc[k + 1].dep_ == "det" and not any(
            t.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in t.children) for t in doc[k + 1:sent_end]):
        toks = [t for t in toks if t.i < k] + list(doc[k:sent_end])  # a list the parser hung on the subject: "..., a withdrawal of ..."
    return toks


def _split(toks: list[Token]) -> list[list[Token]]:
    """Split a list of items at "," / "and" / "or" where a new noun phrase (a determiner or a
    possessive) or a new verb phrase begins."""
    parts: list[list[Token]] = [[]]
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        sep = t.text in (",", ";") or t.dep_ == "cc"
        if sep and nxt is not None and (nxt.dep_ in ("det", "poss") and nxt.head.dep_ in ("conj", "appos")
                                        or nxt.dep_ == "conj" and nxt.pos_ == "VERB"
                                        or nxt.dep_ == "det" or nxt.lower_ == "to" and nxt.tag_ == "TO"):
            if parts[-1]:
                parts.append([])
            continue
        if sep and nxt is not None and nxt.dep_ == "cc":
            continue
        parts[-1].append(t)
    return [p for p in parts if any(t.pos_ in ("NOUN", "VERB", "PROPN") for t in p)]


def _verb_of(m: PlanMention) -> Token | None:
    tok = m.tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in WRAPPERS:
        tok = tok.head.head  # "one likely element of the new draft is limiting ..."
    if tok.dep_ == "nsubj" and tok.head.lemma_ in PROVISION_VERBS:
        return tok.head
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # "is capping": the participle is the head
        return None
    return None


def provisions_of(mentions: list[PlanMention], *, revised: bool,
                  qualify: Callable[[Token], str | None] = lambda t: None) -> list[Provision]:
    """The provisions stated where a proposal is the subject of a provision verb ("the plan caps",
    "the agreement provides for"), or where the text applies it ("Under the statement, X will lower
    ..."); and in "It also provides ..." right after such a sentence.

    mentions (list[PlanMention]): the mentions of one proposal.
    revised (bool): the proposal is a revision (its provisions are Revised unless hedged).
    qualify (callable): the actor a subject token stands for, to tell apart two provisions on one
        topic with different quantities.
    RETURNS (list[Provision]): at most one provision per topic.
    """
    out: list[tuple[Provision, str | None]] = []
    stated: list[tuple[Token, PlanMention]] = []
    for m in mentions:
        verb = _verb_of(m)
        cut: set[int] = set()
        if verb is None and m.tok.dep_ == "pobj" and m.tok.head.lower_ == "under":
            verb = m.tok.head.head
            cut = {t.i for t in m.tok.head.subtree}
        if verb is None or not verb.pos_ in ("VERB", "AUX"):
            continue
        stated.append((verb, m))
        verbs = [verb] + ([c for c in verb.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB"
                           and any(x.dep_ == "nsubj" for x in c.children)] if cut else [])
        for v in verbs:
            out += _provisions_at(v, m, cut, revised, qualify)
    for verb, m in stated:  # "The agreement commits ... It also provides for ..."
        nxt = verb.sent.end
        doc = verb.doc
        if nxt < len(doc):
            sent = doc[nxt].sent
            it = next((t for t in sent if t.lower_ == "it" and t.dep_ == "nsubj"
                       and t.head.lemma_ in PROVISION_VERBS), None)
            if it is not None:
                out += _provisions_at(it.head, m, set(), revised, qualify)
    return _one_per_topic(out, qualify)


def _one_per_topic(found: list[tuple[Provision, str | None]], qualify) -> list[Provision]:
    """One provision per topic of a proposal (the topic names its IRI): a repeated topic with
    another quantity is told apart by who acts ("tariffs (China)"), else the first one is kept."""
    by_topic: dict[str, list[tuple[Provision, str | None]]] = {}
    for p, who in found:
        by_topic.setdefault(p.topic, []).append((p, who))
    out: list[Provision] = []
    for topic, group in by_topic.items():
        if len({p.quantity for p, _ in group}) > 1 and len({w for _, w in group}) == len(group) and all(
                w for _, w in group):
            for p, who in group:
                p.topic = f"{topic} ({who})"
                out.append(p)
        else:
            out.append(group[0][0])
    return out


def _provisions_at(verb: Token, m: PlanMention, cut: set[int], revised: bool,
                   qualify) -> list[tuple[Provision, str | None]]:
    doc = verb.doc
    sent = verb.sent
    prev = ""
    j = sent.start
    for _ in range(2):  # "this number" may point two sentences back
        if j <= 0:
            break
        j = doc[j - 1].sent.start
        prev = doc[j:sent.start].text
    clause = _clause(verb, cut)
    if len(clause) < 2:
        return []
    items = _split([t for t in clause if t.i > verb.i])
    if len(items) < 2:
        items = [clause]
    status = "Reported" if m.hedged else "Revised" if revised else "Original"
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    who = qualify(subj) if subj is not None and subj.pos_ != "PRON" else None
    out = []
    for toks in items:
        start, end = _span(toks)
        text = doc_text(doc)[start:end]
        if POINTS_ONLY.search(text):
            continue  # "includes 19 points": the number of points, not a provision
        nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN") and t.head not in toks or t.dep_ in ("dobj", "pobj")]
        topic = classify(text, prev) or (_phrase(nouns[0]) if nouns else None) or " ".join(text.split()[:6])
        out.append((Provision(topic=topic, quantity=quantity_of(text), status=status, evidence=Span(start, end)), who))
    return out
