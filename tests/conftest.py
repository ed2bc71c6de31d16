"""Shared fixtures: paths, the language model, and the stores built once per session.

The seed articles are third-party text: they stay in ``../shared/corpus/seeds`` (outside the repo)
and the tests only read them. Everything built from them lives in memory for the session.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = (REPO_ROOT / ".." / "shared" / "corpus" / "seeds").resolve()
SAMPLES_DIR = REPO_ROOT / "data" / "articles"
FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--online", action="store_true", default=False,
                     help="also run tests marked 'online' (they need the live internet)")


def pytest_configure(config: pytest.Config) -> None:
    # also declared in pyproject.toml; repeated here so the suite runs from any rootdir
    config.addinivalue_line("markers", "issue(n): a test that pins issue n")
    config.addinivalue_line("markers", "online: needs the live internet (run with --online)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--online"):
        return
    skip = pytest.mark.skip(reason="needs the live internet: run with --online")
    for item in items:
        if "online" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir() or not any(SEEDS_DIR.glob("*.txt")):
        pytest.skip(f"seed articles not found at {SEEDS_DIR} (they live outside the repo, in ../shared)")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES_DIR


@pytest.fixture(scope="session")
def ingest_fixtures() -> Path:
    return FIXTURES_DIR / "ingest"


@pytest.fixture(scope="session")
def nlp():
    from kg.extract import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_build(seeds_dir, nlp):
    """The seed articles built once into an in-memory store: (store, BuildReport)."""
    from kg.build import build
    from kg.store import GraphStore

    store = GraphStore(None)
    report = build(seeds_dir, store, nlp=nlp, validate=False)
    return store, report


@pytest.fixture(scope="session")
def seed_store(seed_build):
    return seed_build[0]


@pytest.fixture(scope="session")
def sample_store(samples_dir, nlp):
    from kg.build import build
    from kg.store import GraphStore

    store = GraphStore(None)
    build(samples_dir, store, nlp=nlp, validate=False)
    return store


@pytest.fixture
def fresh_store():
    from kg.store import GraphStore

    return GraphStore(None)


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory, samples_dir, nlp) -> Path:
    """data/articles built into an on-disk store, closed again so that servers and CLIs can open it."""
    import gc

    from kg.build import build
    from kg.store import GraphStore

    path = tmp_path_factory.mktemp("sample-store") / "store"
    store = GraphStore(path)
    report = build(samples_dir, store, nlp=nlp, validate=False)
    assert report.landed and not report.errors
    store.flush()
    del store
    gc.collect()  # release RocksDB's lock
    return path
