"""kg:Claim: statements attributed to a speaker by a reporting verb, "according to", or a quotation.

Two passes over the body. The verb pass reads the dependency parse: a reporting verb, its subject
(the speaker, resolved through :mod:`coref`) and its complement (the claim). The quote pass gives each
quotation not already inside a claim the reporting verb next to it ("...," he said). Journalists and
outlets that only carry the story are never speakers; an outlet in the chain goes to ``Claim.via``.
"""
from __future__ import annotations

from datetime import date
from typing import Sequence

from spacy.tokens import Doc, Token

from ..model import Claim, Span
from .actors import ActorIndex
from .coref import ANONYMOUS, Resolver
from .dates import find_dates, resolve
from .gazetteer import CHANNELS, norm
from .parties import is_group_anaphor, resolve_group
from .quotes import Quote, find_quotes

REPORT_VERBS = frozenset("""say tell write state warn describe insist stress add note inform confirm emphasize
emphasise announce accuse praise express rule indicate cite explain claim declare reiterate assert acknowledge
admit deny predict promise reply respond urge tweet post remark comment underline underscore point maintain
vow pledge threaten criticize criticise welcome hail condemn report reject call speak""".split())
VERB_IN_TEXT = frozenset("praise accuse rule criticize criticise welcome hail condemn deny reject".split())
OBJECT_VERBS = VERB_IN_TEXT | frozenset("express stress emphasize emphasise confirm announce reiterate underline underscore".split())
PREP_VERBS = {"insist": ("on",), "warn": ("of", "about", "against"), "express": ("about",), "call": ("for",),
              "speak": ("of", "about")}
CLAIM_GROUPS = frozenset("governments countries nations states sides capitals".split())
HEDGES = frozenset("reportedly allegedly purportedly".split())
CARRIER_MARKS = frozenset("quote report write".split())
EMPTY_CLAIMS = frozenset("which that who whom what it this so".split())
MIN_QUOTE_WORDS = 3  # shorter quoted fragments are given with their clause


def _trim(doc: Doc, toks: list[Token]) -> list[Token]:
    """Drop leading "that"/punctuation and trailing punctuation from a claim's tokens."""
    while toks and (toks[0].is_punct or toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether")
                    or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].lower_ in ("and", "but")):
        toks = toks[:-1]
    return toks


def _carrier_clause(t: Token) -> bool:
    """ "as quoted by X in Y", "as reported by Y": the reporting chain, not the claim."""
    return t.dep_ == "advcl" and t.lemma_ in CARRIER_MARKS and any(c.lower_ == "as" for c in t.children)


def _subtree(tok: Token, skip: set[int]) -> list[Token]:
    out = []
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in skip or (t is not tok and _carrier_clause(t)):
            continue
        out.append(t)
        stack.extend(t.children)
    return sorted(out, key=lambda t: t.i)


