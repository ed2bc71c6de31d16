"""Domain gazetteers: countries (aliases, demonyms, capitals), organisations, news outlets, places,
and the verified Wikidata labels. Everything is read from ``data/gazetteer`` and
``data/wikidata/verified_qids.json`` once per process.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from ...resources import resource

DATA = resource("data/gazetteer").parent

# Role words that make up a person's title ("US Secretary of State", "Kremlin spokesman").
TITLE_WORDS = frozenset("""president vice prime minister secretary state foreign defence defense envoy special
spokesman spokeswoman spokesperson chief head leader chancellor king queen prince emir sheikh general commander
ambassador adviser advisor aide official officials representative high senator governor mayor director chairman
chair deputy first negotiator mediator dictator premier sultan crown lieutenant colonel minister's commissioner
foreign affairs national security council son-in-law daughter son wife husband former acting top senior
secretary-general speaker lawmaker diplomat counterpart delegate coordinator administrator""".split())
JOURNALIST_TITLES = frozenset("""correspondent reporter journalist editor columnist writer author anchor
commentator contributor""".split())
CHANNELS = {"x": "X", "twitter": "X", "telegram": "Telegram", "facebook": "Facebook", "instagram": "Instagram",
            "truth social": "Truth Social", "youtube": "YouTube", "social media": "social media",
            "press conference": "press conference", "news conference": "press conference",
            "briefing": "press conference", "interview": "interview", "television": "television",
            "whatsapp": "WhatsApp", "tiktok": "TikTok", "linkedin": "LinkedIn", "bluesky": "Bluesky",
            "threads": "Threads", "weibo": "Weibo", "wechat": "WeChat", "vk": "VK"}


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lower-case, accent-free, punctuation-light key used for every gazetteer lookup (cached: rules
    ask for the same few thousand keys again and again)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("’", "'").replace(".", "")
    text = re.sub(r"[^a-z0-9' -]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass
class Gazetteer:
    """Lookup tables keyed by :func:`norm` of a surface form."""

    countries: dict[str, str] = field(default_factory=dict)  # alias -> country
    demonyms: dict[str, str] = field(default_factory=dict)  # "ukrainian" -> Ukraine
    capitals: dict[str, str] = field(default_factory=dict)  # "kyiv" -> Ukraine
    capital_labels: dict[str, str] = field(default_factory=dict)  # "kiev" -> Kyiv
    orgs: dict[str, str] = field(default_factory=dict)  # alias -> canonical organisation
    outlets: dict[str, str] = field(default_factory=dict)  # alias -> canonical outlet
    places: dict[str, str] = field(default_factory=dict)  # alias -> canonical place
    place_country: dict[str, str] = field(default_factory=dict)  # canonical place -> country
    collectives: dict[str, str] = field(default_factory=dict)  # "european" -> Europe
    qids: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # alias -> (label, qid, kind)
    persons: dict[str, str] = field(default_factory=dict)  # alias -> canonical person (persons.tsv, qids)
    venues: dict[str, str] = field(default_factory=dict)  # "white house" -> Washington (its city)

    def country_of(self, text: str) -> str | None:
        """Country named, or meant by a demonym, in ``text`` ("US", "Ukrainian", "American")."""
        key = norm(text)
        return self.countries.get(key) or self.demonyms.get(key) or self.demonyms.get(key.rstrip("s"))

    def wikidata(self, name: str, kind: str) -> str | None:
        """QID for an exact label/alias match of compatible kind, else None."""
        hit = self.qids.get(norm(name))
        if not hit:
            return None
        label, qid, qkind = hit
        if kind == "Country":
            return qid if qkind == "Country" or qkind == "Place" and norm(label) in self.countries else None
        return qid if qkind == kind else None


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / "gazetteer" / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append((line.split("\t") + ["", "", ""])[:4])
    return out


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the gazetteer files (cached for the process)."""
    g = Gazetteer()
    for name, aliases, demonyms, capitals in _rows("countries.tsv"):
        for a in [name, *_split(aliases)]:
            g.countries[norm(a)] = name
        for d in _split(demonyms):
            g.demonyms[norm(d)] = name
            g.demonyms[norm(d) + "s"] = name
        caps = _split(capitals)
        for c in caps:
            g.capitals[norm(c)] = name
            g.capital_labels[norm(c)] = caps[0]
    for name, aliases, kind, _ in _rows("organizations.tsv"):
        table = g.outlets if kind.strip() == "Outlet" else g.orgs
        for a in [name, *_split(aliases)]:
            table[norm(a)] = name
    for name, aliases, country, _ in _rows("places.tsv"):
        for a in [name, *_split(aliases)]:
            g.places[norm(a)] = name
        if country.strip():
            g.place_country[name] = country.strip()
    for name, aliases, city, _ in _rows("venues.tsv"):
        for a in [name, *_split(aliases)]:
            g.venues[norm(a)] = city.strip()
    for adj, label, _, _ in _rows("regions.tsv"):
        g.collectives[norm(adj)] = label
    for name, aliases, _, _ in _rows("persons.tsv"):  # full names news often shortens
        for a in [name, *_split(aliases)]:
            g.persons.setdefault(norm(a), name)
    for alias, name in verified_country_aliases(g.countries):
        g.countries.setdefault(norm(alias), name)
    path = DATA / "wikidata" / "verified_qids.json"
    if path.exists():
        for e in json.loads(path.read_text(encoding="utf-8")):
            if not e.get("qid"):
                continue
            for a in [e["label"], *e.get("aliases", [])]:
                g.qids.setdefault(norm(a), (e["label"], e["qid"], e["kind"]))
                if e["kind"] == "Person":
                    g.persons.setdefault(norm(a), e["label"])
    return g


