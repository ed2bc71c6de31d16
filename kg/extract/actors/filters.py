"""Filters for statistical entities: which ORG spans are really person names, which one-word
PERSON spans are common words, which unknown ORG spans are plausible organisations, and which
name the outlets carrying the article."""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from ..text.gazetteer import CHANNELS, TITLE_WORDS, Gazetteer, norm
from .forums import EVENT_HEADS

ORG_WORDS = frozenset("""council ministry party forces force group bank agency union committee company corporation
inc news times post network organization organisation institute university army movement front association
foundation fund commission court office department service services brigade guard police parliament assembly
league alliance coalition authority administration government media press club centre center navy
tribunal senate congress cabinet secretariat directorate""".split())


def person_like_org(ent: SpacySpan, g: Gazetteer) -> bool:
    """An ORG span that reads as a person's name in a person's slot ("..., Rustem Umerov, who")."""
    words = ent.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if any(w.lower() in ORG_WORDS or w.lower() in TITLE_WORDS or w.lower() in EVENT_HEADS for w in words) \
            or norm(ent.text) in g.orgs:
        return False
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    after = doc[ent.end:ent.end + 2]
    last = words[-1]
    elsewhere = any(t.text == last and not ent.start <= t.i < ent.end for t in doc)
    return (elsewhere or ent.root.dep_ == "appos" or (before is not None and before.lower_ in TITLE_WORDS)
            or (len(after) == 2 and after[0].text == "," and after[1].lower_ == "who"))


def common_word(span: SpacySpan, g: Gazetteer) -> bool:
    """A one-word PERSON that is really a noun modifier ("Peace talks") and no known name."""
    if len(span) > 1 or norm(span.text) in g.persons:
        return False
    t = span.root
    return t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN"


# the head of a building's name: a venue is where something happens, not who acts
VENUE_HEADS = frozenset("""room house museum palace hotel hall resort castle building tower residence villa mansion
pavilion auditorium stadium arena garden gardens lodge estate manor chateau""".split())
MEDIA_WORDS = frozenset("""news network tv television radio times post press journal herald tribune broadcasting
broadcaster channel daily gazette wire newspaper magazine agency""".split())
# photo credits: "Picture: Name/Agency", "(EPA)" closing a caption, "Name / Agency"
CREDIT_LABELS = frozenset("picture photo photograph image illustration credit credits source video".split())
CREDIT_NAMES = frozenset("images photo photos pictures getty afp epa keystone shutterstock anadolu".split())


# scriptures are quoted and sworn on; they never act
HOLY_BOOKS = frozenset(["quran", "koran", "qur'an", "holy quran", "bible", "holy bible", "torah", "talmud",
                        "tanakh", "gospel", "gospels", "psalms", "new testament", "old testament", "hadith",
                        "vedas", "bhagavad gita", "guru granth sahib"])


def venue_like(ent: SpacySpan) -> bool:
    """ "Lancaster House", "the Cabinet Room", "White House Cabinet" (Room): a building or a room."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return ent[-1].lower_ in VENUE_HEADS or (nxt is not None and nxt.lower_ in VENUE_HEADS
                                             and nxt.text[:1].isupper())


def media_name(ent: SpacySpan) -> bool:
    """ "Fox Business Network", "Tehran Times": a name made of media words is an outlet."""
    words = norm(ent.text).split()
    return len(words) >= 2 and words[-1] in MEDIA_WORDS


OUTLET_NOUNS = frozenset("agency newspaper broadcaster daily channel outlet tv television radio weekly tabloid".split())


def named_as_outlet(ent: SpacySpan) -> bool:
    """ "the state news agency SANA", "broadcaster NHK", "the daily Haaretz": named as an outlet."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.lower_ in OUTLET_NOUNS


