"""``kg build --cluster``: extraction spread over Dask distributed workers, one writer landing.

The language model is the slow stage of a build, and it is the only one that needs no view of
the whole set of articles: each article's facts depend on its own text and on the set's
publication dates. So the calling process ships articles (not the model) to the workers in
batches, each worker loads the spaCy pipeline once (:class:`PipelinePlugin`, at worker start,
with a per-process cache behind it) and runs the same :func:`kg.reconcile.extract_all` a local
build runs, and the facts come back in input order to the one process that holds the store:
meeting identity, graphs, validation and writes stay where they are in a local build. A cluster
build therefore gives the same graph as a local one, N-Quad for N-Quad.

At most a window of batches is in flight or waiting to be read (two per worker thread), so the
caller never holds more than that beyond the facts it has been given. A worker that dies
mid-batch loses nothing: Dask reruns its tasks elsewhere (``distributed.scheduler.allowed-failures``
times), and a batch that still fails is retried one article per task; an article that fails
alone lands with its text and metadata only (W203), as in a local build. An unreachable
scheduler, a cluster without workers or workers that cannot load the pipeline are tool
failures (E740-E745): nothing has been written when they are raised.
"""
from __future__ import annotations

import hashlib
import logging
import os
import signal
from collections import deque
from contextlib import contextmanager
from datetime import date
from typing import Callable, Iterator, Sequence

from .errors import Errors, ParleyError, Warnings
from .model import Article, ArticleFacts

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # kg build without --cluster needs no Dask; --cluster says what to install (E745)
    WorkerPlugin = object  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

BATCH = int(os.environ.get("KG_CLUSTER_BATCH", "16"))  # articles per task (at most)
CONNECT_TIMEOUT = float(os.environ.get("KG_CLUSTER_CONNECT_TIMEOUT", "10"))  # seconds to reach the scheduler
WORKERS_TIMEOUT = float(os.environ.get("KG_CLUSTER_WORKERS_TIMEOUT", "60"))  # seconds to wait for a first worker
LOCAL = "local:"

__all__ = ["ClusterError", "PipelinePlugin", "extract_on_cluster"]


class ClusterError(ParleyError):
    """The cluster cannot run the extraction (a tool failure: exit 2)."""


def extract_on_cluster(articles: Sequence[Article], address: str, *, nlp=None, context: Sequence[date],
                       report, tick: Callable[[int], None]) -> list[ArticleFacts]:
    """Facts for each article, in order, extracted by the workers of a Dask cluster.

    address (str): a scheduler address (``tcp://host:port``, or ``host:port``), or ``local:N``
        for a cluster of N worker processes on this machine, started and stopped here.
    nlp: a callable returning the pipeline (shipped to the workers and called once on each); a
        pipeline already loaded is not shipped: the workers load :func:`kg.extract.load_nlp`.
    context (Sequence[date]): publication dates undated articles resolve against.
    report (BuildReport): gets the W203 warnings of articles that failed extraction.
    tick (callable): called with the number of articles just extracted.
    RAISES (ClusterError): E740-E745, before anything is written.
    """
    return list(stream_on_cluster(articles, address, nlp=nlp, context=context, report=report, tick=tick))


def stream_on_cluster(articles: Sequence[Article], address: str, *, nlp=None, context: Sequence[date],
                      report, tick: Callable[[int], None]) -> Iterator[ArticleFacts]:
    """As :func:`extract_on_cluster`, yielding each article's facts as soon as it and the ones
    before it are back."""
    if not articles:
        return
    factory = nlp if callable(nlp) and not hasattr(nlp, "pipe") else None
    with connect(address) as client:
        name = _ready(client, factory, address)
        yield from _stream(client, list(articles), list(context), factory, name, report, tick, address)


def parse_address(address: str) -> tuple[str, int | None]:
    """("local", N) for ``local:N``, else (scheduler address, None); E741 for anything else."""
    text = address.strip()
    if text.startswith(LOCAL):
        n = text[len(LOCAL):]
        if not n.isdigit() or not 1 <= int(n) <= 512:
            raise ClusterError(Errors.E741.format(address=address))
        return "local", int(n)
    if "://" not in text:
        text = "tcp://" + text
    scheme, _, rest = text.partition("://")
    host, _, port = rest.rpartition(":")
    if scheme not in ("tcp", "tls", "ucx", "inproc") or not host or not port.isdigit():
        raise ClusterError(Errors.E741.format(address=address))
    return text, None


@contextmanager
def _quiet():
    """Dask's INFO lines (each worker registered, each connection) off while we use it; its
    warnings (a worker killed, restarted) stay."""
    logger = logging.getLogger("distributed")
    old = logger.level
    if not os.environ.get("KG_DEBUG") and logger.getEffectiveLevel() < logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(old)


@contextmanager
def connect(address: str):
    """A Dask client of the scheduler at ``address`` (or of a LocalCluster for ``local:N``)."""
    where, n = parse_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise ClusterError(Errors.E745.format(reason=_reason(e))) from e
    with _quiet(), _connected(Client, LocalCluster, where, n) as client:
        yield client


