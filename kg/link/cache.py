"""The offline cache of the domain's Wikidata items (``data/wikidata/cache.json``).

The cache holds exactly the items of the verified QID list (``data/wikidata/verified_qids.json``,
QIDs checked against public sources): nothing is added from memory or from a live search. Its
fields come from that list (label, curated aliases, kind), with kind Place refined to Country for
the names in ``data/gazetteer/countries.tsv``; ``kg link --refresh`` fills description, classes,
positions held, country and Wikidata's own aliases from the endpoint. Unknown fields stay empty.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator

from rapidfuzz import fuzz

from ..errors import Errors, LinkError
from ..resources import resource
from .entity import QID, Entity, Position
from .text import country_names, norm

DATA = resource("data/wikidata").parent
VERIFIED = DATA / "wikidata" / "verified_qids.json"
DEFAULT_CACHE = DATA / "wikidata" / "cache.json"
CACHE_FORMAT = "kg.wikidata_cache.v1"

CURATED_ALIAS = 1.0  # prior of an exact match on a verified label or alias
WIKIDATA_ALIAS = 0.95  # ... on an alias read from Wikidata
FUZZY = 0.8  # ... times the similarity, for a person's full name spelt slightly differently
FUZZY_MIN = 90  # rapidfuzz ratio of the whole name
SURNAME_MIN = 85  # ... and of the surname


@dataclass(frozen=True)
class CacheHit:
    entity: Entity
    matched: str  # the label or alias that matched
    prior: float  # how much the name alone says (0..1)
    fuzzy: bool = False


class EntityCache:
    """Verified Wikidata items indexed by the :func:`~kg.link.text.norm` key of every spelling."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        self._curated: dict[str, list[str]] = {}
        self._wikidata: dict[str, list[str]] = {}
        for e in entities:
            self.add(e)

    def add(self, entity: Entity) -> None:
        """Add or replace one item and index its spellings."""
        if entity.qid in self.entities:
            self._unindex(entity.qid)
        self.entities[entity.qid] = entity
        for name in (entity.label, *entity.aliases):
            _put(self._curated, norm(name), entity.qid)
        for name in entity.wd_aliases:
            _put(self._wikidata, norm(name), entity.qid)

    def _unindex(self, qid: str) -> None:
        for index in (self._curated, self._wikidata):
            for key in [k for k, v in index.items() if qid in v]:
                index[key].remove(qid)
                if not index[key]:
                    del index[key]

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def get(self, qid: str) -> Entity | None:
        return self.entities.get(qid)

    def lookup(self, name: str) -> list[CacheHit]:
        """Items with a label or alias equal to ``name`` after normalisation (case, accents,
        dots, a leading "the"): "Zelenskiy", "zelensky" and "ZELENSKYY" find the same item."""
        key = norm(name)
        hits = {q: CacheHit(self.entities[q], name, CURATED_ALIAS) for q in self._curated.get(key, [])}
        for q in self._wikidata.get(key, []):
            hits.setdefault(q, CacheHit(self.entities[q], name, WIKIDATA_ALIAS))
        return list(hits.values())

    def fuzzy(self, name: str) -> list[CacheHit]:
        """Persons whose full name is spelt almost like ``name`` ("Volodymyr Zelenskiy").

        Only full names (two words or more) with the same first initial and a near-identical
        surname qualify: a lone surname ("Zelenska") or another first name is never a variant.
        """
        key = norm(name)
        words = key.split()
        if len(words) < 2:
            return []
        best: dict[str, CacheHit] = {}
        for alias, qids in self._curated.items():
            other = alias.split()
            if len(other) < 2 or other[0][0] != words[0][0]:
                continue
            if fuzz.ratio(other[-1], words[-1]) < SURNAME_MIN:
                continue
            score = fuzz.ratio(alias, key)
            if score < FUZZY_MIN:
                continue
            for q in qids:
                e = self.entities[q]
                hit = CacheHit(e, alias, FUZZY * score / 100, fuzzy=True)
                if e.kind == "Person" and (q not in best or best[q].prior < hit.prior):
                    best[q] = hit
        return list(best.values())

    # persistence

    @classmethod
    def from_verified(cls, path: Path = VERIFIED) -> "EntityCache":
        """Build the cache from the verified QID list (label, aliases, kind; nothing else)."""
        try:
            rows = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise LinkError(Errors.E602.format(path=path, reason=e)) from None
        entities = []
        for row in rows:
            qid = row.get("qid")
            if not qid or not QID.match(qid):
                continue
            kind = row.get("kind")
            if kind == "Place" and norm(row["label"]) in country_names():
                kind = "Country"
            entities.append(Entity(qid=qid, label=row["label"], kind=kind,
                                   aliases=tuple(dict.fromkeys(row.get("aliases", []))), verified=True))
        return cls(entities)

    @classmethod
    def load(cls, path: Path = DEFAULT_CACHE) -> "EntityCache":
        """Read a cache file written by :meth:`save`."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("format") != CACHE_FORMAT:
                raise ValueError(f"format is {data.get('format')!r}, expected {CACHE_FORMAT!r}")
            return cls(_entity(row) for row in data["entities"])
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise LinkError(Errors.E602.format(path=path, reason=e)) from None

    def save(self, path: Path = DEFAULT_CACHE) -> None:
        rows = []
        for e in sorted(self.entities.values(), key=lambda e: (e.kind or "", e.label)):
            row = asdict(e)
            row["positions"] = [asdict(p) for p in e.positions]
            rows.append(row)
        data = {"format": CACHE_FORMAT,
                "about": "Wikidata items of the verified QID list (verified_qids.json); kind Place refined to "
                         "Country for the names in data/gazetteer/countries.tsv; fields not known from that "
                         "list are empty until `kg link --refresh` reads them from the endpoint.",
                "entities": rows}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _put(index: dict[str, list[str]], key: str, qid: str) -> None:
    if key and qid not in index.setdefault(key, []):
        index[key].append(qid)


def _entity(row: dict) -> Entity:
    if not QID.match(row["qid"]):
        raise ValueError(f"not a QID: {row['qid']!r}")
    return Entity(qid=row["qid"], label=row["label"], kind=row.get("kind"),
                  aliases=tuple(row.get("aliases", ())), wd_aliases=tuple(row.get("wd_aliases", ())),
                  description=row.get("description") or "", classes=tuple(row.get("classes", ())),
                  positions=tuple(Position(**p) for p in row.get("positions", ())),
                  country=row.get("country"), verified=bool(row.get("verified")), retrieved=row.get("retrieved"))
