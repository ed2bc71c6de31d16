"""kg build --cluster: extraction on a real Dask LocalCluster of two worker processes, started here.

The graph of a cluster build is the graph of a local build (the same N-Quads from `kg export`),
also when a worker is killed mid-build; an article that fails on a worker is reported as a local
failure is; an unreachable scheduler is a coded tool failure. Workers are killed for real (SIGKILL)
by the crash-test hook of kg/cluster.py, at exact points.
"""
from __future__ import annotations

import gc
import hashlib
import shutil
import socket
import sys
from pathlib import Path

import cloudpickle
import dask
import pytest
from click.testing import CliRunner
from distributed import LocalCluster

import kg.cluster
from kg.build import build
from kg.cli import cli
from kg.graph import KG, iri
from kg.model import Article, Span
from kg.store import GraphStore
from kg.store.records import read_records
from rdflib.namespace import RDF

KILLS_ALWAYS = "kills-its-worker"
KILLS_ONCE = "kills-a-worker-once"
MARKER = "BREAKS-THE-EXTRACTOR-ON-A-WORKER"
SEEDS = 3  # seed articles added to data/articles

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this module


def failing_pipeline():
    """On a worker: the Parley pipeline with a component that fails on articles holding MARKER."""
    from spacy.language import Language

    from kg.extract import load_nlp

    def fail_on_marker(doc):
        if MARKER in doc.text:
            raise RuntimeError("this article breaks the pipeline")
        return doc

    if "test_cluster_fail_on_marker" not in Language.factories:
        Language.component("test_cluster_fail_on_marker", func=fail_on_marker)
    nlp = load_nlp()
    nlp.add_pipe("test_cluster_fail_on_marker", first=True)
    return nlp


def article(stem: str, text: str) -> Article:
    a = Article(path=f"{stem}.txt", stem=stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    a.body = [Span(0, len(text))]
    return a


def run_kg(*args) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    out = (result.exit_code, result.stdout + result.stderr)
    del result
    gc.collect()  # the SystemExit's traceback holds the store and its lock
    return out


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """The address of a LocalCluster of 2 worker processes whose workers run the crash-test hook
    (articles named KILLS_ALWAYS kill every worker given them, KILLS_ONCE the first one). The
    scheduler gives up on a task at its first killed worker, so Parley's own retry is what runs."""
    marker = tmp_path_factory.mktemp("cluster") / "killed-once"
    env = {"KG_CLUSTER_KILL": KILLS_ALWAYS, "KG_CLUSTER_KILL_ONCE": f"{KILLS_ONCE}|{marker}"}
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)  # the nanny starts (and restarts) its worker with this environment
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        cluster.killed_once = marker
        yield cluster
    mp.undo()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, samples_dir: Path, seeds_dir: Path) -> Path:
    """data/articles, the first seeds, and one article of ours whose worker is killed once."""
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    shutil.copytree(samples_dir, folder)
    for txt in sorted(seeds_dir.glob("*.txt"))[:SEEDS]:
        for f in seeds_dir.glob(txt.stem + ".*"):
            shutil.copy(f, folder / f"seed-{f.name}")
    (folder / f"{KILLS_ONCE}.txt").write_text(
        "Trade envoys of Chile and Peru met in Lima on 4 June 2025 to discuss port fees, both ministries said.\n"
        "The Chilean delegation proposed a joint customs office at the border crossing.\n", encoding="utf-8")
    return folder


def export(store: Path) -> bytes:
    code, out = run_kg("--store", store, "export", "--format", "nquads", "--out", store.parent / "graph.nq")
    assert code == 0, out
    return (store.parent / "graph.nq").read_bytes()


def test_cluster_build_exports_the_same_nquads_as_a_local_build_also_when_a_worker_is_killed(
        scheduler, corpus, nlp, tmp_path):
    stores = {}
    for how, kwargs in [("local", {"nlp": nlp}), ("cluster", {"cluster": scheduler.scheduler_address})]:
        store = GraphStore(tmp_path / how / "store")
        report = build(corpus, store, validate=False, **kwargs)
        assert len(report.landed) == 12 + SEEDS + 1 and not report.errors and not report.degraded, how
        store.flush()
        del store
        gc.collect()  # release RocksDB's lock for `kg export`
        stores[how] = tmp_path / how / "store"
    assert scheduler.killed_once.exists()  # a worker really died mid-build (its batch was retried)

    ours, theirs = export(stores["local"]), export(stores["cluster"])
    assert ours.count(b"\n") > 10_000
    assert theirs == ours


