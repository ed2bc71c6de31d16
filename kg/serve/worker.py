"""A query worker: one process holding the store open read-only, answering one request at a time.

The server runs queries here rather than in its own threads because a running Oxigraph query cannot
be interrupted from Python: at the time limit the server kills the worker and starts another, and
the client gets an error instead of a late (or partial) answer.

Protocol over the pipes (``python -m kg.serve.worker STORE``): the worker writes one JSON line
``{"ready": true}`` (or ``{"ready": false, "error": ...}``); then, for each JSON request line on
stdin, one JSON header line and ``header["length"]`` bytes of body on stdout.
"""
from __future__ import annotations

import json
import sys
import traceback

from ..errors import BadParameter, ParleyError, QueryFailed, ReadOnly, ResultLimitExceeded, UnknownQuery
from ..query import execute, get_query
from ..query.run import formats_for
from ..store import GraphStore, open_store
from .page_queries import PAGE_QUERIES

# error class -> HTTP status the server answers with
STATUS = {ReadOnly: 403, ResultLimitExceeded: 422, BadParameter: 400, QueryFailed: 400, UnknownQuery: 404}


def answer(store: GraphStore, request: dict) -> tuple[dict, bytes]:
    """Run one request: ``{"op": "sparql", "text": ...}``, ``{"op": "question", "name": ..., "params": ...}``
    (``"page": true`` for the page's own questions) or ``{"op": "graphs"}``; with ``as_of``,
    ``max_results``, ``format`` (a format name the server negotiated, or None: the form's first) and the
    protocol's dataset lists."""
    op = request["op"]
    if op == "graphs":
        body = json.dumps([str(g) for g in store.all_graphs()]).encode()
        return {"status": 200, "form": None, "count": None}, body
    if op == "sparql":
        text, bindings = request["text"], None
    else:
        q = get_query(request["name"], PAGE_QUERIES) if request.get("page") else get_query(request["name"])
        text, bindings = q.with_values(q.bind(request.get("params") or {})), None
    result = execute(store, text, bindings=bindings, as_of=request.get("as_of"),
                     default_graphs=request.get("default_graphs"), named_graphs=request.get("named_graphs"),
                     max_results=request.get("max_results"))
    fmt = request.get("format") or next(iter(formats_for(result.form)))
    return {"status": 200, "form": result.form, "count": len(result), "format": fmt}, result.serialize(fmt)


def main(path: str) -> None:
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but the protocol on stdout

    def send(header: dict, body: bytes = b"") -> None:
        out.write(json.dumps({**header, "length": len(body)}).encode() + b"\n" + body)
        out.flush()

    try:
        store = open_store(path, read_only=True)  # a folder, or a remote store's URL
    except ParleyError as e:
        send({"ready": False, "error": str(e)})
        return
    send({"ready": True})
    for line in sys.stdin.buffer:
        try:
            store.refresh()  # move to the newest snapshot a running build has published
            header, body = answer(store, json.loads(line))
        except ResultLimitExceeded as e:
            header, body = {"status": 422, "count": e.count, "limit": e.limit}, str(e).encode()
        except ParleyError as e:
            header, body = {"status": STATUS.get(type(e), 400)}, str(e).encode()
        except Exception as e:  # noqa: BLE001 - a bug: report it, keep serving
            traceback.print_exc()
            header, body = {"status": 500}, f"internal error: {e!r}".encode()
        send(header, body)


if __name__ == "__main__":
    main(sys.argv[1])
