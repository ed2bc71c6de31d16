"""Every user-facing message, with a code.

Modelled on spaCy's ``errors.py``: ``Errors.E101.format(path=...)`` gives the message with its
code prefixed. Ranges: E1xx ingest, E2xx extract, E3xx graph, E4xx validate, E5xx query,
E6xx link, E7xx store, E8xx serve, E9xx CLI. Library code raises the typed exceptions at the bottom;
only the CLI turns them into text and exit codes.
"""
from __future__ import annotations


class _Coded(type):
    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=_Coded):
    # ingest
    E101 = ("{path}: cannot read the file as text ({reason}). Save it as UTF-8 (or UTF-16/32 with a byte "
            "order mark) and build again.")
    E102 = "{path}: the article has no text after removing page furniture. Check that it is a news article."
    E103 = "{path}: invalid JSON ({reason}). Fix the file or move it out of the articles folder."
    E104 = ("{path}: the record has no 'text' field (fields: {fields}). JSON articles need 'text' "
            "(or 'content'/'body'), and may carry url, title, publisher, published, author, language.")
    E105 = ("{path}: metadata field 'published' is {value!r}, not a date. Use YYYY-MM-DD "
            "(or an ISO 8601 timestamp) or leave it out.")
    E106 = "{path}: cannot extract article text from the HTML page. Check that it holds an article."
    E107 = "{path}: no articles found (looked for .txt, .html, .htm, .json, .jsonl). Check the folder."
    E108 = "{path}: its sidecar {sidecar} is not valid JSON ({reason}). Fix the sidecar or remove it."
    E109 = "{path}: no such file or folder. Give the folder (or file) of articles to build."
    E110 = ("{path}: {what} is {size:,} {unit}; the limit is {limit:,} ({name} in kg/ingest/limits.py). "
            "Split it into several articles.")
    E111 = ("{path}: its sidecar {sidecar} must be a JSON object (url, title, publisher, published, author, "
            "language), not {kind}. Fix the sidecar or remove it.")
    E112 = "{path}: cannot read the file ({reason})."
    E113 = "{path}: binary data (a NUL byte at offset {offset:,}), not article text."
    E114 = ("{path}: JSON nested deeper than {limit} levels (MAX_JSON_DEPTH in kg/ingest/limits.py). An article "
            "record is one flat object.")
    E115 = "{path}: {field} is {value}, not an article record (a JSON object with 'text')."
    # extract
    E201 = "{path}: extraction failed ({reason}). The other articles were built; please report this article."
    E202 = ("{path}: the graph of this article cannot be stored ({reason}). The other articles were built; "
            "please report this article.")
    # graph
    E301 = "Cannot mint an IRI for an empty {what} name. This is a bug in the extractor; please report it."
    # validate
    E401 = "The graph does not conform to the shapes: {count} violation(s). Run `kg validate` for the report."
    # query
    E501 = "No stored query named {name!r}. Known queries: {known}."
    E502 = "Query {name!r} has no parameter {param!r}. Its parameters: {known}."
    E503 = "Parameter {param!r} needs a value: use --param {param}=VALUE."
    E504 = "--param expects KEY=VALUE, got {value!r}."
    E505 = "Query {name!r} failed: {reason}"
    E506 = ("This endpoint is read-only: {form} is a SPARQL Update operation, not a query. Ask SELECT, ASK, "
            "CONSTRUCT or DESCRIBE; change the graph with `kg build`.")
    E507 = ("SERVICE (federated query) is disabled: this server does not fetch other endpoints. Query the "
            "other endpoint yourself, or load its data with `kg build`.")
    E508 = ("The query has {count} results, more than the limit of {limit}. Nothing was returned: add LIMIT "
            "and OFFSET to read it in pages, or raise the limit (kg serve --max-results).")
    E509 = ("The query ran longer than the time limit of {seconds:g} s and was stopped; nothing was returned. "
            "Narrow it (bind a parameter, match IRIs or exact labels), or raise the limit (kg serve --timeout).")
    E510 = "as-of date must be YYYY-MM-DD, got {value!r}."
    E511 = "No {fmt!r} output for a {form} query. Choose one of: {known}."
    E512 = "{path}: cannot read the query file ({reason})."
    E513 = "The query is not valid SPARQL: {reason}"
    E514 = "No article graph for {article!r}: give the article's file name (without extension) or its graph IRI."
    E515 = "Not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE found."
    E516 = ("Query {name!r}: parameter {param!r} is of kind {kind} (iri: an absolute IRI; date: YYYY-MM-DD; "
            "integer: digits), got {value!r}.")

    # link
    E601 = "Wikidata endpoint {endpoint} failed after {tries} tries: {reason}. Use the offline cache or retry later."
    E602 = ("{path}: cannot read the Wikidata cache ({reason}). Restore data/wikidata/cache.json from version "
            "control, or rebuild it from the verified list with `kg link --rebuild-cache`.")
    E603 = ("{endpoint} is not an http(s) URL. Pass the SPARQL query endpoint, e.g. "
            "--endpoint https://query.wikidata.org/sparql")
    E604 = "Give a NAME to link, or --refresh / --rebuild-cache to update the cache (not both)."
    # store
    E701 = "Cannot open the store at {path}: {reason}. Is another kg process using it?"
    E702 = "There is no store at {path}. Run `kg --store {path} build ARTICLES_DIR` first."
    E703 = "Cannot read RDF from {path}: {reason}"
    E704 = ("The store at {path} is being written by another kg process ({holder}). Wait for it to finish: "
            "readers (query, export, validate, serve) keep working meanwhile.")
    E705 = ("{path} holds a store in the layout of an earlier Parley (the database is not under {path}/primary). "
            "Delete the folder and build again.")
    E706 = ("No article in the store matches {what!r}. Give a file path as it was built (relative to the "
            "built folder), the article's URL, or its graph IRI.")
    E707 = "The store at {path} is being built for the first time and has nothing to read yet. Try again shortly."
    # remote SPARQL stores (kg/store/remote); URLs are shown without credentials
    E720 = "Cannot reach the SPARQL store at {url}: {reason}. Is the server running, and is the URL right?"
    E721 = ("The SPARQL store at {url} refused the credentials (HTTP {status}). Set the user with --store-user "
            "(or KG_STORE_USER) and the password in KG_STORE_PASSWORD (or a file named by --store-password-file).")
    E722 = "The SPARQL store at {url} failed (HTTP {status}): {reason}"
    E723 = ("The SPARQL store at {url} cut the answer at its limit of {limit} rows (Virtuoso's ResultSetMaxRows): "
            "refused rather than returned incomplete. Raise ResultSetMaxRows ([SPARQL] in virtuoso.ini) or "
            "narrow the query (a parameter, LIMIT).")
    E724 = ("The SPARQL store at {url} stopped the query at its time limit ({how}, X-SQL-State: {state}): "
            "refused. Raise --store-timeout (KG_STORE_TIMEOUT) and MaxQueryExecutionTime "
            "([SPARQL] in virtuoso.ini), or narrow the query.")
    E725 = ("No answer from the SPARQL store at {url} within {seconds:g} s. Raise --store-timeout "
            "(KG_STORE_TIMEOUT) or narrow the query.")
    E726 = ("--store {spec!r} is not a store: {problem}. Give a folder, an Oxigraph server's base URL "
            "(http://127.0.0.1:7878), or virtuoso+http://HOST:PORT.")
    E727 = "The SPARQL store at {url} rejected the request (HTTP {status}): {reason}"
    E728 = ("The SPARQL store at {url} does not let this user write (HTTP {status}): {reason}. Virtuoso writes "
            "through /sparql-auth and /sparql-graph-crud-auth as a user granted SPARQL_UPDATE.")
    E729 = "Cannot read the store password file {path}: {reason}"
    E730 = "The SPARQL store at {url} answered with a body that is not a {expected} result ({reason})."
    # store: kg build --cluster (kg/cluster.py)
    E740 = ("Cannot reach the Dask scheduler at {address}: {reason}. Start one (`dask scheduler`) and its workers "
            "(`dask worker {address}`), check the address, or build on this machine with --cluster local:N.")
    E741 = ("--cluster {address!r} is not a cluster address: give a Dask scheduler address (tcp://host:port) or "
            "local:N for N worker processes on this machine.")
    E742 = ("The Dask workers of {address} cannot load the Parley pipeline: {reason}. Install the same parley-kg "
            "(with its spaCy model) on every worker machine.")
    E743 = ("The Dask scheduler at {address} has no workers (waited {seconds:g} s). Start some: "
            "`dask worker {address}`.")
    E744 = "Lost the Dask cluster at {address} during extraction ({reason}); nothing was written. Build again."
    E745 = ("--cluster needs Dask distributed, which is not installed ({reason}). Install Parley's cluster extra "
            "(pip install -e '.[cluster]') or dask==2026.8.0 and distributed==2026.8.0.")
    # serve
    E801 = "Cannot listen on {host}:{port}: {reason}. Is another server using the port? Try --port."
    E802 = ("Unsupported request content type {ctype!r}: send a GET with ?query=, or a POST with "
            "application/x-www-form-urlencoded (query=...) or application/sparql-query.")
    E803 = "No query given: pass the SPARQL text as the 'query' parameter (GET or form POST) or as the POST body."
    E804 = "None of the accepted types ({accept}) can carry a {form} result. This server offers: {known}."
    E805 = "A query worker failed: {reason}. The server restarted it; please retry, and report the query if it repeats."
    E806 = "The server is busy: no query worker became free within {seconds:g} s. Retry shortly."
    E807 = "No such page or resource: {path}. The endpoint is /sparql, stored questions are under /queries."
    E808 = "Method {method} is not allowed on {path}; use {allowed}."
    # cli
    E901 = "Give the query as an argument or with --file, not both and not neither."



