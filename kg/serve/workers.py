"""A pool of query worker processes with a time limit per request.

Each worker (``kg/serve/worker.py``) holds the store open read-only. A request waits at most
``timeout`` seconds for its answer; past that the worker is killed (the only way to stop a running
Oxigraph query) and replaced in the background, and the caller gets QueryTimeout.
"""
from __future__ import annotations

import json
import os
import queue
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

from ..errors import Errors, ParleyError, QueryTimeout, StoreError


class WorkerFailed(ParleyError):
    """A worker died or broke the protocol."""


class Worker:
    def __init__(self, store_path: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.serve.worker", str(store_path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        ready = self._read(deadline=time.monotonic() + 120)[0]
        if not ready.get("ready"):
            self.close()
            raise StoreError(ready.get("error") or "the query worker could not start")

    def _read(self, deadline: float) -> tuple[dict, bytes]:
        out = self.proc.stdout
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([out], [], [], remaining)[0]:
            raise TimeoutError
        line = out.readline()
        if not line:
            raise WorkerFailed(Errors.E805.format(reason=f"worker exited with {self.proc.wait()}"))
        header = json.loads(line)
        body = out.read(header["length"]) if header["length"] else b""
        return header, body

    def ask(self, request: dict, timeout: float) -> tuple[dict, bytes]:
        deadline = time.monotonic() + timeout
        try:
            self.proc.stdin.write(json.dumps(request).encode() + b"\n")
            self.proc.stdin.flush()
        except OSError as e:
            raise WorkerFailed(Errors.E805.format(reason=e)) from None
        return self._read(deadline)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            stream.close()


class WorkerPool:
    """``size`` workers over the store at ``store_path``; ``timeout`` seconds per request."""

    def __init__(self, store_path: str | Path, *, size: int = 2, timeout: float = 10.0) -> None:
        self.store_path, self.timeout = store_path, timeout  # a folder, or a remote store's URL (kept as given)
        self.wait = max(30.0, timeout)  # seconds a request may wait for a free worker
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._add(Worker(self.store_path))

    def _add(self, worker: Worker) -> None:
        with self._lock:
            if self._closed:
                worker.close()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.close()

        def start() -> None:
            try:
                self._add(Worker(self.store_path))
            except ParleyError as e:  # the store went away: later requests will say so
                print(f"kg serve: cannot restart a query worker: {e}", file=sys.stderr)

        threading.Thread(target=start, daemon=True).start()

    def run(self, request: dict) -> tuple[dict, bytes]:
        """Send ``request`` to a free worker; returns its (header, body). Raises QueryTimeout (E509) at the
        time limit (the worker is replaced), WorkerFailed if it died, QueryTimeout (E806) if no worker
        became free within ``wait`` seconds."""
        try:  # waiting for a free worker (one may be restarting) is not the query's time
            worker = self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise QueryTimeout(Errors.E806.format(seconds=self.wait)) from None
        try:
            answer = worker.ask(request, self.timeout)
        except TimeoutError:
            self._replace(worker)
            raise QueryTimeout(Errors.E509.format(seconds=self.timeout)) from None
        except (WorkerFailed, ValueError, KeyError) as e:
            self._replace(worker)
            raise WorkerFailed(str(e) if isinstance(e, WorkerFailed) else Errors.E805.format(reason=e)) from None
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all = list(self._all), set()
        for w in workers:
            w.close()
