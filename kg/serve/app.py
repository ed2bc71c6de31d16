"""The HTTP server: the SPARQL 1.1 Protocol endpoint, the stored questions and the page.

Routes:
  GET/POST /sparql       SPARQL 1.1 Protocol query operation (https://www.w3.org/TR/sparql11-protocol/);
                         GET without a query: the service description. Read-only: updates, LOAD and
                         SERVICE get 403. ``as_of=YYYY-MM-DD`` (our extension) picks the article graphs.
  GET /queries           the stored questions with their parameters (JSON)
  GET /queries/NAME      run one; its parameters from the query string (bound as RDF terms), ``as_of``
  GET /api/NAME          the page's own questions (network, article, actor), same conventions
  GET /                  the page; /static/* its scripts and styles (all shipped in the package)

Limits: at most ``max_results`` results (a larger one gets 422 with the count, never a truncated 200)
and ``timeout`` seconds per request (503 when exceeded; the worker running it is killed). Every
answer carries ``X-Parley-Time-Limit`` and ``X-Parley-Result-Limit``; results ``X-Parley-Result-Count``.
"""
from __future__ import annotations

import json
import mimetypes
import sys
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .. import __version__
from ..errors import Errors, ParleyError, QueryFailed, QueryTimeout, ReadOnly, ServeError, UnknownQuery
from ..query import get_query, query_form, stored_queries
from .description import service_description
from .negotiate import choose, media_type, offered
from .page_queries import PAGE_QUERIES
from .workers import WorkerFailed, WorkerPool

