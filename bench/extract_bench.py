"""What do the entity ruler and the Parley components cost over bare spaCy?

In one process and one run: the bare English model's ``nlp.pipe`` over the articles' body texts,
then the full extraction pipeline (gazetteer ruler, paragraph starts, actors, meetings, proposals,
claims: ``extract_many``) over the same articles. Prints both times and their ratio; absolute
times are noisy on a shared machine, the ratio is what carries: the two are timed (CPU time of
this process) alternately ``--repeat`` times and the fastest of each is kept.

usage: .venv/bin/python bench/extract_bench.py [ARTICLES_DIR ...] [--articles N] [--repeat N]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.extract import body_text, extract_many, load_nlp
from kg.extract.pipeline import load_model
from kg.ingest import read_folder

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "seeds"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", default=[str(p) for p in DEFAULT])
    ap.add_argument("--articles", type=int, default=100, help="articles to process (the set is repeated)")
    ap.add_argument("--repeat", type=int, default=3, help="alternate timings; the fastest of each is kept")
    a = ap.parse_args()
    base = [x for f in a.folders for x in read_folder(f).articles]
    articles = (base * (a.articles // len(base) + 1))[:a.articles]
    texts = [body_text(x) for x in articles]
    bare_nlp, nlp = load_model(), load_nlp()
    list(bare_nlp.pipe(["warm up"])), list(extract_many(articles[:2], nlp))

    # CPU time of this process: other jobs on a shared machine slow the wall clock, not this
    bare = full = float("inf")
    for _ in range(a.repeat):
        t = time.process_time()
        for _ in bare_nlp.pipe(texts, batch_size=32):
            pass
        bare = min(bare, time.process_time() - t)
        t = time.process_time()
        for _ in extract_many(articles, nlp, batch_size=32):
            pass
        full = min(full, time.process_time() - t)
    words = sum(len(x.split()) for x in texts)
    print(f"{len(articles)} articles, {words} words")
    print(f"bare spaCy nlp.pipe:           {bare:.2f}s CPU")
    print(f"ruler + Parley components too: {full:.2f}s CPU")
    print(f"ratio: {full / bare:.2f} (+{(full / bare - 1) * 100:.0f}%)")


if __name__ == "__main__":
    main()
