"""Person name spans the small statistical NER misses, breaks or runs together.

* A title or an honorific before capitalised words names a person: "Defense Minister Rustem Umerov"
  (the NER finds only "Umerov"), "National Security Advisor (NSA) Ajit Doval", "Queen Mother Sirikit",
  "H E Massad Boulos".
* A run of capitalised words in a person's slot is a person: "Rustem Umerov, the head of the
  delegation, said", "the Secretary of the Council, Rustem Umerov, who", "Hal Brennick said", a
  subject that "he" or "she" takes up ("Ilse Marken spoke first. She said ...").
* A PERSON span that runs several names together is split: "Trump of Anwar" (said Trump of
  Anwar, ...), "Anutin and Hun Manet", a bullet or a line break between two names.
Names the gazetteer ruler found (``ent_id_`` set) are never changed. Title-case lines (headlines)
are left to the NER: there every word is capitalised and a verb would read as a name.
"""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..text.gazetteer import JOURNALIST_TITLES, TITLE_WORDS, Gazetteer, norm
from .filters import ORG_WORDS
from .honorifics import honorific_before, honorific_token

# the last word of a title that directly precedes a name
HEAD_TITLES = frozenset("""president minister secretary adviser advisor envoy ambassador chancellor king queen
prince princess emir sheikh sultan general commander spokesman spokeswoman spokesperson chief director chairman
chairwoman chair governor mayor senator premier representative speaker negotiator colonel mother mr mrs ms dr
sir lord lady pope cardinal ayatollah marshal admiral judge leader commissioner coordinator mediator lieutenant
captain major rep sen gen amir""".split())
PARTICLES = frozenset("bin bint ibn al el von van der den de da du di del la le dos das ul".split())
SPLITTERS = frozenset(["and", "of", "&", ",", "•", "·", "|", ";", "/", "with"])
REPORTING = frozenset("say tell add write announce state warn stress note insist".split())
PERSON_PRONOUNS = frozenset("he she him her his hers".split())
THING_PRONOUNS = frozenset("it its they their them".split())
APPOS_STARTS = frozenset("who the a an his her".split())
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december""".split())
NOT_NAME_ENTS = frozenset("DATE TIME CARDINAL ORDINAL GPE LOC NORP FAC EVENT LAW MONEY PERCENT QUANTITY".split())
MISREAD_NAME_ENTS = frozenset("FAC ORG GPE LOC".split())  # what the NER makes of some names after a title


# titles that are also given names: after another title they are the name ("Foreign Minister Amir Khan
# Muttaqi", "Industry Minister Sultan Al Jaber"), not a second title
GIVEN_TITLES = frozenset("amir sultan".split())


def given_name_title(t: Token) -> bool:
    """A title word that is the given name here: a title stands before it and a name follows it."""
    doc = t.doc
    return t.lower_ in GIVEN_TITLES and t.i > 0 and t.i + 1 < len(doc) and \
        doc[t.i - 1].lower_.rstrip(".") in HEAD_TITLES - GIVEN_TITLES and doc[t.i + 1].text[:1].isupper() \
        and doc[t.i + 1].is_alpha


def _name_token(t: Token) -> bool:
    """A word that can be part of a name: capitalised letters (with a hyphen or apostrophe inside),
    or an initial ("S", "S.")."""
    text = t.text
    low = t.lower_.rstrip(".")
    if given_name_title(t):
        return True
    if not text[:1].isupper() or low in TITLE_WORDS or low in HEAD_TITLES or low in ORG_WORDS \
            or low in JOURNALIST_TITLES or low in CALENDAR or t.ent_type_ in NOT_NAME_ENTS \
            or (t.is_sent_start and t.pos_ != "PROPN") or honorific_token(t):
        return False
    core = text.rstrip(".").replace("-", "").replace("'", "").replace("’", "")
    return core.isalpha() and (len(core) > 1 or text.endswith(".") or t.pos_ == "PROPN")


def _headline(sent: SpacySpan) -> bool:
    """Title case: four words or more, no lower-case word longer than a function word, and
    capitalised words that are neither names nor titles ("Participates", "Meeting")."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < 4 or any(t.text.islower() and len(t) >= 5 for t in words):
        return False
    common = [t for t in words[1:] if t.text[:1].isupper() and not t.ent_type_ and t.lower_ not in TITLE_WORDS]
    return len(common) >= 2


