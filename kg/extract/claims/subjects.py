"""Speakers the parse leaves implicit or mislabels, read from the tree around a reporting verb.

- a subject the parser attached elsewhere: the noun phrase that ends right before the verb ("In a joint
  statement, A, B and C said ...": the names hang on "statement"), and the name after a sentence-initial
  "Said" ("Said X after the signing: ...");
- a pronoun bound by the subject of the clause it sits in ("Though he insisted ..., the president said":
  he is the president; "A lectured B over what he called ...": he is A);
- a body speaking through a part of itself: "Pakistan's army", "the Hamas movement", "the Ministry of
  Foreign Affairs of Qatar" speak for the state or organisation that qualifies them;
- unnamed people framed as sources: "people familiar with the matter", "a person briefed on the talks".
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.coref import ANONYMOUS, Resolver
from ..actors.index import ActorIndex

PRONOUNS = frozenset("he she".split())
# heads of a noun phrase that stand for the body qualifying them
BODY_HEADS = frozenset("""army military forces ministry government movement group administration cabinet
presidency office leadership authorities side delegation team council parliament embassy mission
ministries""".split())
# "people familiar with the matter", "a person briefed on the talks", "those with knowledge of"
PEOPLE_HEADS = frozenset("people person persons individuals those one two three several".split())
SOURCE_ADJ = frozenset("familiar briefed knowledgeable close".split())
SOURCE_NOUNS = frozenset("knowledge".split())
PAIR_WINDOW = 400  # tokens back to look for the two persons a group noun means
PERSON_GROUPS = frozenset("leader president minister premier envoy counterpart negotiator".split())
DOCUMENT_NOUNS = frozenset("statement communique communiqué readout letter declaration note text memorandum".split())
ISSUE_VERBS = frozenset("issue release publish put sign send post adopt".split())  # who issued a document
CLAUSE_DEPS = frozenset("ccomp advcl relcl xcomp pcomp acl conj prep pobj".split())


def misplaced_subject(verb: Token, idx: ActorIndex) -> list[Token]:
    """Name tokens the parser hung elsewhere: the coordinated names ending right before ``verb``
    ("..., A, B and C said"), or the name right after a sentence-initial "Said"."""
    doc = verb.doc
    sent = verb.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is not None and first.i == verb.i and verb.i + 1 < len(doc) and named(doc[verb.i + 1], idx):
        j = verb.i + 1  # the sentence splitter may cut right after "Said"
        while j + 1 < len(doc) and named(doc[j + 1], idx) and doc[j + 1].is_title:
            j += 1
        return [doc[j]]  # "Said Trump ahead of the signing: ..."
    if verb.i == sent.start:
        return stub_name(verb, idx)
    last = doc[verb.i - 1]
    if last.pos_ != "PROPN" or last.dep_ in ("nsubj", "nsubjpass", "compound") or last.head.i == verb.i:
        return []
    chain = [last]
    while chain[-1].dep_ == "conj" and chain[-1].head.i < chain[-1].i and chain[-1].head.pos_ == "PROPN":
        chain.append(chain[-1].head)
    return chain


STUB_NAME = 4  # tokens: a sentence the splitter cut off before its verb ("Trump | indicated that ...")


def stub_name(verb: Token, idx: ActorIndex) -> list[Token]:
    """The name standing alone as the sentence before a verb that opens its own sentence without a
    subject: the splitter cut "Trump | indicated that ..." after the name."""
    doc = verb.doc
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    prev = [t for t in doc[verb.i - 1].sent if not t.is_space]
    if not prev or len(prev) > STUB_NAME or prev[-1].is_punct or not all(named(t, idx) for t in prev):
        return []
    return [prev[-1]] if prev[-1].i in idx.token_actor else []


def named(tok: Token, idx: ActorIndex) -> bool:
    """A proper name (the tagger may call a sentence-initial name a common noun)."""
    return tok.pos_ == "PROPN" or tok.is_title and tok.i in idx.token_actor


def bound_pronoun(subj: Token, res: Resolver) -> tuple[str, str] | None:
    """The person a he/she subject stands for when a clause above it has a person as subject: the
    clause it is subordinate to ("he told ... , the president said": the following main clause), or
    the clause it is embedded in ("A criticised what he called ...")."""
    if subj.lower_ not in PRONOUNS:
        return None
    verb = subj.head
    child = verb
    for a in verb.ancestors:
        if child.dep_ not in CLAUSE_DEPS:
            break
        s = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != subj.i), None)
        if s is not None:
            if s.lower_ in PRONOUNS:
                return None  # "he said he ...": the outer pronoun is resolved as usual
            name, how = res.actor(s)
            if how == "title":
                name = titled_person(s, res.idx) or name
            if name and (res.idx.kind(name) == "Person" or how == "title"):
                return name, how
            return None
        child = a
    return None


def titled_person(tok: Token, idx: ActorIndex) -> str | None:
    """The person last named before ``tok`` whose title holds its modifiers and head ("the American
    vice president" -> the one titled "Vice President", not the President); None when the phrase
    has no such modifier or nobody holds it."""
    kids = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    country = next(((c, idx.countries[c.i]) for c in kids if c.i in idx.countries), None)
    mods = [c.lower_ for c in kids if c.dep_ == "compound" and c.i not in idx.countries]
    if not mods and country is None:
        return None
    phrase = " ".join([*mods, tok.lower_])

    def holds(name: str, strict: bool) -> bool:
        actor = idx.actors.get(name)
        if actor is None or not any(phrase in t.lower() for t in actor.titles):
            return False  # "the Ukrainian president": a president, and one of Ukraine
        return not strict or country is None or actor.affiliation == country[1] or any(
            country[0].lower_ in t.lower() for t in actor.titles)
    cands = [(i, n) for i, n in idx.person_mentions if i < tok.i and holds(n, True)]
    if not cands and mods:  # "the American vice president": the vice president, whatever his country
        cands = [(i, n) for i, n in idx.person_mentions if i < tok.i and holds(n, False)]
    if not cands and country is not None:  # "the Italian minister" after "Tajani, his Italian counterpart"
        cands = [(i, n) for i, n in idx.person_mentions if i < tok.i and _of_country(idx.actors.get(n), country, tok)]
    return max(cands)[1] if cands else None


FOREIGN_TITLES = ("foreign minister", "foreign secretary", "secretary of state", "minister of foreign affairs",
                  "foreign affairs minister")


def top_diplomat(tok: Token, idx: ActorIndex) -> str | None:
    """ "The top Iranian diplomat", "America's top diplomat": the country's foreign minister (or
    secretary of state) named in the text: the one of that country, else the only one of no known country."""
    if tok.lemma_ != "diplomat" or not any(c.lower_ in ("top", "chief") for c in tok.children):
        return None
    country = next((idx.countries.get(c.i) or idx.token_actor.get(c.i) for c in tok.children
                    if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.i in idx.countries or c.i in idx.token_actor)), None)
    if not country or idx.kind(country) not in (None, "Country"):
        return None
    fms = [a for a in idx.actors.values() if a.kind == "Person" and any(
        f in t.lower() for t in a.titles for f in FOREIGN_TITLES)]
    own = [a.name for a in fms if a.affiliation == country]
    free = [a.name for a in fms if a.affiliation is None]
    return own[0] if len(own) == 1 else free[0] if not own and len(free) == 1 else None


def _of_country(actor, country: tuple[Token, str], role: Token) -> bool:
    """The person belongs to the country and is titled by the role or as someone's counterpart."""
    if actor is None or not (actor.affiliation == country[1] or any(country[0].lower_ in t.lower() for t in actor.titles)):
        return False
    return any(role.lower_ in t.lower() or "counterpart" in t.lower() for t in actor.titles)


