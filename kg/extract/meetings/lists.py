"""A group named, then its members after a colon: "talks with the US team: Secretary of State A and
adviser B", "the delegations: A, B and C". The persons of the list take part where the group does."""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Span
from ..actors.index import ActorIndex

GROUP_NOUNS = frozenset("""team teams delegation delegations side sides officials negotiators envoys counterparts
group leaders participants representatives""".split())
STOP = frozenset("who whom which whose that".split())


def colon_members(tok: Token, idx: ActorIndex) -> list[tuple[str, Span]]:
    """Persons listed after the colon that ends the group phrase ``tok`` (empty when no colon follows,
    or when a clause follows it instead of a list)."""
    doc = tok.doc
    if tok.lower_ not in GROUP_NOUNS:
        return []
    colon = tok.right_edge.i + 1
    if colon >= tok.sent.end or doc[colon].text not in (":", "—", "–"):
        return []
    out: list[tuple[str, Span]] = []
    for t in doc[colon + 1:tok.sent.end]:
        if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" or t.lower_ in STOP or t.text in (";", ".", ":"):
            break
        name = idx.token_actor.get(t.i)
        if not name or idx.kind(name) != "Person":
            continue
        if t.dep_ == "poss" or t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("'s", "’s"):
            continue  # "Putin's aide X": the aide is listed
        if t.dep_ == "pobj" or t.dep_ == "compound" and t.head.dep_ == "pobj":
            continue  # "A, adviser to President X": X is named for A's title
        if name not in [n for n, _ in out]:
            out.append((name, Span(tok.idx, t.idx + len(t))))
        else:
            out = [(n, Span(s.start, t.idx + len(t)) if n == name else s) for n, s in out]
    return out
