"""A real `kg serve` over the sample graph, started once per session, and a headless Chromium for the page.

The sample articles (data/articles, written for this project) are built into an on-disk store in a
temporary folder; the server is the installed `kg` binary in a child process on a free loopback port.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

KG = str(Path(sys.executable).with_name("kg"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "serve"


@pytest.fixture(scope="session")
def kg_bin() -> str:
    """The installed `kg` entry point of this venv."""
    return KG


class Server:
    def __init__(self, store: Path, *args: str) -> None:
        self.log = tempfile.TemporaryFile(mode="w+")  # not a pipe: nobody reads it until the end
        self.proc = subprocess.Popen([KG, "--store", str(store), "serve", "--port", "0", "--quiet", *args],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self.proc.kill()
            raise RuntimeError(f"kg serve did not start: {line!r} {self.stderr()}")
        self.url = line
        self.sparql = line + "sparql"

    def get(self, path: str, accept: str | None = None, method: str = "GET", data: bytes | None = None,
            ctype: str | None = None) -> tuple[int, dict, bytes]:
        """(status, headers, body) of one request; error statuses are returned, not raised."""
        headers = {k: v for k, v in (("Accept", accept), ("Content-Type", ctype)) if v}
        req = urllib.request.Request(self.url + path.lstrip("/"), data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def json(self, path: str) -> dict:
        status, _, body = self.get(path, accept="application/sparql-results+json")
        assert status == 200, body
        return json.loads(body)

    def stderr(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="session")
def server(sample_store_path):
    """`kg serve` with its default limits (10 s, 10,000 results)."""
    s = Server(sample_store_path)
    yield s
    s.stop()
    assert s.proc.returncode == 0, s.stderr()
    assert "Traceback" not in s.stderr(), s.stderr()


@pytest.fixture(scope="session")
def tight_server(sample_store_path):
    """`kg serve` with small limits, to see them reported: 1.5 s per request, 50 results."""
    s = Server(sample_store_path, "--timeout", "1.5", "--max-results", "50", "--workers", "1")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots of the page land here (git-ignored): test-artifacts/serve/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Chromium driven by selenium (Debian's chromium + chromium-driver; scripts/browser.sh)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    assert chromium and driver_path, "Chromium is missing: run scripts/browser.sh (apt-get chromium chromium-driver)"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path, env={**os.environ}), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