class Warnings(metaclass=_Coded):
    W101 = "{path}: skipped ({reason})."
    W102 = "{path}: no publication date; relative dates resolve against {basis}."
    W103 = "{path}: metadata field {field!r} is {value}, not {expected}; it was ignored."
    W104 = "{path}: {count} unpaired surrogate(s) in {field} replaced by U+FFFD (not valid Unicode)."
    W105 = "{path}: the dateline date {value!r} is not a calendar date; it was ignored."
    W106 = "{path}: no records (the .jsonl file is empty)."
    W107 = "{path}: {count} file(s) that are not articles were not read ({kinds})."
    W108 = "{path}: same text as {other}, already read; skipped."
    W109 = "{path}: decoded as {encoding} ({how})."
    W110 = "{path}: sidecar metadata without an article {article} beside it; ignored."
    W111 = "{path}: a folder named like an article file; its contents were read as a folder."
    W112 = "{path}: {count} control character(s) in {field} replaced by spaces."
    W113 = "{path}: same source {source!r} as {other}; the first read ({kept}) was kept."
    W201 = "{path}: extraction found no actors."
    W202 = "{path}: one extraction step failed and was skipped ({detail}); the article's other facts landed."
    W203 = ("{path}: extraction failed ({reason}); the article landed with its text and metadata only. "
            "Please report this article.")
    W204 = "{path}: a {detail}; the article's English parts landed."
    W301 = ("{path}: the graph of this article's facts could not be built ({reason}); it landed with its "
            "text and metadata only. Please report this article.")
    W601 = "{qid} ({label}): not found at {endpoint}; its cached fields were kept. Check whether the item was merged."
    W602 = ("{qid} ({label}): the endpoint types it as {found}, the cache as {cached}; the cached kind was kept. "
            "Check the item before trusting the link.")


