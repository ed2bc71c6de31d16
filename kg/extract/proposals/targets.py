"""Numeric targets put up for adoption: "allies poised to adopt Trump's 5% spending goal", "approval for a
target of spending 5% of GDP on defence". A target or goal with a figure is a kg:Proposal when the text has
it adopted, approved, agreed, proposed or demanded; one the parties already have and only meet, reach or
miss ("meeting its defence spending target") is not. Mentions with the same figure are one proposal, named
by the mention that says what the figure is of; the proposer is the one whose goal the text calls it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..actors.index import ActorIndex

TARGET_HEADS = frozenset("target goal".split())
ADOPT_VERBS = frozenset("""adopt approve endorse agree set propose back accept demand push seek embrace
unveil announce float table""".split())
ADOPT_NOUNS = frozenset("approval adoption agreement deal push demand support vote commitment endorsement".split())
ADOPT_PREPS = frozenset("for on to".split())


@dataclass
class Target:
    figure: str
    name: str
    proposer: str | None
    spans: list[tuple[Token, int, int]] = field(default_factory=list)
    described: bool = False  # named by what the figure is of ("target of spending 5% of GDP")


def _figure(tok: Token) -> str | None:
    """The figure a target carries ("5%", "2 percent", "$100 billion"), in its modifiers or its "of" phrase."""
    scope = [t for t in tok.subtree if not any(a.dep_ in ("relcl", "acl") and a.i != tok.i for a in t.ancestors
                                               if a.i in {x.i for x in tok.subtree})]
    for t in scope:
        if t.like_num and t.i != tok.i:
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            unit = nxt.text if nxt is not None and nxt.text in ("%", "percent", "per") else ""
            return (t.text + ("%" if unit else "")).lower()
    return None


def _adopted(tok: Token) -> bool:
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_ in ADOPT_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ in ADOPT_PREPS:
        gov = head.head
        if gov.lemma_ in ADOPT_NOUNS or gov.pos_ == "VERB" and gov.lemma_ in ("agree", "settle", "vote", "push"):
            return True
        # "bring approval for a target": the parser hangs the phrase on the verb, not on its noun
        return gov.pos_ in ("VERB", "AUX") and any(c.dep_ in ("dobj", "attr") and c.lemma_ in ADOPT_NOUNS
                                                   for c in gov.children)
    return False


def _proposer(tok: Token, idx: ActorIndex) -> str | None:
    for c in tok.children:
        if c.dep_ == "poss":
            name = idx.token_actor.get(c.i) or idx.countries.get(c.i)
            if name and idx.kind(name) in ("Person", "Country", "Organization"):
                return name
    return None


def _name(tok: Token) -> tuple[str, bool]:
    """"target of spending 5% of GDP on defence" when an "of" phrase says what it is; else the figure
    and the compounds before the noun ("5% spending goal")."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        cut = min((t.left_edge.i for t in of.subtree if t.dep_ in ("relcl", "acl")), default=of.right_edge.i + 1)
        words = [t for t in of.subtree if t.i < cut]
        while words and words[-1].is_punct and words[-1].text != "%":
            words.pop()
        text = "".join(t.text_with_ws for t in words).strip()
        return f"{tok.lower_} {text}", True
    mods = [t for t in tok.subtree if t.i < tok.i and t.dep_ in ("compound", "nummod", "amod") or
            t.i < tok.i and t.head.dep_ == "compound" and t.dep_ == "nummod"]
    mods = [t for t in mods if t.dep_ != "amod" or t.like_num]
    text = "".join(t.text_with_ws for t in sorted(mods, key=lambda t: t.i)).replace(" %", "%")
    return " ".join([text.strip(), tok.lower_]).strip(), False


def numeric_targets(doc: Doc, idx: ActorIndex) -> list[Target]:
    """The adopted or proposed numeric targets of one article, one per figure."""
    found: dict[str, Target] = {}
    for tok in doc:
        if tok.lemma_ not in TARGET_HEADS or tok.pos_ != "NOUN" or tok.tag_ == "NNS" or not _adopted(tok):
            continue
        figure = _figure(tok)
        if figure is None:
            continue
        name, described = _name(tok)
        left = min(t.i for t in tok.subtree if t.dep_ not in ("det", "poss", "case") or t.i == tok.i)
        right = max(t.i for t in tok.subtree if not any(a.dep_ == "relcl" for a in t.ancestors) and not t.is_punct)
        span = (tok, doc[left].idx, doc[right].idx + len(doc[right]))
        t = found.setdefault(figure, Target(figure, name, None))
        if described and not t.described:
            t.name, t.described = name, True
        t.proposer = t.proposer or _proposer(tok, idx)
        t.spans.append(span)
    return list(found.values())
