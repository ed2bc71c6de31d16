"""The one place that runs the stages in order: ingest, extract, identity, graph, validate, store.

Every article lands as its own named graph in one transaction. A bad file or an article whose
extraction fails is reported and skipped; the rest of the batch still lands.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Literal

from .errors import Errors, IngestError, Warnings
from .graph import KnownMeeting, facts_graph, resolve_meetings
from .graph.inference import refresh_derived
from .graph.iri import graph_iri
from .ingest import read_folder
from .link import Linker
from .link.facts import link_facts
from .model import Article, ArticleFacts
from .store import GraphStore

log = logging.getLogger(__name__)

STORE_CHUNK = 256  # articles whose graphs are built, validated and stored together

KNOWN_MEETINGS = """
SELECT ?meeting ?placeLabel ?date ?attendeeLabel WHERE {
  ?meeting a kg:Meeting .
  OPTIONAL { ?meeting kg:location/rdfs:label ?placeLabel }
  OPTIONAL { ?meeting kg:date ?date }
  OPTIONAL { ?meeting kg:participant/rdfs:label ?attendeeLabel }
}"""


@dataclass
class ArticleOutcome:
    article: Article
    triples: int = 0
    violations: list = field(default_factory=list)  # kg.validate.store.GraphFinding


@dataclass
class BuildReport:
    landed: list[ArticleOutcome] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(o.triples for o in self.landed)

    store_violations: list = field(default_factory=list)  # kg.validate.store_checks.StoreFinding
    warnings: list[str] = field(default_factory=list)

    @property
    def violations(self) -> list:
        """Per-article shape violations, then the store-wide ones (rules across articles)."""
        return [v for o in self.landed for v in o.violations] + self.store_violations


def known_meetings(store: GraphStore) -> list[KnownMeeting]:
    """Meetings already in the store, so that new articles join them rather than duplicate them."""
    found: dict[str, KnownMeeting] = {}
    for row in store.rows(KNOWN_MEETINGS):
        node = row["meeting"]
        k = found.setdefault(str(node), KnownMeeting(node, None, None))
        if row["placeLabel"] is not None:
            k.place = str(row["placeLabel"])
        if isinstance(row["date"], Literal) and isinstance(row["date"].toPython(), date):
            k.when = row["date"].toPython()
        if row["attendeeLabel"] is not None:
            k.attendees.add(str(row["attendeeLabel"]))
    return list(found.values())


def _extract_all(articles: list[Article], nlp, *, n_process: int, errors: list[Exception],
                 tick: Callable[[int], None]) -> list[ArticleFacts]:
    """Extract facts with one ``nlp.pipe`` over the batch; if an article makes it fail, that
    article and the ones after it are redone one at a time, so one bad article cannot sink the
    others. Undated articles resolve dates against the whole batch's publication dates."""
    from .extract import extract, extract_many

    context = sorted({a.published for a in articles if a.published})
    out: list[ArticleFacts] = []
    try:
        for facts in extract_many(articles, nlp, n_process=n_process, context_dates=context):
            out.append(facts)
            tick(1)
    except Exception:  # noqa: BLE001 - isolate the failing article below
        log.exception("batch extraction failed after %d articles; going on one by one", len(out))
        for article in articles[len(out):]:
            try:
                out.append(extract(article, nlp, context_dates=context))
            except Exception as e:  # noqa: BLE001 - reported per article, batch goes on
                log.exception("extraction failed for %s", article.path)
                errors.append(IngestError(Errors.E201.format(path=article.path, reason=repr(e)), article.path))
            tick(1)
    return out


def build(source: str | Path | Iterable[Article], store: GraphStore, *, nlp=None, validate: bool = True,
          n_process: int = 1, progress: Callable[[int], None] | None = None, linker=None) -> BuildReport:
    """Build (or update) the graph from a folder of articles.

    source (str | Path | Iterable[Article]): a folder of articles, or articles already read.
    store (GraphStore): where each article's named graph lands (replaced if already there).
    nlp: a loaded pipeline from :func:`kg.extract.load_nlp`; loaded here when omitted.
    validate (bool): check each article's graph against the SHACL shapes as it lands.
    n_process (int): spaCy processes.
    progress (callable): called with the number of articles just extracted.
    linker (kg.link.Linker): links actors and places to Wikidata; the offline cache when omitted.
    RETURNS (BuildReport): what landed, what failed and the shape violations found.
    """
    from .extract import EXTRACTOR_VERSION, load_nlp
    from .validate.batch import validate_graphs

    report = BuildReport()
    if isinstance(source, (str, Path)):
        ingested = read_folder(source)
        articles = ingested.articles
        report.errors.extend(ingested.errors)
        report.duplicates.extend(ingested.duplicates)
    else:
        articles = list(source)
    if not articles:
        return report
    nlp = nlp if nlp is not None else load_nlp()
    facts = _extract_all(articles, nlp, n_process=n_process, errors=report.errors,
                         tick=progress or (lambda n: None))
    linker = linker if linker is not None else Linker.load()
    for f in facts:
        link_facts(f, linker)
    meeting_iris = resolve_meetings(facts, known_meetings(store))
    for i in range(0, len(facts), STORE_CHUNK):  # bounded memory: rdflib graphs are large
        graphs, outcomes = [], []
        for f, iris in zip(facts[i:i + STORE_CHUNK], meeting_iris[i:i + STORE_CHUNK]):
            report.warnings += [Warnings.W202.format(path=f.article.path, detail=w) for w in f.warnings]
            try:
                g = facts_graph(f, meeting_iris=iris, version=EXTRACTOR_VERSION)
            except ValueError as e:  # a bug in one article's facts: report it, build the rest
                log.exception("graph failed for %s", f.article.path)
                report.warnings.append(Warnings.W301.format(path=f.article.path, reason=e))
                continue
            graphs.append((graph_iri(f.article), g))
            outcomes.append(ArticleOutcome(f.article, triples=len(g)))
        if validate:  # only what this build adds: each article graph, in memory, on every core
            for outcome, found in zip(outcomes, validate_graphs(graphs)):
                outcome.violations = found
        for graph, g in graphs:
            store.replace_graph(graph, g)
        report.landed += outcomes
    refresh_derived(store)
    if validate:  # what no single article shows: a revision cycle across two articles, ...
        from .validate.store_checks import check_store

        report.store_violations = check_store(store)
    store.flush()
    return report
