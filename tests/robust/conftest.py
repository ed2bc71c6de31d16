"""Shared helpers for the robustness tests: run the real ``kg`` binary, read a store's quads."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KG = [str(Path(sys.executable).with_name("kg"))]


def run_kg(*args, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """The installed ``kg`` entry point in a subprocess, as a user runs it."""
    return subprocess.run(KG + [str(a) for a in args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, errors="backslashreplace")


def store_quads(path: Path) -> set[str]:
    """Every quad of a store as N-Quads lines: the article graphs, the derived graphs, the union
    default graph and the article records (all of it must match after a rerun)."""
    from kg.store import GraphStore

    store = GraphStore.reader(path)
    try:
        return {str(q) for q in store.store.quads_for_pattern(None, None, None)}
    finally:
        store.close()


@pytest.fixture(scope="session")
def few_samples(samples_dir) -> list[Path]:
    """Three sample articles of ours (with their sidecars): a .txt, an .html and a .jsonl."""
    names = ["geneva-talks-2025-11-23", "kremlin-witkoff-kushner-2025-12-02", "muscat-us-iran-talks-2025-04-12"]
    return [p for n in names for p in sorted(samples_dir.glob(f"{n}.*"))]


@pytest.fixture(scope="module")
def articles(tmp_path_factory, few_samples) -> Path:
    """A folder holding the three samples, one per test module (builds in it are compared)."""
    folder = tmp_path_factory.mktemp("articles") / "articles"
    folder.mkdir()
    for p in few_samples:
        shutil.copy(p, folder / p.name)
    return folder