def _name_run(doc: Doc, start: int, limit: int = 5) -> int:
    """End of the name that starts at ``start`` (== start when no name starts there)."""
    end = start
    while end < len(doc) and end - start < limit:
        t = doc[end]
        if t.ent_id_ or t.is_space:
            break
        if _name_token(t):
            end += 1
        elif t.lower_ in PARTICLES and end > start and end + 1 < len(doc) and (
                _name_token(doc[end + 1]) or doc[end + 1].lower_ in PARTICLES or doc[end + 1].text == "-"):
            end += 1
        elif t.text in ("-",) and end > start and end + 1 < len(doc) and _name_token(doc[end + 1]) \
                and not t.whitespace_ and not doc[end - 1].whitespace_:
            end += 1  # "al-Sisi" tokenised as al, -, Sisi
        else:
            break
    while end > start and (doc[end - 1].lower_ in PARTICLES or doc[end - 1].text == "-"):
        end -= 1
    return end


def _after_title(doc: Doc, i: int) -> bool:
    """Token ``i`` directly follows a capitalised head title ("Minister", "Queen Mother"),
    optionally with a parenthesised acronym between ("Advisor (NSA) Ajit Doval")."""
    if honorific_before(doc, i):  # "H E Massad Boulos", "HE Ali Saeed"
        return True
    j = i - 1
    if j >= 2 and doc[j].text == ")" and doc[j - 1].text.isupper() and doc[j - 2].text == "(":
        j -= 3
    return j >= 0 and doc[j].lower_.rstrip(".") in HEAD_TITLES and doc[j].text[:1].isupper() \
        and not doc[j].whitespace_.count("\n")