@contextmanager
def _connected(Client, LocalCluster, where: str, n: int | None):
    if n is not None:
        import dask

        # the workers' statistical profiler samples the stack every 10 ms: CPU taken from spaCy
        quiet = {"distributed.worker.profile.enabled": False}
        with dask.config.set(quiet), LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                                  dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
                Client(cluster, set_as_default=False) as client:
            yield client
        return
    try:
        client = Client(where, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterError(Errors.E740.format(address=where, reason=_reason(e))) from e
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError as e:
            raise ClusterError(Errors.E743.format(address=where, seconds=WORKERS_TIMEOUT)) from e
        yield client


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once per worker process, when the worker starts (and on every worker
    that joins or restarts later), so the first batch does not wait for it."""

    idempotent = False  # a build with another pipeline replaces it

    def __init__(self, factory: Callable | None, name: str) -> None:
        self.factory, self.name = factory, name

    def setup(self, worker) -> None:
        pipeline(self.factory, self.name)


_PIPELINES: dict[str, object] = {}  # per worker process: plugin name -> loaded pipeline


def pipeline(factory: Callable | None, name: str):
    """The pipeline of this process for ``name``, loaded on first use."""
    if name not in _PIPELINES:
        if factory is None:
            from .extract import load_nlp

            factory = load_nlp
        _PIPELINES.clear()  # one pipeline per process: a worker serves one build's pipeline at a time
        _PIPELINES[name] = factory()
    return _PIPELINES[name]


def extract_batch(articles: list[Article], context: list[date], factory: Callable | None,
                  name: str) -> tuple[list[ArticleFacts], list[str], int]:
    """On a worker: the batch's facts, its W203 warnings and its count of degraded articles,
    by the very code a local build runs."""
    from .reconcile import BuildReport, extract_all

    _crash_test_hook(articles)
    report = BuildReport()
    facts = extract_all(articles, pipeline(factory, name), n_process=1, context=context, report=report,
                        tick=lambda n: None)
    return facts, report.warnings, report.degraded


def _ready(client, factory: Callable | None, address: str) -> str:
    """Register the pipeline plugin (every worker loads the pipeline now); E742 if one cannot."""
    import cloudpickle

    name = "parley-pipeline-" + hashlib.sha256(cloudpickle.dumps(factory)).hexdigest()[:12]
    try:
        client.register_plugin(PipelinePlugin(factory, name), name=name)
    except Exception as e:  # noqa: BLE001 - whatever a worker raised: it cannot extract
        try:  # workers that join later must not try it again
            client.unregister_worker_plugin(name)
        except Exception:  # noqa: BLE001 - the error to report is the one above
            log.debug("could not unregister %s", name, exc_info=True)
        raise ClusterError(Errors.E742.format(address=address, reason=_reason(e))) from e
    return name


def _stream(client, articles: list[Article], context: list[date], factory, name: str, report,
            tick: Callable[[int], None], address: str) -> Iterator[ArticleFacts]:
    from distributed import KilledWorker

    threads = max(1, sum(client.nthreads().values()))
    window = 2 * threads + 1
    # batches of BATCH articles, smaller when there are few articles: every worker gets some
    size = max(1, min(BATCH, -(-len(articles) // (4 * threads))))
    todo = deque(articles[i:i + size] for i in range(0, len(articles), size))
    pending: deque = deque()  # (batch, future, alone), in input order

    def submit(batch: list[Article]):
        return client.submit(extract_batch, batch, context, factory, name, pure=False)

    while todo or pending:
        while todo and len(pending) < window and not (pending and pending[0][2]):
            batch = todo.popleft()
            pending.append((batch, submit(batch), False))
        batch, future, alone = pending.popleft()
        try:
            facts, warnings, degraded = future.result()
        except Exception as e:  # noqa: BLE001 - per batch: retry alone, then report
            if _lost(e, client):
                raise ClusterError(Errors.E744.format(address=address, reason=_reason(e))) from e
            if len(batch) > 1:  # one article at a time, so the others are not lost with the bad one
                log.debug("batch of %d failed on the cluster (%s); retrying one by one", len(batch), e)
                for a in reversed(batch):
                    pending.appendleft(([a], submit([a]), False))
                continue
            if isinstance(e, KilledWorker) and not alone:
                # a worker death kills every task queued on that worker, not only the one that
                # caused it: once the others are done, run this article with nothing beside it
                for _, other, _ in pending:
                    other.exception()  # waits until it is done, without raising
                pending.appendleft((batch, submit(batch), True))
                continue
            why = ("the Dask worker extracting it died" if isinstance(e, KilledWorker)
                   else f"on a Dask worker: {_reason(e)}")
            facts, warnings, degraded = [ArticleFacts(article=batch[0])], [
                Warnings.W203.format(path=batch[0].path, reason=why)], 1
        finally:
            future.release()
        report.warnings += warnings
        report.degraded += degraded
        yield from facts
        tick(len(batch))


def _lost(e: BaseException, client) -> bool:
    """Whether the failure is the cluster's (the scheduler gone), not the batch's."""
    from concurrent.futures import CancelledError

    return isinstance(e, CancelledError) or client.status not in ("running", "connecting")


def _reason(e: BaseException) -> str:
    from .reconcile import reason

    return reason(e)


def _crash_test_hook(articles: list[Article]) -> None:
    """Crash-test hook (as ``kg.reconcile.crash_point``): with KG_CLUSTER_KILL=TEXT in a worker's
    environment, a worker given an article whose path holds TEXT kills itself with SIGKILL; with
    KG_CLUSTER_KILL_ONCE=TEXT|MARKER only the first such worker does (the one that creates the file
    MARKER), so tests can kill real workers mid-build."""
    always = os.environ.get("KG_CLUSTER_KILL")
    if always and any(always in a.path for a in articles):
        os.kill(os.getpid(), signal.SIGKILL)
    once, _, marker = os.environ.get("KG_CLUSTER_KILL_ONCE", "").partition("|")
    if once and marker and any(once in a.path for a in articles):
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os.kill(os.getpid(), signal.SIGKILL)
