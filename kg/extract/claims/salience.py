"""Who "he" or "she" is when a reporting verb's subject is a pronoun: the speaker the text is quoting.

The resolver (:mod:`kg.extract.actors.coref`) picks the most recent person mentioned as a subject. In a
run of quotations that is often the wrong one: "Modi noted that he and Putin had talked often. 'I have
raised it with you,' he said." names Putin last, but the speaker of the sentence before is Modi, and a
writer who goes on with "he said" means the person already speaking. The speaker of the latest claim
wins over a person who was named no later than that claim's sentence; a person who becomes the subject of
a later sentence ("Putin arrived later. 'We are ready,' he said.") keeps the resolver's choice.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.index import ActorIndex

PRONOUNS = frozenset("he she".split())
WINDOW = 2  # sentences back to the claim whose speaker goes on
SUBJECT_DEPS = frozenset("nsubj nsubjpass".split())
# "the diplomat said": a role that names someone already speaking (not "the official": an unnamed source)
ROLE_NOUNS = frozenset("diplomat minister envoy president leader negotiator secretary chancellor premier official".split())


def _sents_back(tok: Token, n: int) -> int:
    """The start of the sentence ``n`` sentences before ``tok``'s."""
    doc, start = tok.doc, tok.sent.start
    for _ in range(n):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _subject(verb: Token, *, with_roles: bool) -> Token | None:
    """The pronoun subject of ``verb`` (of the verb it continues: "went on to say"), or with ``with_roles``
    a bare definite role ("the diplomat went on to say": the person speaking, when nobody holds it by name)."""
    for v in (verb, verb.head):
        for c in v.children:
            if c.dep_ not in SUBJECT_DEPS:
                continue
            if c.lower_ in PRONOUNS:
                return c
            kids = list(c.children)
            if with_roles and c.lemma_ in ROLE_NOUNS and c.tag_ == "NN" and [k.lower_ for k in kids] == ["the"]:
                return c
        if verb.dep_ not in ("advcl", "xcomp", "conj"):
            break
    return None


def salient_speakers(verb: Token, speakers: list[tuple[str, str]], earlier: list[tuple[Token, str]],
                     idx: ActorIndex) -> list[tuple[str, str]]:
    """``speakers`` with a pronoun speaker replaced by the speaker still talking.

    verb (Token): the reporting verb whose subject is a pronoun.
    speakers (list): (name, how) from :func:`kg.extract.claims.speakers.speakers`.
    earlier (list): (reporting verb, speaker) of the claims found so far.
    idx (ActorIndex): the article's actors (person mentions).
    RETURNS (list): the speakers, the pronoun's possibly replaced (or found: a "he" the resolver could
        not place, right after a claim of a person the text called by a title, is that person).
    """
    if speakers and (len(speakers) != 1 or speakers[0][1] != "pronoun"):
        return speakers
    subj = _subject(verb, with_roles=not speakers)
    if subj is None:
        return speakers
    doc, picked = verb.doc, speakers[0][0] if speakers else None
    floor = _sents_back(verb, WINDOW)
    prior = [(v, name) for v, name in earlier if floor <= v.i < subj.i and v.sent.start < verb.sent.start
             and name != picked and idx.kind(name) == "Person"]
    if not prior:
        return speakers
    v, name = max(prior, key=lambda p: p[0].i)
    mentions = [i for i, n in idx.person_mentions if n == picked and i < subj.i and (
        doc[i].dep_ in SUBJECT_DEPS or doc[i].head.dep_ in SUBJECT_DEPS)]
    if mentions and doc[max(mentions)].sent.start > v.sent.start:
        return speakers  # the picked person became the subject of a later sentence
    if any(n == name for n, _ in speakers):
        return speakers
    return [(name, "pronoun")]
