"""What a reporting verb reports: the clause, object or prepositional phrase that is the claim.

Reads the dependency parse around one reporting verb ("said that ...", "called the talks a step",
"warned of ...", "welcomed the deal") and returns the claim's tokens. Who said it is
:mod:`claim_speakers`' concern; quotations are :mod:`quotes`'.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

REPORT_VERBS = frozenset("""say tell write state warn describe insist stress add note inform confirm emphasize
emphasise announce accuse praise express rule indicate cite explain claim declare reiterate assert acknowledge
admit deny predict promise reply respond urge tweet post remark comment underline underscore point maintain
vow pledge threaten criticize criticise welcome hail condemn report reject call speak characterise characterize
concede commend press convey voice term credit undertake affirm reaffirm argue caution allege contend
disclose reveal observe recall rate outline highlight assure clarify lament signal appeal suggest hint read""".split())
VERB_IN_TEXT = frozenset("praise accuse rule criticize criticise welcome hail condemn deny reject commend".split())
# "pledged to ...", "pressed the parties to ...": what is promised or asked for is the claim
INTENT_VERBS = frozenset("urge press vow pledge promise undertake threaten".split())
DESCRIBE_VERBS = frozenset("describe characterise characterize rate".split())
NAMING_VERBS = frozenset("call term".split())
# the noun of "voiced hope that ...", "expressed confidence that ...": the that-clause is the claim
ATTITUDE_NOUNS = frozenset("hope hopes confidence concern concerns optimism belief fear fears view conviction".split())
# with only a noun object these report an act, not words (unlike "praised X's efforts")
ACTION_VERBS = frozenset(["welcome"])
OBJECT_VERBS = VERB_IN_TEXT | frozenset("""convey voice express stress emphasize emphasise confirm announce reiterate
underline underscore reaffirm outline highlight""".split())
# with a short noun object these report an event, not a statement ("announced the agreement")
EVENT_VERBS = frozenset(["announce"])
# "confirmed a deal under which each side frees 300", "confirmed the ceasefire": the object names an
# agreement or an event the speaker confirms, a fact reported, not a statement (however long the object)
CONFIRM_VERBS = frozenset("announce confirm".split())
EVENT_NOUNS = frozenset("""deal agreement accord truce ceasefire cease-fire pact treaty arrangement understanding
meeting talks summit visit call exchange swap release""".split())
SHORT_OBJECT = 3  # tokens
PREP_VERBS = {"insist": ("on",), "warn": ("of", "about", "against"), "express": ("about",), "call": ("for",),
              "speak": ("of", "about"), "point": ("to",)}
REST_VERBS = frozenset(["appeal"])
# "insisted on taking him in his own car": with a gerund the speaker's own act, not a statement
DOING_VERBS = frozenset(["insist"])
# "expressed gratitude for ...", "conveyed his thanks": an act of thanks or sympathy, no statement
COURTESY_NOUNS = frozenset("gratitude thanks appreciation condolences condolence sympathy sympathies".split())  # the whole predicate after the verb is what was asked
# "accused Kabul of failing to ...": the charge goes with the verb and its object
CHARGE_PREPS = frozenset("of for over".split())
# whom or where one tells: a "that" clause after them is what was told, not a relative clause
AUDIENCE_NOUNS = frozenset("""briefing conference reporter journalist parliament lawmaker audience crowd
meeting summit session media press gathering forum assembly""".split())
STATEMENT_NOUNS = frozenset("statement interview post message letter briefing communique speech remarks".split())
CARRIER_MARKS = frozenset("quote report write".split())
# what "reads" as a reporting verb: "the declaration reads", "the statement read" (not "he read the text")
READ_SUBJECTS = frozenset("""statement communique communiqué readout letter declaration note text document
memorandum resolution decree""".split())


def reports(verb: Token) -> bool:
    """Whether ``verb`` is used as a reporting verb here ("pointed out", "pointed to", not "pointed";
    "pressed them to", not "pressed ahead"; "was credited by X as", not "credited the account")."""
    if verb.lemma_ not in REPORT_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(verb.children)
    if verb.lemma_ == "read":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in READ_SUBJECTS for c in kids)
    if verb.lemma_ == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in kids)
    if verb.lemma_ == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" or c.dep_ == "prep" and c.lower_ == "to" for c in kids)
    if verb.lemma_ == "press":
        return any(c.dep_ in ("xcomp", "ccomp") for c in kids)
    if verb.lemma_ == "cite" and any(c.dep_ == "prep" and c.lower_ == "as" and any(
            x.dep_ == "pcomp" and x.tag_ == "VBG" for x in c.children) for c in kids):
        return False  # "cited by Y as saying ...": "saying" reports, "cited" only carries
    if verb.lemma_ == "credit":
        return any(c.dep_ == "agent" for c in kids)
    return True


# heads under which a reporting verb names a statement not (yet) made: "plans to call for", "declined to say"
UNSAID_HEADS = frozenset("plan expect due set intend decline refuse hope want aim prepare fail schedule going".split())
FUTURE_AUX = frozenset("will shall 'll".split())


def unsaid(verb: Token) -> bool:
    """The reporting verb describes no statement made: negated ("did not say whether"), in the future
