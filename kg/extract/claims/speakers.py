"""Who made a claim: the subject of a reporting verb, resolved to actors.

Conjoined subjects give one speaker each; "the two governments" gives both parties; a verb with no
subject of its own borrows its head's ("... and added that ..."). Journalists and outlets are not speakers.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.index import ActorIndex
from .clauses import REPORT_VERBS, trailing_name
from ..actors.coref import ANONYMOUS, Resolver
from ..actors.parties import is_group_anaphor, resolve_group
from .subjects import (DOCUMENT_NOUNS, ISSUE_VERBS, bare_body, body_speaker, bound_pronoun, described_person,
                       document_authors, earlier_issuers, it_speakers, misplaced_subject, people_source, person_pair,
                       they_speakers, titled_person, top_diplomat)

CLAIM_GROUPS = frozenset("governments countries nations states sides capitals".split())
# unnamed people who speak as sources: "a White House official", "Omani officials", "his spokesman"
SOURCE_PEOPLE = frozenset("""official officials source sources spokesman spokeswoman spokesperson spokespeople
diplomat diplomats aide aides insider insiders""".split())
SOURCE_MODIFIERS = frozenset("compound amod nmod poss nummod det".split())
PRESS_WORDS = frozenset("media press news newspaper newspapers television tv".split())
GOVERNMENT_HEADS = frozenset("administration government".split())
CARRIER_VERBS = frozenset("cite quote".split())
HEARSAY_VERBS = frozenset("say report believe understand think".split())


def _after_quote(verb: Token) -> bool:
    """The verb directly follows a closing quotation mark (with an optional comma before it)."""
    doc = verb.doc
    prev = [doc[i] for i in range(max(verb.i - 2, 0), verb.i)]
    return bool(prev) and prev[-1].text in ('"', "”", "»", "'") and all(t.is_punct for t in prev)


def _relative_before(verb: Token) -> Token | None:
    """ "met X, who stressed ..., saying that ...": the parser hangs the participle on the main verb,
    but it continues the relative clause that ends just before it."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or i == verb.i - 1:
        return None  # no comma between: not a continuation
    for a in [doc[i], *doc[i].ancestors]:
        if a.i >= verb.i or a.i in [x.i for x in verb.ancestors]:
            break
        if a.dep_ == "relcl" and a.lemma_ in REPORT_VERBS and a.right_edge.i >= i:
            return a
    return None


def _went_on(verb: Token) -> bool:
    """ "went on to say", "continued to insist": an infinitive whose head only carries the subject."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and verb.head.lemma_ in ("go", "continue", "proceed")


def carrier(verb: Token) -> Token | None:
    """The verb that carries a report ("cited ... as saying", "quoted ... as telling"), or None."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_ in CARRIER_VERBS:
        return head.head
    return None


def carried_speaker(verb: Token) -> Token | None:
    """ "The minister was cited by Y as saying": the one cited (passive subject, or object of the
    active "Y quoted X as saying") is the speaker, not the outlet."""
    c = carrier(verb)
    if c is None:
        return None
    return next((k for k in c.children if k.dep_ in ("nsubjpass", "dobj")), None)


def subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The subject of ``verb``; of two (a caption glued to the sentence: "Picture: ... Earlier, Trump
    said"), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def is_hearsay(verb: Token) -> bool:
    """ "X is said / reported to have warned that ...": a second-hand report of what X said."""
    head = verb.head
    return (verb.dep_ == "xcomp" and head.lemma_ in HEARSAY_VERBS
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children))