def _verified() -> list[dict]:
    path = DATA / "wikidata" / "verified_qids.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def verified_country_aliases(countries: dict[str, str]) -> list[tuple[str, str]]:
    """(alias, country name of countries.tsv) for the verified Wikidata spellings of a state the
    countries table names by another spelling ("Democratic Republic of Congo", "Timor-Leste")."""
    out = []
    for e in _verified():
        if e.get("kind") not in ("Country", "Place"):
            continue
        spellings = [e["label"], *e.get("aliases", [])]
        name = next((countries[norm(a)] for a in spellings if norm(a) in countries), None)
        if name:
            out += [(a, name) for a in spellings if norm(a) not in countries]
    return out


def ruler_patterns() -> list[dict]:
    """Entity-ruler patterns (phrase strings) for the gazetteer; ``id`` says what the match is."""
    pats: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str, ident: str) -> None:
        key = (text, ident)
        if key in seen or not text:
            return
        seen.add(key)
        pats.append({"label": label, "pattern": text, "id": ident})
        if text.lower().startswith("the "):
            add(label, text[4:], ident)

    for row in _rows("countries.tsv"):
        name, aliases, demonyms, capitals = row
        for a in [name, *_split(aliases)]:
            add("GPE", a, f"country:{name}")
        for d in _split(demonyms):
            add("NORP", d, f"demonym:{name}")
            add("NORP", d + "s", f"demonym:{name}")
        for c in _split(capitals):
            add("GPE", c, f"capital:{name}")
    tsv = {norm(a): row[0] for row in _rows("countries.tsv") for a in [row[0], *_split(row[1])]}
    for alias, name in verified_country_aliases(tsv):
        add("GPE", alias, f"country:{name}")
    for name, aliases, kind, _ in _rows("organizations.tsv"):
        prefix = "outlet" if kind.strip() == "Outlet" else "org"
        for a in [name, *_split(aliases)]:
            add("ORG", a, f"{prefix}:{name}")
    for name, aliases, _, _ in _rows("places.tsv"):
        for a in [name, *_split(aliases)]:
            add("LOC", a, f"place:{name}")
    orgs = {norm(a) for name, aliases, _, _ in _rows("organizations.tsv") for a in [name, *_split(aliases)]}
    for name, aliases, _, _ in _rows("venues.tsv"):  # buildings; those that also act are organisations
        for a in [name, *_split(aliases)]:
            if norm(a) not in orgs:
                add("FAC", a, f"venue:{name}")
    for name, spellings in person_names():
        for a in spellings:
            add("PERSON", a, f"person:{name}")
    return pats


def person_names() -> list[tuple[str, list[str]]]:
    """Persons the small NER misses or cuts short, with the spellings the ruler tags as theirs: the
    verified Wikidata persons (label and aliases) and ``persons.tsv``. Aliases with a role word
    ("President Putin") are left to the NER and the title logic."""
    out: list[tuple[str, list[str]]] = []
    for name, aliases, _, _ in _rows("persons.tsv"):
        out.append((name, [name, *_split(aliases)]))
    path = DATA / "wikidata" / "verified_qids.json"
    if path.exists():
        for e in json.loads(path.read_text(encoding="utf-8")):
            if e.get("qid") and e.get("kind") == "Person":
                out.append((e["label"], [e["label"], *e.get("aliases", [])]))
    return [(name, [a for a in spellings if not any(w.lower() in TITLE_WORDS for w in a.split())])
            for name, spellings in out]
