"""Real SPARQL servers for the remote-store tests, started on free loopback ports.

- The Oxigraph server: the ``oxigraph`` executable of the PyPI wheel ``oxigraph`` (a test dependency),
  in memory, without ``--union-default-graph`` (Parley keeps its own deduplicated union in the default
  graph).
- Virtuoso 7: ``virtuoso-t`` from Debian's ``virtuoso-opensource-7-bin`` (installed by
  scripts/virtuoso.sh), with its own ini in a scratch folder, new dba/dav passwords and a user who may
  write over HTTP (Digest auth), as in ../shared/notes/stores/virtuoso-ci.sh.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

VIRTUOSO_MAX_ROWS = 5000  # the test server's ResultSetMaxRows: above every stored answer here, below the store
DBA_PASSWORD = "parley-dba-test"
USER, PASSWORD = "parley", "parley-test-pw"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, log: Path, *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (OSError, urllib.error.HTTPError):
            if proc.poll() is not None:
                raise RuntimeError(f"server exited ({proc.returncode}): {log.read_text(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                proc.kill()
                raise TimeoutError(f"server not ready at {url} after {seconds} s")
            time.sleep(0.05)


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM, then wait (Virtuoso and Oxigraph both stop within ~1.5 s)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def oxigraph_executable() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def start_oxigraph(work: Path) -> tuple[subprocess.Popen, str]:
    """An in-memory Oxigraph server: (process, base URL)."""
    exe = oxigraph_executable()
    if exe is None:
        raise RuntimeError("the oxigraph server is not installed: pip install oxigraph (scripts/setup.sh does)")
    port = free_port()
    log = work / "oxigraph.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([exe, "serve", "--bind", f"127.0.0.1:{port}"], stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    _wait(base + "/query?query=ASK%7B%7D", proc, log, seconds=30)
    return proc, base


VIRTUOSO_INI = """\
[Database]
DatabaseFile    = {work}/virtuoso.db
ErrorLogFile    = {work}/virtuoso.log
LockFile        = {work}/virtuoso.lck
TransactionFile = {work}/virtuoso.trx
xa_persistent_file = {work}/virtuoso.pxa
Striping        = 0
TempStorage     = TempDatabase
[TempDatabase]
DatabaseFile    = {work}/virtuoso-temp.db
TransactionFile = {work}/virtuoso-temp.trx
[Parameters]
ServerPort      = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode        = 2
DirsAllowed     = .
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
MaxQueryMem     = 200M
ThreadsPerQuery = 2
[HTTPServer]
ServerPort      = 127.0.0.1:{http_port}
ServerRoot      = {work}
ServerThreads   = 6
Charset         = UTF-8
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = {max_seconds}
MaxQueryCostEstimationTime = 400
"""


def virtuoso_installed() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


def start_virtuoso(work: Path, *, max_rows: int = 100_000, max_seconds: int = 60) -> tuple[subprocess.Popen, str]:
    """A fresh Virtuoso database in ``work``: (process, base URL). ``USER`` may read and write."""
    if not virtuoso_installed():
        raise RuntimeError("Virtuoso is not installed: run scripts/virtuoso.sh (scripts/test.sh does)")
    work.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = work / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(work=work, sql_port=sql_port, http_port=http_port, max_rows=max_rows,
                                       max_seconds=max_seconds))
    # create the database and replace the default dba/dav passwords; the server exits when done
    changed = subprocess.run(["virtuoso-t", "+configfile", str(ini), "+foreground", "+pwdold", "dba",
                              "+pwddba", DBA_PASSWORD, "+pwddav", DBA_PASSWORD],
                             cwd=work, capture_output=True, text=True, timeout=120)
    if "The DBA password is changed" not in changed.stdout + changed.stderr:
        raise RuntimeError(f"virtuoso: could not set the dba password: {changed.stdout[-1500:]}{changed.stderr[-500:]}")
    log = work / "stdout.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(["virtuoso-t", "+configfile", str(ini), "+foreground"], cwd=work,
                                stdout=out, stderr=out)
    base = f"http://127.0.0.1:{http_port}"
    _wait(base + "/sparql?query=ASK%7B%7D", proc, log, seconds=90)
    # isql-vt exits 0 even when a statement fails: look for '*** Error' in its output
    setup = subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", DBA_PASSWORD, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF"],
        input=(f"DB.DBA.USER_CREATE ('{USER}', '{PASSWORD}');\n"
               f'GRANT SPARQL_SELECT TO "{USER}";\nGRANT SPARQL_UPDATE TO "{USER}";\n'
               # the Graph Store Protocol endpoint checks graph-level permissions too
               f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('{USER}', 3);\n"),
        capture_output=True, text=True, timeout=60, cwd=work)
    if "*** Error" in setup.stdout + setup.stderr:
        stop(proc)
        raise RuntimeError(f"virtuoso: user setup failed: {setup.stdout}{setup.stderr}")
    return proc, base


if __name__ == "__main__":  # start one by hand: python tests/remote/remote_servers.py virtuoso|oxigraph DIR
    kind, folder = sys.argv[1], Path(sys.argv[2]).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    kwargs = {k: int(v) for k, v in (a.split("=") for a in sys.argv[3:])}
    proc, url = start_virtuoso(folder, **kwargs) if kind == "virtuoso" else start_oxigraph(folder)
    print(url, proc.pid, flush=True)
    os.environ.get("KEEP") and proc.wait()
