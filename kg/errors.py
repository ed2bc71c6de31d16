"""Every user-facing message, with a code.

Modelled on spaCy's ``errors.py``: ``Errors.E101.format(path=...)`` gives the message with its
code prefixed. Ranges: E1xx ingest, E2xx extract, E3xx graph, E4xx validate, E5xx query,
E6xx link, E7xx store, E9xx CLI. Library code raises the typed exceptions at the bottom;
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
    E101 = "{path}: cannot read the file as UTF-8 text ({reason}). Save it as UTF-8 and build again."
    E102 = "{path}: the article has no text after removing page furniture. Check that it is a news article."
    E103 = "{path}: invalid JSON ({reason}). Fix the file or move it out of the articles folder."
    E104 = ("{path}: the record has no 'text' field (fields: {fields}). JSON articles need 'text' "
            "(or 'content'/'body'), and may carry url, title, publisher, published, author, language.")
    E105 = ("{path}: metadata field 'published' is {value!r}, not a date. Use YYYY-MM-DD "
            "(or an ISO 8601 timestamp) or leave it out.")
    E106 = "{path}: cannot extract article text from the HTML page. Check that it holds an article."
    E107 = "{path}: no articles found (looked for .txt, .html, .htm, .json, .jsonl). Check the folder."
    E108 = "{path}: sidecar metadata is invalid JSON ({reason}). Fix it or remove it."
    # extract
    E201 = "{path}: extraction failed ({reason}). The other articles were built; please report this article."
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


class Warnings(metaclass=_Coded):
    W101 = "{path}: skipped ({reason})."
    W102 = "{path}: no publication date; relative dates resolve against {basis}."
    W201 = "{path}: extraction found no actors."
    W202 = "{path}: one extraction step failed and was skipped ({detail}); the article's other facts landed."
    W301 = "{path}: the graph of this article could not be built ({reason}); it was skipped."
    W601 = "{qid} ({label}): not found at {endpoint}; its cached fields were kept. Check whether the item was merged."
    W602 = ("{qid} ({label}): the endpoint types it as {found}, the cache as {cached}; the cached kind was kept. "
            "Check the item before trusting the link.")


class ParleyError(Exception):
    """Base of the errors a user can act on."""


class IngestError(ParleyError):
    """An article file could not be read."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class UnknownQuery(ParleyError):
    pass


class BadParameter(ParleyError):
    pass


class QueryFailed(ParleyError):
    pass


class StoreError(ParleyError):
    pass


class ShapeViolation(ParleyError):
    pass


class LinkError(ParleyError):
    pass