def _contiguous(toks: list[Token]) -> list[Token]:
    """The longest run of consecutive tokens starting at the first one (claims are contiguous)."""
    if not toks:
        return toks
    run = [toks[0]]
    for t in toks[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    return run


class ClaimFinder:
    def __init__(self, doc: Doc, idx: ActorIndex, proposal_mentions: list, published: date | None,
                 context_dates: Sequence[date]):
        self.doc, self.idx = doc, idx
        self.quotes = find_quotes(doc.text)
        self.quoted = {t.i for q in self.quotes for t in doc.char_span(q.start, q.end, alignment_mode="expand") or []}
        self.res = Resolver(doc, idx, self.quoted)
        self.proposal_mentions = proposal_mentions
        self.published, self.context_dates = published, context_dates
        self.used_quotes: set[Quote] = set()
        self.claims: list[Claim] = []

    # -- speakers -------------------------------------------------------------------------
    def speakers(self, verb: Token) -> list[tuple[str, str]] | None:
        """[(name, how)] for the subject of ``verb``; None when it is a journalist or outlet."""
        if any(c.dep_ == "nsubj" and c.i in self.idx.outlets for c in verb.children):
            return None  # "reports TASR", "CNN reported": the outlet carries the story
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subj is None and verb.dep_ == "conj" and verb.head.lemma_ not in REPORT_VERBS:
            # "He stressed that ... and insisted that ...": the parser hangs the second verb inside the first
            outer = next((a for a in verb.ancestors if a.lemma_ in REPORT_VERBS and a.pos_ in ("VERB", "AUX")), None)
            if outer is not None:
                return self.speakers(outer)
        if subj is None:
            head = verb
            while head.dep_ in ("conj", "advcl", "xcomp") and head.head is not head and subj is None:
                if head.dep_ == "advcl" and head.tag_ != "VBG":
                    break
                head = head.head
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subj is None and verb.dep_ == "relcl":
                subj = verb.head
        if subj is None:
            return []
        out = []
        for s in [subj, *[c for c in subj.children if c.dep_ == "conj"]]:
            if is_group_anaphor(s) and s.lower_ in CLAIM_GROUPS:  # "the two governments said": both parties
                out += [(p, "country") for p in resolve_group(s, self.idx) if (p, "country") not in out]
                continue
            name, how = self.res.actor(s)
            if how in ("journalist", "outlet"):
                return None
            if name:
                out.append((name, how))
        return out

    # -- helpers --------------------------------------------------------------------------
    def _channel(self, verb: Token) -> str | None:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "via", "in", "at", "through", "during"):
                text = norm(" ".join(t.text for t in c.subtree))
                for key, label in CHANNELS.items():
                    if f" {key} " in f" {text} ":
                        return label
        return None

    def _via(self, verb: Token, exclude: set[int]) -> str | None:
        for t in verb.sent:
            if t.i in self.idx.outlets and t.i not in exclude:
                return self.idx.outlets[t.i]
        return None

    def _date(self, verb: Token, content: set[int]) -> date | None:
        for c in verb.children:
            if c.dep_ in ("prep", "npadvmod") and c.i not in content:
                span = self.doc[c.left_edge.i:c.right_edge.i + 1]
                for d in find_dates(span.text, span.start_char):
                    return resolve(d, published=self.published, context_dates=self.context_dates)[0]
        return None

    def _about(self, start: int, end: int) -> list[str]:
        about = [name for s, e, name in self.proposal_mentions if s < end and start < e]
        for t in self.doc.char_span(start, end, alignment_mode="expand") or []:
            place = self.idx.token_place.get(t.i)
            if place and place not in about:
                about.append(place)
        return about

    def _emit(self, speakers, verb, toks: list[Token], quote: Quote | None, conf: float, *,
              text: str | None = None, hedged: bool = False, via: str | None = None) -> None:
        doc = self.doc
        if not toks and quote is None:
            return
        if quote is not None and (not toks or quote.start <= toks[0].idx and toks[-1].idx + len(toks[-1]) <= quote.end + 1):
            kind, start, end, body = "DirectQuote", quote.start, quote.end, quote.text
        elif quote is not None:
            kind = "PartialQuote"
            if quote.words >= MIN_QUOTE_WORDS:
                start, end, body = quote.start, quote.end, quote.text
            else:
                start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
                body = text or doc.text[start:end]
        else:
            kind, start, end = "Paraphrase", toks[0].idx, toks[-1].idx + len(toks[-1])
            body = text or doc.text[start:end]
        body = " ".join(body.split())
        if len(body.split()) < 1 or body.lower() in EMPTY_CLAIMS:
            return  # "..., which Azerbaijan says ...": the relative pronoun is not what was said
        hedged = hedged or any(c.lower_ in HEDGES for c in verb.children)
        content = {t.i for t in toks}
        for name, how in speakers:
            if any(c.speaker == name and c.evidence == Span(start, end) for c in self.claims):
                continue
            anon = name == ANONYMOUS
            self.claims.append(Claim(
                speaker=name, text=body, claim_type=kind, evidence=Span(start, end), verb=verb.lemma_,
                date=self._date(verb, content), channel=self._channel(verb), about=self._about(start, end),
                via=via or self._via(verb, content), hedged=hedged or anon,
                confidence=round(conf * (0.8 if how in ("pronoun", "title") else 0.75 if anon else 1.0), 2)))

    def _quote_in(self, toks: list[Token]) -> Quote | None:
        if not toks:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        for q in self.quotes:
            if q.start < e and s < q.end and q not in self.used_quotes:
                return q
        return None

    # -- passes ---------------------------------------------------------------------------
    def verb_pass(self) -> None:
        doc = self.doc
        for verb in doc:
            if verb.lemma_ not in REPORT_VERBS or verb.pos_ not in ("VERB", "AUX") or verb.i in self.quoted:
                continue
            if verb.lemma_ in ("rule", "point") and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
                continue
            if verb.lemma_ in VERB_IN_TEXT and any(h.lemma_ in REPORT_VERBS for h in verb.ancestors):
                continue  # "told reporters he hoped to welcome them": part of what was told
            speakers = self.speakers(verb)
            if not speakers:
                continue
            toks, text = self.content(verb)
            toks = _trim(doc, toks)
            if len(toks) < 1 or all(t.i in self.quoted for t in toks):
                continue  # nothing said, or all of it inside a quotation: the quote pass takes it
            quote = self._quote_in(toks)
            if quote is not None:
                self.used_quotes.add(quote)
            self._emit(speakers, verb, toks, quote, 0.85, text=text)

    def content(self, verb: Token) -> tuple[list[Token], str | None]:
        """The tokens of what ``verb`` reports, and a text when it is not one contiguous run."""
        doc = self.doc
        kids = list(verb.children)
        skip = {verb.i}
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None and any(c.dep_ == "agent" for c in kids):
            if passive.lower_ in ("this", "that", "it") and verb.sent.start > 0:
                prev = doc[verb.sent.start - 1].sent
                return [t for t in prev], None
            toks = _subtree(passive, skip)
            extra = [c for c in kids if c.dep_ == "prep" and c.lower_ == "as"]
            for c in extra:
                toks += _subtree(c, skip)
            text = " ".join(doc[t.left_edge.i:t.right_edge.i + 1].text for t in [passive, *extra])
            return toks, text
        ccomps = [c for c in kids if c.dep_ == "ccomp"]
        # a complement after the verb is what it reports; one before it only in "..., X said"
        ccomp = next((c for c in ccomps if c.i > verb.i), None)
        if ccomp is None and ccomps:
            nxt = doc[ccomps[0].right_edge.i + 1] if ccomps[0].right_edge.i + 1 < len(doc) else None
            if nxt is not None and nxt.text in (",", "\"", "”") and not any(
                    t.lower_ in ("and", "but", "however") for t in doc[nxt.i:verb.i]):
                ccomp = ccomps[0]
        if ccomp is not None:  # a second reporting verb conjoined inside it reports its own claim
            skip |= {x.i for t in ccomp.subtree if t.dep_ == "conj" and t.lemma_ in REPORT_VERBS
                     and any(c.dep_ == "ccomp" for c in t.children) for x in t.subtree}
            skip |= {t.i for t in ccomp.subtree if t.dep_ == "cc" and t.i + 1 in skip}
            return _contiguous(_subtree(ccomp, skip)), None
        if verb.lemma_ == "call":  # "called the talks an important step": the object and its predicate
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            pred = next((c for c in kids if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > verb.i), None)
            if obj is not None and pred is not None:
                return _contiguous(_subtree(obj, skip) + _subtree(pred, skip)), None
        if verb.lemma_ == "describe":
            obj = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None and obj.lower_ in ("that", "which", "who"):
                return [], None  # "talks that both governments described as ...": the object is elsewhere
            if obj is not None:
                toks = [t for c in kids if c.i > verb.i and c.dep_ in ("dobj", "prep", "advcl", "oprd", "conj", "ccomp", "cc")
                        for t in _subtree(c, skip)]
                return sorted(toks, key=lambda t: t.i), None
        for p in PREP_VERBS.get(verb.lemma_, ()):
            prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ == p), None)
            if prep is not None:
                return [t for t in _subtree(prep, skip) if t.i != prep.i], None
        if verb.lemma_ in OBJECT_VERBS:
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            if obj is not None and len(list(obj.subtree)) == 1 and obj.pos_ == "NOUN":
                return [], None  # "expressed outrage": a bare feeling, not a statement
            if any(c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_ in REPORT_VERBS and c.tag_ == "VBG"
                   and any(x.dep_ == "ccomp" for x in c.children) for c in kids):
                return [], None  # "welcomed the progress, writing that ...": the participle carries the claim
            if obj is not None:
                toks = _subtree(obj, skip)
                if verb.lemma_ in VERB_IN_TEXT:
                    prt = [c for c in kids if c.dep_ == "prt"]
                    toks = [verb, *prt, *toks]
                    return toks, " ".join(t.text_with_ws for t in toks).replace("  ", " ").strip()
                return _contiguous(toks), None
        return [], None

    def according_pass(self) -> None:
        doc = self.doc
        for t in doc:
            if t.lower_ != "according" or t.i in self.quoted:
                continue
            to = next((c for c in t.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            name, how = self.res.actor(pobj)
            if how == "journalist" or not name:
                continue
            via = next((self.idx.outlets[x.i] for x in pobj.subtree if x.i in self.idx.outlets), None)
            if how == "outlet":
                continue
            clause = t.head
            while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head is not clause:
                clause = clause.head
            skip = {x.i for x in t.subtree}
            toks = _trim(doc, [x for x in _subtree(clause, skip)])
            quote = self._quote_in(toks)
            if quote is not None:
                self.used_quotes.add(quote)
            self._emit([(name, how)], t, toks, quote, 0.75, via=via, hedged=how == "anon")

    def quote_pass(self) -> None:
        doc = self.doc
        for q in self.quotes:
            if q in self.used_quotes or any(c.evidence.start <= q.start < c.evidence.end for c in self.claims):
                continue
            first = doc.char_span(q.start, q.end, alignment_mode="expand")
            if first is None:
                continue
            sents = [first[0].sent, first[-1].sent]
            after = [t for t in sents[1] if t.i > first[-1].i and t.i not in self.quoted]
            before = [t for t in sents[0] if t.i < first[0].i and t.i not in self.quoted]
            for verb in [*after, *reversed(before)]:
                if verb.lemma_ in REPORT_VERBS and verb.pos_ in ("VERB", "AUX"):
                    speakers = self.speakers(verb)
                    if speakers:
                        self.used_quotes.add(q)
                        self._emit(speakers, verb, [], q, 0.8)
                    break


def find_claims(doc: Doc, idx: ActorIndex, proposal_mentions: list, *, published: date | None = None,
                context_dates: Sequence[date] = ()) -> list[Claim]:
    """Claims of one parsed article (kg:Claim with speaker, text, type, evidence, channel, via).

    doc (Doc): the parsed article.
    idx (ActorIndex): its actors (from :func:`kg.extract.actors.find_actors`).
    proposal_mentions (list): (start, end, proposal name) triples, for ``Claim.about``.
    published, context_dates: anchors for the claim's date.
    RETURNS (list[Claim]): in text order.
    """
    finder = ClaimFinder(doc, idx, proposal_mentions, published, context_dates)
    finder.verb_pass()
    finder.according_pass()
    finder.quote_pass()
    return sorted(finder.claims, key=lambda c: c.evidence.start)
