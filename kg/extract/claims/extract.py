"""kg:Claim: statements attributed to a speaker by a reporting verb, "according to", or a quotation.

Two passes over the body. The verb pass reads the dependency parse: a reporting verb, its subject
(the speaker, resolved through :mod:`coref`) and its complement (the claim). The quote pass gives each
quotation not already inside a claim the reporting verb next to it ("...," he said). Journalists and
outlets that only carry the story are never speakers; an outlet in the chain goes to ``Claim.via``.
What a verb reports is read by :mod:`.clauses`, who reported it by :mod:`.speakers`; "according to X",
"by X's count", "citing" and bullet lists are :mod:`.attributed`'s passes.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Sequence

from spacy.tokens import Doc, Token

from ...model import Claim, Span
from ..actors.index import ActorIndex
from ..actors.coref import ANONYMOUS, Resolver
from ..text.dates import find_dates, resolve
from ..text.gazetteer import CHANNELS, norm
from .merge import headline_repeats_dropped, joined_quotes, nested_dropped, quote_repeats_dropped, repeats_dropped
from .clauses import REPORT_VERBS, VERB_IN_TEXT, content, continues, reports, trim, unsaid
from .salience import salient_speakers
from .speakers import is_hearsay, speakers as find_speakers
from ..text.quotes import Quote, find_quotes
from ..text.doctext import doc_text
from .layout import colon_verb, cut_off, extend, open_run
from .attributed import according_pass, citing_pass, count_pass, list_pass, source_pass

HEDGES = frozenset("reportedly allegedly purportedly".split())
EMPTY_CLAIMS = frozenset("which that who whom what it this so".split())
REASON_VERBS = frozenset(["argue"])
QUESTION_WORDS = frozenset("how why whether where".split())  # "explained how it came about": no statement
DEMONSTRATIVES = frozenset("these those this that such".split())
MIN_CONTINUATION_WORDS = 3
STUB_SENTENCE = 2  # tokens: a sentence the splitter cut off a reporting verb ("Said")
QUOTE_GAP = 3  # characters between a clause's end and a quotation that continues it (' “')
QUOTED_SHARE = 0.5  # a clause at least this much in quotation marks is a quote; otherwise a paraphrase


class ClaimFinder:
    def __init__(self, doc: Doc, idx: ActorIndex, proposal_mentions: list, published: date | None,
                 context_dates: Sequence[date]):
        self.doc, self.idx = doc, idx
        self.quotes = find_quotes(doc_text(doc))
        self.quoted = {t.i for q in self.quotes for t in doc.char_span(q.start, q.end, alignment_mode="expand") or []}
        self.res = Resolver(doc, idx, self.quoted)
        self.proposal_mentions = proposal_mentions
        self.published, self.context_dates = published, context_dates
        self.used_quotes: set[Quote] = set()
        self.pending: list[Token] = []
        self.claims: list[Claim] = []
        self.origin: dict[int, tuple[Token, bool]] = {}  # claim index -> (reporting verb, text is quoted words)

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

    def _emit(self, speakers, verb, toks: list[Token], quotes: Sequence[Quote], conf: float, *,
              text: str | None = None, hedged: bool = False, via: str | None = None) -> None:
        doc = self.doc
        quotes = list(quotes)
        if not toks and not quotes:
            return
        first = quotes[0] if quotes else None
        if first is not None and (not toks or first.start <= toks[0].idx and toks[-1].idx + len(toks[-1]) <= first.end + 1):
            kind, start, end, body = "DirectQuote", first.start, quotes[-1].end, " ... ".join(q.text for q in quotes)
        elif quotes:
            kind = "PartialQuote"
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            body = text or doc_text(doc)[start:end]
            inside = [q for q in quotes if start <= q.start <= end + QUOTE_GAP]
            if inside and inside[-1].end > end:  # the quotation runs on past the clause: it is part of it
                end = inside[-1].end
                body = doc_text(doc)[start:end]
            if inside and sum(q.words for q in inside) >= QUOTED_SHARE * len(body.split()):
                # mostly quoted: the quoted words are the claim ("a ... meeting", with "much" coming of it)
                start, end, body = inside[0].start, inside[-1].end, " ... ".join(q.text for q in inside)
        else:
            kind, start, end = "Paraphrase", toks[0].idx, toks[-1].idx + len(toks[-1])
            body = text or doc_text(doc)[start:end]
        body = " ".join(body.split())
        if kind == "Paraphrase" and body.lower().startswith("that ") and len(body.split()) > 2:
            body = body[5:]  # "promised that aid would come": the clause, not its complementizer
        if cut_off(doc, start, end):
            return  # "... told reporters that the border will": the text ends before the predicate
        if len(body.split()) < 1 or body.lower() in EMPTY_CLAIMS:
            return  # "..., which Azerbaijan says ...": the relative pronoun is not what was said
        words = body.lower().split()
        if len(words) <= 3 and words[0] in DEMONSTRATIVES:
            return  # "these demands are rejected by X": a pointer back to the claim, not one itself
        hedged = hedged or any(c.lower_ in HEDGES for c in verb.children)
        content = {t.i for t in toks}
        if doc_text(doc)[end:end + 1] in ('"', "”") and body.count('"') % 2 + body.count("“") - body.count("”") > 0:
            end += 1  # 'the "coming days': close the quotation the clause ends in
            body = doc_text(doc)[start:end]
        for name, how in speakers:
            if any(c.speaker == name and c.evidence == Span(start, end) for c in self.claims):
                continue
            anon = name == ANONYMOUS
            self.origin[len(self.claims)] = (verb, kind == "DirectQuote" or body.startswith(quotes[0].text) if quotes else False)
            self.claims.append(Claim(
                speaker=name, text=body, claim_type=kind, evidence=Span(start, end), verb=verb.lemma_,
                date=self._date(verb, content), channel=self._channel(verb), about=self._about(start, end),
                via=via or self._via(verb, content), hedged=hedged or anon,
                confidence=round(conf * (0.8 if how in ("pronoun", "title") else 0.75 if anon else 1.0), 2)))

    def _speakers(self, verb: Token) -> list[tuple[str, str]] | None:
        """The speakers of ``verb``; a pronoun goes to the speaker still talking (:mod:`salience`)."""
        found = find_speakers(verb, self.idx, self.res)
        if found is None:
            return found
        earlier = [(v, self.claims[i].speaker) for i, (v, _) in self.origin.items()]
        return salient_speakers(verb, found, earlier, self.idx)

    def _quotes_in(self, toks: list[Token]) -> list[Quote]:
        """The unused quotations overlapping the claim's tokens, marked used."""
        if not toks:
            return []
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        # a quotation opening right where the clause stops (the parser left it outside) belongs to it
        found = [q for q in self.quotes if s < q.end and q not in self.used_quotes and (
            q.start < e or q.start < e + QUOTE_GAP and not set(doc_text(self.doc)[e:q.start]) & set(".!?;:"))]
        self.used_quotes.update(found)
        return found

    # -- passes ---------------------------------------------------------------------------
    def verb_pass(self) -> None:
        doc = self.doc
        for verb in doc:
            if not reports(verb) or verb.i in self.quoted or unsaid(verb):
                continue
            if verb.lemma_ in VERB_IN_TEXT and any(h.lemma_ in REPORT_VERBS for h in verb.ancestors) and not (
                    verb.dep_ == "conj" and verb.head.lemma_ in REPORT_VERBS
                    and not any(h.lemma_ in REPORT_VERBS for h in verb.head.ancestors)):
                continue  # "told reporters he hoped to welcome them": part of what was told
                # ("described X as ... and praised Y": a second statement of the same speaker)
            if verb.lemma_ in REASON_VERBS and verb.tag_ == "VBG" and verb.head.lemma_ in REPORT_VERBS:
                continue  # "insists on X, arguing that ...": the reason given for the claim, part of it
            self._verb(verb)

    def _verb(self, verb: Token, *, retry: bool = False) -> None:
        doc = self.doc
        speakers = self._speakers(verb)
        if speakers == [] and not retry:
            self.pending.append(verb)  # "He stressed ...": perhaps the speaker of a quote found later
        if not speakers or self._restated(verb, speakers):
            return
        toks, text = content(verb)
        toks = trim(doc, toks)
        if len(toks) < 1 or all(t.i in self.quoted for t in toks):
            return  # nothing said, or all of it inside a quotation: the quote pass takes it
        if toks[0].lower_ in QUESTION_WORDS and toks[0].i not in self.quoted:
            return  # an indirect question names a topic, it states nothing
        self._emit(speakers, verb, toks, self._quotes_in(toks), 0.85, text=text, hedged=is_hearsay(verb))

    def pending_pass(self) -> None:
        """The verbs whose pronoun subject had no speaker, again once the quotations have theirs."""
        for verb in self.pending:
            self._verb(verb, retry=True)

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

    def quote_pass(self) -> None:
        doc = self.doc
        by_verb: dict[int, list[Claim]] = {}
        for i, (verb, _) in self.origin.items():  # a verb's reported clause takes its other quotations
            by_verb.setdefault(verb.i, []).append(self.claims[i])
        for q in self.quotes:
            if q in self.used_quotes or any(c.evidence.start <= q.start < c.evidence.end for c in self.claims):
                continue
            first = doc.char_span(q.start, q.end, alignment_mode="expand")
            if first is None:
                continue
            sents = [first[0].sent, first[-1].sent]
            after = [t for t in sents[1] if t.i > first[-1].i and t.i not in self.quoted]
            before = [t for t in sents[0] if t.i < first[0].i and t.i not in self.quoted]
            if sents[0].start > 0 and len(doc[sents[0].start - 1].sent) <= STUB_SENTENCE:
                before = [*doc[sents[0].start - 1].sent, *before]  # "Said | X after the talks: '...'"
            if doc_text(doc)[q.end:q.end + 1] == "," and sents[1].end < len(doc) and not any(
                    t.pos_ in ("VERB", "AUX") for t in after):
                # "...,\n\nshe told reporters.": the next line; '...," PM X wrote': the splitter cut
                # the sentence after the title
                after = [*after, *doc[sents[1].end].sent]
            verb = self._governing(first) or next(
                (t for t in [*after, *reversed(before)] if reports(t) or continues(t)), None)
            if verb is None:
                verb = colon_verb(first, self.quoted)
            if verb is None:
                self._continuation(q, first)
                continue
            if verb in self.pending:  # its speaker is known now: the verb's clause takes its quotations
                self.pending.remove(verb)
                self._verb(verb, retry=True)
                if q in self.used_quotes:
                    continue
            speakers = self._speakers(verb)
            if not speakers:
                continue
            self.used_quotes.add(q)
            names = {n for n, _ in speakers}
            earlier = [c for c in by_verb.get(verb.i, []) if c.speaker in names]
            if earlier:  # '"...," said X, "..."': two quotations, one attribution, one claim
                for c in earlier:
                    extend(c, q)
                continue
            n = len(self.claims)
            self._emit(speakers, verb, [], [q], 0.8)
            by_verb.setdefault(verb.i, []).extend(self.claims[n:])
            for p in open_run(doc, q, self.quotes, self.used_quotes, self.claims):  # a quotation left open in the paragraphs before runs on into it
                for c in self.claims[n:]:
                    extend(c, p)

    def _governing(self, span) -> Token | None:
        """The reporting verb the quotation hangs under, when it has a speaker: "pointing to "A" and
        saying B" gives "A" to "pointing", not to the nearer "saying"."""
        for a in span.root.ancestors:
            if a.sent != span.root.sent:
                break
            if a.i not in self.quoted and reports(a) and not unsaid(a):
                return a if self._speakers(a) else None
        return None

    def _continuation(self, q: Quote, span) -> None:
        """A quotation standing as its own sentence, with no reporting verb, right after a claim: the same
        speaker goes on (a quote left open at the end of the paragraph before continues that quote)."""
        doc = self.doc
        sent = span[0].sent
        if q.words < MIN_CONTINUATION_WORDS or any(not (t.is_punct or t.is_space) for t in doc[sent.start:span[0].i]):
            return
        prev_start = sent.start
        while prev_start > 0:  # the sentence before, past stubs of punctuation ('"' left alone by the splitter)
            prev_start = doc[prev_start - 1].sent.start
            if any(not (t.is_punct or t.is_space) for t in doc[prev_start:sent.start]):
                break
        before = [c for c in self.claims if c.evidence.end <= q.start]
        if not before:
            return
        last = max(before, key=lambda c: c.evidence.end)
        if last.evidence.end < doc[prev_start].idx or last.verb == "by":
            return  # a sentence without the speaker lies between; figures ("by X count") say no more
        joint = [c for c in before if c.evidence == last.evidence]
        self.used_quotes.add(q)
        if last.claim_type == "DirectQuote" or any(o.end == last.evidence.end and o.open for o in self.quotes):
            # the speaker's quotation goes on in the next paragraph: one quote under one attribution
            for c in joint:
                extend(c, q)
            return
        for c in joint:
            self.claims.append(replace(c, text=q.text, claim_type="DirectQuote", evidence=Span(q.start, q.end),
                                       about=self._about(q.start, q.end), confidence=round(c.confidence * 0.9, 2)))

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
    according_pass(finder)
    list_pass(finder)
    citing_pass(finder)
    count_pass(finder)
    source_pass(finder)
    finder.quote_pass()
    finder.pending_pass()
    claims = joined_quotes(finder.claims, finder.origin)
    claims = repeats_dropped(nested_dropped(sorted(claims, key=lambda c: c.evidence.start)))
    return headline_repeats_dropped(quote_repeats_dropped(claims, finder.quotes), doc_text(doc))
