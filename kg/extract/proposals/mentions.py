"""Mentions of negotiated documents (kg:Proposal candidates): plans, drafts, frameworks,
agreements, treaties, declarations, joint statements, memoranda, roadmaps.

A mention records what the noun phrase itself says: its family (plan / agreement / declaration),
head noun, number of points or articles, type modifiers ("peace", "ceasefire", "joint", "of
principles"), proposer, parties, whether it is revised or original, and whether the sentence
attests a concrete document (signed, initialled, released, "under the statement", "the
agreement provides for ..."). Clustering into proposals is done in :mod:`.proposals`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..actors.index import ActorIndex
from ..text.doctext import doc_text
from ..text.gazetteer import load_gazetteer, norm
from ..actors.parties import parties_in
from .attestation import attested, drafts, is_channel, part_of, realis, relative_attest, signed
from .phrases import ceasefire_content, content_tail, for_tail, is_broker, modifier_words, on_tail
from .vocab import (PLAN_HEADS, AGREEMENT_HEADS, PLEDGE_HEADS, DECLARATION_HEADS, WEAK_HEADS, PLAN_SYNONYMS,
                    ORIGINAL, REVISED, STRONG_REVISED, REVISE_VERBS, TYPE_WORDS, TYPE_ADJ, VERSION_WORDS,
                    CEASEFIRE_WORDS, AGREE_VERBS, NOT_NAME, PROPOSE_VERBS, ATTEST_VERBS, PROVISION_VERBS,
                    HEDGES, BROKER_VERBS, UNITS, POINTS, FROM_TO, PEACE_PURPOSE, STRUCTURED)


QUOTES = frozenset('"“”\'‘’')


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
    quoted: bool = False  # a name in quotation marks: his "victory plan"
    mods: list[str] = field(default_factory=list)  # modifier words of the name ("mineral", "rights")
    tail: str = ""  # content after the noun: "to lower tariffs", "in the Middle East"
    version: str | None = None  # "provisional" for a tentative / provisional / interim version
    duration: str | None = None  # ceasefires: "48-hour"
    wrapper: str | None = None  # ceasefires: "plan" in "plan for a ceasefire", "agreement" in "ceasefire agreement"
    context: list[str] = field(default_factory=list)  # ceasefires: the pair of actors coordinated nearest before
    signed: bool = False

    @property
    def named(self) -> bool:
        """A plan called by a proper name or by its structure: "the Quad roadmap", "a three-phase plan"."""
        return self.family == "plan" and not self.plural and (
            any(w[:1].isupper() for w in self.mods) and self.definite or any(STRUCTURED.match(w) for w in self.mods))

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


def _proposer(tok: Token, idx: ActorIndex) -> tuple[str | None, str | None]:
    """(proposer, surface modifier) from the plan's modifiers or the subject of "propose"/"draft"."""
    for t in tok.subtree:
        if t.i >= tok.i:
            break
        if t.i in idx.collectives:
            return idx.collectives[t.i], t.text
        if t.i in idx.countries:
            return idx.countries[t.i], t.text
        if t.i in idx.capitals and t.dep_ in ("compound", "nmod") and family_of(tok.lower_) == "plan" \
                and not tok.text[:1].isupper():
            # "the Cairo plan": the government seated there; in a name ("the Doha Framework") the venue
            return idx.capitals[t.i], t.text
        name = idx.token_actor.get(t.i)
        if name and t.dep_ == "poss":
            actor = idx.actors[name]
            if actor.kind == "Country":
                return name, t.text
            if actor.affiliation and idx.kind(actor.affiliation) == "Country":
                return actor.affiliation, None
            if actor.kind == "Person":  # "Trump's Gaza plan" with no country known for him
                return name, t.text
    verb = tok.head
    drafters: list[Token] = []
    if tok.dep_ in ("dobj",) and drafts(verb):  # "the United States proposed a plan", "Kenya drew up a plan"
        drafters += [c for c in verb.children if c.dep_ == "nsubj"]
    if tok.dep_ == "nsubjpass" and drafts(verb):  # "a version was presented by Uganda"
        drafters += [x for c in verb.children if c.dep_ == "agent" for x in c.children if x.dep_ == "pobj"]
    for c in tok.children:  # "the 5-point proposal from the African Union"
        if c.dep_ == "prep" and c.lower_ == "from" and family_of(tok.lower_) == "plan":
            drafters += [x for x in c.children if x.dep_ == "pobj"]
    for c in tok.children:  # "a framework that Kenyan mediators drew up", "a draft prepared by Oman"
        if c.dep_ in ("relcl", "acl") and drafts(c):
            drafters += [x for x in c.children if x.dep_ == "nsubj" and x.lower_ not in ("that", "which")]
            drafters += [x for a in c.children if a.dep_ == "agent" for x in a.children if x.dep_ == "pobj"]
    for subj in drafters:
        if subj.conjuncts:
            continue  # "put forward by A, B and C": several drafters, no one proposer
        found = _drafter(subj, idx)
        if found[0]:
            return found
    return None, None


