"""Claims attributed other than by a reporting verb's subject: "according to X", "by X's count",
"..., AFP reported, citing a US official", "X set out three results:" over a list of items, and "that
account came from X" after what X said.

Each pass takes the :class:`~kg.extract.claims.extract.ClaimFinder` of the article (its doc, actors,
resolver, and ``_emit`` / ``_quotes_in``) and adds what it finds.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..actors.index import ActorIndex
from ..text.doctext import doc_text
from .clauses import REPORT_VERBS, content, reports, subtree, trim
from .speakers import speakers as find_speakers, unnamed_source
from .subjects import bare_body, body_speaker, document_author, earlier_issuers, hyphen_part, titled_person

COUNT_NOUNS = frozenset("count tally estimate estimates figure figures reckoning".split())
# "that account came from X": a pointer back to what the sentence before reported
ACCOUNT_NOUNS = frozenset("account assessment version description figure figures estimate estimates".split())
LIST_VERBS = frozenset("set outline list detail summarise summarize".split())
BULLETS = re.escape("→•▪●◦‣*–-")
LIST_INTRO = re.compile(r":[ \n]*(?=[" + BULLETS + r"] )")
LIST_ITEM = re.compile(r"[ \n]*[" + BULLETS + r"] +([^" + BULLETS + r"\n]{3,600}?)[;.,]?(?= +[" + BULLETS + r"] |[ ]*\n|$)")


def according_pass(f) -> None:
    doc = f.doc
    for t in doc:
        if t.lower_ != "according" or t.i in f.quoted:
            continue
        to = next((c for c in t.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is None or pobj.i in f.idx.outlets or reports(t.head) or hyphen_part(pobj):
            continue  # "according to Sky News": an outlet; "X said, according to Y, that": X's claim
        name, how = unnamed_source(pobj, f.idx, f.res) or f.res.actor(pobj)
        if how == "title":
            name = titled_person(pobj, f.idx) or name
        found = [(name, how)]
        if not name and how not in ("journalist", "outlet", "report"):
            # "according to a statement from the foreign ministry": the document's author; "according
            # to the ministry" (Ghana's, named before), "to the Ghanaian government": the state
            found = [document_author(pobj, f.idx, f.res) or body_speaker(pobj, f.idx)
                     or bare_body(pobj, f.idx) or (None, how)]
            found = earlier_issuers(pobj, f.idx, f.res) or found
            name, how = found[0]
        if how == "journalist" or not name:
            continue
        via = next((f.idx.outlets[x.i] for x in pobj.subtree if x.i in f.idx.outlets), None)
        if how == "outlet":
            continue
        clause = t.head
        final = all(x.is_punct or x.is_space for x in doc[t.right_edge.i + 1:t.sent.end])
        stops = ("ROOT", "ccomp") if final else ("ROOT", "ccomp", "conj")
        if all(x.is_punct or x.is_space for x in doc[t.sent.start:t.i]):
            stops = ("ROOT",)  # "According to X, once A had met, B agreed": X says the whole sentence
        while clause.dep_ not in stops and clause.head.i != clause.i:
            clause = clause.head  # "..., and B, according to X": X said all of it
        skip = {x.i for x in t.subtree}
        toks = trim(doc, [x for x in subtree(clause, skip)])
        f._emit(found, t, toks, f._quotes_in(toks), 0.75, via=via, hedged=how == "anon")


def count_pass(f) -> None:
    """ "by Israeli count, 1,200 were killed", "by UN estimates": the body whose figures they are
    says what the clause says (from its subject on: "during which, by X count, A killed B" -> "A killed B")."""
    doc = f.doc
    for t in doc:
        if t.lower_ != "by" or t.dep_ != "prep" or t.i in f.quoted or t.head.pos_ not in ("VERB", "AUX"):
            continue
        obj = next((c for c in t.children if c.dep_ == "pobj" and c.lemma_ in COUNT_NOUNS), None)
        if obj is None:
            continue
        found = [o for m in obj.children if m.dep_ in ("amod", "compound", "poss", "nmod")
                 for o in [owner(m, f.idx)] if o]
        if len(found) != 1:
            continue
        verb = t.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        skip = {x.i for x in t.subtree}
        toks = [x for x in subtree(verb, skip) if subj is None or x.i >= subj.left_edge.i]
        toks = trim(doc, toks)
        if toks:
            f._emit(found, t, toks, f._quotes_in(toks), 0.7)


def owner(tok: Token, idx: ActorIndex) -> tuple[str, str] | None:
    """The state or body a modifier names ("Israeli", "UN", "the ministry's")."""
    name = idx.token_actor.get(tok.i)
    if name and idx.kind(name) in ("Organization", "Country"):
        return name, idx.kind(name).lower()
    country = idx.countries.get(tok.i) or idx.capitals.get(tok.i)
    return (country, "country") if country else body_speaker(tok, idx)


def citing_pass(f) -> None:
    """ "..., AFP reported, citing a US official": the one cited says what the outlet reports."""
    doc = f.doc
    for verb in doc:
        if verb.lemma_ != "cite" or verb.tag_ != "VBG" or verb.head.lemma_ not in REPORT_VERBS:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        speakers = find_speakers(verb.head, f.idx, f.res)
        if speakers is not None and speakers:
            continue  # the head verb has a speaker of its own: "citing" names evidence, not a source
        name, how = (unnamed_source(obj, f.idx, f.res) or f.res.actor(obj))
        if not name or how in ("journalist", "outlet"):
            continue
        toks, text = content(verb.head)
        toks = [t for t in trim(doc, toks) if t.i not in {x.i for x in verb.subtree}]
        if toks:
            f._emit([(name, how)], verb, toks, f._quotes_in(toks), 0.7, text=text,
                       via=f.idx.outlets.get(next((c.i for c in verb.head.children if c.dep_ == "nsubj"), -1)))


def list_pass(f) -> None:
    """ "X set out three results:" and a list of items: each item is a claim of X."""
    doc = f.doc
    for m in LIST_INTRO.finditer(doc_text(doc)):
        colon = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if colon is None:
            continue
        verb = colon[0].head if colon[0].head.pos_ in ("VERB", "AUX") else colon[0].sent.root
        if not (reports(verb) or verb.lemma_ in LIST_VERBS):
            continue
        speakers = find_speakers(verb, f.idx, f.res)
        if not speakers:
            continue
        prev_end = m.end()
        for item in LIST_ITEM.finditer(doc_text(doc), m.end()):
            if doc_text(doc)[prev_end:item.start()].strip():
                break  # the list has ended
            span = doc.char_span(item.start(1), item.end(1), alignment_mode="expand")
            toks = trim(doc, list(span)) if span is not None else []
            if toks:
                f._emit(speakers, verb, toks, f._quotes_in(toks), 0.75)
            prev_end = item.end()


def source_pass(f) -> None:
    """ "... the two sides discussed a swap. That account came from the minister X": the sentence before
    is what the one it came from said."""
    doc = f.doc
    for verb in doc:
        if verb.lemma_ != "come" or verb.dep_ != "ROOT" or verb.sent.start == 0 or verb.i in f.quoted:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_ in ACCOUNT_NOUNS), None)
        if subj is None or [c.lower_ for c in subj.children] not in (["that"], ["this"], ["the"], ["these"], ["those"]):
            continue  # only a bare pointer back: "that account", "the figures"
        frm = next((t for t in verb.sent if t.lower_ == "from" and t.dep_ == "prep" and t.i > verb.i), None)
        obj = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
        if obj is None or obj.i in f.idx.outlets:
            continue
        name, how = f.res.actor(obj)
        if how == "title":
            name = titled_person(obj, f.idx) or name
        if not name and how not in ("journalist", "outlet"):
            name, how = body_speaker(obj, f.idx) or (None, how)
        if not name or how in ("journalist", "outlet", "pronoun"):
            continue
        toks = trim(doc, [t for t in doc[verb.sent.start - 1].sent if not t.is_space])
        if toks:
            f._emit([(name, how)], verb, toks, f._quotes_in(toks), 0.7)
