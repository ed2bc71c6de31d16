"""The Python API for notebooks and scripts; ``kg query``, ``kg sparql`` and ``kg serve`` call the same functions.

    >>> from kg import api
    >>> store = api.open_store("data/store")                      # read-only
    >>> result = api.run_question(store, "attendees-at-place", place="Moscow")
    >>> [(r["attendeeLabel"], r["status"]) for r in result.rows]  # rdflib terms
    >>> api.run_sparql(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    >>> api.run_question(store, "attendees-at-place", place="Moscow", as_of="2025-12-01")  # known by then
    >>> ds = api.article_dataset(store, "kremlin-witkoff-kushner-2025-12-02")  # rdflib Dataset, one graph
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from rdflib import Dataset, URIRef

from .errors import Errors, StoreError, UnknownQuery
from .graph.namespaces import bind_prefixes
from .query import Result, StoredQuery, execute, get_query, stored_queries
from .store import GraphStore

__all__ = ["Result", "article_dataset", "articles", "open_store", "questions", "run_question", "run_sparql"]

_ARTICLES = """
SELECT ?graph ?article ?doc ?published ?publisher ?title WHERE {
  GRAPH ?graph {
    ?graph prov:wasDerivedFrom ?article .
    ?article kg:fileName ?doc .
    OPTIONAL { ?article schema:datePublished ?published }
    OPTIONAL { ?article schema:publisher ?publisher }
    OPTIONAL { ?article schema:headline ?title }
  }
} ORDER BY ?published ?doc"""


def open_store(path: str | Path = "data/store", *, read_only: bool = True) -> GraphStore:
    """Open the on-disk store built by ``kg build``.

    path (str | Path): the store folder.
    read_only (bool): open without taking the writer's lock (the default; queries never write).
    Raises StoreError (E702) when there is no store there.
    """
    if not Path(path).is_dir():
        raise StoreError(Errors.E702.format(path=path))
    return GraphStore(path, read_only=read_only)


def questions() -> dict[str, StoredQuery]:
    """The stored questions (``queries/*.rq``) by name, with their parameters (``q.params``: name -> kind)."""
    return stored_queries()


def run_question(store: GraphStore, name: str, *, as_of: str | date | None = None,
                 max_results: int | None = None, **params: str) -> Result:
    """Run a stored question with its parameters as keywords; parameters are bound as RDF terms.

    name (str): a stored question (``kg queries``) or a path to an ``.rq`` file.
    as_of (str | date): only what articles published by that day reported.
    max_results (int): refuse a larger result (ResultLimitExceeded) instead of returning it.
    params: the question's parameters (``place="Moscow"``); unknown names raise BadParameter.
    Returns a Result: ``.rows`` (dicts of rdflib terms), ``.variables``, ``.serialize("csv")``.
    """
    q = get_query(name)
    return execute(store, q.text, bindings=q.bind({k: str(v) for k, v in params.items()}), as_of=as_of,
                   max_results=max_results)


def run_sparql(store: GraphStore, text: str, *, as_of: str | date | None = None,
               max_results: int | None = None) -> Result:
    """Run your own read-only SPARQL (SELECT, ASK, CONSTRUCT, DESCRIBE); the project prefixes are declared.

    Returns a Result: ``.rows`` for SELECT, ``.boolean`` for ASK, ``.graph()`` for CONSTRUCT/DESCRIBE.
    Raises ReadOnly for an update or SERVICE, QueryFailed for invalid SPARQL.
    """
    return execute(store, text, as_of=as_of, max_results=max_results)


def articles(store: GraphStore) -> list[dict]:
    """Every article graph: ``graph``, ``article``, ``doc`` (file name), ``published``, ``publisher``, ``title``."""
    return list(store.rows(_ARTICLES))


def article_dataset(store: GraphStore, article: str) -> Dataset:
    """One article's statements as an rdflib Dataset holding that article's named graph.

    article (str): the article's file name without extension (``kg:fileName``), its IRI or its graph IRI.
    Raises UnknownQuery (E514) when no article graph matches.
    """
    for row in articles(store):
        if article in (str(row["doc"]), str(row["article"]), str(row["graph"])):
            graph = URIRef(str(row["graph"]))
            break
    else:
        raise UnknownQuery(Errors.E514.format(article=article))
    ds = Dataset()
    bind_prefixes(ds)
    named = ds.graph(graph)
    for triple in store.graph(graph):
        named.add(triple)
    return ds