def _of_words(tok: Token) -> tuple[str, ...]:
    """The lower-cased words of the "of" phrases after a title noun ("Minister of State" -> state)."""
    return tuple(x.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for x in c.subtree if not (x.is_punct or x.dep_ == "det" or x.i == c.i))


def described_person(tok: Token, idx: ActorIndex) -> str | None:
    """The person an earlier apposition named with the same description: "The Minister of State,
    Dr. A B, was present ... 'the Minister of State said'" (either order: "A B, the envoy, ... the
    envoy said"). The description must agree in its head noun and its "of" phrase; the latest one wins."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    low, of = tok.lower_, _of_words(tok)
    found = None
    for p in tok.doc[:tok.i]:
        if p.lower_ != low or p.i == tok.i or _of_words(p)[:len(of)] != of:
            continue
        names = [idx.token_actor.get(c.i) for c in p.children if c.dep_ == "appos"]
        if p.dep_ == "appos":
            names.append(idx.token_actor.get(p.head.i))
        names = [n for n in names if n and idx.kind(n) == "Person"]
        if names:
            found = names[0]
    return found


def body_speaker(tok: Token, idx: ActorIndex) -> tuple[str, str] | None:
    """(state or organisation, kind) for a body qualified by a named one: "Pakistan's army", "the Hamas
    movement", "the Ministry of Foreign Affairs of Qatar", "the Sudanese government"."""
    if tok.lemma_ not in BODY_HEADS and tok.lower_ not in BODY_HEADS:
        return None
    mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
    mods += [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"  # "the ministry in Beijing"
             for x in c.children if x.dep_ == "pobj" and x.i in idx.capitals]
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    while of is not None:  # "Ministry of Foreign Affairs of Qatar"
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is None:
            break
        mods.append(obj)
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    for m in mods:
        for t in [m, *(c for c in m.children if c.dep_ == "compound")]:
            name = idx.token_actor.get(t.i)
            kind = idx.kind(name) if name else None
            if kind in ("Organization", "Country"):
                return name, kind.lower()
            if t.i in idx.capitals and t.dep_ != "amod":
                return idx.capitals[t.i], "country"
            if t.i in idx.countries:
                return idx.countries[t.i], "country"
    return None


