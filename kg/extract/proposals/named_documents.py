"""Documents with a proper name: "Indus Waters Treaty", "Joint Comprehensive Plan of Action",
"Jeddah Declaration of Commitment to Protect the Civilians of Sudan".

A run of capitalised words whose head is a document noun (Treaty, Declaration, Agreement, Accord,
Plan, Framework, Annex, Memorandum, Protocol, Convention, Charter) names one particular document,
so it is a kg:Proposal whether or not the sentence attests it. The name may go on after the head
through "of", "on", "to", "for", "the", "and" as long as capitalised words follow ("... of Action").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

NAMED_HEADS = frozenset("""treaty declaration agreement accord accords plan framework annex memorandum protocol
convention charter initiative roadmap pact compact communique communiqué""".split())
JOINERS = frozenset("of on to for the and between".split())
WEEKDAYS_MONTHS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december""".split())


def _cap(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _dated(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in WEEKDAYS_MONTHS


def _glued(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen glued to the words on both sides ("Sharm el-Sheikh")."""
    return 0 < i and doc[i].text in "-–" and not doc[i].whitespace_ and not doc[i - 1].whitespace_


def _right_edge(doc: Doc, head: Token) -> int:
    """Index of the last token of the name that starts its tail after ``head``."""
    end = head.i
    j = head.i + 1
    stop = head.sent.end
    while j < len(doc) and doc[j].lower_ in JOINERS and j < stop:
        k = j
        while k < len(doc) and doc[k].lower_ in JOINERS:
            k += 1
        if k >= len(doc) or not _cap(doc[k]) or doc[j].lower_ == "and" or k - j > 2 or _dated(doc[k]):
            break  # "the Washington Declaration on Friday": a date is no part of the name
        while k < len(doc) and _cap(doc[k]):
            k += 1
        end, j = k - 1, k
    return end


def named_documents(doc: Doc) -> list[tuple[Token, int, int, str]]:
    """(head token, start char, end char, name) of every properly named document in the doc."""
    out: list[tuple[Token, int, int, str]] = []
    for tok in doc:
        if tok.lower_ not in NAMED_HEADS or not _cap(tok):
            continue
        start, sent = tok.i, tok.sent  # (a token's sentence is looked up anew on each access)
        while start > sent.start and (_cap(doc[start - 1]) and doc[start - 1].ent_type_ != "PERSON"
                                      or _glued(doc, start - 1) and start - 2 > sent.start):
            start -= 2 if _glued(doc, start - 1) else 1  # "Sharm el-Sheikh": the words around a hyphen
        while start < tok.i and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        if start == tok.i or (start == sent.start and not doc[start].ent_type_ and start + 1 == tok.i):
            continue  # "Treaty" alone, or only a sentence-initial capital before it
        end = _right_edge(doc, tok)
        span = doc[start:end + 1]
        if any(out_tok.i == tok.i or s <= span.start_char and span.end_char <= e for out_tok, s, e, _ in out):
            continue  # "Doha Framework for the Peace Agreement": the "Peace Agreement" inside is its name's part
        out.append((tok, span.start_char, span.end_char, span.text))
    return out


BODY_HEADS = frozenset("board council committee commission".split())
GROUP_HEADS = {"group": "working", "force": "task"}  # "a joint working group", "a task force"
SETUP_VERBS = frozenset("propose create establish form set launch envisage".split())
GENERIC_MODS = frozenset("new special joint proposed planned".split())
BODY_CUES = frozenset("propose envisage foresee create establish set form chair supervise oversee plan".split())
BODY_MODS = frozenset("proposed planned transitional interim".split())


def proposed_bodies(doc: Doc, actor_tokens: set[int]) -> list[tuple[Token, int, int, str]]:
    """(head token, start, end, name) of a board or council a plan proposes: "a Board of Peace chaired
    by X", "the proposed transitional council". Not a body the article names as an actor (a security
    council that meets or speaks), and only where the sentence proposes, plans or sets it up."""
    out: list[tuple[Token, int, int, str]] = []
    for tok in doc:
        if tok.lower_ not in BODY_HEADS or tok.i in actor_tokens or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        cue = any(t.lemma_ in BODY_CUES for t in tok.sent) or any(t.lower_ == "would" for t in tok.sent)
        mods = [t for t in tok.children if t.dep_ == "amod" and t.lower_ in BODY_MODS]
        if not cue and not any(t.lower_ in ("proposed", "planned") for t in mods):
            continue
        if _cap(tok):  # "Board of Peace": a capitalised name with a capitalised tail
            end = _right_edge(doc, tok)
            start = tok.i
            while start > tok.sent.start and _cap(doc[start - 1]) and doc[start - 1].i not in actor_tokens:
                start -= 1
            if end == tok.i or any(t.i in actor_tokens for t in doc[start:end + 1]):
                continue
            span = doc[start:end + 1]
            out.append((tok, span.start_char, span.end_char, span.text))
        elif any(t.lower_ in ("transitional", "interim") for t in mods):
            first = min(mods, key=lambda t: t.i)
            words = [t.lower_ for t in doc[first.i:tok.i + 1] if t.lower_ not in ("proposed", "planned")]
            out.append((tok, first.idx, tok.idx + len(tok), " ".join(words)))
        else:
            found = set_up_body(tok, actor_tokens)
            if found is not None:
                out.append(found)
    for tok in doc:
        if GROUP_HEADS.get(tok.lower_) and tok.i > 0 and doc[tok.i - 1].lower_ == GROUP_HEADS[tok.lower_] \
                and tok.pos_ == "NOUN":
            found = set_up_body(tok, actor_tokens)
            if found is not None:
                out.append(found)
    return out


def set_up_body(tok: Token, actor_tokens: set[int]) -> tuple[Token, int, int, str] | None:
    """A body the sentence sets up or proposes, named by its own words: "agreed to set up a joint working
    group on prisoners", "the plan proposes a board of peace". The object (or passive subject) of a setting-up
    verb, with a word of its own beyond "new" or "joint" (a modifier, or an "of"/"on" phrase)."""
    verb = tok.head
    if tok.dep_ not in ("dobj", "nsubjpass") or verb.lemma_ not in SETUP_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return None
    if verb.lemma_ == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None
    left = [t for t in tok.subtree if t.i < tok.i and t.dep_ not in ("det", "poss", "punct")]
    tail = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "for")), None)
    obj = next((x for x in tail.children if x.dep_ == "pobj" and x.pos_ == "NOUN"), None) if tail is not None else None
    own = [t for t in left if t.lower_ not in GENERIC_MODS] + ([obj] if obj is not None else [])
    if not own or any(t.i in actor_tokens for t in [*left, tok]) or any(t.i in actor_tokens for t in own):
        return None
    first = left[0] if left else tok
    last = obj if obj is not None else tok
    if last.i - first.i > 6:
        return None
    words = [t.lower_ for t in tok.doc[first.i:last.i + 1] if t.lower_ not in ("proposed", "planned") and t.dep_ != "det"]
    return tok, first.idx, last.idx + len(last), " ".join(words)
