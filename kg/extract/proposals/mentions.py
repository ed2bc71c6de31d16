"""Mentions of negotiated documents (kg:Proposal candidates): plans, drafts, frameworks,
agreements, treaties, declarations, joint statements, memoranda, roadmaps.

A mention records what the noun phrase itself says: its family (plan / agreement / declaration),
head noun, number of points or articles, type modifiers ("peace", "ceasefire", "joint", "of
principles"), proposer, parties, whether it is revised or original, and whether the sentence
attests a concrete document (signed, initialled, released, "under the statement", "the
agreement provides for ..."). Clustering into proposals is done in :mod:`.proposals`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors.index import ActorIndex
from ..text.gazetteer import load_gazetteer, norm
from ..actors.parties import parties_in

PLAN_HEADS = frozenset("plan proposal draft framework blueprint initiative roadmap".split())
AGREEMENT_HEADS = frozenset("agreement deal treaty accord pact".split())
PLEDGE_HEADS = frozenset("pledge pledges".split())
DECLARATION_HEADS = frozenset("declaration statement communique communiqué memorandum".split())
WEAK_HEADS = frozenset("document text version".split())  # attach only, or wrap ("text of X")
PLAN_SYNONYMS = frozenset("plan proposal draft blueprint initiative document text version wording".split())
ORIGINAL = frozenset("original initial first earlier old early".split())
REVISED = frozenset("amended revised new updated subsequent latest modified final reworked".split())
STRONG_REVISED = frozenset("amended revised updated modified reworked redrafted rewritten".split())
REVISE_VERBS = frozenset("revise amend rework update modify redraft rewrite".split())
TYPE_WORDS = frozenset("""peace ceasefire truce trade tariff security nuclear minerals grain hostage prisoner
border maritime gas energy defence defense economic normalisation normalization""".split())
TYPE_ADJ = frozenset("joint bilateral trilateral".split())
VERSION_WORDS = frozenset("tentative provisional preliminary interim temporary".split())  # a version of its own
CEASEFIRE_WORDS = frozenset("ceasefire truce armistice".split())
AGREE_VERBS = frozenset("agree settle reach sign conclude seal strike finalize finalise announce unveil".split())
NOT_NAME = frozenset("""possible potential eventual any new such this that so-called landmark historic good great
big broader wider larger bigger better fair final overall actual real formal""".split())
PROPOSE_VERBS = frozenset("propose draft present unveil submit table offer put".split())
ATTEST_VERBS = frozenset("""sign initial ratify conclude seal reach strike adopt release issue publish unveil
announce approve finalize finalise implement broker complete endorse draft present submit give hand deliver
pass""".split())
PROVISION_VERBS = frozenset("""cap limit require include allow prevent propose mention bar ban call demand
oblige grant give provide cede commit foresee envisage stipulate set establish""".split())
REPORTING = frozenset("say tell state write add announce insist stress call warn".split())
HEDGES = frozenset("reportedly potential possible reports say allegedly".split())
UNITS = {"point": "point", "points": "point", "article": "article", "articles": "article",
         "clause": "clause", "clauses": "clause", "item": "item", "items": "item"}
POINTS = re.compile(r"\b(\d{1,3})[- ](point|article|clause|item)\b|\b(\d{1,3}) (points|articles|clauses)\b", re.I)
FROM_TO = re.compile(r"\bfrom (\d{1,3}) points? to (\d{1,3})\b", re.I)
PEACE_PURPOSE = frozenset("war conflict fighting hostilities peace".split())


@dataclass
class PlanMention:
    tok: Token
    start: int
    end: int
    points: int | None = None
    unit: str = "point"
    role: str | None = None  # original, revised
    proposer: str | None = None
    name: str = ""  # surface name (determiners dropped)
    hedged: bool = False
    revises: int | None = None
    family: str = "plan"  # plan, agreement, declaration, weak
    head: str = "plan"  # normalised head noun
    types: list[str] = field(default_factory=list)  # "peace", "joint", "of principles"
    parties: list[str] = field(default_factory=list)
    attested: bool = False
    definite: bool = True
    plural: bool = False
    strong_revision: bool = False
    proposed: bool = False  # object of "propose"/"draft" with a subject
    mods: list[str] = field(default_factory=list)  # modifier words of the name ("mineral", "rights")
    tail: str = ""  # content after the noun: "to lower tariffs", "in the Middle East"
    version: str | None = None  # "provisional" for a tentative / provisional / interim version
    duration: str | None = None  # ceasefires: "48-hour"
    wrapper: str | None = None  # ceasefires: "plan" in "plan for a ceasefire", "agreement" in "ceasefire agreement"
    signed: bool = False

    @property
    def distinguished(self) -> bool:
        return bool(self.points or self.types or len(self.parties) > 1 or self.tail or self.version)


def family_of(word: str) -> str | None:
    w = word.lower()
    w1 = w[:-1] if w.endswith("s") and w not in ("accords",) else w
    for fam, heads in (("plan", PLAN_HEADS), ("agreement", AGREEMENT_HEADS), ("declaration", DECLARATION_HEADS),
                       ("pledge", PLEDGE_HEADS), ("weak", WEAK_HEADS)):
        if w in heads or w1 in heads or (w == "accords" and fam == "agreement"):
            return fam
    return None


def short_name(actor: str) -> str:
    """"US" for United States, "DRC" for Democratic Republic of the Congo: the initialism when the
    gazetteer knows it as an alias of a several-word name; else the name itself."""
    words = actor.split()
    if len(words) < 2:
        return actor
    initials = "".join(w[0] for w in words if w[:1].isupper())
    g = load_gazetteer()
    if len(initials) >= 2 and (g.countries.get(norm(initials)) == actor or g.orgs.get(norm(initials)) == actor):
        return initials
    return actor


IMPLICATIVE = frozenset("manage succeed help bring get".split())  # "managed to seal the accord" happened


def _realis(verb: Token) -> bool:
    """The verb reports a document that exists: not negated, not an infinitive ("yet to be reached")
    unless a verb that implies it happened governs it ("managed to seal", "helped broker")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head.lemma_ in IMPLICATIVE or verb.head.head.lemma_ in IMPLICATIVE
    return True