def _drafter(subj: Token, idx: ActorIndex) -> tuple[str | None, str | None]:
    """The actor a drafting verb's subject names: a collective, a state ("Kenyan mediators" -> Kenya),
    a person's state, or the person."""
    person = None
    for t in subj.subtree:
        if t.i in idx.collectives:
            return idx.collectives[t.i], t.text
        if t.i in idx.countries:  # "the United States proposed": "US", not "United"
            whole = t.i + 1 < len(t.doc) and idx.countries.get(t.i + 1) == idx.countries[t.i]
            return idx.countries[t.i], short_name(idx.countries[t.i]) if whole else t.text
        name = idx.token_actor.get(t.i)
        if name and idx.actors[name].affiliation and idx.kind(idx.actors[name].affiliation) == "Country":
            return idx.actors[name].affiliation, None
        if name and idx.actors[name].kind in ("Person", "Organization") and person is None:
            person = name
    return person, None


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
    text = doc_text(doc)[start:end]
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
    if ("draft" in words or tok.lower_ == "draft" and head_tok is not tok) and m.head == "plan" \
            or "draft" in words and fam == "agreement":  # "a draft peace agreement": a version not yet signed
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
    outer = part_of(tok)
    m.attested = attested(tok, outer) or (head_tok is not tok and attested(head_tok, tok))
    late = relative_attest(head_tok, m.end)
    if late is not None:  # "a declaration of principles that the two governments signed" (flat parse)
        m.attested = True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and family_of(tok.head.head.lower_) == "weak":
        m.attested = m.attested or attested(tok.head.head, tok.head.head)  # "the text of X was initialled"
    between = [c for x in (tok, head_tok) for c in x.children if c.dep_ == "prep" and c.lower_ in ("between", "with")]
    # "a deal between A and B, which was signed in C": the parties, not the clause hung on the last one
    named = [x for c in between for o in c.children if o.dep_ == "pobj" for x in [o, *o.conjuncts]]
    party_toks = [t for x in named for t in [x, *(k for k in x.children if k.dep_ in ("compound", "amod"))]]
    if any(k.dep_ == "relcl" and k.lemma_ in ATTEST_VERBS and realis(k) for x in named for k in x.children):
        m.attested = True
    party_toks += [t for t in compounds if t.dep_ in ("compound", "nmod")]
    party_toks += [c for t in compounds if t.dep_ in ("compound", "nmod") for c in t.children if c.dep_ == "conj"]
    verb = outer.head if outer.dep_ in ("dobj", "nsubjpass") else None
    if outer.dep_ == "pobj" and outer.head.lower_ in ("on", "to") and outer.head.head.lemma_ in AGREE_VERBS:
        verb = outer.head.head  # "the two sides settled on a trade framework", "agreed to a deal"
        if fam == "plan" and realis(verb):
            m.family = fam = "agreement"  # a framework both sides agree on is their agreement
            m.attested = True
    if verb is not None and (verb.lemma_ in ATTEST_VERBS or verb.lemma_ in AGREE_VERBS) \
            and verb.lemma_ not in BROKER_VERBS:  # who brokered a deal is no party to it
        party_toks += [t for c in verb.children if c.dep_ in ("nsubj", "npadvmod", "dep") and c.i < verb.i
                       for t in c.subtree]
        party_toks += [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    for c in tok.children:  # "a declaration that the two governments signed", "released by the two sides"
        if c.dep_ in ("relcl", "acl") and c.lemma_ in ATTEST_VERBS and c.lemma_ not in BROKER_VERBS:
            party_toks += [t for x in c.children if x.dep_ in ("nsubj", "agent") for t in x.subtree]
    if late is not None:
        party_toks += [t for t in doc[head_tok.i + 1:late.i] if t.pos_ in ("NOUN", "PROPN")]
    party_toks = [t for t in party_toks if not is_broker(t)]  # "a US-brokered deal between A and B"
    m.parties = parties_in(party_toks, idx) if party_toks else []
    if len(m.parties) < 2:
        m.parties = []
    m.proposed = tok.dep_ == "dobj" and tok.head.lemma_ in PROPOSE_VERBS and \
        any(c.dep_ == "nsubj" for c in tok.head.children)
    m.mods = modifier_words(head_tok, idx)
    m.version = "provisional" if {w.lower() for w in m.mods} & VERSION_WORDS else None
    m.tail = content_tail(head_tok) or (for_tail(head_tok) if fam == "plan" else on_tail(head_tok)
                                        if fam in ("agreement", "declaration") else "")
    if m.tail.split()[1:2] in (["end"], ["stop"], ["halt"]) and set(m.tail.split()) & PEACE_PURPOSE \
            and "peace" not in m.types:
        m.types.append("peace")  # "a deal to end the war"
    m.signed = signed(tok) or (head_tok is not tok and signed(head_tok))
    cease = ceasefire_content(head_tok)
    if cease is not None:  # "an accord that swaps a Gaza ceasefire for ...": a ceasefire deal
        m.types.append("ceasefire") if "ceasefire" not in m.types else None
        m.mods += [t.text for t in cease.children if t.dep_ == "compound" and t.pos_ == "PROPN"
                   and t.text not in m.mods]
    m.name = _surface_name(m, surface)
    m.hedged = bool({t.lower_ for t in tok.sent} & HEDGES)
    first = min(left, key=lambda t: t.i)
    inner = [t for t in left if t.dep_ not in ("det", "poss", "case") and not t.is_punct]
    opened = min(inner, key=lambda t: t.i).i - 1 if inner else first.i - 1
    m.quoted = 0 <= opened and doc[opened].text in QUOTES and head_tok.i + 1 < len(doc) \
        and doc[head_tok.i + 1].text in QUOTES and not m.plural
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
    return party_prefix(m.parties) + " " + _surface_name(m, None)


def party_prefix(parties: list[str]) -> str:
    """"Chile-Peru": the parties' short names in alphabetical order, so that two articles that name
    them in another order still name (and identify) one proposal."""
    return "-".join(sorted(short_name(p) for p in parties))


def find_mentions(doc: Doc, idx: ActorIndex, skip: set[int]) -> list[PlanMention]:
    """The document mentions of the doc in text order, in one pass over its sentences; a number of points
    the sentence gives outside any mention ("includes 19 points", "from 28 points to 19") goes to its plan."""
    out: list[PlanMention] = []
    for sent in doc.sents:
        in_sent: list[PlanMention] = []
        for tok in sent:
            fam = family_of(tok.lower_)
            if fam is None or tok.pos_ not in ("NOUN", "PROPN") or is_channel(tok) or tok.i in skip:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and family_of(tok.head.head.lower_) in ("plan", "weak"):
                continue  # "the draft of the plan", "the text of the agreement": the outer noun is the mention
            if tok.dep_ == "compound" and family_of(tok.head.lower_):
                continue  # "treaty text", "framework agreement"
            m = make_mention(tok, idx)
            if m is not None:
                in_sent.append(m)
        out += in_sent
        plans = [m for m in in_sent if sent.start_char <= m.start < sent.end_char and m.family in ("plan", "weak")]
        ft = FROM_TO.search(sent.text)
        if ft:
            a, b = int(ft.group(1)), int(ft.group(2))
            for p in (a, b):
                out.append(PlanMention(sent[0], sent.start_char + ft.start(), sent.start_char + ft.end(),
                                       points=p, role="original" if p == a else "revised",
                                       revises=a if p == b else None))
            continue
        pm = POINTS.search(sent.text)
        inside = pm is not None and any(m.start <= sent.start_char + pm.start() < m.end for m in in_sent)
        if pm and not inside and plans and all(m.points is None for m in plans):
            plans[0].points = int(pm.group(1) or pm.group(3))
    return sorted(out, key=lambda m: m.start)
