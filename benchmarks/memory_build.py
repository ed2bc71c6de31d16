"""Does a build's peak memory grow with the number of articles?

Writes synthetic corpora (benchmarks/synthetic.py) of each size asked for, builds each one with
`kg build` in a fresh process (the real language model, validation on; or, with --known-facts,
the facts the generator put in each article instead of the language model, so that 10k articles
take minutes, not hours), and prints that process's peak resident set size and articles per
second. A streaming build holds one chunk of documents and graphs at a time (article texts wait
on disk), so the peak should stay flat as the corpus grows; what still grows is what each
article leaves in memory (its metadata, its reports for meeting identity, its line in the report)
and the database's own caches. Measured with a sampler by build phase (--known-facts, 256-article
chunks): the peak is the bulk load of a chunk (Oxigraph's loader sorts the chunk's ~290k quads in
hash sets sized for them: about 300 MB over the validation phase; ~250 MB for 292k quads however
they are handed over, bytes, a path or a file), on top of a base that grows with the corpus. Of
that growth, closing the store at the end let go of 84 MB after 1,000 articles and 193 MB after
3,000 (RocksDB's block caches and table readers), against 28 MB more held by Python (the articles
and meeting reports held for identity, the build report); so the writer now reopens its database
after each large publish (``GraphStore._reopen``): 727 / 956 MB (1.31) before, 652 / 794 MB (1.22).

usage: .venv/bin/python benchmarks/memory_build.py --articles 1000 10000 [-j N] [--keep DIR] [--known-facts]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

# run in a child process so that each size gets a fresh interpreter and its own peak RSS
CHILD = """
import resource, sys, time
from kg.build import build
from kg.store import GraphStore
nlp = None
if sys.argv[4] == "known":  # the generator's facts instead of the language model
    sys.path.insert(0, sys.argv[5])
    import kg.reconcile as reconcile
    from synthetic import article

    def known_facts(articles, nlp, *, n_process, context, report, tick, cluster=None, **_):
        out = []
        for a in articles:
            facts = article(int(a.stem.rsplit("-", 1)[1])).facts
            facts.article = a
            out.append(facts)
        tick(len(out))
        return out

    class NoModel:
        def pipe(self, *args, **kwargs):
            raise AssertionError("the language model is not used here")

    reconcile.extract_all, nlp = known_facts, NoModel()
store = GraphStore(sys.argv[2])
t = time.perf_counter()
report = build(sys.argv[1], store, n_process=int(sys.argv[3]), nlp=nlp, validate=sys.argv[6] == "validate")
store.close()
seconds = time.perf_counter() - t
print(len(report.landed), report.triples, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("-j", "--processes", type=int, default=1)
    ap.add_argument("--keep", help="folder for the corpora (default: a temporary one)")
    ap.add_argument("--known-facts", action="store_true",
                    help="the generator's facts instead of running the language model (10k articles in minutes)")
    ap.add_argument("--no-validate", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(a.keep or tmp)
        peaks = {}
        for n in a.articles:
            corpus = base / f"corpus-{n}"
            if not corpus.exists():
                write_corpus(corpus, n)
            out = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(Path(tmp) / f"store-{n}"),
                                  str(a.processes), "known" if a.known_facts else "model",
                                  str(Path(__file__).resolve().parent),
                                  "no" if a.no_validate else "validate"], capture_output=True, text=True)
            if out.returncode:
                sys.exit(f"the build of {n} articles failed:\n{out.stderr[-3000:]}")
            landed, triples, seconds, rss_kb = out.stdout.split()[-4:]
            peaks[n] = int(rss_kb) / 1024
            print(f"{n} articles: {landed} landed, {triples} triples, {float(seconds):.0f} s "
                  f"({int(landed) / float(seconds):.1f} articles/s), peak RSS {peaks[n]:.0f} MB", flush=True)
        first = a.articles[0]
        for n in a.articles[1:]:
            print(f"peak RSS at {n} / at {first} articles: {peaks[n] / peaks[first]:.2f}")


if __name__ == "__main__":
    main()
