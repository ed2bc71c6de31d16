"""Build scale: one 10,000-line article, 1,000 JSONL records, 10,000 tiny files.

Each shape is built at its full size and at half of it, into fresh on-disk stores, in one
process with the language model loaded once. Prints the time of every build step at both sizes
and their ratio (2.0 is linear; well above it means a step grows faster than its input), and
articles per second. The articles are generated here from our own sentences.

    .venv/bin/python bench/robust_bench.py            # all three shapes
    .venv/bin/python bench/robust_bench.py --scale 0.1   # a quick run at a tenth of the sizes
    .venv/bin/python bench/robust_bench.py --no-validate # without the per-article SHACL check
    .venv/bin/python bench/robust_bench.py --cpu         # CPU seconds of this process, not wall time

On a shared machine wall-clock ratios wander with the neighbours' load; ``--cpu`` times every step
with the process's CPU clock instead (one process: the language model runs in it too).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Vienna", "Geneva", "Oslo", "Doha", "Riyadh", "Istanbul", "Cairo", "Nairobi", "Muscat", "Jeddah"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def sentence(i: int) -> str:
    return (f"Envoys of the two states met in {PLACES[i % 10]} on {1 + i % 27} {MONTHS[(i // 10) % 10]} 2025 "
            f"for round {i} of the talks, a spokesman said.")


def long_article(folder: Path, lines: int) -> None:
    text = "\n".join(sentence(i) if i % 5 == 0 else f"The delegations discussed item {i} of the agenda at length."
                     for i in range(lines))
    (folder / "long.txt").write_text(text + "\n", encoding="utf-8")


def jsonl_records(folder: Path, n: int) -> None:
    with open(folder / "records.jsonl", "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"r{i}", "title": f"Talks, round {i}", "published": "2025-06-01",
                                "text": sentence(i) + " " + sentence(i + 7) + "\n\nOfficials said more talks were planned."})
                    + "\n")


def tiny_files(folder: Path, n: int) -> None:
    for i in range(n):
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"t{i:05d}.txt").write_text(f"Talks round {i}: the delegations met again, officials said.\n",
                                          encoding="utf-8")


SHAPES = {"10,000-line article": (long_article, 10_000), "1,000 JSONL records": (jsonl_records, 1_000),
          "10,000 tiny files": (tiny_files, 10_000)}


def run(shape: str, size: int, nlp, *, validate: bool = True) -> tuple[float, int, dict[str, float]]:
    from tqdm import tqdm

    from kg.build import build
    from kg.store import GraphStore

    make, _ = SHAPES[shape]
    root = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        (root / "articles").mkdir()
        make(root / "articles", size)
        store = GraphStore(root / "store")
        start = time.perf_counter()
        with tqdm(desc=f"{shape} at {size:,}", unit="article", file=sys.stderr) as bar:
            report = build(root / "articles", store, nlp=nlp, progress=bar.update, validate=validate)
        seconds = time.perf_counter() - start
        store.close()
        assert not report.errors, report.errors[:3]
        return seconds, len(report.landed), report.seconds
    finally:
        shutil.rmtree(root, ignore_errors=True)


def use_cpu_clock() -> None:
    """Make the build's step timers (``time.perf_counter`` in kg.build and kg.reconcile) and this
    script's read the process's CPU clock."""
    import types

    import kg.build
    import kg.reconcile

    clock = types.SimpleNamespace(perf_counter=time.process_time)
    kg.build.time = kg.reconcile.time = clock
    globals()["time"] = types.SimpleNamespace(perf_counter=time.process_time)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the sizes above")
    parser.add_argument("--shape", choices=list(SHAPES), action="append", help="only these shapes")
    parser.add_argument("--no-validate", action="store_true",
                        help="skip the per-article SHACL check (its fixed cost per article dominates tiny files)")
    parser.add_argument("--cpu", action="store_true", help="time steps by this process's CPU clock")
    args = parser.parse_args()
    if args.cpu:
        use_cpu_clock()
    from kg.extract import load_nlp

    nlp = load_nlp()
    for shape in args.shape or SHAPES:
        full = max(2, int(SHAPES[shape][1] * args.scale))
        half_s, half_n, half_steps = run(shape, full // 2, nlp, validate=not args.no_validate)
        full_s, full_n, full_steps = run(shape, full, nlp, validate=not args.no_validate)
        print(f"\n{shape} (size {full:,}): {full_s:.1f} s, {full_n:,} article(s), "
              f"{full_n / full_s:.1f} articles/s; at half size {half_s:.1f} s (ratio {full_s / half_s:.2f})")
        for step, sec in full_steps.items():
            half = half_steps.get(step, 0.0)
            ratio = f"{sec / half:.2f}" if half > 0.05 else "-"
            print(f"  {step:32s} {sec:8.2f} s   half size {half:7.2f} s   ratio {ratio}")


if __name__ == "__main__":
    main()
