"""What does `kg build --cluster` cost or gain against a local build of the same articles?

In one run: a local build with 1 process and with N (spaCy ``n_process``), then a build whose
extraction runs on a Dask LocalCluster of N worker processes (started first, timed apart: a
standing cluster pays it once), all with validation on and into on-disk stores; prints articles
per second, the ratios, and whether the cluster build exported the same N-Quads as the local one.

usage: .venv/bin/python bench/cluster_bench.py [ARTICLES_DIR] [--repeat N] [--workers N]
"""
from __future__ import annotations

import argparse
import gc
import logging
import tempfile
import time
from pathlib import Path

from kg.build import build
from kg.extract import load_nlp
from kg.ingest import read_folder
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]


def copies(folder: str, repeat: int) -> list:
    """The folder's articles ``repeat`` times, each copy an article of its own (source, hash)."""
    out = []
    for i in range(repeat):
        for art in read_folder(folder).articles:
            out.append(type(art)(**{**art.__dict__, "path": f"copy-{i}/{art.path}",
                                    "source": f"{art.source or art.path}#copy-{i}",
                                    "sha256": f"{i:08x}{art.sha256[8:]}"}))
    return out


def timed_build(articles, path: Path, **kwargs) -> tuple[float, bytes]:
    store = GraphStore(path)
    t = time.perf_counter()
    report = build(articles, store, **kwargs)
    seconds = time.perf_counter() - t
    assert not report.errors, report.errors
    print(f"  {path.name}: " + ", ".join(f"{k} {v:.1f}s" for k, v in report.seconds.items()))
    data = store.export(None, fmt="nquads")
    store.close()
    del store
    gc.collect()
    return seconds, data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "seeds"))
    ap.add_argument("--repeat", type=int, default=10, help="copies of the article set to build")
    ap.add_argument("--workers", type=int, default=2, help="processes: spaCy n_process and Dask workers")
    a = ap.parse_args()
    from distributed import LocalCluster

    articles = copies(a.articles, a.repeat)
    n = len(articles)
    nlp = load_nlp()
    list(nlp.pipe(["warm up"]))
    with tempfile.TemporaryDirectory() as tmp:
        one, data = timed_build(articles, Path(tmp) / "one", nlp=nlp)
        many, _ = timed_build(articles, Path(tmp) / "many", nlp=nlp, n_process=a.workers)
        t = time.perf_counter()
        import dask

        with dask.config.set({"distributed.worker.profile.enabled": False}), \
                LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                             silence_logs=logging.ERROR) as cluster:
            start = time.perf_counter() - t
            spread, spread_data = timed_build(articles, Path(tmp) / "cluster", cluster=cluster.scheduler_address)
            warm, _ = timed_build(articles, Path(tmp) / "cluster-warm", cluster=cluster.scheduler_address)
    print(f"{n} articles, validation on, {a.workers} processes / workers")
    print(f"local -j 1:             {one:7.2f}s  {n / one:5.1f} articles/s")
    print(f"local -j {a.workers}:             {many:7.2f}s  {n / many:5.1f} articles/s")
    print(f"LocalCluster start:     {start:7.2f}s")
    print(f"--cluster (first build): {spread:6.2f}s  {n / spread:5.1f} articles/s (workers load the pipeline)")
    print(f"--cluster (warm):       {warm:7.2f}s  {n / warm:5.1f} articles/s")
    print(f"ratio cluster warm / local -j {a.workers}: {warm / many:.2f};  cluster warm / local -j 1: {warm / one:.2f}")
    print(f"same N-Quads as the local build: {sorted(spread_data.splitlines()) == sorted(data.splitlines())}")


if __name__ == "__main__":
    main()