("will tell parliament that"), or planned, expected or refused ("plans to call for", "declined to say")."""
    if any(c.dep_ == "neg" and verb.lemma_ != "rule" or c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in UNSAID_HEADS


def continues(verb: Token) -> bool:
    """ "X continued: '...'", "he went on, '...'": a verb that introduces a quotation next to it."""
    if verb.lemma_ == "continue":
        return not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children)
    return verb.lemma_ == "go" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "on" for c in verb.children) \
        and not any(c.dep_ == "xcomp" for c in verb.children)


def trailing_name(verb: Token) -> int | None:
    """ "..., U.S. President Donald Trump said on Sunday": when the parser makes the reporting verb a
    conjunct of the reported clause and the name a conjunct of its last noun, the index where the
    name (with its title) begins after a comma; None otherwise."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.head.i > verb.i or any(c.dep_ in ("nsubj", "ccomp") for c in verb.children):
        return None
    j = verb.i - 1
    if j <= verb.sent.start or doc[j].pos_ != "PROPN":
        return None
    while j - 1 > verb.sent.start and doc[j - 1].pos_ in ("PROPN", "NOUN") and doc[j - 1].dep_ == "compound":
        j -= 1
    return j if doc[j - 1].text == "," else None


def complementizer(toks: list[Token]) -> bool:
    """A leading "that" the parser took for a pronoun, followed by the subject of its clause ("said
    that India had fired first" with "that" as object of "fired")."""
    return len(toks) > 1 and toks[0].lower_ == "that" and toks[1].dep_ in ("nsubj", "nsubjpass", "det", "compound") \
        and toks[0].head.i == (toks[1].head.i if toks[1].dep_.startswith("nsubj") else toks[1].head.head.i)


def trim(doc: Doc, toks: list[Token]) -> list[Token]:
    """Drop leading "that"/punctuation and trailing punctuation from a claim's tokens."""
    while toks and (toks[0].is_punct or toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether")
                    or toks[0].is_space or complementizer(toks)):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].lower_ in ("and", "but")):
        toks = toks[:-1]
    return toks


def carrier_clause(t: Token) -> bool:
    """ "as quoted by X in Y", "as reported by Y": the reporting chain, not the claim."""
    return t.dep_ == "advcl" and t.lemma_ in CARRIER_MARKS and any(c.lower_ == "as" for c in t.children)


def subtree(tok: Token, skip: set[int]) -> list[Token]:
    out = []
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in skip or (t is not tok and carrier_clause(t)):
            continue
        out.append(t)
        stack.extend(t.children)
    return sorted(out, key=lambda t: t.i)