def _attested(tok: Token, outer: Token) -> bool:
    if any(c.dep_ in ("relcl", "acl") and c.lemma_ in ATTEST_VERBS for c in tok.children):
        return True
    head = outer.head
    if outer.dep_ in ("dobj", "nsubjpass", "nsubj") and head.lemma_ in ATTEST_VERBS and _realis(head):
        return True
    if outer.dep_ == "nsubj" and head.lemma_ in PROVISION_VERBS:
        return True
    if outer.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in ("signing", "signature", "conclusion"):
        return True  # "the signing of a mineral rights deal"
    return outer.dep_ == "pobj" and head.lower_ == "under"


def _signed(tok: Token) -> bool:
    """The document is reported signed ("signed the declaration", "the signing of the deal")."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_ in ("sign", "ink", "initial") and _realis(head):
        return True
    if any(c.dep_ in ("relcl", "acl") and c.lemma_ == "sign" for c in tok.children):
        return True
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in ("signing", "signature")


def is_channel(tok: Token) -> bool:
    """"In a joint statement, the two governments said ...": the document only carries a claim."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "through", "via"):
        return False
    verb = tok.head.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_ in REPORTING


def _relative_attest(tok: Token, end: int) -> Token | None:
    """An attesting verb in a relative clause right after the noun phrase ("... that the two
    governments signed"), also when the parser attached it elsewhere."""
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].idx < end:
        j += 1
    if j >= len(doc) or doc[j].lower_ not in ("that", "which"):
        return None
    for t in doc[j + 1:min(j + 8, tok.sent.end)]:
        if t.pos_ in ("VERB", "AUX"):
            return t if t.lemma_ in ATTEST_VERBS and t.tag_ in ("VBD", "VBN") else None
    return None


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


