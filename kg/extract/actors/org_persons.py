"""Unknown persons the small NER calls organisations (or places): "The delegation was led by
Tomasz Wielgosz", "Radek Olszar told reporters ... He said", "Teodor Vasquil, a senior adviser".

An ORG span that is shaped like a person's name (two or three capitalised words, no organisation or
company word, no known organisation, no "the" before it) is a person when its context says so:
its first word is a given name (of a known person, or of a person named in the article), a person's
title stands before it, a person's role follows it in apposition, a delegation or talks are led
by it, or it is the subject of a speech verb that "he" or "she" takes up again.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from ..text.gazetteer import TITLE_WORDS, Gazetteer, norm
from .filters import MEDIA_WORDS, ORG_WORDS, VENUE_HEADS
from .forums import EVENT_HEADS
from .org_names import DOCUMENT_HEADS
from .person_spans import HEAD_TITLES, REPORTING, taken_up_as_person

# words of company and body names the ORG_WORDS list leaves out ("Kestrel Dynamics", "Vantor Holdings")
COMPANY_WORDS = frozenset("""holdings partners dynamics industries systems technologies technology energy mining
capital airlines airways motors group solutions investment investments ports airport labs logistics resources
petroleum oil gas bank trust initiative institute center centre project mission watch international global
council""".split())
# heads of place names ("King George Island", "Queen Maud Land")
PLACE_WORDS = frozenset("""island islands bay land city county province region valley mountains mountain sea river lake
coast strait gulf street square district peninsula desert port""".split())
# TITLE_WORDS that only qualify a title ("foreign minister"): alone before a name they name no person
TITLE_QUALIFIERS = frozenset("""vice prime state foreign defence defense special high first deputy former acting top
senior national security council affairs crown""".split())
PERSON_TITLES = HEAD_TITLES | (TITLE_WORDS - TITLE_QUALIFIERS)
LEAD_VERBS = frozenset("lead head chair".split())
LED_BODIES = frozenset("""delegation delegations team teams talks negotiations mission side panel committee meeting
meetings session visit government cabinet party""".split())
SPEECH_VERBS = REPORTING | frozenset("explain argue reply claim tell urge vow".split())
JOINERS = frozenset(["and", ","])
NOT_NAME_WORDS = ORG_WORDS | COMPANY_WORDS | PLACE_WORDS | TITLE_WORDS | EVENT_HEADS | MEDIA_WORDS | VENUE_HEADS \
    | DOCUMENT_HEADS

_GIVEN: dict[int, frozenset[str]] = {}


def known_given_names(g: Gazetteer) -> frozenset[str]:
    """Norm keys of the first words of the gazetteer's full person names (built once)."""
    given = _GIVEN.get(id(g))
    if given is None:
        given = frozenset(norm(n).split()[0] for n in set(g.persons.values()) if len(norm(n).split()) > 1)
        _GIVEN[id(g)] = given
    return given


def _name_word(word: str) -> bool:
    return word.replace("-", "").isalpha() and word[:1].isupper() and not word.isupper() \
        and word.lower() not in NOT_NAME_WORDS


def name_shaped(ent: SpacySpan, g: Gazetteer) -> bool:
    """Two or three capitalised words, none an organisation's, and no known organisation or place."""
    words = ent.text.split()
    key = norm(ent.text)
    if not 2 <= len(words) <= 3 or not all(_name_word(w) for w in words) or any(t.ent_id_ for t in ent):
        return False
    if key in g.orgs or key in g.outlets or key in g.places or key in g.countries or key in g.capitals:
        return False
    return not (ent.start and ent.doc[ent.start - 1].lower_ == "the")


def _titled(ent: SpacySpan) -> bool:
    """ "envoy Mirela Vantosz", "President Joao Maltessa"."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in PERSON_TITLES


def _role_after(ent: SpacySpan) -> bool:
    """ "X, the defence minister" / "X, a senior adviser to ...": a person's role heads the apposition."""
    doc = ent.doc
    i = ent.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("the", "a", "an", "his", "her"):
        return False
    for t in doc[i + 2:min(i + 9, len(doc))]:
        if t.is_punct or t.lower_ in ("who", "which", "that"):
            return False
        if t.lower_ in PERSON_TITLES and t.text.islower() and t.dep_ not in ("compound", "amod", "poss", "nmod"):
            return True
    return False


def _root(ent: SpacySpan):
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "led by A and B": B's role is A's
    return root


def _led_by(ent: SpacySpan) -> bool:
    """ "The delegation was led by Tomasz Wielgosz", "talks chaired by ...": the agent of a passive
    lead, head or chair whose subject a person leads (a bank leads a funding round, not a delegation)."""
    root = _root(ent)
    if root.dep_ != "pobj" or root.head.dep_ != "agent" or root.head.head.lemma_ not in LEAD_VERBS:
        return False
    verb = root.head.head
    led = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return led is not None and led.lower_ in LED_BODIES


def _speaker_taken_up(ent: SpacySpan) -> bool:
    """The subject of a speech verb that "he" or "she" takes up again."""
    root = _root(ent)
    return root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS and taken_up_as_person(ent)


def person_org(ent: SpacySpan, g: Gazetteer, given: set[str] | frozenset[str]) -> bool:
    """An ORG span that is a person (see the module docstring).

    given (set[str]): norm keys of given names named in the article (known ones are added here).
    """
    doc = ent.doc
    if not name_shaped(ent, g) or (ent.end + 1 < len(doc) and doc[ent.end].text == ","
                                   and doc[ent.end + 1].lower_ == "which"):
        return False  # "Morgan Stanley, which advised the buyer"
    first = norm(ent.text.split()[0])
    return first in given or first in known_given_names(g) or _titled(ent) or _role_after(ent) \
        or _led_by(ent) or _speaker_taken_up(ent)


def persons_called_places(doc: Doc, g: Gazetteer) -> list[SpacySpan]:
    """The doc's entities with an unknown GPE that reads as a person in a person's context ("The
    delegation was led by Nkosana Mbeki-Dlamini") relabelled PERSON; a given name alone does not
    decide here ("San Jose", "Santa Cruz")."""
    out = []
    for e in doc.ents:
        if e.label_ == "GPE" and not e.ent_id_ and name_shaped(e, g) and (
                _titled(e) or _role_after(e) or _led_by(e) or _speaker_taken_up(e)):
            e = SpacySpan(doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


def split_glued_names(doc: Doc, g: Gazetteer) -> list[SpacySpan]:
    """The doc's entities with an ORG span that runs name-shaped parts together ("Tomasz Wielgosz and
    Ilse Marken") cut into one ORG span per part, for :func:`person_org` to judge each."""
    out: list[SpacySpan] = []
    for e in doc.ents:
        if e.label_ != "ORG" or e.ent_id_ or not any(t.text in JOINERS for t in e):
            out.append(e)
            continue
        parts, start = [], e.start
        for t in [*e, None]:
            if t is None or t.text in JOINERS:
                end = t.i if t is not None else e.end
                if end > start:
                    parts.append(SpacySpan(doc, start, end, label="ORG"))
                start = (t.i + 1) if t is not None else e.end
        if len(parts) >= 2 and all(name_shaped(p, g) for p in parts):
            out.extend(parts)
        else:
            out.append(e)
    return out