def test_an_article_that_kills_every_worker_given_it_is_reported_and_the_others_land(scheduler, monkeypatch):
    monkeypatch.setattr(kg.cluster, "BATCH", 1)
    good = [article(f"fine-{i}", f"Negotiators met in Nairobi on {i + 5} May 2025, the hosts said.")
            for i in range(3)]
    deadly = article(KILLS_ALWAYS, "Delegates met in Accra on 9 May 2025, a spokesman said.")
    store = GraphStore(None)
    report = build([good[0], deadly, good[1], good[2]], store, validate=False, cluster=scheduler.scheduler_address)

    assert sorted(o.article.stem for o in report.landed) == sorted(["fine-0", "fine-1", "fine-2", KILLS_ALWAYS])
    assert report.degraded == 1 and not report.errors
    [w203] = [w for w in report.warnings if w.startswith("[W203]")]
    assert w203.startswith(f"[W203] {KILLS_ALWAYS}.txt: extraction failed (the Dask worker extracting it died)")
    assert not list(store.graph(iri.graph_iri(deadly)).subjects(RDF.type, KG.Meeting))
    for a in good:
        assert list(store.graph(iri.graph_iri(a)).subjects(RDF.type, KG.Meeting))


def test_an_article_failing_on_a_worker_is_reported_as_locally_and_the_others_land(scheduler, tmp_path):
    good = [article(f"good-{i}", f"Foreign ministers met in Oslo on {i + 2} March 2025, an official said.")
            for i in range(3)]
    bad = article("bad", f"{MARKER} The mediator said the round of talks had gone well.")
    articles = [good[0], bad, good[1], good[2]]

    local_store = GraphStore(None)
    local = build(articles, local_store, nlp=failing_pipeline, validate=False)
    store = GraphStore(None)
    spread = build(articles, store, nlp=failing_pipeline, validate=False, cluster=scheduler.scheduler_address)

    assert sorted(o.article.stem for o in spread.landed) == ["bad", "good-0", "good-1", "good-2"]
    assert not spread.errors and spread.degraded == 1
    [w203] = [w for w in spread.warnings if w.startswith("[W203]")]
    assert w203.startswith("[W203] bad.txt: extraction failed (RuntimeError: this article breaks the pipeline)")
    assert spread.warnings == local.warnings
    assert not list(store.graph(iri.graph_iri(bad)).subjects(RDF.type, KG.Meeting))
    assert list(store.graph(iri.graph_iri(good[1])).subjects(RDF.type, KG.Meeting))
    assert store.export(None, fmt="nquads") == local_store.export(None, fmt="nquads")


def broken_pipeline():
    raise RuntimeError("no model on this worker")


def test_workers_that_cannot_load_the_pipeline_are_a_coded_tool_failure(scheduler):
    with pytest.raises(kg.cluster.ClusterError) as e:
        build([article("any", "Envoys met in Doha on 2 May 2025.")], GraphStore(None), nlp=broken_pipeline,
              validate=False, cluster=scheduler.scheduler_address)
    assert str(e.value).startswith(f"[E742] The Dask workers of {scheduler.scheduler_address} cannot load the "
                                   "Parley pipeline: RuntimeError: no model on this worker.")


def test_without_dask_installed_cluster_says_what_to_install(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    code, out = run_kg("--store", tmp_path / "store", "build", corpus, "--cluster", "local:2")
    assert code == 2
    assert "Error: [E745] --cluster needs Dask distributed, which is not installed" in out


def test_an_unreachable_scheduler_is_a_coded_tool_failure_naming_it(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    code, out = run_kg("--store", tmp_path / "store", "build", corpus, "--cluster", address)
    assert code == 2
    assert f"Error: [E740] Cannot reach the Dask scheduler at {address}" in out
    assert "Traceback" not in out
    assert not read_records(GraphStore.reader(tmp_path / "store"))  # no article landed


@pytest.mark.parametrize("address", ["local:0", "local:two", "http://127.0.0.1:8786", "127.0.0.1"])
def test_a_malformed_cluster_address_is_a_coded_tool_failure(address, corpus, tmp_path):
    code, out = run_kg("--store", tmp_path / "store", "build", corpus, "--cluster", address)
    assert code == 2
    assert f"Error: [E741] --cluster {address!r} is not a cluster address" in out


def test_kg_build_cluster_local_n_starts_its_own_cluster_and_builds_the_local_graph(tmp_path, nlp):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "lisbon.txt").write_text("Fisheries ministers of Spain and Portugal met in Lisbon on 12 April 2025 "
                                       "to settle sardine quotas, officials said.\n", encoding="utf-8")
    (folder / "undated.txt").write_text("The two delegations will meet again in Madrid next week, "
                                        "a spokeswoman said.\n", encoding="utf-8")
    code, out = run_kg("--store", tmp_path / "cluster" / "store", "build", folder, "--no-validate",
                       "--cluster", "local:1")
    assert code == 0, out
    assert "Built 2 article(s)" in out
    local = GraphStore(tmp_path / "local" / "store")
    build(folder, local, nlp=nlp, validate=False)
    local.flush()
    del local
    gc.collect()
    assert export(tmp_path / "cluster" / "store") == export(tmp_path / "local" / "store")
