"""Who a noun phrase refers to: named actors, capitals used for governments, "the US side",
anonymous sources, pronouns (he/she) and definite titles ("the US secretary").

Light, rule-based coreference for speakers and attendees; no statistical model.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .index import ActorIndex
from ..text.gazetteer import JOURNALIST_TITLES, TITLE_WORDS

ANONYMOUS = "anonymous source"
ANON_HEADS = frozenset("source sources report reports insider insiders".split())
UNNAMED_HEADS = frozenset("diplomat official person aide negotiator insider participant".split())
GROUP_HEADS = frozenset("""side team government administration delegation authorities leadership
ministry officials official spokesman spokeswoman spokesperson office presidency negotiators""".split())
NAMED_GROUP_HEADS = frozenset("officials official spokesman spokeswoman spokesperson".split())
PRONOUNS = frozenset("he she him her".split())
# "the army", "the ministry": a definite description names the last organisation with that head noun
ORG_HEADS = frozenset("""army military forces ministry council commission agency committee court parliament
movement front alliance coalition militia""".split())
ARMED_HEADS = frozenset("army military".split())
ARMED_SUFFIXES = ("army", "military", "armed forces", "defence forces", "defense forces")
RELATIVES = frozenset("who which that".split())
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
CLAUSE_LINKS = frozenset("compound flat appos".split())
SYNONYMS = {"minister": {"minister", "secretary"}, "secretary": {"secretary", "minister"},
            "leader": {"leader", "president", "premier", "chancellor"}, "envoy": {"envoy"},
            "president": {"president", "leader"}}


def antecedent(rel: Token) -> Token:
    """The noun a relative pronoun stands for. The parser hangs "A and B, who led ..." on A and
    "X, the aide, who sat in ..." on the appositive: the nearest conjunct before the pronoun, and the
    name an appositive describes, are meant."""
    head = rel.head.head
    later = [c for c in head.conjuncts if head.i < c.i < rel.i]
    if later:
        return max(later, key=lambda c: c.i)
    if head.dep_ == "appos" and head.head.i < head.i:
        return head.head
    return head


def _role(tok: Token) -> int:
    """How likely a name is what a later pronoun means: 2 subject of a main verb, 1 subject of another
    verb, 0 object, possessor or apposition to one. Names inside a noun phrase take its role."""
    while tok.dep_ in CLAUSE_LINKS and tok.head is not tok:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    verb = tok.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1


def _genders(doc: Doc, idx: ActorIndex) -> dict[str, str]:
    """Person -> "m"/"f" from an honorific right before a mention; a person called both gets none."""
    seen: dict[str, set[str]] = {}
    for t in doc[:-1]:
        g = HONORIFIC_GENDER.get(t.lower_.rstrip("."))
        name = idx.token_actor.get(t.i + 1)
        if g and name and idx.kind(name) == "Person":
            seen.setdefault(name, set()).add(g)
    return {n: next(iter(gs)) for n, gs in seen.items() if len(gs) == 1}


def _indefinite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in tok.children)


class Resolver:
    """Resolve speaker / participant noun phrases of one article to actor names."""

    def __init__(self, doc: Doc, idx: ActorIndex, quoted: set[int]):
        self.doc, self.idx, self.quoted = doc, idx, quoted
        self.anon = [t.i for t in doc if t.pos_ == "NOUN" and t.i not in quoted and (
            t.lemma_ == "source" or t.lemma_ in UNNAMED_HEADS and _indefinite(t))]
        self.gender = _genders(doc, idx)

    def actor(self, tok: Token, depth: int = 0) -> tuple[str | None, str]:
        """(name, how) for the phrase headed by ``tok``; how is one of person, org, country, anon,
        outlet, journalist, pronoun, title, none."""
        idx = self.idx
        if depth > 3:
            return None, "none"
        if tok.i in idx.journalists:
            return None, "journalist"
        if tok.i in idx.outlets and tok.i not in idx.token_actor:
            if tok.lemma_ in ANON_HEADS:
                return ANONYMOUS, "anon"
            return idx.outlets[tok.i], "outlet"
        if tok.i in idx.token_actor:
            name = idx.token_actor[tok.i]
            return name, (idx.kind(name) or "none").lower()
        if tok.i in idx.capitals:
            return idx.capitals[tok.i], "country"
        low = tok.lower_
        if low in PRONOUNS:
            return self.pronoun(tok), "pronoun"
        if low in RELATIVES and tok.head.dep_ == "relcl":
            return self.actor(antecedent(tok), depth + 1)
        if low in JOURNALIST_TITLES:
            return None, "journalist"
        for c in tok.children:  # "chief, Kaja Kallas": the appositive names the speaker
            if c.dep_ == "appos":
                name, how = self.actor(c, depth + 1)
                if name:
                    return name, how
        if tok.lemma_ in ANON_HEADS and tok.pos_ == "NOUN":
            return ANONYMOUS, "anon"
        if tok.lemma_ in UNNAMED_HEADS and _indefinite(tok):
            return ANONYMOUS, "anon"  # "a diplomat familiar with the talks told ..."
        if tok.lemma_ in UNNAMED_HEADS and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
                c.dep_ in ("compound", "amod", "poss", "appos") for c in tok.children):
            name = self.unnamed(tok)  # "The official added that ...": the source (or person) just quoted
            if name:
                return name, "anon" if name == ANONYMOUS else "title"
        if tok.lemma_ in GROUP_HEADS or low in GROUP_HEADS:
            for c in tok.children:
                if c.dep_ in ("compound", "nmod", "amod", "poss"):
                    name = idx.token_actor.get(c.i)
                    if name and idx.kind(name) in ("Organization", "Country"):
                        return name, idx.kind(name).lower()
                    if c.i in idx.capitals and c.dep_ != "amod":
                        return idx.capitals[c.i], "country"
                    if c.i in idx.countries and (low not in NAMED_GROUP_HEADS or low == "officials"):
                        # "Chinese officials said": unnamed officials of a country speak for it
                        return idx.countries[c.i], "country"
        if tok.lemma_ in ORG_HEADS or low in ORG_HEADS:
            name = self.organisation(tok)
            if name:
                return name, "org"
        if low in TITLE_WORDS and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return self.title(tok), "title"
        return None, "none"

    def _recent(self, before: int, cands: list[tuple[int, str]], main_first: bool = False) -> str | None:
        """The latest candidate in the last three sentences before ``before``, subjects first; with
        ``main_first`` the subject of a main verb outranks a later one of a subordinate clause in the
        same sentence (not one in a later sentence)."""
        doc = self.doc
        sent_start = doc[before].sent.start
        window = [c for c in cands if c[0] < before and c[0] not in self.quoted]
        window = [c for c in window if c[0] >= self._sent_back(sent_start, 3)]
        if not window:
            return None
        if main_first:
            def rank(c: tuple[int, str]) -> tuple:
                role = _role(doc[c[0]])
                return role > 0, doc[c[0]].sent.start, role, c[0]
            return max(window, key=rank)[1]
        subjects = [c for c in window if doc[c[0]].dep_ in ("nsubj", "nsubjpass", "appos")
                    or doc[c[0]].head.dep_ in ("nsubj", "nsubjpass")]
        return (subjects or window)[-1][1]

    def _sent_back(self, start: int, n: int) -> int:
        doc = self.doc
        for _ in range(n):
            if start == 0:
                break
            start = doc[start - 1].sent.start
        return start

    def pronoun(self, tok: Token) -> str | None:
        """The person (or anonymous source) a he/she stands for: the subject of a recent main verb before
        objects, possessors and appositions to objects ("A met B's aide C. He said": A); a person the
        text calls Mr (Ms, Mrs) is not a she (he)."""
        want = "m" if tok.lower_ in ("he", "him") else "f"
        cands = [(i, n) for i, n in self.idx.person_mentions
                 if i not in self.idx.journalists and self.gender.get(n, want) == want]
        cands += [(i, ANONYMOUS) for i in self.anon]
        return self._recent(tok.i, sorted(cands), main_first=True)

    def unnamed(self, tok: Token) -> str | None:
        """ "the official", "the diplomat": the most recent anonymous source, or person so titled."""
        cands = [(i, ANONYMOUS) for i in self.anon if i < tok.i]
        for i, name in self.idx.person_mentions:
            actor = self.idx.actors.get(name)
            if actor is not None and i < tok.i and any(tok.lemma_ in t.lower() for t in actor.titles):
                cands.append((i, name))
        return self._recent(tok.i, sorted(cands))

    def title(self, tok: Token) -> str | None:
        """ "the US secretary", "the American minister": the person holding that title."""
        country = next((self.idx.countries[c.i] for c in tok.children if c.i in self.idx.countries), None)
        words = SYNONYMS.get(tok.lower_, {tok.lower_})
        cands = []
        for i, name in self.idx.person_mentions:
            actor = self.idx.actors.get(name)
            if actor is None or i >= tok.i:
                continue
            if country and actor.affiliation not in (None, country):
                continue
            if any(w in t.lower() for t in actor.titles for w in words):
                cands.append((i, name))
        if cands:
            return cands[-1][1]
        after = [n for i, n in self.idx.person_mentions if tok.i < i < tok.sent.end]
        if after and not country:  # "the Secretary of the Council ..., Rustem Umerov"
            return after[0]
        same = [(i, n) for i, n in self.idx.person_mentions
                if country and self.idx.actors[n].affiliation == country and i < tok.i]
        return self._recent(tok.i, same) if same else None

    def organisation(self, tok: Token) -> str | None:
        """ "the army", "the ministry": the most recent organisation named before ``tok`` whose head noun
        matches (for army/military, also "... Armed Forces"). None without "the" or without a match."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        low = tok.lower_
        cands = []
        for i, name in self.idx.token_actor.items():
            if i >= tok.i or self.idx.kind(name) != "Organization":
                continue
            head = norm_head(name)
            if head == low or head == tok.lemma_ or (low in ARMED_HEADS and name.lower().endswith(ARMED_SUFFIXES)):
                cands.append((i, name))
        return max(cands)[1] if cands else None


def norm_head(name: str) -> str:
    """The head noun of an organisation's name: "Ministry of Defence" -> ministry, "Armed Forces" -> forces."""
    words = name.lower().split(" of ")[0].split()
    return words[-1] if words else ""
