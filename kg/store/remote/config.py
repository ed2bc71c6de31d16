"""Where a remote SPARQL store is, and how to log in: the ``--store`` value and its companions.

``--store`` takes a folder (the embedded store) or a URL:

- ``http://127.0.0.1:7878`` or ``oxigraph+http://...``: an Oxigraph server's base URL; queries go to
  ``/query``, updates to ``/update``, graphs to ``/store`` (SPARQL 1.1 Graph Store Protocol);
- ``virtuoso+http://127.0.0.1:8890``: Virtuoso 7; reads from ``/sparql``, writes to ``/sparql-auth`` and
  ``/sparql-graph-crud-auth`` with HTTP Digest authentication (the only kind Virtuoso offers there).

Each endpoint can be given explicitly instead (``--store-query-url``, ``--store-update-url``,
``--store-gsp-url``) for any other server. Credentials never go in the URL: the user comes from
``--store-user`` or ``KG_STORE_USER``, the password from ``KG_STORE_PASSWORD`` or from a file named by
``--store-password-file`` / ``KG_STORE_PASSWORD_FILE``, so no password has to be typed on a command line.
Every option has its environment variable (``KG_STORE_QUERY_URL`` ...), which is also how ``kg serve``
hands the same store to its query workers.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ...errors import Errors, StoreError

KINDS = ("oxigraph", "virtuoso")
# kind -> (query, update, graph store) paths under the base URL
PATHS = {
    "oxigraph": ("/query", "/update", "/store"),
    "virtuoso": ("/sparql", "/sparql-auth", "/sparql-graph-crud-auth"),
}
DEFAULT_TIMEOUT = 60.0


def is_remote(spec: str | os.PathLike) -> bool:
    """Whether a ``--store`` value names a remote store (a URL) rather than a folder."""
    text = str(spec)
    # any scheme://: a URL (one that is not http(s) is refused by parse_store, not taken for a folder)
    return "://" in text and len(urlsplit(text).scheme) > 1


@dataclass(frozen=True)
class RemoteConfig:
    """One remote store: its kind, its three endpoints and the credentials to write with.

    kind: ``oxigraph`` (a server with a default graph of its own, where Parley keeps the deduplicated
        union of the article graphs) or ``virtuoso`` (whose default graph is already the union of every graph).
    user, password: for HTTP authentication (``auth``: ``digest`` or ``basic``); None for none.
    timeout: seconds to wait for an answer.
    """

    kind: str
    base: str
    query_url: str
    update_url: str
    gsp_url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth: str = "basic"
    timeout: float = DEFAULT_TIMEOUT

    def __str__(self) -> str:
        """The ``--store`` value that names this store again (no credentials)."""
        return self.base if self.kind == "oxigraph" else f"{self.kind}+{self.base}"


def _password(file: str | None) -> str | None:
    if file:
        try:
            return Path(file).read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as e:
            raise StoreError(Errors.E729.format(path=file, reason=getattr(e, "strerror", None) or e)) from None
    return os.environ.get("KG_STORE_PASSWORD") or None


def parse_store(spec: str, *, query_url: str | None = None, update_url: str | None = None,
                gsp_url: str | None = None, user: str | None = None, password_file: str | None = None,
                auth: str | None = None, timeout: float | None = None) -> RemoteConfig:
    """The remote store a ``--store`` URL names (see the module docstring); raises StoreError (E726)
    for a URL that is not one, and refuses credentials written into the URL."""
    parts = urlsplit(spec.strip())
    scheme = parts.scheme.lower()
    kind, _, transport = scheme.rpartition("+")
    kind = kind or "oxigraph"
    if transport not in ("http", "https"):
        raise StoreError(Errors.E726.format(spec=spec, problem=f"the scheme {parts.scheme!r} is not http(s)"))
    if kind not in KINDS:
        raise StoreError(Errors.E726.format(spec=spec, problem=f"unknown server kind {kind!r} (known: "
                                            + ", ".join(KINDS) + ")"))
    if parts.username or parts.password:
        raise StoreError(Errors.E726.format(spec="<the URL>", problem="credentials do not go in the URL; use "
                                            "--store-user (KG_STORE_USER) and KG_STORE_PASSWORD"))
    try:
        port = parts.port
    except ValueError as e:
        raise StoreError(Errors.E726.format(spec=spec, problem=str(e))) from None
    if not parts.hostname:
        raise StoreError(Errors.E726.format(spec=spec, problem="the URL names no host"))
    netloc = parts.hostname if port is None else f"{parts.hostname}:{port}"
    if ":" in parts.hostname:  # an IPv6 address
        netloc = f"[{parts.hostname}]" + ("" if port is None else f":{port}")
    base = urlunsplit((transport, netloc, parts.path.rstrip("/"), "", ""))
    q, u, g = (base + p for p in PATHS[kind])
    env = os.environ.get
    query_url = query_url or env("KG_STORE_QUERY_URL") or None
    update_url = update_url or env("KG_STORE_UPDATE_URL") or None
    gsp_url = gsp_url or env("KG_STORE_GSP_URL") or None
    user = user or os.environ.get("KG_STORE_USER") or None
    auth = (auth or os.environ.get("KG_STORE_AUTH") or ("digest" if kind == "virtuoso" else "basic")).lower()
    if auth not in ("basic", "digest"):
        raise StoreError(Errors.E726.format(spec=spec, problem=f"--store-auth {auth!r} is neither basic nor digest"))
    if timeout is None:
        try:
            timeout = float(os.environ.get("KG_STORE_TIMEOUT") or DEFAULT_TIMEOUT)
        except ValueError:
            raise StoreError(Errors.E726.format(spec=spec, problem="KG_STORE_TIMEOUT is not a number of seconds")) from None
    return RemoteConfig(kind, base, query_url or q, update_url or u, gsp_url or g, user=user,
                        password=_password(password_file or os.environ.get("KG_STORE_PASSWORD_FILE")) if user else None,
                        auth=auth, timeout=timeout)