def _after_lower_title(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a name after a lower-case head title: "national security adviser Ajit
    Doval", which the NER may take for a building or a body."""
    j = i - 1
    return j >= 0 and doc[j].lower_ in HEAD_TITLES and doc[j].text.islower() and not doc[j].whitespace_.count("\n")


def _person_slot(doc: Doc, start: int, end: int) -> bool:
    """A capitalised run stands where a person's name goes: before ", the head of ..." or
    ", who", after "the Secretary of ...,", or as the subject of a reporting verb."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in APPOS_STARTS:
        if doc[end + 1].lower_ == "who":
            return True
        return any(t.lower_ in TITLE_WORDS for t in doc[end + 1:min(end + 6, len(doc))])
    root = doc[start:end].root
    if root.dep_ == "appos" and root.head.i < start and root.head.lower_ in TITLE_WORDS:
        return True
    return root.dep_ == "nsubj" and (root.head.lemma_ in REPORTING or taken_up_as_person(doc[start:end]))


def taken_up_as_person(span: SpacySpan) -> bool:
    """The next pronoun after the span, in its sentence or the next and before any other person, is
    "he" or "she": "Tomasz Wielgosz arrived on Monday. He met ..." (a body is "it" or "they")."""
    doc = span.doc
    end = span.sent.end
    if end < len(doc):
        end = doc[end].sent.end
    for t in doc[span.end:end]:
        if t.ent_type_ == "PERSON" or t.lower_ in THING_PRONOUNS:
            return False
        if t.lower_ in PERSON_PRONOUNS:
            return True
    return False


def _titled_surname(doc: Doc, i: int) -> bool:
    """A lone name followed by its role in apposition: "Baghaei, the foreign ministry spokesman, said"."""
    if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].lower_ not in ("the", "a", "an") \
            or doc[i].pos_ != "PROPN":
        return False
    for t in doc[i + 3:min(i + 9, len(doc))]:
        if t.is_punct or t.lower_ in ("of", "who", "which"):
            return False
        if t.lower_ in HEAD_TITLES and t.text.islower():
            return t.i + 1 < len(doc) and doc[t.i + 1].text in (",", ")")
    return False


def missed_persons(doc: Doc, g: Gazetteer) -> list[SpacySpan]:
    """The doc's entities plus persons the NER missed or cut short (see the module docstring).

    doc (Doc): the parsed article.
    g (Gazetteer): to refuse runs that are known places, countries or organisations.
    RETURNS (list[Span]): entities to assign back to ``doc.ents``.
    """
    ents = list(doc.ents)
    new: list[SpacySpan] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if not t.text[:1].isupper() or t.ent_id_ or (i and _name_token(doc[i - 1]) and not doc[i - 1].ent_id_):
            i += 1  # not a capital, a gazetteer name, or inside a run that started earlier
            continue
        end = _name_run(doc, i)
        if end == i and _after_lower_title(doc, i):  # "adviser Ajit Doval" the NER called a building
            end = next((e.end for e in ents if e.start == i and not e.ent_id_ and e.label_ in MISREAD_NAME_ENTS
                        and 2 <= len(e) <= 3 and all(x.is_alpha and x.text[:1].isupper() for x in e)), i)
        if end == i:
            i += 1
            continue
        for e in (e for e in ents if e.label_ == "PERSON" and not e.ent_id_ and e.start < end and i < e.end):
            i, end = min(i, e.start), max(end, e.end)  # the NER's own name, extended ("Rustem" Umerov)
        span = doc[i:end]
        key = norm(span.text)
        known_thing = key in g.countries or key in g.places or key in g.orgs or key in g.outlets \
            or key in g.demonyms or key in g.capitals
        # a run in a person's slot takes only words the NER left alone or called a person
        unlabelled = all(x.ent_type_ in ("", "PERSON") for x in span)
        if not known_thing and (_after_title(doc, i) or (end - i >= 2 and (
                unlabelled and _person_slot(doc, i, end) or _after_lower_title(doc, i)))
                                or (end - i == 1 and unlabelled and _titled_surname(doc, i))) \
                and not _headline(t.sent):
            new.append(SpacySpan(doc, i, end, label="PERSON"))
        i = end
    if new:
        kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
        ents = sorted(kept + new, key=lambda e: e.start)
    return wrapped_names(doc, trim_headline_names(doc, list_persons(doc, split_person_lists(doc, ents), g)))


def trim_headline_names(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """A title-case headline glues words to a name ("Sharaa Visits"): keep the words the body uses
    in its person names, when it uses some and not all."""
    heads = {id(e): _headline(e.sent) for e in ents if e.label_ == "PERSON" and not e.ent_id_ and len(e) > 1}
    if not any(heads.values()):
        return ents
    body_words = {t.text for e in ents if e.label_ == "PERSON" and not heads.get(id(e)) for t in e}
    out = []
    for e in ents:
        if heads.get(id(e)):
            used = [t.i for t in e if t.text in body_words]
            if used and len(used) < len(e):
                e = SpacySpan(doc, used[0], used[-1] + 1, label="PERSON")
        out.append(e)
    return out


def split_person_lists(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """PERSON spans cut at words and marks no name contains ("Trump of Anwar", "A and B", a line
    break or a bullet between two names); each part that still reads as a name stays a PERSON."""
    out: list[SpacySpan] = []
    for e in ents:
        if e.label_ != "PERSON" or e.ent_id_ or len(e) < 2 or not any(
                t.lower_ in SPLITTERS or t.is_space or "\n" in t.whitespace_ for t in e[:-1]):
            out.append(e)
            continue
        start = e.start
        for t in e:
            cut = t.lower_ in SPLITTERS or t.is_space
            if cut or t.i == e.end - 1 or "\n" in t.whitespace_:
                end = t.i if cut else t.i + 1
                part = doc[start:end]
                if len(part) and all(_name_token(x) or x.lower_ in PARTICLES or x.text == "-" for x in part):
                    out.append(SpacySpan(doc, part.start, part.end, label="PERSON"))
                start = t.i + 1
    return out


def _given_word(t: Token) -> bool:
    """A given name (or an initial) directly before a surname, on the same line."""
    low = t.lower_.rstrip(".")
    if low.endswith("s") and (low[:-1] in TITLE_WORDS or low[:-1] in HEAD_TITLES):
        return False  # "Presidents Putin, Zelenskyy and Trump"
    return t.pos_ == "PROPN" and t.text[:1].isupper() and not t.ent_id_ and t.ent_type_ in ("", "PERSON") \
        and (t.is_alpha or (len(t.text) == 2 and t.text.endswith("."))) and bool(t.whitespace_) \
        and "\n" not in t.whitespace_ and low not in TITLE_WORDS and low not in HEAD_TITLES \
        and low not in ORG_WORDS and low not in CALENDAR and not honorific_token(t)


def _same_given(given: str, first: str) -> bool:
    """ "Vladmir" for "Vladimir", "Yury" for "Yuri", "J" for "Joe": the person's given name, misspelt
    or cut short; "Melania" is not "Donald"."""
    if not given or not first or given[0] != first[0]:
        return False
    return first.startswith(given) or given.startswith(first) or fuzz.ratio(given, first) >= 60


def ruler_given_names(doc: Doc, g: Gazetteer) -> list[SpacySpan]:
    """The doc's entities with the given name before a surname the ruler tagged joined to it.

    The ruler knows verified persons by surname too ("Putin"), so "Vladmir Putin" comes out as the
    NER's "Vladmir" and the ruler's "Putin", and "Melania Trump" as Donald Trump. A given name that is
    the verified person's (misspelt or not) joins their span; another given name makes another person.
    """
    ents = list(doc.ents)
    out: list[SpacySpan] = []
    for e in ents:
        kind, _, name = e.ent_id_.partition(":")
        if kind != "person" or len(e) != 1 or e.start == 0 or _headline(e.sent):
            out.append(e)
            continue
        j = e.start
        while j > e.sent.start and e.start - j < 2 and _given_word(doc[j - 1]):
            j -= 1
        if j == e.start:
            out.append(e)
            continue
        while out and out[-1].end > j:
            if out[-1].label_ != "PERSON" or out[-1].ent_id_:
                break
            out.pop()  # the NER's "Vladmir": part of this name
        if out and out[-1].end > j:
            out.append(e)
            continue
        given = norm(doc[j].text)
        full = norm(doc[j:e.end].text)
        first = norm(name).split()[0] if " " in name else ""
        same = g.persons.get(full) == name or _same_given(given, first)
        if not same:
            for t in doc[j:e.end]:
                t.ent_id_ = ""  # the ruler's id: another person of that surname
        out.append(SpacySpan(doc, j, e.end, label="PERSON", span_id=e.ent_id_ if same else ""))
    return out


def _list_member(doc: Doc, start: int, ents_at: dict[int, SpacySpan], g: Gazetteer) -> int:
    """End of a person's name that starts at ``start`` inside a list of persons (== start: none).
    The NER may have left it out or called it an organisation ("Piet de Vries")."""
    end = _name_run(doc, start, limit=4)
    if end - start < 2 or any(doc[i].ent_id_ for i in range(start, end)):
        return start
    key = norm(doc[start:end].text)
    if key in g.countries or key in g.places or key in g.orgs or key in g.outlets or key in g.capitals:
        return start
    ent = ents_at.get(start)
    if any(doc[i].ent_type_ not in ("", "PERSON", "ORG") for i in range(start, end)):
        return start
    if any(doc[i].ent_type_ == "ORG" for i in range(start, end)) and (
            ent is None or ent.label_ != "ORG" or (ent.start, ent.end) != (start, end)
            or not any(t.lower_ in PARTICLES for t in ent)):
        return start  # an ORG span only when it is exactly a name run with a particle ("de", "bin")
    return end


def list_persons(doc: Doc, ents: list[SpacySpan], g: Gazetteer) -> list[SpacySpan]:
    """Persons listed with a person: "Ana Lopes, Jan Novak and Piet de Vries" where the NER found
    only the first (a verified person, one after a title, or one named again). Each name of a comma / "and" list after or before a PERSON that reads as a name
    (two to four name words, no known place or organisation) is a person too."""
    starts = {e.start: e for e in ents}
    found: list[tuple[int, int]] = []
    words: Counter = Counter()
    for e in [e for e in ents if e.label_ == "PERSON"]:
        if not e.ent_id_ and not _after_title(doc, e.start) and not words:
            words.update(t.text for t in doc)  # once per article, only when needed
        if not (e.ent_id_ or _after_title(doc, e.start) or words[e[-1].text] > 1):
            continue  # the list's own person must be certain: verified, titled, or named again
        i = e.end
        while i + 1 < len(doc) and doc[i].text in (",", "and", "&") and not doc[i].whitespace_.count("\n"):
            j = i + 1 + (doc[i].text == "," and doc[i + 1].lower_ == "and")
            if j in starts and starts[j].label_ == "PERSON":
                i = starts[j].end
                continue
            end = _list_member(doc, j, starts, g) if j < len(doc) else j
            if end == j:
                break
            found.append((j, end))
            i = end
    if not found:
        return ents
    new: list[SpacySpan] = []
    for s, e in sorted(set(found), key=lambda x: (x[0] - x[1], x[0])):  # never two overlapping spans
        if not any(s < n.end and n.start < e for n in new):
            new.append(SpacySpan(doc, s, e, label="PERSON"))
    kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
    return sorted(kept + new, key=lambda e: e.start)


def _prose_line(doc: Doc, i: int) -> bool:
    """The line that ends at token ``i`` is running prose: six words or more, some of them lower-case
    words (a title-case headline or a list of names is not)."""
    n, lower, j = 0, 0, i
    while j >= 0 and not (doc[j].is_space and "\n" in doc[j].text):
        n += doc[j].is_alpha
        lower += doc[j].is_alpha and doc[j].text.islower() and len(doc[j]) >= 3
        j -= 1
    return n >= 6 and lower >= 1


def wrapped_names(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """Names a hard-wrapped line breaks in two: "Foreign Minister Sergei" at the end of a line and
    "Lavrov met ..." at the start of the next. A name run at the end of a long line (six words or
    more, or after a title), a single line break, and a name run that the sentence goes on after are one person when
    the NER or a title marks it as a person or its surname is used again."""
    new: list[SpacySpan] = []
    for sp in doc:
        if not (sp.is_space and sp.text == "\n") or sp.i == 0 or sp.i + 1 >= len(doc):
            continue
        start = sp.i
        while start > 0 and start - sp.i > -3 and _name_token(doc[start - 1]) and not doc[start - 1].ent_id_:
            start -= 1
        end = _name_run(doc, sp.i + 1, limit=3)
        if start == sp.i or end == sp.i + 1 or end >= len(doc) or not (
                _prose_line(doc, sp.i - 1) or _after_title(doc, start)):
            continue  # a headline or a list ends its own line ("Foreign Minister Karl" may be short)
        after = doc[end]
        if after.is_space or not (after.text.islower() or after.text in (",", "’s", "'s")):
            continue  # the next line is a name of its own (a list, a byline), not the sentence going on
        surname = doc[end - 1].text
        if not (any(t.ent_type_ == "PERSON" for t in doc[start:end]) or _after_title(doc, start)
                or sum(t.text == surname for t in doc) > 1):
            continue  # a person: the NER or a title says so, or the surname is used again
        new.append(SpacySpan(doc, start, end, label="PERSON"))
    if not new:
        return ents
    kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
    return sorted(kept + new, key=lambda e: e.start)
