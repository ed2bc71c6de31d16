"""The SPARQL 1.1 Protocol and Graph Store Protocol over HTTP, with every failure a coded error.

Nothing partial gets through. Virtuoso has two ways of answering HTTP 200 with less than the answer:
at ``ResultSetMaxRows`` it cuts a SELECT and says so only in the header ``X-SPARQL-MaxRows`` (a
CONSTRUCT or a Graph Store GET it cuts without a word), and a query that runs out of time comes back
with the rows found so far and ``X-SQL-State: S1TAT``. Both become errors here (E723, E724); a CONSTRUCT
is checked by asking for one row more than it returned (:meth:`SparqlClient.row_limit_below`). Network
errors, timeouts, 401 and 5xx name the URL (never the credentials) and the server's own reason.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from ... import __version__
from ...errors import Errors, QueryFailed, QueryTimeout, StoreError
from .config import RemoteConfig

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
MAX_REASON = 300  # characters of a server's error text quoted in a message


class RemoteResponse:
    """A successful answer: its body and headers."""

    def __init__(self, response: requests.Response) -> None:
        self.body = response.content
        self.headers = response.headers
        self.status = response.status_code


def _reason(response: requests.Response) -> str:
    text = re.sub(r"\s+", " ", response.text or response.reason or "").strip()
    return text[:MAX_REASON] + ("…" if len(text) > MAX_REASON else "") or "no reason given"


class SparqlClient:
    """One keep-alive HTTP session to the query, update and Graph Store endpoints of ``config``."""

    def __init__(self, config: RemoteConfig) -> None:
        self.config = config
        self.session = requests.Session()
        self.session.headers["User-Agent"] = f"Parley/{__version__}"
        self._auth = None
        if config.user:
            cls = HTTPDigestAuth if config.auth == "digest" else HTTPBasicAuth
            self._auth = cls(config.user, config.password or "")
        self.max_rows_seen: int | None = None  # a limit a server has told us (X-SPARQL-MaxRows)
        self.rows_below_limit = 0  # a result this long is known not to reach the server's limit

    def close(self) -> None:
        self.session.close()

    def _send(self, method: str, url: str, *, auth: bool, write: bool = False, **kwargs) -> RemoteResponse:
        grace = self.config.timeout
        kwargs.setdefault("timeout", (min(10.0, self.config.timeout), grace))
        try:
            response = self.session.request(method, url, auth=self._auth if auth else None, **kwargs)
        except requests.Timeout:
            raise QueryTimeout(Errors.E725.format(url=url, seconds=grace)) from None
        except requests.RequestException as e:
            reason = "the host name is not known" if "NameResolution" in str(e) or "not known" in str(e) else \
                "connection refused or host unreachable" if isinstance(e, requests.ConnectionError) else \
                type(e).__name__
            raise StoreError(Errors.E720.format(url=url, reason=reason[:MAX_REASON])) from None
        status = response.status_code
        if status in (401, 407):
            raise StoreError(Errors.E721.format(url=url, status=status))
        if status == 403 or (write and status == 500 and "SECURITY" in response.text):
            raise StoreError(Errors.E728.format(url=url, status=status, reason=_reason(response)))
        if status >= 500:
            if "S1T00" in response.text or "timed out" in response.text.lower():
                raise QueryTimeout(Errors.E724.format(url=url, how=f"HTTP {status}, no rows", state="S1T00"))
            raise StoreError(Errors.E722.format(url=url, status=status, reason=_reason(response)))
        if status >= 400 and not (method in ("GET", "DELETE") and status == 404):
            raise QueryFailed(Errors.E727.format(url=url, status=status, reason=_reason(response)))
        state = response.headers.get("X-SQL-State")
        if state and state.upper() == "S1TAT":
            raise QueryTimeout(Errors.E724.format(url=url, how="partial results", state=state))
        return RemoteResponse(response)

    # -- SPARQL 1.1 Protocol -------------------------------------------------------------------
    def query(self, text: str, *, graph_form: bool = False, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None):
        """Run a query: a SELECT/ASK as pyoxigraph ``QuerySolutions``/``QueryBoolean``, a CONSTRUCT/DESCRIBE
        (``graph_form``) as a list of ``ox.Triple``. Posted as a form, so that long dataset lists fit."""
        data = [("query", text)]
        data += [("default-graph-uri", g) for g in default_graphs or ()]
        data += [("named-graph-uri", g) for g in named_graphs or ()]
        # no `timeout` parameter for Virtuoso: given one longer than its MaxQueryExecutionTime, it stops at
        # its own limit and answers HTTP 200 with the rows found so far and no X-SQL-State (seen: 9 rows of
        # 410); without it, that limit is an HTTP 500 S1T00 ([E724]) and our read deadline is [E725]
        url = self.config.query_url
        # Virtuoso's /sparql is for anonymous readers; any other query endpoint gets the credentials
        anonymous = self.config.kind == "virtuoso" and url.endswith("/sparql")
        response = self._send("POST", url, auth=not anonymous,
                              data=data, headers={"Accept": N_TRIPLES if graph_form else RESULTS_JSON})
        if graph_form:
            try:
                triples = [q.triple for q in ox.parse(response.body, format=ox.RdfFormat.N_TRIPLES)]
            except (SyntaxError, ValueError) as e:
                raise StoreError(Errors.E730.format(url=url, expected="N-Triples", reason=e)) from None
            if self.config.kind == "virtuoso" and triples and self.row_limit_below(len(triples) + 1):
                raise StoreError(Errors.E723.format(url=url, limit=self.max_rows_seen))
            return triples
        try:
            result = ox.parse_query_results(response.body, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as e:
            raise StoreError(Errors.E730.format(url=url, expected="SPARQL JSON", reason=e)) from None
        limit = response.headers.get("X-SPARQL-MaxRows")
        if limit and limit.strip().isdigit():
            self.max_rows_seen = int(limit)
            # the header comes with a cut answer (or one exactly as long as the limit: cannot tell)
            raise StoreError(Errors.E723.format(url=url, limit=int(limit)))
        return result

    def row_limit_below(self, rows: int) -> bool:
        """Whether the server cuts answers shorter than ``rows``: asks for ``rows`` rows of a SELECT
        that has them; Virtuoso says X-SPARQL-MaxRows when it cuts a SELECT, never a CONSTRUCT."""
        if rows <= self.rows_below_limit:
            return False
        if self.max_rows_seen is not None:
            return rows > self.max_rows_seen
        for pattern in ("?s ?p ?o", "?s ?p ?o . ?a ?b ?c"):
            try:
                got = sum(1 for _ in self.query(f"SELECT ?s WHERE {{ {pattern} }} LIMIT {rows}"))
            except StoreError:
                if self.max_rows_seen is not None:
                    return rows > self.max_rows_seen
                raise
            if got >= rows:
                self.rows_below_limit = rows
                return False
        return False  # the whole store has fewer rows than that: nothing could have been cut

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update (one request, posted as a form)."""
        self._send("POST", self.config.update_url, auth=True, write=True, data={"update": text})

    # -- Graph Store Protocol ------------------------------------------------------------------
    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace named graph ``graph`` with the N-Triples ``ntriples`` (the server swaps it whole)."""
        self._send("PUT", self.config.gsp_url, auth=True, write=True, params={"graph": graph}, data=ntriples,
                   headers={"Content-Type": N_TRIPLES})

    def delete_graph(self, graph: str) -> None:
        """Drop named graph ``graph`` (absent already: fine)."""
        self._send("DELETE", self.config.gsp_url, auth=True, write=True, params={"graph": graph})

    def get_graph(self, graph: str) -> list[ox.Triple]:
        """Named graph ``graph`` by a Graph Store GET (only for servers that never cut an answer)."""
        response = self._send("GET", self.config.gsp_url, auth=self._auth is not None, params={"graph": graph},
                              headers={"Accept": N_TRIPLES})
        if response.status == 404:
            return []
        try:
            return [q.triple for q in ox.parse(response.body, format=ox.RdfFormat.N_TRIPLES)]
        except (SyntaxError, ValueError) as e:
            raise StoreError(Errors.E730.format(url=self.config.gsp_url, expected="N-Triples", reason=e)) from None
