"""Fixtures of the linking tests: a real Oxigraph SPARQL server on a free loopback port, loaded
with the Wikidata-shaped sample (tests/fixtures/wikidata/sample.ttl), started once per session.

The sample is bulk-loaded into a temporary store before the server starts, because
``oxigraph load`` fails while a server holds the same location.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.link import EntityCache, Linker, WikidataClient

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "wikidata" / "sample.ttl"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"  # the `oxigraph` wheel of the test extras


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, *, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).read()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("oxigraph exited: " + proc.stderr.read().decode()) from None
            if time.monotonic() > deadline:
                raise TimeoutError(f"oxigraph not ready at {url} after {seconds} s") from None
            time.sleep(0.05)


@pytest.fixture(scope="session")
def wikidata_sample_endpoint(tmp_path_factory) -> str:
    """The SPARQL query endpoint (``http://127.0.0.1:PORT/query``) of the loaded sample."""
    assert OXIGRAPH.exists(), f"{OXIGRAPH} missing: install the test extras (pip install -e '.[test]')"
    location = tmp_path_factory.mktemp("wikidata-sample")
    subprocess.run([str(OXIGRAPH), "load", "--location", str(location), "--file", str(SAMPLE)],
                   check=True, capture_output=True, timeout=60)
    port = free_port()
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_ready(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def sample_client(wikidata_sample_endpoint) -> WikidataClient:
    """A client of the sample server; no rate-limit pause (loopback, not Wikimedia's service)."""
    return WikidataClient(wikidata_sample_endpoint, min_interval=0.0, timeout=10, tries=2, backoff=0.01)


@pytest.fixture
def live_linker(sample_client) -> Linker:
    """The verified cache plus the sample server as the live path."""
    return Linker(EntityCache.from_verified(), client=sample_client)


@pytest.fixture(scope="session")
def offline_linker() -> Linker:
    return Linker.load()


RESULT = {"head": {"vars": ["item", "name"]},
          "results": {"bindings": [{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900000001"},
                                    "name": {"type": "literal", "value": "Ukraine", "xml:lang": "en"}}]}}


class FlakyEndpoint:
    """A loopback HTTP server answering the first ``failures`` requests with ``status`` (and an
    optional Retry-After), then a fixed SPARQL JSON result. Records every request's headers."""

    def __init__(self, failures: int, status: int = 503, retry_after: str | None = None) -> None:
        self.failures, self.status, self.retry_after = failures, status, retry_after
        self.headers: list[dict[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                outer.headers.append(dict(self.headers))
                if len(outer.headers) <= outer.failures:
                    self.send_response(outer.status)
                    if outer.retry_after:
                        self.send_header("Retry-After", outer.retry_after)
                    self.end_headers()
                    self.wfile.write(b"busy")
                    return
                body = json.dumps(RESULT).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> "FlakyEndpoint":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def flaky_endpoint():
    """``FlakyEndpoint`` (a context manager) to build loopback servers that fail on purpose."""
    return FlakyEndpoint
