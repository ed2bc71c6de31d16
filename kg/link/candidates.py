"""The live path: a polite SPARQLWrapper client for the Wikidata Query Service (or any endpoint
holding Wikidata-shaped RDF) that finds candidate items for a name and describes them.

Names reach the endpoint only as RDF literals serialised by rdflib (``Literal(name, lang="en").n3()``
in a ``VALUES`` block) and QIDs only after matching ``^Q[1-9][0-9]*$``: no text from an article is
ever concatenated raw into a query.

Wikimedia asks clients of the query service to send a descriptive User-Agent with contact details,
to keep to a few requests at a time, and to back off when told to (HTTP 429 / 503 with
Retry-After): https://meta.wikimedia.org/wiki/User-Agent_policy and
https://www.mediawiki.org/wiki/Wikidata_Query_Service/User_Manual#Query_limits
"""
from __future__ import annotations

import json
import math
import os
import threading
import time
import urllib.error
from typing import Callable, Iterable

import SPARQLWrapper as _sw
from rdflib import Literal, URIRef
from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from .. import __version__
from ..errors import Errors, LinkError
from .entity import CLASS_KIND, QID, WD, Entity, Position, kind_of_classes
from .text import clean

WDQS_ENDPOINT = "https://query.wikidata.org/sparql"
CONTACT = os.environ.get("KG_WIKIDATA_CONTACT", "https://w3id.org/parley")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_NAMES = 12  # spellings of one name per query
MAX_CONTEXT = 20  # co-occurring names per query
MAX_CANDIDATES = 50

PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
"""

# What do we know about these items?  One row per fact: ?what is label, alias, description, class
# (a class root reached by P31 and up to two P279 steps), country (P27 citizenship or P17 country)
# or position (P39 with P580 start and P582 end qualifiers). {items} is a group binding ?item.
DESCRIBE = PREFIXES + """SELECT ?item ?what ?value ?valueLabel ?start ?end WHERE {{
  {items}
  {{ ?item rdfs:label ?value FILTER(LANG(?value) = "en") BIND("label" AS ?what) }}
  UNION {{ ?item skos:altLabel ?value FILTER(LANG(?value) = "en") BIND("alias" AS ?what) }}
  UNION {{ ?item schema:description ?value FILTER(LANG(?value) = "en") BIND("description" AS ?what) }}
  UNION {{ VALUES ?value {{ {roots} }} ?item wdt:P31/wdt:P279?/wdt:P279? ?value BIND("class" AS ?what) }}
  UNION {{ ?item wdt:P27|wdt:P17 ?value
           OPTIONAL {{ ?value rdfs:label ?valueLabel FILTER(LANG(?valueLabel) = "en") }}
           BIND("country" AS ?what) }}
  UNION {{ ?item p:P39 ?statement . ?statement ps:P39 ?value .
           OPTIONAL {{ ?value rdfs:label ?valueLabel FILTER(LANG(?valueLabel) = "en") }}
           OPTIONAL {{ ?statement pq:P580 ?start }}
           OPTIONAL {{ ?statement pq:P582 ?end }}
           BIND("position" AS ?what) }}
}}"""

# Which items carry one of these English labels or aliases?  Parameter: ?name, @en literals.
NAMED = """{{ SELECT DISTINCT ?item WHERE {{
    VALUES ?name {{ {names} }}
    {{ ?item rdfs:label ?name }} UNION {{ ?item skos:altLabel ?name }}
    FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q"))
  }} LIMIT {limit} }}"""

# Which of these items is directly linked (either way, by a truthy wdt: property) to an item
# carrying one of these names?  Parameters: ?item (IRIs), ?name (@en literals).
LINKED = PREFIXES + """SELECT DISTINCT ?item ?name WHERE {{
  VALUES ?item {{ {items} }}
  VALUES ?name {{ {names} }}
  ?other rdfs:label|skos:altLabel ?name .
  {{ ?item ?p ?other }} UNION {{ ?other ?p ?item }}
  FILTER(STRSTARTS(STR(?p), "http://www.wikidata.org/prop/direct/"))
}}"""


def literal_values(names: Iterable[str]) -> str:
    """A VALUES body of ``@en`` literals, each serialised by rdflib (quotes and backslashes escaped)."""
    return " ".join(Literal(clean(n), lang="en").n3() for n in dict.fromkeys(names) if clean(n))


def item_values(qids: Iterable[str]) -> str:
    """A VALUES body of item IRIs; anything that is not a QID is refused."""
    out = []
    for q in dict.fromkeys(qids):
        if not QID.match(q):
            raise ValueError(f"not a Wikidata QID: {q!r}")
        out.append(URIRef(WD + q).n3())
    return " ".join(out)


def default_user_agent() -> str:
    """``Parley/<version> (<contact>) SPARQLWrapper/<version>``, the form Wikimedia asks for.
    Set KG_WIKIDATA_CONTACT to an email address or URL where you can be reached."""
    return f"Parley/{__version__} ({CONTACT}) SPARQLWrapper/{_sw.__version__}"


class WikidataClient:
    """SELECT queries against a SPARQL endpoint with timeouts, bounded retries with exponential
    back-off (honouring Retry-After) and a minimum interval between requests.

    endpoint (str): the SPARQL query endpoint (default the Wikidata Query Service).
    user_agent (str | None): sent with every request; default :func:`default_user_agent`.
    timeout (float): seconds per HTTP request.
    tries (int): attempts per query, the first included.
    backoff (float): seconds before the first retry; doubled for each further retry.
    max_wait (float): cap on any single wait, including a server's Retry-After.
    min_interval (float): seconds between the starts of two requests (rate limit).
    sleep, clock: injectable for tests.
    """

    def __init__(self, endpoint: str = WDQS_ENDPOINT, *, user_agent: str | None = None, timeout: float = 20.0,
                 tries: int = 4, backoff: float = 1.0, max_wait: float = 60.0, min_interval: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise LinkError(Errors.E603.format(endpoint=endpoint))
        self.endpoint = endpoint
        self.user_agent = user_agent or default_user_agent()
        self.timeout, self.tries, self.backoff, self.max_wait = timeout, max(1, tries), backoff, max_wait
        self.min_interval = min_interval
        self._sleep, self._clock = sleep, clock
        self._last: float | None = None
        self._lock = threading.Lock()
        self.requests = 0  # HTTP requests sent (tests and reports read it)

    # transport

    def select(self, query: str) -> list[dict[str, str]]:
        """Run a SELECT query; rows map variable names to the lexical values bound.

        RAISES (LinkError): E601 when the endpoint keeps failing or refuses the query.
        """
        reason = ""
        for attempt in range(1, self.tries + 1):
            self._wait_turn()
            try:
                return self._once(query)
            except urllib.error.HTTPError as e:
                reason = f"HTTP {e.code} {e.reason}"
                if e.code not in RETRY_STATUS:
                    raise LinkError(Errors.E601.format(endpoint=self.endpoint, tries=attempt, reason=reason)) from e
                wait = _retry_after(e) or self.backoff * 2 ** (attempt - 1)
            except EndPointInternalError:  # HTTP 500: also how WDQS reports a query timeout
                reason, wait = "HTTP 500 internal error", self.backoff * 2 ** (attempt - 1)
            except SPARQLWrapperException as e:  # 400, 401, 404, 414: retrying cannot help
                raise LinkError(Errors.E601.format(endpoint=self.endpoint, tries=attempt, reason=e)) from e
            except (OSError, json.JSONDecodeError) as e:  # refused, reset, timed out, truncated
                reason, wait = f"{type(e).__name__}: {e}", self.backoff * 2 ** (attempt - 1)
            if attempt < self.tries:
                self._sleep(min(wait, self.max_wait))
        raise LinkError(Errors.E601.format(endpoint=self.endpoint, tries=self.tries, reason=reason))

    def _once(self, query: str) -> list[dict[str, str]]:
        sparql = SPARQLWrapper(self.endpoint, agent=self.user_agent)
        sparql.setQuery(query)
        sparql.setReturnFormat(JSON)
        sparql.setTimeout(max(1, math.ceil(self.timeout)))
        if len(query) > 1800:  # long queries by POST (form-encoded); short ones by GET, which WDQS caches
            sparql.setMethod(_sw.POST)
        self.requests += 1
        result = sparql.query().convert()
        if not isinstance(result, dict):
            raise json.JSONDecodeError("not SPARQL JSON results", str(result)[:80], 0)
        return [{k: v["value"] for k, v in b.items()} for b in result.get("results", {}).get("bindings", [])]

    def _wait_turn(self) -> None:
        with self._lock:
            now = self._clock()
            if self._last is not None and now - self._last < self.min_interval:
                self._sleep(self.min_interval - (now - self._last))
            self._last = self._clock()

    # queries

    def entities_named(self, names: Iterable[str]) -> list[Entity]:
        """Items whose English label or alias is exactly one of ``names``, described."""
        values = literal_values(list(names)[:MAX_NAMES])
        if not values:
            return []
        group = NAMED.format(names=values, limit=MAX_CANDIDATES)
        return list(self._describe(group).values())

    def describe(self, qids: Iterable[str]) -> dict[str, Entity]:
        """Describe the given items (labels, aliases, description, kind, positions, country)."""
        values = item_values(qids)
        if not values:
            return {}
        return self._describe(f"VALUES ?item {{ {values} }}")

    def linked_names(self, qids: Iterable[str], names: Iterable[str]) -> dict[str, set[str]]:
        """For each item, the co-occurring names whose item it is directly linked to."""
        items, values = item_values(qids), literal_values(list(names)[:MAX_CONTEXT])
        if not items or not values:
            return {}
        out: dict[str, set[str]] = {}
        for row in self.select(LINKED.format(items=items, names=values)):
            out.setdefault(row["item"].rsplit("/", 1)[-1], set()).add(row["name"])
        return out

    def _describe(self, items_group: str) -> dict[str, Entity]:
        roots = " ".join(f"wd:{q}" for q in CLASS_KIND)
        facts: dict[str, dict] = {}
        for row in self.select(DESCRIBE.format(items=items_group, roots=roots)):
            qid = row["item"].rsplit("/", 1)[-1]
            if not QID.match(qid):
                continue
            f = facts.setdefault(qid, {"label": "", "aliases": [], "description": "", "classes": set(),
                                       "country": None, "positions": {}})
            what, value = row.get("what"), row.get("value", "")
            if what == "label":
                f["label"] = value
            elif what == "alias":
                f["aliases"].append(value)
            elif what == "description":
                f["description"] = value
            elif what == "class":
                f["classes"].add(value.rsplit("/", 1)[-1])
            elif what == "country":
                f["country"] = f["country"] or row.get("valueLabel")
            elif what == "position":
                pq = value.rsplit("/", 1)[-1]
                pos = Position(row.get("valueLabel") or pq, pq if QID.match(pq) else None,
                               _day(row.get("start")), _day(row.get("end")))
                f["positions"][pos] = None
        return {q: Entity(qid=q, label=f["label"] or q, kind=kind_of_classes(f["classes"]),
                          wd_aliases=tuple(sorted(set(f["aliases"]))), description=f["description"],
                          classes=tuple(sorted(f["classes"])), positions=tuple(f["positions"]),
                          country=f["country"])
                for q, f in facts.items()}


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _retry_after(error: urllib.error.HTTPError) -> float | None:
    value = error.headers.get("Retry-After") if error.headers else None
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:  # an HTTP date: fall back to our own back-off
        return None
