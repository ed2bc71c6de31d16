"""How fast is `kg build`, and what does it cost beyond the language model?

Runs, in one process and one run, bare spaCy ``nlp.pipe`` over the article texts and then the
full build (ingest, extraction, identity, triples, SHACL per article, Oxigraph store) over the
same articles, and prints articles per second and the ratio of the two times. Absolute times
are noisy on a shared machine; the ratio is what carries.

With ``--engine pyshacl`` the build validates with the reference validator instead of the
sparql engine (the default), to show what validation costs either way.

With ``-j N`` both sides use N processes: bare spaCy runs the model's components in N worker
processes and Parley's components on their docs in this one (what ``kg build -j N`` does).

usage: .venv/bin/python bench/build_bench.py [ARTICLES_DIR] [--repeat N] [--no-validate] [--engine E] [-j N]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kg.build import build
from kg.extract import load_nlp
from kg.ingest import read_folder
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "seeds"))
    ap.add_argument("--repeat", type=int, default=10, help="copies of the article set to process")
    ap.add_argument("--no-validate", action="store_true")
    ap.add_argument("--engine", choices=["sparql", "pyshacl"], default="sparql")
    ap.add_argument("-j", "--processes", type=int, default=1)
    a = ap.parse_args()
    if a.engine != "sparql":  # kg.build takes the default engine of validate_graphs
        import functools

        import kg.validate.batch as batch

        batch.validate_triples = functools.partial(batch.validate_triples, engine=a.engine)
    articles = read_folder(a.articles).articles * a.repeat
    # give each copy its own identity so that the store really writes every one
    for i, art in enumerate(articles):
        articles[i] = type(art)(**{**art.__dict__, "sha256": f"{i:08x}{art.sha256[8:]}"})
    words = sum(len(x.text.split()) for x in articles)
    nlp = load_nlp()
    list(nlp.pipe(["warm up"]))

    t = time.perf_counter()
    if a.processes == 1:
        for _ in nlp.pipe((x.text for x in articles), batch_size=32):
            pass
    else:
        from kg.extract.pipeline import COMPONENTS

        ours = [name for name in COMPONENTS if name in nlp.pipe_names]
        with nlp.select_pipes(disable=ours):
            parsed = nlp.pipe((x.text for x in articles), batch_size=32, n_process=a.processes)
            for doc in parsed:
                for name in ours:
                    doc = nlp.get_pipe(name)(doc)
    bare = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        store = GraphStore(Path(tmp) / "store")
        t = time.perf_counter()
        report = build(articles, store, nlp=nlp, validate=not a.no_validate, n_process=a.processes)
        full = time.perf_counter() - t
        store.close()  # before the folder goes: the database may still be writing
    n = len(articles)
    print(f"{n} articles, {words} words, {report.triples} triples, -j {a.processes}, validate={not a.no_validate}"
          f"{f' ({a.engine})' if not a.no_validate else ''}")
    print(f"bare nlp.pipe: {bare:.2f}s  {n / bare:.1f} articles/s")
    print(f"kg build:      {full:.2f}s  {n / full:.1f} articles/s")
    print(f"ratio build / bare spaCy: {full / bare:.2f}")
    print("steps (s): " + ", ".join(f"{k} {v:.2f}" for k, v in report.seconds.items()))


if __name__ == "__main__":
    main()