def contiguous(toks: list[Token]) -> list[Token]:
    """The longest run of consecutive tokens starting at the first one (claims are contiguous)."""
    if not toks:
        return toks
    run = [toks[0]]
    for t in toks[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    return run


def core(noun: Token) -> list[Token]:
    """A noun phrase without its prepositional phrases other than "of" ("the agreement at the press
    conference" -> "the agreement")."""
    cut = {x.i for c in noun.children if c.dep_ == "prep" and c.lower_ != "of" for x in c.subtree}
    return [t for t in noun.subtree if t.i not in cut]


def statement_clause(verb: Token) -> list[Token]:
    """ "said in a statement that ...": the parser may hang the that-clause on the noun of a phrase
    modifying the verb; it is what was said."""
    out = []
    for mod in verb.children:
        if mod.dep_ not in ("prep", "advmod", "dobj") or mod.i < verb.i:
            continue
        for noun in mod.subtree:
            if noun.dep_ != "pobj" and noun.i != mod.i:
                continue  # "said in a statement that", "told a briefing that": the noun ends the phrase
            for c in noun.children:
                if c.dep_ not in ("acl", "relcl", "ccomp") or c.i < noun.i:
                    continue
                bare = noun.lemma_ in STATEMENT_NOUNS and c.dep_ == "relcl" and not any(
                    x.lower_ in ("that", "which", "who", "whom") for x in c.subtree if x.i < c.i)
                if not any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and not bare and not (
                        noun.lemma_ in AUDIENCE_NOUNS and c.left_edge.lower_ == "that"):
                    continue  # "told a briefing that the armies had pulled back": no relative clause
                # "said in a statement it had ...": a bare clause after the statement is what it said
                # "said in a statement that ...", "said before the talks that the army would ...": a
                # that-clause with a subject of its own is not a relative clause of the noun
                if noun.lemma_ in STATEMENT_NOUNS or any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
                    out.append(c)
    return out


def present_conjunct(verb: Token, toks: list[Token], skip: set[int]) -> list[Token]:
    """ "said India sides with peace and stands by every effort": the parser may hang the second
    predicate on the past-tense reporting verb; a subjectless present-tense conjunct right after the
    claim cannot be the speaker's past act, it goes on with the claim (with its "and")."""
    if not toks or verb.tag_ != "VBD":
        return []
    for c in verb.children:
        if c.dep_ != "conj" or c.i <= toks[-1].i or c.tag_ not in ("VBZ", "VBP") or c.lemma_ in REPORT_VERBS:
            continue
        if any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children):
            continue
        cc = [x for x in verb.children if x.dep_ == "cc" and toks[-1].i < x.i < c.i]
        if cc and cc[0].i == toks[-1].i + 1:
            return [cc[0], *subtree(c, skip)]
    return []


def concession(verb: Token, toks: list[Token], skip: set[int]) -> list[Token]:
    """ "stressed that A was "X," though B "will be Y"": a though-clause the parser hung on the reporting
    verb right after its claim, quoting the speaker again, goes on with the claim."""
    if not toks:
        return []
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "advcl" or c.i <= toks[-1].i or not any(
                m.dep_ == "mark" and m.lower_ in ("though", "although") for m in c.children):
            continue
        sub = subtree(c, skip)
        between = doc[toks[-1].i + 1:sub[0].i] if sub else []
        if sub and all(t.is_punct for t in between) and any(t.text in ('"', "“", "”") for t in sub):
            return [*between, *sub]
    return []


def joined(toks: list[Token]) -> str:
    """The text of sorted tokens, with one space where they are not contiguous."""
    return "".join(t.text_with_ws if j + 1 < len(toks) and toks[j + 1].i == t.i + 1 else t.text + " "
                   for j, t in enumerate(toks)).replace("  ", " ").strip()


def parenthetical(verb: Token) -> list[Token] | None:
    """The clause a reporting verb interrupts between commas ("The talks, she said, will resume in
    May"): the parser hangs the verb on the clause as parataxis; the claim is that clause without the
    aside. None when the verb is not such an aside."""
    head = verb.head
    if verb.dep_ != "parataxis" or not head.left_edge.i < verb.i < head.i or verb.left_edge.i == 0:
        return None
    doc = verb.doc
    if doc[verb.left_edge.i].text != "," and doc[verb.left_edge.i - 1].text != ",":
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    toks = subtree(head, {x.i for x in verb.subtree})
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    return toks or None