STATIC = Path(__file__).resolve().parent / "static"
LIMIT_HEADERS = ("X-Parley-Result-Count", "X-Parley-Result-Limit", "X-Parley-Time-Limit")
MAX_BODY = 1_000_000  # bytes of a POSTed query
RESERVED = {"as_of"}  # query-string keys of /queries/NAME that are not the question's parameters


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class ParleyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], *, pool: WorkerPool, max_results: int | None,
                 quiet: bool = False) -> None:
        self.pool, self.max_results, self.quiet = pool, max_results, quiet  # before binding: a failed bind closes
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError, TimeoutError)):
            return  # the client went away: nothing to report
        super().handle_error(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: ParleyServer
    server_version = f"Parley/{__version__}"
    protocol_version = "HTTP/1.1"

    # -- plumbing ----------------------------------------------------------------------------------
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def _limits(self) -> dict:
        limit = self.server.max_results
        return {"X-Parley-Time-Limit": f"{self.server.pool.timeout:g}",
                "X-Parley-Result-Limit": "none" if limit is None else str(limit)}

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", ", ".join(LIMIT_HEADERS))
        self.send_header("Vary", "Accept")
        for key, value in {**self._limits(), **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, e: HttpError) -> None:
        self._send(e.status, (e.message + "\n").encode("utf-8"), "text/plain; charset=utf-8", e.headers)

    def _handle(self, method: str) -> None:
        try:
            url = urlsplit(self.path)
            params = parse_qs(url.query, keep_blank_values=True)
            route = url.path.rstrip("/") or "/"
            if route == "/sparql":
                self._sparql(method, params)
            elif method not in ("GET", "HEAD"):
                raise HttpError(405, Errors.E808.format(method=method, path=url.path, allowed="GET"),
                                {"Allow": "GET, HEAD, OPTIONS"})
            elif route == "/queries":
                self._list_questions()
            elif route.startswith("/queries/"):
                self._question(route[len("/queries/"):], params, page=False)
            elif route.startswith("/api/"):
                self._question(route[len("/api/"):], params, page=True)
            else:
                self._static(url.path)
        except HttpError as e:
            self._error(e)
        except ReadOnly as e:
            self._error(HttpError(403, str(e)))
        except QueryTimeout as e:
            self._error(HttpError(503, str(e)))
        except WorkerFailed as e:
            self._error(HttpError(500, str(e)))
        except UnknownQuery as e:
            self._error(HttpError(404, str(e)))
        except ParleyError as e:
            self._error(HttpError(400, str(e)))
        except Exception as e:  # noqa: BLE001 - a bug: answer 500 and log it, keep serving
            traceback.print_exc()
            self._error(HttpError(500, f"internal error: {e!r}. Please report the request."))

    def do_GET(self) -> None:  # noqa: N802 - http.server's names
        self._handle("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802 - CORS preflight
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise HttpError(400, "Content-Length is not a number.") from None
        if length > MAX_BODY:
            # read and drop it, so the client sees the answer rather than a reset connection
            remaining = length if length <= 64 * MAX_BODY else 0
            self.close_connection = remaining == 0  # too big to read: the next bytes are not a request
            while remaining > 0 and (chunk := self.rfile.read(min(remaining, 1 << 16))):
                remaining -= len(chunk)
            raise HttpError(413, f"The request body is {length} bytes; queries up to {MAX_BODY} bytes are accepted.")
        return self.rfile.read(length) if length else b""

    # -- SPARQL Protocol ---------------------------------------------------------------------------
    def _sparql(self, method: str, params: dict[str, list[str]]) -> None:
        text = None
        if method == "POST":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._body()
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
                if "update" in form:
                    _refuse_update(form["update"][0])
                params = {**params, **form}
            elif ctype == "application/sparql-query":
                text = body.decode("utf-8")
            elif ctype == "application/sparql-update":
                _refuse_update(body.decode("utf-8"))
            else:
                raise HttpError(415, Errors.E802.format(ctype=ctype or "(none)"))
        elif method not in ("GET", "HEAD"):
            raise HttpError(405, Errors.E808.format(method=method, path="/sparql", allowed="GET or POST"))
        if text is None:
            queries = params.get("query", [])
            if len(queries) > 1:
                raise HttpError(400, "Give one 'query' parameter, not several.")
            if not queries:
                if method == "POST":
                    raise HttpError(400, Errors.E803)
                return self._description()
            text = queries[0]
        form = query_form(text)
        self._run({"op": "sparql", "text": text, "as_of": _one(params, "as_of"),
                   "default_graphs": params.get("default-graph-uri"),
                   "named_graphs": params.get("named-graph-uri")}, form)

    def _run(self, request: dict, form: str) -> None:
        fmt = choose(self.headers.get("Accept"), form)
        if fmt is None:
            raise HttpError(406, Errors.E804.format(accept=self.headers.get("Accept"), form=form, known=offered(form)))
        header, body = self.server.pool.run({**request, "format": fmt, "max_results": self.server.max_results})
        status = header["status"]
        if status == 200:
            self._send(200, body, media_type(fmt), {"X-Parley-Result-Count": str(header["count"])})
        else:
            extra = {"X-Parley-Result-Count": str(header["count"])} if "count" in header else {}
            raise HttpError(status, body.decode("utf-8"), extra)

    def _description(self) -> None:
        fmt = choose(self.headers.get("Accept"), "CONSTRUCT")
        if fmt is None:
            fmt = "turtle"
        _, body = self.server.pool.run({"op": "graphs"})
        host = self.headers.get("Host") or "{}:{}".format(*self.server.server_address[:2])
        g = service_description(f"http://{host}/sparql", json.loads(body), timeout=self.server.pool.timeout,
                                max_results=self.server.max_results)
        rdflib_format = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}[fmt]
        self._send(200, g.serialize(format=rdflib_format, encoding="utf-8"), media_type(fmt))

    # -- stored questions --------------------------------------------------------------------------
    def _list_questions(self) -> None:
        out = [{"name": q.name, "question": q.question, "text": q.text,
                "params": [{"name": p, "kind": kind, "description": q.descriptions.get(p, "")}
                           for p, kind in q.params.items()]}
               for q in stored_queries().values()]
        self._send(200, json.dumps(out, ensure_ascii=False, indent=1).encode("utf-8"), "application/json")

    def _question(self, name: str, params: dict[str, list[str]], *, page: bool) -> None:
        if "/" in name or not name:
            raise HttpError(404, Errors.E807.format(path=self.path))
        q = get_query(name, PAGE_QUERIES) if page else get_query(name)
        values = {k: v[-1] for k, v in params.items() if k not in RESERVED}
        q.bind(values)  # unknown parameter or bad value: 400 before a worker is asked
        self._run({"op": "question", "name": name, "page": page, "params": values,
                   "as_of": _one(params, "as_of")}, query_form(q.text))

    # -- the page ----------------------------------------------------------------------------------
    def _static(self, path: str) -> None:
        rel = "index.html" if path == "/" else path.removeprefix("/static/")
        target = (STATIC / rel).resolve()
        if (path != "/" and not path.startswith("/static/")) or STATIC not in target.parents or not target.is_file():
            raise HttpError(404, Errors.E807.format(path=path))
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "image/svg+xml"):
            ctype += "; charset=utf-8"
        self._send(200, target.read_bytes(), ctype, {"Cache-Control": "no-cache"})


def _one(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key)
    return values[-1] if values else None


def _refuse_update(text: str) -> None:
    try:
        query_form(text)  # raises ReadOnly naming the operation (INSERT, LOAD ...)
    except QueryFailed:
        pass
    raise ReadOnly(Errors.E506.format(form="an 'update' request"))


def make_server(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 7878, workers: int = 2,
                timeout: float = 10.0, max_results: int | None = 10_000, quiet: bool = False) -> ParleyServer:
    """Start the query workers over the store and bind the HTTP server (call ``serve_forever()`` on it).

    store_path: the store folder (opened read-only by each worker); host, port: where to listen (port 0:
    any free one, see ``server.url``); workers: query processes; timeout: seconds per request;
    max_results: refuse larger results (None: no limit); quiet: no request log on stderr.
    Raises StoreError when the store cannot be opened, ServeError (E801) when the port is taken.
    """
    pool = WorkerPool(store_path, size=workers, timeout=timeout)
    try:
        return ParleyServer((host, port), pool=pool, max_results=max_results, quiet=quiet)
    except OSError as e:
        pool.close()
        raise ServeError(Errors.E801.format(host=host, port=port, reason=e.strerror or e)) from None

