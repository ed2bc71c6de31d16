"""How a statement lies in the page: a quotation attributed by "X said:" closing the paragraph before it,
a quotation left open over several paragraphs (each opens, only the last closes), further quotations
joined to a claim, and a claim the end of an excerpt cuts off before its predicate."""
from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...model import Claim, Span
from ..text.doctext import doc_text
from ..text.quotes import Quote
from .clauses import reports

FUNCTION_POS = frozenset("AUX DET ADP CCONJ SCONJ PART".split())


def cut_off(doc: Doc, start: int, end: int) -> bool:
    """The claim runs into the end of the text and what survives has no predicate (no full verb, and
    it stops on a function word: "the border will", "talks with the")."""
    if doc_text(doc)[end:].strip(" \n\t\"'”’.…"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span or [] if not (t.is_punct or t.is_space)]
    return bool(words) and not any(t.pos_ == "VERB" for t in words) and words[-1].pos_ in FUNCTION_POS


def colon_verb(span: SpacySpan, quoted: set[int]) -> Token | None:
    """ "X said:" closing the sentence (or paragraph) before the quotation: its reporting verb."""
    doc = span.doc
    sent = span[0].sent
    if sent.start == 0 or any(not (t.is_punct or t.is_space) for t in doc[sent.start:span[0].i]):
        return None
    prev = [t for t in doc[sent.start - 1].sent if not t.is_space]
    if len(prev) < 2 or prev[-1].text != ":":
        return None
    verb = prev[-2] if reports(prev[-2]) else prev[-1].head
    return verb if reports(verb) and verb.i not in quoted else None


def open_run(doc: Doc, q: Quote, quotes: list[Quote], used: set[Quote], claims: list[Claim]) -> list[Quote]:
    """The unused quotations left open at the end of their paragraph that lead without a break into
    ``q`` (news style: a quote over several paragraphs opens each one and closes only the last)."""
    out: list[Quote] = []
    text = doc_text(doc)
    for p in reversed([p for p in quotes if p.end <= q.start]):
        if not p.open or p in used or text[p.end:(out[-1] if out else q).start].strip(' \n"“”…,.'):
            break
        if any(c.evidence.start <= p.start < c.evidence.end for c in claims):
            break
        used.add(p)
        out.append(p)
    return out


def extend(claim: Claim, q: Quote) -> None:
    """Add a further quotation to a claim (" ... " marks the gap)."""
    claim.text = f"{q.text} ... {claim.text}" if q.start < claim.evidence.start else f"{claim.text} ... {q.text}"
    claim.evidence = Span(min(claim.evidence.start, q.start), max(claim.evidence.end, q.end))
