"""How fast is `kg build`, and what does it cost beyond the language model?

Runs, in one process and one run, three things over the same article texts, with the same
process count (``-j N``):

- bare spaCy: the English model alone (``en_core_web_sm``, as ``load_model`` loads it),
  ``nlp.pipe(texts, n_process=N)``: what the language model costs;
- extraction: Parley's pipeline (the gazetteer ruler, paragraph starts, the model and the four
  Parley components, ``extract_many``), without graphs or store;
- the full build (ingest done, extraction, linking, identity, triples, SHACL per article,
  Oxigraph store, derived graphs, store checks) into a fresh store.

It prints wall time and articles per second, the ratios build / bare spaCy and extraction /
bare spaCy, and the time of each build step. Absolute times are noisy on a shared machine; the
ratios (one run) are what carries. It also prints the CPU time of each side (this process and
the worker processes it waited for): on a loaded machine the wall ratio says more about the
other jobs than about the build, while the CPU ratio still says how much work each side did
(with ``-j N`` it cannot show how well the work overlaps).

With ``--engine pyshacl`` the build validates with the reference validator instead of the
sparql engine (the default), to show what validation costs either way.

usage: .venv/bin/python bench/build_bench.py [ARTICLES_DIR] [--repeat N] [--no-validate] [--engine E] [-j N]
       [--skip-extract]
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from kg.build import build
from kg.extract import body_text, extract_many, load_nlp
from kg.extract.pipeline import load_model
from kg.ingest import read_folder
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]


def cpu() -> float:
    """CPU seconds of this process and of the children it has waited for (spaCy's and the build's
    worker processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "seeds"))
    ap.add_argument("--repeat", type=int, default=10, help="copies of the article set to process")
    ap.add_argument("--no-validate", action="store_true")
    ap.add_argument("--engine", choices=["sparql", "pyshacl"], default="sparql")
    ap.add_argument("-j", "--processes", type=int, default=1)
    ap.add_argument("--skip-extract", action="store_true", help="do not time extraction alone")
    a = ap.parse_args()
    if a.engine != "sparql":  # kg.build takes the default engine of validate_graphs
        import functools

        import kg.validate.batch as batch

        batch.validate_triples = functools.partial(batch.validate_triples, engine=a.engine)
    articles = read_folder(a.articles).articles * a.repeat
    # give each copy its own identity so that the store really writes every one
    for i, art in enumerate(articles):
        articles[i] = type(art)(**{**art.__dict__, "sha256": f"{i:08x}{art.sha256[8:]}"})
    texts = [body_text(x) for x in articles]
    words = sum(len(x.split()) for x in texts)
    bare_nlp, nlp = load_model(), load_nlp()
    list(bare_nlp.pipe(["warm up"])), list(extract_many(articles[:1], nlp))

    load = os.getloadavg()[0]
    t, c = time.perf_counter(), cpu()
    for _ in bare_nlp.pipe(texts, batch_size=32, n_process=a.processes):
        pass
    bare, bare_cpu = time.perf_counter() - t, cpu() - c
    del bare_nlp

    extract = extract_cpu = None
    if not a.skip_extract:
        t, c = time.perf_counter(), cpu()
        for _ in extract_many(articles, nlp, n_process=a.processes):
            pass
        extract, extract_cpu = time.perf_counter() - t, cpu() - c

    with tempfile.TemporaryDirectory() as tmp:
        store = GraphStore(Path(tmp) / "store")
        t, c = time.perf_counter(), cpu()
        report = build(articles, store, nlp=nlp, validate=not a.no_validate, n_process=a.processes)
        full, full_cpu = time.perf_counter() - t, cpu() - c
        store.close()  # before the folder goes: the database may still be writing
    n = len(articles)
    print(f"{n} articles, {words} words, {report.triples} triples, -j {a.processes}, validate={not a.no_validate}"
          f"{f' ({a.engine})' if not a.no_validate else ''}")
    print(f"load average at start {load:.1f}, at end {os.getloadavg()[0]:.1f} (near the core count or above: other "
          "jobs share the cores, and the wall times say more about them than about the build)")
    print(f"bare spaCy nlp.pipe: {bare:.2f}s  {n / bare:.1f} articles/s  (CPU {bare_cpu:.2f}s)")
    if extract is not None:
        print(f"extraction:          {extract:.2f}s  {n / extract:.1f} articles/s  (CPU {extract_cpu:.2f}s)")
    print(f"kg build:            {full:.2f}s  {n / full:.1f} articles/s  (CPU {full_cpu:.2f}s)")
    print(f"ratio build / bare spaCy: {full / bare:.2f} wall, {full_cpu / bare_cpu:.2f} CPU")
    if extract is not None:
        print(f"ratio extraction / bare spaCy: {extract / bare:.2f} wall, {extract_cpu / bare_cpu:.2f} CPU; "
              f"build / extraction: {full / extract:.2f} wall")
    print("steps (s): " + ", ".join(f"{k} {v:.2f}" for k, v in report.seconds.items()))
    print("steps, CPU of this process (s): " + ", ".join(f"{k} {v:.2f}" for k, v in report.cpu.items()))


if __name__ == "__main__":
    main()
