"""Phrases of a proposal mention that go into its name: the modifier words before the noun
("mineral rights", "30-day"), what it does ("to lower tariffs"), what a plan is for ("for Gaza"),
and a ceasefire among its terms ("an accord that swaps a ceasefire for ...")."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.index import ActorIndex
from ..actors.parties import actor_of
from .vocab import AGREE_VERBS, ATTEST_VERBS, CEASEFIRE_WORDS, HEDGES, NOT_NAME


BROKER_PARTICIPLES = ("brokered", "mediated", "backed", "sponsored", "led")


def is_broker(t: Token) -> bool:
    """ "US" in "US-brokered", "Qatar-mediated": the one who brokered a document is no party to it."""
    doc = t.doc
    j = t.i + 1
    if j + 1 < len(doc) and doc[j].text in "-–" and not t.whitespace_ and not doc[j].whitespace_:
        return doc[j + 1].lower_.endswith(BROKER_PARTICIPLES)
    return t.lower_.endswith(("-brokered", "-mediated", "-backed", "-sponsored", "-led"))


def modifier_words(tok: Token, idx: ActorIndex) -> list[str]:
    """Modifiers of a document or ceasefire noun in text order ("30-day", "mineral", "rights",
    "$350 billion"): not determiners, possessives, actors (they are parties or proposers), brokers
    ("Oman-brokered") or hedges; hyphenated words stay whole."""
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
        proper = t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE") and t.text[:1].isupper()
        word = t.text if proper and not t.is_upper else t.lower_  # "Korean", "Gaza"; "FULL" -> "full"
        text += (" " if drop else word) + t.whitespace_
    return [w.strip("-–") for w in text.split() if w.strip("-–")]


def content_tail(tok: Token) -> str:
    """An infinitive that says what the document does: "an agreement to lower tariffs"."""
    acl = next((c for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)), None)
    doc = tok.doc
    if acl is None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to" and doc[tok.i + 2].dep_ == "advcl" \
            and doc[tok.i + 2].head.i == tok.head.i and tok.dep_ == "dobj":
        acl = doc[tok.i + 2]  # "hammered out a deal to end the war": the parser hung it on the verb
    if acl is None:
        return ""
    keep = {acl.i} | {t.i for c in acl.children if c.dep_ in ("aux", "dobj", "prt", "neg") for t in c.subtree}
    for c in acl.children:  # "to end the war in Sudan": a place phrase stays, dates and circumstances go
        if c.dep_ == "prep" and c.lower_ == "in" and any(t.ent_type_ in ("GPE", "LOC") for t in c.subtree):
            keep |= {t.i for t in c.subtree}
    toks = [t for t in acl.subtree if t.i in keep and not t.is_punct and t.dep_ != "det"
            and t.ent_type_ not in ("DATE", "TIME")]
    if len(toks) > 7 or any(t.dep_ == "prep" and t.lower_ not in ("of", "in") for t in toks):
        return ""
    return " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in toks)


def for_tail(tok: Token) -> str:
    """What a plan is for, when it is a short noun phrase: "a plan for Gaza", "an initiative for a
    regional security conference"."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None) \
        if prep is not None else None
    if obj is None or obj.lower_ in CEASEFIRE_WORDS:
        return ""
    cut = {x.i for c in obj.children if c.dep_ == "prep" and c.lower_ != "of" for x in c.subtree}
    toks = [t for t in prep.subtree if not t.is_punct and t.dep_ != "det" and t.i not in cut
            and t.ent_type_ not in ("DATE", "TIME")]
    if len(toks) > 6 or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return ""
    return " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in toks)


def on_tail(tok: Token) -> str:
    """What a document is about, when it is a short noun phrase: "a memorandum on energy cooperation",
    "a deal on the release of prisoners" (not a date, a place or a ceasefire: those are named elsewhere)."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if prep is not None else None
    if obj is None or obj.lower_ in CEASEFIRE_WORDS or obj.ent_type_ in ("DATE", "TIME"):
        return ""
    cut = {x.i for c in obj.children if c.dep_ == "prep" and c.lower_ != "of" for x in c.subtree}  # "in Niamey"
    toks = [t for t in prep.subtree if not t.is_punct and t.dep_ != "det" and t.i not in cut]
    if len(toks) > 5 or any(t.pos_ in ("VERB", "AUX", "PROPN") or t.ent_type_ in ("DATE", "TIME", "GPE") for t in toks):
        return ""
    return " ".join(t.lower_ for t in toks)


def ceasefire_content(tok: Token) -> Token | None:
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