def safe_repr(value, limit: int = 60) -> str:
    """A short, printable repr of a value from untrusted input (a 5,000-digit number, a lone
    surrogate or a megabyte string must not break the message that reports it)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"a {value.bit_length()}-bit integer"
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        return f"a {type(value).__name__}"
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def display_path(path) -> str:
    """A path as text that can be printed and stored: bytes that are not UTF-8 in a file name
    (kept by Python as lone surrogates) become backslash escapes."""
    text = str(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from a file name
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class ParleyError(Exception):
    """Base of the errors a user can act on."""


class IngestError(ParleyError):
    """An article file could not be read. ``reason`` is the problem alone, without the path and
    the advice, for a message that wraps it (a sidecar's)."""

    def __init__(self, message: str, path: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason or message


class UnknownQuery(ParleyError):
    pass


class BadParameter(ParleyError):
    pass


class QueryFailed(ParleyError):
    pass


class StoreError(ParleyError):
    pass


class ReadOnly(ParleyError):
    """An update, LOAD or SERVICE sent to a read-only query interface."""


class ResultLimitExceeded(ParleyError):
    """A result larger than the configured limit: refused whole, never truncated."""

    def __init__(self, message: str, count: int, limit: int) -> None:
        super().__init__(message)
        self.count, self.limit = count, limit


class QueryTimeout(ParleyError):
    """A query stopped at the configured time limit."""


class ServeError(ParleyError):
    """The server could not start."""


class ShapeViolation(ParleyError):
    pass


class LinkError(ParleyError):
    pass