def _slash_chunk(ent: SpacySpan) -> SpacySpan:
    """The slash-joined words around an entity ("KEYSTONE/EDA/MARTIAL TREZZINI/REUTERS")."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start > 0 and (doc[start - 1].text == "/" or doc[start - 2].text == "/" if start > 1 else False):
        start -= 1
    while end < len(doc) and (doc[end].text == "/" or doc[end - 1].text == "/"):
        end += 1
    return doc[start:end]


def photo_credit(ent: SpacySpan, outlets: dict[str, str] | frozenset = frozenset()) -> bool:
    """A photo credit or caption source, never an actor.

    outlets: norm keys of known outlets and agencies (a credit names one).
    """
    doc = ent.doc
    before = doc[max(ent.start - 3, 0):ent.start]
    if any(t.text == "/" for t in ent) or (ent.start and doc[ent.start - 1].text == "/") \
            or (ent.end < len(doc) and doc[ent.end].text == "/"):
        # "Name/Agency", "AGENCY/NAME/REUTERS"; not "AFC/M23", an alliance named by its members
        return ent.label_ == "PERSON" or any(t.lower_ in CREDIT_NAMES or norm(t.text) in outlets
                                             for t in _slash_chunk(ent))
    if any(t.lower_ in CREDIT_LABELS for t in before) and any(t.text == ":" for t in before):
        return True
    if any(t.lower_ in CREDIT_NAMES for t in ent) and not ent.ent_id_:
        return True
    if ent.start and doc[ent.start - 1].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")":
        after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
        return after is None or after.is_space or "\n" in doc[ent.end].whitespace_
    return False


def editorial_note(ent: SpacySpan) -> bool:
    """ "(... – Ed.)": an editor's note, not a person."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0:
        return False
    nxt = doc[ent.end:ent.end + 2]
    return doc[ent.start - 1].text in ("–", "-", "—") and any(t.text == ")" for t in nxt)


def plural_common(ent: SpacySpan) -> bool:
    """ "Guarantees", "European Countries", "Tomahawks": capitalised plural nouns, no organisation."""
    last = ent[-1]
    return last.tag_ in ("NNS", "NNPS") and last.lower_.endswith("s") and not last.text.isupper() \
        and last.lower_ not in ORG_WORDS and last.lower_.rstrip("s") not in ORG_WORDS


def plausible_org(ent: SpacySpan, g: Gazetteer) -> bool:
    """Filter for statistical ORG entities the gazetteer does not know."""
    key = norm(ent.text)
    words = key.split()
    if not words or len(words) > 7 or key in CHANNELS or key in g.countries or key in g.places:
        return False
    if key in HOLY_BOOKS or key in CREDIT_WORDS or key in ("writing by", "editing by", "reporting by"):
        return False  # "Writing by ...; Editing by ..."
    if venue_like(ent) or plural_common(ent):
        return False
    if len(ent) == 1 and ent.root.dep_ in ("compound", "amod") and ent.root.head.pos_ == "NOUN" \
            and ent.root.head.text.islower() and not ent.text.isupper():
        return False  # "Terrorist attacks", "the Premium package": a modifier, not a name
    if words[-1] in ("administration", "team", "side", "delegation", "government", "media", "agency") \
            or words[-1] in EVENT_HEADS:  # "the SCO Summit": an event, not a body
        return False
    if ent.text[:1].islower() and not ent.text.startswith("the "):
        return False
    if any(t.like_num for t in ent) or key in g.capitals or key in g.demonyms or time_zone(ent):
        return False
    if all(w in TITLE_WORDS for w in words):  # "State" of "Secretary of State"
        return False
    if role_name(key):  # "Director General of Military Operations": a post, not a body
        return False
    if words[-1] in ("of", "the", "for", "and"):  # cut short: "Office of the President of"
        return False
    return not in_title(ent)


ROLE_HEADS = frozenset("""director directors president presidents minister ministers secretary secretaries chief
chiefs commander commanders envoy envoys ambassador ambassadors head heads chairman governor governors""".split())


def role_name(key: str) -> bool:
    """A post named like an institution: its first word is a person's title."""
    words = key.split()
    return bool(words) and words[0] in ROLE_HEADS


def in_title(ent: SpacySpan) -> bool:
    """An organisation word inside a person's title ("Army Secretary", "head of the Office of ...")
    names the post, not an actor."""
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.lower_ in TITLE_WORDS and nxt.lower_ not in ("state", "national", "first"):
        return True
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in TITLE_WORDS


CREDIT_WORDS = frozenset("""reporting editing writing photo photos additional edited written updated contributed
compiled produced translated photographed illustrated curated designed""".split())
TIME_ZONES = frozenset("gmt utc bst cet cest eet eest est edt cst cdt pst pdt ist pkt msk jst".split())


def outlet_keys(doc: Doc, publisher: str | None) -> set[str]:
    """Norm keys of the outlets that carry this article: its publisher, an agency tag after a
    dateline ("MUSCAT, April 12 (Reuters) -") and credit lines ("Reporting by X", "Photo: X")."""
    keys = {norm(publisher)} if publisher else set()
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        before = doc[ent.start - 1] if ent.start else None
        after = doc[ent.end] if ent.end < len(doc) else None
        tagged = before is not None and before.text == "(" and after is not None and after.text == ")" \
            and ent.start >= 2 and doc[ent.start - 2].ent_type_ in ("DATE", "GPE", "LOC")
        credit = any(t.lower_ in CREDIT_WORDS for t in doc[max(ent.start - 3, 0):ent.start]) \
            and any(t.lower_ in ("by", ":") for t in doc[max(ent.start - 2, 0):ent.start])
        if tagged or credit:
            keys.add(norm(ent.text))
    return {k for k in keys if k}