def speakers(verb: Token, idx: ActorIndex, res: Resolver) -> list[tuple[str, str]] | None:
    """[(name, how)] for the subject of ``verb``; None when it is a journalist or outlet.

    verb (Token): a reporting verb.
    idx (ActorIndex): the article's actors.
    res (Resolver): the article's coreference resolver.
    RETURNS (list | None): (actor name, how it was resolved) per speaker.
    """
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_ in REPORT_VERBS:
        # "X said the deal was ..., stating: ...": the participle continues the outer verb's speaker
        return speakers(verb.head.head, idx, res)
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.lemma_ in DOCUMENT_NOUNS and verb.head.dep_ == "dobj" \
            and verb.head.head.lemma_ in ISSUE_VERBS:
        # "A and B issued a joint statement saying ...": who issued the statement says it
        return speakers(verb.head.head, idx, res)
    if any(c.dep_ == "nsubj" and c.i in idx.outlets for c in verb.children):
        return None  # "reports TASR", "CNN reported": the outlet carries the story
    subj = subject(verb, ("nsubj", "expl"))
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    carried = carried_speaker(verb)
    if carried is not None:  # "X was cited by Y as saying", "Y quoted X as telling reporters"
        subj, passive = carried, False
    elif passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and _after_quote(verb):
        # '"...," added the British envoy': the parser takes the inverted subject for an object
        subj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subj is None and trailing_name(verb) is not None and verb.i - 1 in idx.token_actor:
        subj = verb.doc[verb.i - 1]  # "A will face B under a deal with C, U.S. President D said"
    if subj is None and verb.dep_ == "conj" and verb.head.lemma_ not in REPORT_VERBS:
        # "He stressed that ... and insisted that ...": the parser hangs the second verb inside the first
        outer = next((a for a in verb.ancestors if a.lemma_ in REPORT_VERBS and a.pos_ in ("VERB", "AUX")), None)
        if outer is not None:
            return speakers(outer, idx, res)
    if subj is None and verb.tag_ == "VBG":
        rel = _relative_before(verb)
        if rel is not None:
            return speakers(rel, idx, res)
    if subj is None:
        head = verb
        while head.dep_ in ("conj", "advcl", "xcomp", "parataxis") and head.head.i != head.i and subj is None:
            if head.dep_ == "advcl" and head.tag_ != "VBG" and not _went_on(head):
                break
            if head.dep_ == "parataxis" and head.head.i > head.i:
                break  # "The talks, she said, ...": an aside before its clause has a subject of its own
            # "X offered his thanks, then said, '...'": the parser hangs the second verb as parataxis
            head = head.head
            subj = subject(head, ("nsubj",))
            if subj is None and (is_hearsay(verb) or head.lemma_ in HEARSAY_VERBS and verb.tag_ == "VBG"
                                 and any(c.dep_ == "auxpass" for c in head.children)):
                # "He is said to have warned that ...": the passive subject of "said" is the speaker
                subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if subj is None and verb.dep_ == "relcl":
            subj = verb.head
        if subj is None and head.dep_ == "acl" and head.head.dep_ == "ROOT" and head.head.i < head.i \
                and idx.kind(idx.token_actor.get(head.head.i, "")) == "Person":
            # "A, who opened the session, called for ...": with no finite verb the parser reads the
            # main verb as a participle of the name; the name is its subject (and of a verb joined to it)
            subj = head.head
    found = [subj] if subj is not None else misplaced_subject(verb, idx)
    if not found:
        return []
    subj = found[0]
    if subj.lower_ in ("it", "they") and verb.dep_ == "conj" and verb.head.lemma_ in REPORT_VERBS:
        # "The army said that ..., and it insisted that ...": the first verb's speaker goes on
        return speakers(verb.head, idx, res)
    if subj.lower_ in ("who", "which") and verb.dep_ == "relcl" and idx.kind(idx.token_actor.get(verb.head.i, "")) == "Person":
        subj = found[0] = verb.head  # "the Secretary of the Council, Rustem Umerov, who said": the name
    out = []
    # "said Trump of A, B and C": conjuncts after a preposition whose object is a person continue that
    # object ("A of the US and B of Russia said" keeps B)
    preps = [c.i for c in subj.children if c.dep_ == "prep" and c.i > subj.i and any(
        x.dep_ == "pobj" and (idx.kind(idx.token_actor.get(x.i, "")) == "Person" or x.ent_type_ == "PERSON")
        for x in c.children)]
    # "A's minister X and B's minister Y said": the parser joins Y to the apposition X, not to its head
    appos = [x for a in subj.children if a.dep_ == "appos" for x in a.conjuncts if x.i > a.i]
    conj = [c for c in [*subj.conjuncts, *appos] if c.i > subj.i and not any(p < c.i for p in preps)]
    for s in [*found, *conj]:
        bound = bound_pronoun(s, res)
        if bound is not None:
            out.append(bound)
            continue
        pair = person_pair(s, idx)
        if pair:  # "the two leaders said": both of the persons just named
            out += [p for p in pair if p not in out]
            continue
        if is_group_anaphor(s) and s.lower_ in CLAIM_GROUPS:  # "the two governments said": both parties
            out += [(p, "country") for p in resolve_group(s, idx) if (p, "country") not in out]
            continue
        anon = unnamed_source(s, idx, res) or people_source(s)
        if anon is not None and not anon[0]:
            continue  # "a report said": nobody who speaks
        if anon is not None and anon[0] == ANONYMOUS and s is not subj:
            continue  # "Zelenskyy and his officials stressed ...": the named speaker's entourage
        if anon is not None:
            if anon not in out:
                out.append(anon)
            continue
        issued = earlier_issuers(s, idx, res) or it_speakers(s, idx, res) or they_speakers(s, idx, res)
        if issued:  # "the statement said": whoever issued it, each of them
            out += [x for x in issued if x not in out]
            continue
        name, how = res.actor(s)
        if how == "title":
            name = titled_person(s, idx) or name or described_person(s, idx)
        if not name:
            name = top_diplomat(s, idx) or name
            how = "title" if name else how
        if not name and s.lemma_ in GOVERNMENT_HEADS:
            name, how = leader_government(s, idx)
        if not name and how not in ("journalist", "outlet"):
            authors = [] if body_speaker(s, idx) else document_authors(s, idx, res)
            if len(authors) > 1:  # "a joint statement from A and B said": each of them
                out += [x for x in authors if x not in out]
                continue
            name, how = body_speaker(s, idx) or (authors[0] if authors else None) or bare_body(s, idx) or (None, how)
        if how in ("journalist", "outlet"):
            return None
        if name:
            out.append((name, how))
        elif s.tag_ == "NNS":
            out += [x for x in modifier_speakers(s, res) if x not in out]
    return out


