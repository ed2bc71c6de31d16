"""kg:Claim: statements attributed to a speaker by a reporting verb, "according to", or a quotation.

Two passes over the body. The verb pass reads the dependency parse: a reporting verb, its subject
(the speaker, resolved through :mod:`coref`) and its complement (the claim). The quote pass gives each
quotation not already inside a claim the reporting verb next to it ("...," he said). Journalists and
outlets that only carry the story are never speakers; an outlet in the chain goes to ``Claim.via``.
What a verb reports is read by :mod:`claim_clauses`, who reported it by :mod:`claim_speakers`.
"""
from __future__ import annotations

from datetime import date
from typing import Sequence

from spacy.tokens import Doc, Token

from ...model import Claim, Span
from ..actors.index import ActorIndex
from ..actors.coref import ANONYMOUS, Resolver
from ..text.dates import find_dates, resolve
from ..text.gazetteer import CHANNELS, norm
from .clauses import REPORT_VERBS, VERB_IN_TEXT, content, subtree, trim
from .speakers import is_hearsay, speakers as find_speakers
from ..text.quotes import Quote, find_quotes

HEDGES = frozenset("reportedly allegedly purportedly".split())
EMPTY_CLAIMS = frozenset("which that who whom what it this so".split())
DEMONSTRATIVES = frozenset("these those this that such".split())
MIN_QUOTE_WORDS = 3  # shorter quoted fragments are given with their clause


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
        words = body.lower().split()
        if len(words) <= 3 and words[0] in DEMONSTRATIVES:
            return  # "these demands are rejected by X": a pointer back to the claim, not one itself
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
            speakers = find_speakers(verb, self.idx, self.res)
            if not speakers or self._restated(verb, speakers):
                continue
            toks, text = content(verb)
            toks = trim(doc, toks)
            if len(toks) < 1 or all(t.i in self.quoted for t in toks):
                continue  # nothing said, or all of it inside a quotation: the quote pass takes it
            quote = self._quote_in(toks)
            if quote is not None:
                self.used_quotes.add(quote)
            self._emit(speakers, verb, toks, quote, 0.85, text=text, hedged=is_hearsay(verb))

    def _restated(self, verb: Token, speakers: list) -> bool:
        """ "Baku said it will not sign until ..., which Azerbaijan says ...": a speaker's aside inside
        the complement of its own claim is part of that claim, not a second one."""
        if verb.dep_ != "relcl":
            return False
        child = verb
        for a in verb.ancestors:
            if a.lemma_ in REPORT_VERBS and any(c.dep_ == "ccomp" and c.i == child.i for c in a.children):
                outer = find_speakers(a, self.idx, self.res) or []
                if {n for n, _ in outer} == {n for n, _ in speakers}:
                    return True
            child = a
        return False

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
            toks = trim(doc, [x for x in subtree(clause, skip)])
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
                    speakers = find_speakers(verb, self.idx, self.res)
                    if speakers:
                        self.used_quotes.add(q)
                        self._emit(speakers, verb, [], q, 0.8)
                    break


def find_claims(doc: Doc, idx: ActorIndex, proposal_mentions: list, *, published: date | None = None,
                context_dates: Sequence[date] = ()) -> list[Claim]:
    """Claims of one parsed article (kg:Claim with speaker, text, type, evidence, channel, via).

    doc (Doc): the parsed article.
    idx (ActorIndex): its actors (from :func:`kg.extract.actors.index.find_actors`).
    proposal_mentions (list): (start, end, proposal name) triples, for ``Claim.about``.
    published, context_dates: anchors for the claim's date.
    RETURNS (list[Claim]): in text order.
    """
    finder = ClaimFinder(doc, idx, proposal_mentions, published, context_dates)
    finder.verb_pass()
    finder.according_pass()
    finder.quote_pass()
    return sorted(finder.claims, key=lambda c: c.evidence.start)