def relative_subject(verb: Token, ccomp: Token) -> Token | None:
    """ "which" in "X, which Y says is ...": the relative pronoun before ``verb`` that is the subject of
    its complement (it stands for the noun the relative clause hangs on)."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in ccomp.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
                 and c.lower_ in ("which", "that", "who")), None)


def content(verb: Token) -> tuple[list[Token], str | None]:
    """The tokens of what ``verb`` reports, and a text when it is not one contiguous run.

    verb (Token): a reporting verb.
    RETURNS (tuple): the claim's tokens (unsorted runs are trimmed by the caller) and, when they are
        not one contiguous run, the text to use instead.
    """
    doc = verb.doc
    kids = list(verb.children)
    skip = {verb.i}
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    aux = next((c for c in kids if c.dep_ == "auxpass"), None)
    if passive is None and aux is not None:  # the parser may call it nsubj, even of the auxiliary
        passive = next((c for c in [*kids, *aux.children] if c.dep_ == "nsubj"), None)
    if passive is None and aux is not None and verb.dep_ == "conj" and verb.head.i < verb.i:
        # "The presence of X, the man Y has lined up, was credited by Z as ...": the parser made the
        # relative clause the main verb; the passive verb conjoined to it shares its subject
        passive = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if passive is not None and any(c.dep_ == "agent" for c in kids) and not any(c.dep_ == "ccomp" for c in kids):
        # "X was described by Y as Z" ("were told by Y that ...": the subject heard it, the clause is what was said)
        if passive.lower_ in ("this", "that", "it") and verb.sent.start > 0:
            prev = doc[verb.sent.start - 1].sent
            return [t for t in prev], None
        toks = subtree(passive, skip)
        extra = [c for c in kids if c.dep_ == "prep" and c.lower_ == "as"]
        for c in extra:
            toks += subtree(c, skip)
        text = " ".join(doc[t.left_edge.i:t.right_edge.i + 1].text for t in [passive, *extra])
        return toks, text
    if verb.lemma_ in DOING_VERBS and any(c.dep_ == "prep" and any(
            x.dep_ == "pcomp" and x.tag_ == "VBG" for x in c.children) for c in kids):
        return [], None  # "insisted on driving her there himself": something done, nothing stated
    ccomps = [c for c in kids if c.dep_ == "ccomp"] or statement_clause(verb)
    # a complement after the verb is what it reports; one before it only in "..., X said"
    ccomp = next((c for c in ccomps if c.i > verb.i), None)
    if ccomp is None and ccomps:
        nxt = doc[ccomps[0].right_edge.i + 1] if ccomps[0].right_edge.i + 1 < len(doc) else None
        if nxt is not None and nxt.text in (",", "\"", "”") and not any(
                t.lower_ in ("and", "but", "however") for t in doc[nxt.i:verb.i]):
            ccomp = ccomps[0]
    if ccomp is not None:  # a second reporting verb conjoined inside it reports its own claim
        # so does a participle ("..., stating: '...'") that the parser hangs inside it
        skip |= {x.i for t in ccomp.subtree if (t.dep_ == "conj" or t.dep_ == "advcl" and t.tag_ == "VBG")
                 and t.lemma_ in REPORT_VERBS and any(c.dep_ == "ccomp" for c in t.children) for x in t.subtree}
        skip |= {t.i for t in ccomp.subtree if t.dep_ == "cc" and t.i + 1 in skip}
        # "..., while B said ...": a contrasting report of another speaker the parser hung inside
        skip |= {x.i for t in ccomp.subtree if t.dep_ == "advcl" and t.lemma_ in REPORT_VERBS and any(
            c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children) for x in t.subtree}
        rel = relative_subject(verb, ccomp)
        if rel is not None:  # "the group, which X says is armed by Y": the claim is about the group
            skip.add(rel.i)
            toks = contiguous(subtree(ccomp, skip))
            head = verb.head
            name = [t for t in doc[head.left_edge.i:head.i + 1] if t.dep_ != "det" and not t.is_punct]
            return toks, " ".join([*(t.text for t in name), doc[toks[0].i:toks[-1].i + 1].text]) if toks else None
        toks = contiguous(subtree(ccomp, skip))
        toks = contiguous(toks + present_conjunct(verb, toks, skip) + concession(verb, toks, skip))
        for later in ccomps:  # a clause the parser split in two ("the deal concluded ... | represents ...")
            if toks and later.i > ccomp.i and later.left_edge.i == toks[-1].i + 1:
                toks = contiguous(toks + subtree(later, skip))
        return toks, None
    aside = parenthetical(verb)
    if aside is not None:  # "The loan, the office said, will be repaid": the clause around the aside
        return aside, joined(aside)
    name = trailing_name(verb)
    if name is not None:  # "A will face B, President D said": the clause before the name
        return [t for t in doc[verb.sent.start:name - 1] if not t.is_space], None
    if verb.lemma_ in NAMING_VERBS:  # "called the talks an important step": the object and its predicate
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        pred = next((c for c in kids if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > verb.i), None)
        if obj is not None and pred is not None and obj.lower_ in ("what", "which", "that"):
            return subtree(pred, skip), None  # "what he called a failure to ...": the name is the claim
        if obj is not None and pred is not None:
            return contiguous(subtree(obj, skip) + subtree(pred, skip)), None
    if verb.lemma_ in DESCRIBE_VERBS:
        obj = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None and obj.lower_ in ("that", "which", "who"):
            return [], None  # "talks that both governments described as ...": the object is elsewhere
        if obj is not None:
            # "described X as ... and praised Y": the second reporting verb reports a claim of its own
            own = [c for c in kids if c.dep_ == "conj" and c.lemma_ in REPORT_VERBS]
            own += [c for c in kids if c.dep_ == "cc" and any(o.i == c.i + 1 for o in own)]
            toks = [t for c in kids if c.i > verb.i and c.dep_ in ("dobj", "prep", "advcl", "oprd", "conj", "ccomp", "cc")
                    and c not in own for t in subtree(c, skip)]
            return sorted(toks, key=lambda t: t.i), None
    if verb.lemma_ in INTENT_VERBS:  # "urged them to put the people first": what they were urged to do
        xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > verb.i), None)
        if xcomp is not None:
            return [t for t in subtree(xcomp, skip) if not (t.dep_ == "aux" and t.lower_ == "to")], None
    if verb.lemma_ in REST_VERBS:  # "appealed to the US for missiles to push X to talks": all of it
        rest = [t for c in kids if c.i > verb.i and c.dep_ in ("prep", "advcl", "xcomp", "dobj") for t in subtree(c, skip)]
        if rest:
            return contiguous(sorted(rest, key=lambda t: t.i)), None
    for p in PREP_VERBS.get(verb.lemma_, ()):
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ == p), None)
        if prep is not None:
            return [t for t in subtree(prep, skip) if t.i != prep.i], None
    if verb.lemma_ in OBJECT_VERBS:
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ in ATTITUDE_NOUNS:
            that = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if that is not None:  # "voiced hope that the deal would hold"
                return contiguous(subtree(that, skip)), None
        if obj is not None and len(list(obj.subtree)) == 1 and obj.pos_ == "NOUN":
            return [], None  # "expressed outrage": a bare feeling, not a statement
        if obj is not None and obj.lemma_ in COURTESY_NOUNS | {n.rstrip("s") for n in COURTESY_NOUNS}:
            return [], None  # "expressed gratitude for the trust shown": thanks, not a statement
        if any(c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_ in REPORT_VERBS and c.tag_ == "VBG"
               and any(x.dep_ == "ccomp" for x in c.children) for c in kids):
            return [], None  # "welcomed the progress, writing that ...": the participle carries the claim
        if obj is not None and verb.lemma_ in CONFIRM_VERBS and obj.lemma_.lower() in EVENT_NOUNS:
            return [], None  # "confirmed a deal under which ...": an agreement confirmed, a fact
        if obj is not None and verb.lemma_ in EVENT_VERBS and len(core(obj)) <= SHORT_OBJECT:
            return [], None  # "confirmed the ceasefire", "announced the agreement": an event, not words
        if obj is not None and verb.lemma_ in ACTION_VERBS and not any(
                c.dep_ == "prep" and c.lower_ == "as" for c in kids):
            return [], None  # "welcomed the delegations": a greeting, not a statement ("welcomed it as ..." is)
        if obj is not None:
            toks = subtree(obj, skip)
            if verb.lemma_ in VERB_IN_TEXT:
                prt = [c for c in kids if c.dep_ == "prt"]
                charge = [t for c in kids if c.dep_ == "prep" and c.lower_ in CHARGE_PREPS and c.i > obj.i
                          for t in subtree(c, skip)]
                toks = sorted({t.i: t for t in [verb, *prt, *toks, *charge]}.values(), key=lambda t: t.i)
                return toks, joined(toks)
            return contiguous(toks), None
    return [], None
