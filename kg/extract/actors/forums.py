"""Organisations named only as the frame of an event: "the G7 summit", "on the sidelines of the
summit of the Shanghai Cooperation Organisation (SCO)", "amongst G7 leaders".

A forum that only hosts a gathering is where something happens, not who acts (as a venue is): an
organisation whose every mention modifies an event noun is no actor of the article. One mention that
acts ("NATO said", "ASEAN monitors", "membership in NATO") keeps it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

EVENT_HEADS = frozenset("""summit summits meeting meetings meet session sessions conference gathering
sidelines margins leaders""".split())


def _event_head(tok) -> bool:
    return tok.lower_ in EVENT_HEADS and tok.pos_ in ("NOUN", "PROPN")


def event_frame(span: SpacySpan) -> bool:
    """The mention modifies an event noun, names one ("SCO Summit"), or is the parenthesised short
    form after such a mention."""
    doc = span.doc
    if _event_head(span[-1]):
        return True  # "the SCO Summit" tagged as one organisation
    if span.start and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")":
        return True  # "(SCO)": follows the mention it abbreviates
    root = span.root
    head = root
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head
    if head is not root and head.lower_ in EVENT_HEADS:
        return True  # "the G7 summit", "G7 Summit session", "G7 leaders", "after SCO meet"
    if root.dep_ == "pobj" and root.head.lower_ == "at":
        return True  # "meet at G7": the gathering as a place
    if root.dep_ == "pobj" and root.head.lower_ == "of" and _event_head(root.head.head):
        return True  # "the summit of the Shanghai Cooperation Organisation"
    return False


def forum_only(doc: Doc, idx) -> None:
    """Drop the organisations of ``idx`` (an ActorIndex) whose every mention frames an event; their
    tokens stop resolving to them."""
    for name, actor in list(idx.actors.items()):
        if actor.kind != "Organization" or not actor.mentions:
            continue
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions]
        if all(sp is not None and len(sp) and event_frame(sp) for sp in spans):
            del idx.actors[name]
            for i in [i for i, n in idx.token_actor.items() if n == name]:
                del idx.token_actor[i]