HOME_HEADS = frozenset("government administration cabinet presidency ministry army military".split())
HOME_MENTIONS = 3  # a home country is named at least this often, and twice as often as any other


def bare_body(tok: Token, idx: ActorIndex) -> tuple[str, str] | None:
    """The state or organisation behind an unqualified body: "the ministry said" after "Turkey's foreign
    ministry" is Turkey's again (the latest body of that head noun qualified before it); "the government
    said" in an article about one country's government is that country's (its home country)."""
    if tok.lemma_ not in BODY_HEADS or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    for prev in reversed(tok.doc[:tok.i]):
        if prev.lemma_.lower() == tok.lemma_ or prev.lower_ == tok.lower_:
            found = body_speaker(prev, idx)
            if found:
                return found
    if tok.lemma_ not in HOME_HEADS:
        return None
    home = home_country(tok, idx)
    return (home, "country") if home else None


def home_country(tok: Token, idx: ActorIndex) -> str | None:
    """The one country the text names most up to ``tok`` (each mention once, capitals included), when it
    dominates: at least HOME_MENTIONS mentions and twice as many as the next."""
    counts: dict[str, int] = {}
    last = None
    for t in tok.doc[:tok.i]:
        name = idx.token_actor.get(t.i)
        country = name if name and idx.kind(name) == "Country" else idx.capitals.get(t.i) or idx.countries.get(t.i)
        if country and (country, t.i - 1) != last:
            counts[country] = counts.get(country, 0) + 1
        last = (country, t.i) if country else None
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < HOME_MENTIONS or len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
        return None
    return max(counts, key=counts.get)


def people_source(tok: Token) -> tuple[str, str] | None:
    """("anonymous source", "anon") for unnamed people framed as sources: "people familiar with the
    matter", "a person briefed on the talks", "two officials with knowledge of the negotiations"."""
    if tok.lower_ not in PEOPLE_HEADS and tok.lemma_ not in PEOPLE_HEADS:
        return None
    for c in tok.children:
        if c.dep_ in ("amod", "acl") and c.lower_ in SOURCE_ADJ:
            return ANONYMOUS, "anon"
        if c.dep_ == "prep" and c.lower_ == "with" and any(x.lower_ in SOURCE_NOUNS for x in c.children):
            return ANONYMOUS, "anon"
    return None


def document_author(tok: Token, idx: ActorIndex, res: Resolver) -> tuple[str, str] | None:
    """The author of a statement that is the subject: "a joint statement put out by the State
    Department", "a communique from Qatar's foreign ministry", "the Kremlin's statement"."""
    if tok.lemma_ not in DOCUMENT_NOUNS:
        return None
    cands = [c for c in tok.children if c.dep_ in ("poss", "compound") and c.i < tok.i]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            cands += [x for x in c.children if x.dep_ == "pobj"]
        if c.dep_ == "acl":  # "put out by", "issued by", "released by"
            for a in c.children:
                if a.dep_ == "agent":
                    cands += [x for x in a.children if x.dep_ == "pobj"]
    for c in cands:
        name, how = res.actor(c)
        if name and how not in ("journalist", "outlet"):
            return name, how
        found = body_speaker(c, idx) or bare_body(c, idx)
        if found:
            return found
    return None