def modifier_speakers(head: Token, res: Resolver) -> list[tuple[str, str]]:
    """ "Nairobi and United Nations experts say": unnamed experts speak for each body that qualifies them."""
    out = []
    for m in head.children:
        if m.dep_ not in ("compound", "nmod", "poss"):
            continue
        for t in [m, *m.conjuncts]:
            name, how = res.actor(t)
            if name and how in ("org", "organization", "country"):
                out.append((name, how))
    return out


def unnamed_source(tok: Token, idx: ActorIndex, res: Resolver) -> tuple[str, str] | None:
    """("anonymous source", "anon") for an unnamed official, source or spokesperson who is described
    rather than named: "one White House official", "Omani officials", "his spokesman", "government
    sources". "The official" is one when an unnamed official was described before, else it is left to
    the resolver ("the top Iranian diplomat": someone named); bare "officials" and "officials from both
    sides" are unnamed groups, no sources; "UN monitoring reports" speak for the UN, "a report citing
    sources" for its sources, a bare "a report" for nobody (("", "report"): the press's own reporting)."""
    if tok.i in idx.token_actor or tok.lower_ not in SOURCE_PEOPLE and tok.lemma_ not in ("report",):
        return None
    kids = list(tok.children)
    if any(c.dep_ == "appos" and res.actor(c)[0] for c in kids):
        return None  # "his spokesman, Dmitry Peskov": named
    org = next((idx.token_actor[c.i] for c in kids if c.dep_ in ("compound", "nmod") and c.i in idx.token_actor
                and idx.kind(idx.token_actor[c.i]) == "Organization"), None)
    if tok.lemma_ == "report":
        if org:
            return org, "org"
        if any(x.lemma_ in SOURCE_PEOPLE | {"source", "official", "diplomat", "insider"} for x in tok.subtree if x.i != tok.i):
            return ANONYMOUS, "anon"  # "a report that cited sources": the sources speak
        if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in PRESS_WORDS for c in kids):
            return "", "report"  # "according to US media reports": what other outlets report, no speaker
        if tok.tag_ == "NNS":
            return ANONYMOUS, "anon"  # "reports say": the press's unnamed sources
        return "", "report"  # "according to a report": one publication's own reporting, no speaker
    if org and tok.tag_ == "NNS":
        return org, "org"  # "Kremlin officials said": the body speaks through its officials
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in kids):
        return None  # "officials from both sides": a group, not a source
    if any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and not tok.lower_.startswith("spokes"):
        if tok.tag_ != "NN":
            return None  # "the officials said": the group just mentioned
        # "the official said ...", "the top Iranian diplomat": the same unnamed official described
        # earlier, else a description of someone named (left to the resolver)
        for prev in reversed(tok.doc[max(tok.sent.start - 200, 0):tok.i]):
            if prev.lemma_ == tok.lemma_ and prev.i not in idx.token_actor and prev.dep_ in ("nsubj", "nsubjpass", "pobj"):
                if not any(c.dep_ == "det" and c.lower_ == "the" for c in prev.children) and any(
                        c.dep_ in SOURCE_MODIFIERS for c in prev.children):
                    return ANONYMOUS, "anon"
        return None
    mods = [c for c in kids if c.dep_ in SOURCE_MODIFIERS]
    if tok.lemma_ == "source" or tok.lower_.startswith("spokes") or mods:
        return ANONYMOUS, "anon"
    return None


def leader_government(tok: Token, idx: ActorIndex) -> tuple[str | None, str]:
    """ "The Trump administration said": a leader's administration speaks for the leader's country."""
    for c in tok.children:
        name = idx.token_actor.get(c.i)
        actor = idx.actors.get(name) if name and c.dep_ in ("compound", "poss") else None
        if actor is not None and actor.kind == "Person" and actor.affiliation \
                and idx.kind(actor.affiliation) == "Country":
            return actor.affiliation, "country"
    return None, "none"