def is_outlet(key: str, keys: set[str]) -> bool:
    """The outlet itself, or its leading word(s) ("Parley" of "Parley Wire")."""
    return key in keys or any(k.startswith(key + " ") for k in keys)


def time_zone(ent: SpacySpan) -> bool:
    """ "11:30 GMT": a time zone after a clock time is no organisation."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return norm(ent.text) in TIME_ZONES and (before is None or before.like_num or ":" in before.text)


def metadata_label(ent: SpacySpan) -> bool:
    """ "Story: 556695", "ID: 2041": a page's field label before a number, not a name."""
    doc = ent.doc
    return len(ent) == 1 and ent.end + 1 < len(doc) and doc[ent.end].text == ":" \
        and doc[ent.end + 1].like_num and not ent.ent_id_


# what a model or make names when it modifies one of these: "Tomahawk missiles", "his Aurus limousine"
PRODUCT_HEADS = frozenset("""missile missiles rocket rockets jet jets fighter fighters aircraft plane planes
helicopter helicopters tank tanks drone drones limousine limo car cars vehicle vehicles truck trucks launcher
launchers howitzer howitzers submarine submarines warship warships rifle rifles phone phones newsletter
newsletters podcast podcasts app apps column blog edition""".split())


def product_words(doc: Doc) -> set[str]:
    """Norm keys of capitalised words that name a product in this article: a modifier of a product
    noun ("Tomahawk cruise missiles"), with its plural ("Tomahawks")."""
    out: set[str] = set()
    for t in doc:
        if t.dep_ in ("compound", "amod", "nmod") and t.text[:1].isupper() and not t.ent_id_ and _product_head(t):
            key = norm(t.text)
            out |= {key, key + "s"}
    return out


def _product_head(tok) -> bool:
    head = tok
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head
    return head is not tok and head.lower_ in PRODUCT_HEADS and head.text.islower()


def product_name(ent: SpacySpan, products: set[str]) -> bool:
    """A model or make ("Tomahawks", "his AURUS limousine", "our Morning Briefing newsletter"): the
    entity modifies a product noun, or a word the article uses so."""
    if ent.ent_id_ or ent.label_ not in ("ORG", "PERSON"):
        return False
    return norm(ent.text) in products or (ent.root.dep_ in ("compound", "amod", "nmod") and _product_head(ent.root))


# a PERSON span ending so is an outlet's name ("Copyright 2025 Daily Herald"); "Post", "Press" are surnames too
PERSON_MEDIA_WORDS = frozenset("""news network tv television radio times journal herald tribune broadcasting
broadcaster channel gazette newspaper magazine agency""".split())


def media_person(ent: SpacySpan) -> bool:
    words = norm(ent.text).split()
    return len(words) >= 2 and words[-1] in PERSON_MEDIA_WORDS


PROMO_VERBS = frozenset("get read download subscribe sign follow click watch join listen install".split())


def promo_line(ent: SpacySpan, outlets: dict[str, str]) -> bool:
    """ "Get Latest News on India News along with Weather Today at the Daily Herald": a sentence that
    tells the reader to get, read or follow an outlet's pages names sections, not actors."""
    sent = ent.sent
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or first.lower_ not in PROMO_VERBS or first.i == ent.start:
        return False
    return any(e.ent_id_.startswith("outlet:") or norm(e.text) in outlets for e in sent.ents if e != ent)


QUOTE_MARKS = frozenset('"“”«»„')


def appeal_line(ent: SpacySpan, outlets: dict[str, str]) -> bool:
    """A line in which the outlet speaks to its reader ("Support our journalism ... The Daily Herald
    has people on the spot ... your contribution keeps us going"): page furniture naming topics,
    not actors. Told by an outlet on the line and by "your" with "our" or "we" outside any quotation."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end - 1].whitespace_:
        end += 1
    line = doc[start:end]
    if any(ch in QUOTE_MARKS for ch in line.text):
        return False
    words = {t.lower_ for t in line}
    if "your" not in words or not words & {"our", "we"}:
        return False
    return any(e.ent_id_.startswith("outlet:") or norm(e.text) in outlets for e in line.ents if e != ent)