def document_authors(tok: Token, idx: ActorIndex, res: Resolver) -> list[tuple[str, str]]:
    """Every author of a statement that is the subject: "a joint statement from A and B" is A's and B's."""
    first = document_author(tok, idx, res)
    if first is None:
        return []
    out = [first]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            for x in c.children:
                for k in (x.conjuncts if x.dep_ == "pobj" else ()):
                    name, how = res.actor(k)
                    found = (name, how) if name and how not in ("journalist", "outlet") else body_speaker(k, idx)
                    if found and found not in out:
                        out.append(found)
    return out


def earlier_issuers(tok: Token, idx: ActorIndex, res: Resolver) -> list[tuple[str, str]]:
    """ "A and B issued a joint statement ... The statement said": the authors of the latest such document
    before it (each subject of the verb that issued it, or the body it came from)."""
    if tok.lemma_ not in DOCUMENT_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            or any(c.dep_ in ("poss", "compound", "prep", "acl") for c in tok.children):
        return []
    for prev in reversed(tok.doc[max(tok.i - PAIR_WINDOW, 0):tok.i]):
        if prev.lemma_ != tok.lemma_:
            continue
        if prev.dep_ == "dobj" and prev.head.lemma_ in ISSUE_VERBS:
            subj = next((c for c in prev.head.children if c.dep_ == "nsubj"), None)
            out = []
            for s in [subj, *subj.conjuncts] if subj is not None else []:
                name, how = res.actor(s)
                found = (name, how) if name and how not in ("journalist", "outlet", "pronoun", "anon") \
                    else body_speaker(s, idx)
                if found and found not in out:
                    out.append(found)
            return out
        found = document_author(prev, idx, res)
        return [found] if found else []
    return []


def it_speakers(tok: Token, idx: ActorIndex, res: Resolver) -> list[tuple[str, str]]:
    """ "It said ..." opening a sentence: the body the sentence before had as its subject ("The Kremlin
    released a readout. It said ..."), or, when persons issued a document there, each of them ("A and
    B signed a declaration. It said ..."). Nothing else: "it" may be anything."""
    doc = tok.doc
    if tok.lower_ != "it" or tok.i != tok.sent.start or tok.sent.start == 0:
        return []
    prev = doc[tok.sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    doc_obj = any(c.dep_ == "dobj" and c.lemma_ in DOCUMENT_NOUNS for c in prev.root.children)
    out = []
    for s in [subj, *subj.conjuncts]:
        name, how = res.actor(s)
        kind = idx.kind(name) if name else None
        found = (name, how) if kind in ("Organization", "Country") or kind == "Person" and doc_obj \
            else body_speaker(s, idx)
        if found and found not in out:
            out.append(found)
    return out if len(out) == 1 or doc_obj else []


def they_speakers(tok: Token, idx: ActorIndex, res: Resolver) -> list[tuple[str, str]]:
    """ "A and B issued a joint declaration. '...,' they said": "they" as the subject of the sentence
    after one whose subject names two or more actors is each of them (an unnamed group gives nobody)."""
    doc = tok.doc
    if tok.lower_ != "they" or tok.sent.start == 0:
        return []
    prev = doc[tok.sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    out = []
    for s in [subj, *subj.conjuncts]:
        name, how = res.actor(s)
        if not name or how in ("journalist", "outlet", "pronoun", "anon"):
            return []
        if (name, how) not in out:
            out.append((name, how))
    return out if len(out) > 1 else []


def person_pair(tok: Token, idx: ActorIndex) -> list[tuple[str, str]]:
    """ "The two leaders said", "both presidents said": the last two persons named before, each a speaker."""
    if tok.lemma_ not in PERSON_GROUPS or not any(c.lower_ in ("two", "both") for c in tok.children):
        return []
    seen: list[str] = []
    for i, name in sorted(idx.person_mentions, reverse=True):
        if tok.i - PAIR_WINDOW <= i < tok.i and name not in seen:
            seen.append(name)
        if len(seen) == 2:
            return [(n, "person") for n in reversed(seen)]
    return []


def hyphen_part(tok: Token) -> bool:
    """The token is glued by a hyphen into a longer name ("Interfax-Ukraine", "Kyiv-based")."""
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].text in "-–" and not doc[tok.i - 1].whitespace_
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].text in "-–" and not tok.whitespace_
    return before or after