def _peace_purpose(tok: Token) -> bool:
    """"plan to end the war", "plan for ending the war", "plan for peace"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for" and any(t.lower_ in PEACE_PURPOSE for t in c.subtree):
            return True
        if c.dep_ in ("acl", "relcl") and c.lemma_ in ("end", "stop", "halt", "finish", "resolve", "settle") and \
                any(t.lower_ in PEACE_PURPOSE and t.dep_ in ("dobj", "pobj") for t in c.subtree):
            return True
    return False


def _purpose_phrase(tok: Token) -> str | None:
    """ "agreement for a permanent cessation of hostilities": the purpose noun phrase (no
    determiner) when it names the end of a conflict in other words than "peace"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "on"):
            obj = next((x for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN"), None)
            if obj is None or obj.lower_ == "peace" or not any(t.lower_ in PEACE_PURPOSE for t in obj.subtree):
                continue
            of = next((x for x in obj.children if x.dep_ == "prep" and x.lower_ == "of"), None)
            last = next((x for x in of.children if x.dep_ == "pobj"), obj) if of is not None else obj
            first = next((t for t in obj.subtree if t.dep_ != "det" and not t.is_punct), obj)
            if last.i - first.i < 6:
                return obj.doc[first.i:last.i + 1].text.lower()
    return None


def make_mention(tok: Token, idx: ActorIndex) -> PlanMention | None:
    """The mention headed by ``tok`` (a head noun of :func:`family_of`), or None when it only names
    a channel or sits inside another mention."""
    doc = tok.doc
    inner = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner_head = next((x for x in inner.children if family_of(x.lower_) in ("plan", "agreement", "declaration")),
                      None) if inner is not None else None
    head_tok = inner_head if inner_head is not None and family_of(tok.lower_) in ("weak", "plan") else tok
    left = [t for t in tok.subtree if t.i <= tok.i]
    if head_tok is not tok:
        left += [t for t in head_tok.subtree if t.i <= head_tok.i]
    start = left[0].idx
    end = head_tok.idx + len(head_tok)
    m = PlanMention(tok, start, end)
    mods = [t for t in left if t.i != tok.i and t.i != head_tok.i]
    words = {t.lower_ for t in mods}
    rel = [c for x in (tok, head_tok) for c in x.children if c.dep_ in ("relcl", "acl") and c.lemma_ in REVISE_VERBS]
    m.role = "original" if words & ORIGINAL else "revised" if (words & REVISED or rel) else None
    m.strong_revision = bool(words & STRONG_REVISED or rel)
    dets = [t for t in left if t.dep_ in ("det", "poss")]
    m.definite = not any(t.lower_ in ("a", "an", "any", "another", "some", "no") for t in dets)
    if any(t.lower_ in ("any", "no") for t in dets):
        return None  # "any final text", "no finalized peace plan": no particular document
    m.plural = head_tok.tag_ in ("NNS", "NNPS")
    text = doc.text[start:end]
    pm = POINTS.search(text)
    if pm:
        m.points = int(pm.group(1) or pm.group(3))
        m.unit = UNITS[(pm.group(2) or pm.group(4)).lower()]
    m.proposer, surface = _proposer(head_tok, idx) if head_tok is not tok else _proposer(tok, idx)
    if m.proposer is None and head_tok is not tok:
        m.proposer, surface = _proposer(tok, idx)
    fam = family_of(head_tok.lower_) or "plan"
    head = head_tok.lemma_.lower() if head_tok.lemma_ else head_tok.lower_
    compounds = [t for t in mods if t.dep_ in ("compound", "amod", "nmod")]
    for t in compounds:  # "treaty text": the document type is the compound
        if family_of(t.lower_) in ("agreement", "declaration", "plan") and fam == "weak":
            fam, head = family_of(t.lower_), t.lemma_.lower()
    m.family = fam
    m.head = head
    m.types = [t.lower_ for t in compounds if t.lower_ in TYPE_WORDS or t.lower_ in TYPE_ADJ]
    if ("draft" in words or tok.lower_ == "draft" and head_tok is not tok) and m.head == "plan":
        m.types.insert(0, "draft")
    of = next((c for c in head_tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and fam == "declaration":  # "declaration of principles"
        obj = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        if obj is not None:
            m.types.append(f"of {obj.lower_}")
            m.end = max(m.end, obj.idx + len(obj))
    purpose = _purpose_phrase(head_tok) if fam == "agreement" else None
    if purpose:  # "an agreement for a permanent cessation of hostilities"
        m.types.append(purpose)
    elif _peace_purpose(head_tok) or _peace_purpose(tok):
        m.types.append("peace") if "peace" not in m.types else None
    m.attested = _attested(tok, tok) or (head_tok is not tok and _attested(head_tok, tok))
    late = _relative_attest(head_tok, m.end)
    if late is not None:  # "a declaration of principles that the two governments signed" (flat parse)
        m.attested = True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and family_of(tok.head.head.lower_) == "weak":
        m.attested = m.attested or _attested(tok.head.head, tok.head.head)  # "the text of X was initialled"
    between = [c for x in (tok, head_tok) for c in x.children if c.dep_ == "prep" and c.lower_ in ("between", "with")]
    party_toks = [t for c in between for t in c.subtree]
    party_toks += [t for t in compounds if t.dep_ in ("compound", "nmod")]
    party_toks += [c for t in compounds if t.dep_ in ("compound", "nmod") for c in t.children if c.dep_ == "conj"]
    verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "to") and tok.head.head.lemma_ in AGREE_VERBS:
        verb = tok.head.head  # "the two sides settled on a trade framework", "agreed to a deal"
        if fam == "plan" and _realis(verb):
            m.family = fam = "agreement"  # a framework both sides agree on is their agreement
            m.attested = True
    if verb is not None and (verb.lemma_ in ATTEST_VERBS or verb.lemma_ in AGREE_VERBS):
        party_toks += [t for c in verb.children if c.dep_ in ("nsubj", "npadvmod", "dep") and c.i < verb.i
                       for t in c.subtree]
        party_toks += [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    for c in tok.children:  # "a declaration that the two governments signed", "released by the two sides"
        if c.dep_ in ("relcl", "acl") and c.lemma_ in ATTEST_VERBS:
            party_toks += [t for x in c.children if x.dep_ in ("nsubj", "agent") for t in x.subtree]
    if late is not None:
        party_toks += [t for t in doc[head_tok.i + 1:late.i] if t.pos_ in ("NOUN", "PROPN")]
    m.parties = parties_in(party_toks, idx) if party_toks else []
    if len(m.parties) < 2:
        m.parties = []
    m.proposed = tok.dep_ == "dobj" and tok.head.lemma_ in PROPOSE_VERBS and \
        any(c.dep_ == "nsubj" for c in tok.head.children)
    m.mods = modifier_words(head_tok, idx)
    m.version = "provisional" if {w.lower() for w in m.mods} & VERSION_WORDS else None
    m.tail = _content_tail(head_tok)
    m.signed = _signed(tok) or (head_tok is not tok and _signed(head_tok))
    cease = _ceasefire_content(head_tok)
    if cease is not None:  # "an accord that swaps a Gaza ceasefire for ...": a ceasefire deal
        m.types.append("ceasefire") if "ceasefire" not in m.types else None
        m.mods += [t.text for t in cease.children if t.dep_ == "compound" and t.pos_ == "PROPN"
                   and t.text not in m.mods]
    m.name = _surface_name(m, surface)
    m.hedged = bool({t.lower_ for t in tok.sent} & HEDGES)
    return m


def _surface_name(m: PlanMention, surface: str | None) -> str:
    types = [t for t in m.types if not t.startswith("of ")]
    tail = [t for t in m.types if t.startswith("of ")]
    order = [w for w in ("draft", "joint", "bilateral", "trilateral") if w in types]
    order += [w for w in types if w not in order]
    head = m.head + ("s" if m.plural and m.family == "plan" else "")
    return " ".join(x for x in [surface, *order, head, *tail] if x)


def numbered_head(m: PlanMention) -> str:
    """The head noun of a numbered name: every kind of plan or draft is a "plan"."""
    return "plan" if m.family in ("plan", "weak") and m.head in PLAN_SYNONYMS else m.head


def party_name(m: PlanMention) -> str:
    """"DRC-Rwanda peace agreement": the parties' short names before the surface name."""
    return "-".join(short_name(p) for p in m.parties) + " " + _surface_name(m, None)


def modifier_words(tok: Token, idx: ActorIndex) -> list[str]:
    """Modifiers of a document or ceasefire noun in text order ("30-day", "mineral", "rights",
    "$350 billion"): not determiners, possessives, actors (they are parties or proposers), brokers
    ("Oman-brokered") or hedges; hyphenated words stay whole."""
    from ..actors.parties import actor_of

    left = [t for t in tok.subtree if t.i < tok.i]
    if not left:
        return []
    text = ""
    for t in tok.doc[left[0].i:tok.i]:
        participle = t.tag_ == "VBN" and t.dep_ == "amod" or t.head.tag_ == "VBN" and t.head.dep_ == "amod"
        drop = t.dep_ in ("det", "poss", "case", "cc", "advmod", "prep", "punct") and t.text not in "-–" \
            or t.is_punct and t.text not in "-–" or t.lower_ in NOT_NAME or t.lower_ in HEDGES or participle \
            or t.lemma_ in ATTEST_VERBS or t.lemma_ in AGREE_VERBS \
            or actor_of(t, idx) is not None or t.lower_.endswith("brokered") or t.text in ("'", "\u2018", "\u2019")
        word = t.text if t.pos_ == "PROPN" and not t.is_upper else t.lower_
        text += (" " if drop else word) + t.whitespace_
    return [w.strip("-–") for w in text.split() if w.strip("-–")]


def _content_tail(tok: Token) -> str:
    """An infinitive that says what the document does: "an agreement to lower tariffs"."""
    acl = next((c for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)), None)
    if acl is None:
        return ""
    toks = [t for t in acl.subtree if not t.is_punct]
    if len(toks) > 6:
        return ""
    return " ".join(t.lower_ for t in toks)


def _ceasefire_content(tok: Token) -> Token | None:
    """A ceasefire named in a relative clause of the document ("an accord that swaps a ceasefire for ...")
    or as its subject ("a joint statement on an immediate ceasefire")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "for"):
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in CEASEFIRE_WORDS:
                return obj
        if c.dep_ == "relcl":
            for t in c.subtree:
                if t.lower_ in CEASEFIRE_WORDS and t.dep_ in ("dobj", "pobj"):
                    return t
    return None
