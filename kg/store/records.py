"""One bookkeeping record per article, kept in the store's state graph.

The record says where the article came from (its source: URL or path in the built folder), its
content hash (which decides whether a build re-extracts it), the extractor version, the dates it
was extracted against and the meetings it reports. The extracted facts are kept beside it. With
them a later build can re-decide what depends on the whole set of articles (which reports are
one meeting, which year an undated article's "3 March" is) and rewrite the article graphs that
change, without re-reading the files or running the language model again.

Facts are stored as JSON of the :mod:`kg.model` dataclasses (tagged, so a field added to the
model later decodes with its default; a record that cannot be decoded is re-extracted).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .. import model
from ..model import Article, ArticleFacts, Meeting

CODEC = "kg.facts_json.v1"
MODEL_CLASSES = {name: cls for name, cls in vars(model).items() if dataclasses.is_dataclass(cls)}


_PLAIN = frozenset({str, int, float, bool, type(None)})


def encode(value: Any) -> Any:
    """A model value as JSON-ready data (dates, sets, tuples and dataclasses tagged)."""
    if type(value) in _PLAIN:  # most values: tested first, a build encodes every article's facts
        return value
    if type(value) is list:
        return [encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"$class": type(value).__name__}
        out.update({f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return out
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, (set, frozenset)):
        items = [encode(v) for v in value]
        return {"$set": sorted(items, key=lambda v: json.dumps(v, sort_keys=True))}
    if isinstance(value, tuple):
        return {"$tuple": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"$map": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot keep a {type(value).__name__} in an article record")


def decode(data: Any) -> Any:
    """The inverse of :func:`encode`; only :mod:`kg.model` classes are ever constructed."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "$date" in data:
        return date.fromisoformat(data["$date"])
    if "$set" in data:
        return {decode(v) for v in data["$set"]}
    if "$tuple" in data:
        return tuple(decode(v) for v in data["$tuple"])
    if "$map" in data:
        return {decode(k): decode(v) for k, v in data["$map"]}
    cls = MODEL_CLASSES[data["$class"]]
    known = {f.name for f in dataclasses.fields(cls) if f.init}
    return cls(**{k: decode(v) for k, v in data.items() if k in known})


def dumps(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str) -> Any:
    return decode(json.loads(text))


@dataclass
class ArticleRecord:
    """What the store remembers about one article graph."""

    graph: str  # the article's named graph IRI
    source: str  # URL or path relative to the built folder ("" for articles made in code)
    sha256: str  # of the text; a different hash means the article changed
    path: str  # as read (file, file:line)
    file: str  # the file, relative to root (or as read when there is no root)
    root: str | None  # the absolute folder it was built from, for --prune
    extractor: str  # extractor version that made the facts
    published: date | None
    context: list[date] | None  # dates an undated article's dates were resolved against
    meetings: list[Meeting] = field(default_factory=list)  # as reported: place, date, participants
    meeting_iris: list[str] = field(default_factory=list)  # the IRIs the last identity pass gave them
    persons: dict[str, str] = field(default_factory=dict)  # person label as extracted -> as written

    def to_json(self) -> str:
        return json.dumps({"codec": CODEC, **{f.name: encode(getattr(self, f.name)) for f in dataclasses.fields(self)}},
                          ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "ArticleRecord":
        data = json.loads(text)
        if data.pop("codec", None) != CODEC:
            raise ValueError("record written by another codec")
        return cls(**{k: decode(v) for k, v in data.items()})

    def stub(self) -> ArticleFacts:
        """Just enough of the article's facts for meeting identity: its date and its meetings."""
        article = Article(path=self.path, stem="", text="", sha256=self.sha256, published=self.published,
                          source=self.source)
        return ArticleFacts(article=article, meetings=self.meetings)


def extraction_key(article: Article, extractor: str, context: list[date]) -> str:
    """What an article's extracted facts depend on: its content, the extractor, and (for an
    undated article) the publication dates its dates were resolved against. Kept beside facts
    extracted before their graph was written, so that a rerun after a kill reuses them."""
    dates = ",".join(d.isoformat() for d in context) if article.published is None else ""
    return hashlib.sha256(f"{article.sha256}|{extractor}|{dates}".encode("utf-8")).hexdigest()


def read_records(store) -> dict[str, ArticleRecord]:
    """Every readable record, by graph IRI (an unreadable one is left out: its article is redone)."""
    out = {}
    for graph, text in store.state_values("record"):
        try:
            out[graph] = ArticleRecord.from_json(text)
        except (ValueError, KeyError, TypeError):
            continue
    return out


def read_facts(store, graph: str) -> ArticleFacts | None:
    text = store.get_state(graph, "facts")
    if text is None:
        return None
    try:
        facts = loads(text)
    except (ValueError, KeyError, TypeError):
        return None
    return facts if isinstance(facts, ArticleFacts) else None
