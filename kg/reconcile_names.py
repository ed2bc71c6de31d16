"""One label per person over the final set of articles, in a build (``kg/graph/names.py``).

An article's stored facts keep its person labels as extracted; its record keeps each with the
label its graph was written under, and the index files both (``plabel``). A build decides the
labels again over the final set (the stored labels of the articles that stay, and those just
extracted) before meeting identity, whose IRIs name the participants, and rewrites every stored
article written under another label. The labels are a function of the set alone: any order of
builds and removals gives the graph of one batch build.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .graph.names import SEP, person_labels
from .model import ArticleFacts
from .store.index import StoreIndex


@lru_cache(maxsize=1)
def verified() -> frozenset[str]:
    """The canonical person labels of the gazetteer and the verified Wikidata entries."""
    from .extract.text.gazetteer import load_gazetteer

    return frozenset(load_gazetteer().persons.values())


def extracted_persons(facts: ArticleFacts) -> list[str]:
    """The person labels of one article's facts, as extracted."""
    return sorted({a.name for a in facts.actors if a.kind == "Person"})


def set_labels(index: StoreIndex, leaving: set[str], arriving: Iterable[list[str]]) -> dict[str, str]:
    """Variant -> label over the final set: the stored articles but those ``leaving`` (removed or
    re-extracted), and the person labels of each article ``arriving``."""
    counts: Counter = Counter()
    for g, v in index.pairs("plabel"):
        if g not in leaving:
            counts[v.split(SEP, 1)[0]] += 1
    for names in arriving:
        counts.update(set(names))
    return person_labels(counts, verified())


def written_otherwise(index: StoreIndex, labels: Mapping[str, str], leaving: set[str]) -> list[str]:
    """The stored articles (not ``leaving``) whose graph was written under other person labels."""
    out: set[str] = set()
    for g, v in index.pairs("plabel"):
        raw, label = v.split(SEP, 1)
        if labels.get(raw, raw) != label:
            out.add(g)
    return sorted(g for g in out - leaving if index.get(g) is not None)


def written_labels(facts: ArticleFacts, labels: Mapping[str, str]) -> dict[str, str]:
    """What an article's record keeps: each person label as extracted -> as written."""
    return {raw: labels.get(raw, raw) for raw in extracted_persons(facts)}
