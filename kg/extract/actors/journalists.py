"""Persons who only carry the story: bylines, credits, correspondents, the writer's own furniture
lines ("Follow Jane Doe on X"). They are never actors."""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from ..text.gazetteer import JOURNALIST_TITLES, norm
from .filters import CREDIT_WORDS
from .person_spans import HEAD_TITLES

CARRIER_VERBS = frozenset("report write quote author publish".split())
FURNITURE_VERBS = frozenset("follow contact email subscribe".split())  # a line of page furniture


def _titled(span: SpacySpan) -> bool:
    """A journalist's title just before the name ("Reuters correspondent Jane Doe", "reporter,
    Jane Doe"), not one a verb or clause away ("a reporter asked whether Jane Doe would go")."""
    for t in reversed(span.doc[max(span.start - 3, 0):span.start]):
        if t.lower_ in JOURNALIST_TITLES:
            return True
        if not (t.is_punct or t.pos_ in ("PROPN", "DET") or t.tag_ == "POS"):
            return False
    return False


def _credit(span: SpacySpan) -> bool:
    """The name follows a credit that opens its line or clause: "Reporting by", "Additional
    reporting and editing by", "; Editing by" (not "a letter written by")."""
    doc = span.doc
    i = span.start - 2  # the token before "by"
    words = 0
    while i >= 0 and (doc[i].lower_ in CREDIT_WORDS or doc[i].lower_ in ("and", "additional")):
        words += doc[i].lower_ in CREDIT_WORDS
        if doc[i].is_sent_start:
            return words > 0
        i -= 1
    return words > 0 and (i < 0 or doc[i].is_space or doc[i].text in (";", "(", "|", "—", "–", "-", ".")
                          or "\n" in doc[i].whitespace_)


def _has_role(span: SpacySpan) -> bool:
    """A person with a role of their own, whom writing or publishing something does not make a
    journalist: a verified person, or one a title names ("President X", "X, Norway's foreign minister")."""
    if span.ent_id_.startswith("person:"):
        return True
    doc, root = span.doc, span.root
    if span.start and doc[span.start - 1].lower_.rstrip(".") in HEAD_TITLES:
        return True
    return any(c.dep_ == "appos" and c.i >= span.end and any(t.lower_ in HEAD_TITLES for t in c.subtree)
               and not any(t.lower_ in JOURNALIST_TITLES for t in c.subtree) for c in root.children)


def _ends_line(span: SpacySpan) -> bool:
    """Whether nothing but a credit's punctuation, "and" or a line end follows the name: "By Jane
    Doe and John Roe", not "By Jane Doe's own account"."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is None or nxt.is_space or "\n" in span.doc[span.end - 1].whitespace_ or (
        nxt.tag_ != "POS" and (nxt.is_punct or nxt.lower_ in ("and", "in", "for")) )


def is_journalist(span: SpacySpan, idx, author: str | None) -> bool:
    """True when the person only carries the story: reporter, correspondent, author, quoter."""
    root = span.root
    if author and norm(author) and (norm(span.text) == norm(author) or norm(span.text) == norm(author).split()[-1]):
        return True
    left = [t.lower_ for t in span.doc[max(span.start - 3, 0):span.start]]
    if span.start and span.doc[span.start - 1].lower_ in FURNITURE_VERBS and span.doc[span.start - 1].is_sent_start:
        return True  # "Follow Jane Doe on X", "Email Jane Doe": the writer, in the page's furniture
    if _titled(span):
        return True
    if left[-1:] == ["by"] and ((span.doc[span.start - 1].is_sent_start and _ends_line(span)) or _credit(span)):
        return True  # a byline ("By Jane Doe") or a credit ("Reporting by ...")
    sent = span.sent
    if all(t.i in range(span.start, span.end) or t.is_space or t.is_punct for t in sent) and sent.end < len(span.doc):
        nxt = next(span.doc[sent.end:].sents)  # a byline on its own line: "Jane Doe\nStaff Writer"
        words = [t.lower_ for t in nxt if t.is_alpha]
        if len(words) <= 4 and any(w in JOURNALIST_TITLES or w == "staff" for w in words):
            return True
    if sent[0].lower_ == "by" and len(sent) <= 14 and all(
            t.ent_type_ == "PERSON" or t.is_punct or t.is_space or t.lower_ in ("by", "and") for t in sent):
        return True  # "By Jane Doe and John Roe"
    if root.dep_ == "appos" and root.head.lower_ in JOURNALIST_TITLES:
        return True
    if any(c.dep_ == "appos" and c.i >= span.end and c.lower_ in JOURNALIST_TITLES for c in root.children):
        return True  # "Omar Haddad, Reuters correspondent in Doha, contributed reporting"
    if _has_role(span):  # "a letter written by President X": the writer acts in the story
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_ in CARRIER_VERBS:
        return True
    subj = root
    while subj.dep_ == "conj":
        subj = subj.head
    if subj.dep_ == "nsubj" and subj.head.lemma_ in ("report", "write"):
        verb = subj.head
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "for")):
            # "writes for The Times", not "wrote in an article for The Times" (a leader's op-ed)
            if any(o.dep_ == "pobj" and o.i in idx.outlets for o in prep.children):
                return True
    if subj.dep_ == "nsubj" and subj.head.lemma_ == "be":
        attr = [c for c in subj.head.children if c.dep_ in ("attr", "acomp")]
        if any(t.lower_ in JOURNALIST_TITLES for a in attr for t in a.subtree):
            return True
    return False
