"""The ``kg`` command line: help, exit codes, and the exact user-facing messages.

Most tests drive ``kg.cli.cli`` in-process with click's CliRunner; one runs the installed ``kg``
binary, to check the entry point and its exit code as a user sees them.
"""
from __future__ import annotations

import csv
import gc
import importlib.util
import hashlib
import io
import json
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal
from rdflib.namespace import RDFS

from kg import __version__
from kg.cli import cli
from kg.ingest import read_folder
from kg.graph import facts_graph, iri
from kg.graph.namespaces import KGID
from kg.model import Actor, Article, ArticleFacts, Claim, Meeting, Participant, Span
from kg.query import stored_queries
from kg.store import GraphStore

COMMANDS = sorted(cli.commands)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_kg(*args: str) -> Run:
    """Invoke the CLI in-process. The click Result keeps the traceback of the SystemExit, and with
    it the store and its RocksDB lock: drop it, so the next command can open the same store."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    run = Run(result.exit_code, result.stdout, result.stderr)
    del result
    gc.collect()
    return run


def release(store: GraphStore) -> None:
    store.flush()
    del store
    gc.collect()


TEXT = ("US envoy Steve Witkoff met Vladimir Putin in Moscow on Tuesday.\n"
        "Witkoff said the talks had been useful.\n")


@pytest.fixture(scope="module")
def hand_store(tmp_path_factory) -> Path:
    """An on-disk store holding one hand-made article graph: no language model needed."""
    text = TEXT
    article = Article(path="moscow.txt", stem="moscow-hand", text=text,
                      sha256=hashlib.sha256(text.encode()).hexdigest(), published=date(2025, 12, 3))

    def span(words: str) -> Span:
        return Span(text.index(words), text.index(words) + len(words))

    facts = ArticleFacts(
        article=article,
        actors=[Actor("United States", "Country", mentions=[span("US")]),  # evidence at offset 0
                Actor("Steve Witkoff", "Person", mentions=[span("Steve Witkoff")], aliases={"Witkoff"}),
                Actor("Vladimir Putin", "Person", mentions=[span("Vladimir Putin")])],
        places={"Moscow": [span("Moscow")]},
        meetings=[Meeting("Moscow", date(2025, 12, 2), participants=[Participant("Vladimir Putin", "Host"),
                                                                      Participant("Steve Witkoff", "Guest")],
                          evidence=[span("met Vladimir Putin in Moscow on Tuesday")])],
        claims=[Claim("Steve Witkoff", "the talks had been useful", "Paraphrase", span("the talks had been useful"),
                      verb="said")],
    )
    path = tmp_path_factory.mktemp("cli") / "hand-store"
    store = GraphStore(path)
    store.replace_graph(iri.graph_iri(article),
                        facts_graph(facts, meeting_iris=[KGID["meeting/moscow-2025-12-02"]], version="kg.extractor.v1"))
    release(store)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory, ingest_fixtures) -> tuple[Run, Path, Path]:
    """`kg build` over a folder holding one invalid JSON file and one good article."""
    root = tmp_path_factory.mktemp("build")
    articles = root / "articles"
    articles.mkdir()
    for name in ("geneva-briefing.txt", "geneva-briefing.meta.json"):
        shutil.copy(ingest_fixtures / "articles" / name, articles / name)
    (articles / "broken.json").write_text('{"text": "Talks resumed", "title": ', encoding="utf-8")
    store = root / "store"
    return run_kg("--store", store, "build", "--no-validate", articles), store, articles


@pytest.fixture(scope="module")
def sample_store_on_disk(sample_store, tmp_path_factory) -> Path:
    """The session's sample store, copied graph by graph into an on-disk store for the CLI."""
    path = tmp_path_factory.mktemp("samples") / "store"
    disk = GraphStore(path)
    for g in sample_store.named_graphs():
        disk.replace_graph(g, sample_store.graph(g))
    release(disk)
    return path


# -- help and version -----------------------------------------------------------------------------
def test_cli_help_lists_every_command():
    run = run_kg("--help")
    assert run.code == 0
    assert run.stdout.startswith("Usage: cli [OPTIONS] COMMAND [ARGS]...")
    commands = run.stdout.split("Commands:")[1]
    for name in ("build", "export", "queries", "query", "validate"):
        assert f"\n  {name} " in commands


def test_cli_short_help_option():
    assert run_kg("-h").stdout == run_kg("--help").stdout


def test_cli_version_prints_the_package_version():
    run = run_kg("--version")
    assert run.code == 0
    assert run.stdout == f"kg, version {__version__}\n"


@pytest.mark.parametrize("name", [None] + COMMANDS)
def test_cli_help_ends_with_an_example(name):
    command = cli if name is None else cli.commands[name]
    paragraphs = [p.strip() for p in command.help.strip().split("\n\n")]
    assert paragraphs[-1].startswith("Example: kg "), f"{name or 'kg'}: help must end with an example"
    run = run_kg("--help") if name is None else run_kg(name, "--help")
    assert run.code == 0
    description = run.stdout.split("Options:")[0]
    assert "\n  Example: kg " in description


@pytest.mark.parametrize("name", [None] + COMMANDS)
def test_cli_help_example_is_a_valid_invocation(name, repo_root, monkeypatch):
    # each part of the example must name real commands, options and stored queries; --help
    # stops click before anything runs
    monkeypatch.chdir(repo_root)  # examples use repo-relative paths such as data/articles
    command = cli if name is None else cli.commands[name]
    example = command.help.strip().split("\n\n")[-1].strip().removeprefix("Example:").strip()
    for part in example.replace("\n", " ").split("&&"):
        args = shlex.split(part)
        assert args[0] == "kg"
        run = run_kg(*args[1:], "--help")
        assert run.code == 0, f"{part!r}: {run.stderr}"
        if "query" in args:
            assert args[args.index("query") + 1] in stored_queries()


def test_cli_every_command_has_help_text():
    for name in COMMANDS:
        assert cli.commands[name].get_short_help_str(), name


# -- query errors ---------------------------------------------------------------------------------
def test_query_unknown_name_exits_2_with_e501_listing_known_queries(hand_store):
    run = run_kg("--store", hand_store, "query", "nope")
    assert run.code == 2
    known = ", ".join(stored_queries())
    assert run.stderr == f"Error: [E501] No stored query named 'nope'. Known queries: {known}.\n"


def test_query_param_without_equals_gives_e504(hand_store):
    run = run_kg("--store", hand_store, "query", "attendees-at-place", "--param", "Moscow")
    assert run.code == 2
    assert run.stderr == "Error: [E504] --param expects KEY=VALUE, got 'Moscow'.\n"


def test_query_unknown_param_gives_e502(hand_store):
    run = run_kg("--store", hand_store, "query", "attendees-at-place", "-p", "city=Moscow")
    assert run.code == 2
    assert run.stderr == ("Error: [E502] Query 'attendees-at-place' has no parameter 'city'. "
                          "Its parameters: place.\n")


def test_query_on_a_store_that_does_not_exist_exits_2_with_e702(tmp_path):
    missing = tmp_path / "EMPTY"
    run = run_kg("--store", missing, "query", "actors")
    assert run.code == 2
    assert run.stderr.startswith(f"Error: [E702] There is no store at {missing}. ")
    assert f"kg --store {missing} build ARTICLES_DIR" in run.stderr
    assert not missing.exists(), "asking a question must not create a store"


def test_query_reads_while_a_writer_holds_the_store(hand_store):
    holder = GraphStore(hand_store)
    try:
        run = run_kg("--store", hand_store, "query", "actors")
    finally:
        release(holder)
    assert run.code == 0, run.stderr
    assert "kgid:person/vladimir-putin" in run.stdout


def test_build_while_another_writer_holds_the_store_exits_2_with_e704(hand_store, tmp_path):
    holder = GraphStore(hand_store)
    try:
        run = run_kg("--store", hand_store, "build", tmp_path)
    finally:
        release(holder)
    assert run.code == 2
    assert run.stderr.startswith(f"Error: [E704] The store at {hand_store} is being written by another kg process")


# -- query output --------------------------------------------------------------------------------
def test_query_table_output(hand_store):
    run = run_kg("--store", hand_store, "query", "attendees-at-place", "--param", "place=Moscow")
    assert run.code == 0
    lines = run.stdout.splitlines()
    header = lines[0].split()
    assert header[:4] == ["meeting", "date", "place", "attendeeLabel"] and "articles" in header
    assert lines[-1] == "(2 rows)"
    assert any("kgid:meeting/moscow-2025-12-02" in line and "Vladimir Putin" in line for line in lines)


def test_query_json_output_is_sparql_results_json(hand_store):
    run = run_kg("--store", hand_store, "query", "meetings", "--format", "json")
    assert run.code == 0
    data = json.loads(run.stdout)
    assert data["head"]["vars"] == ["meeting", "date", "placeLabel", "attendeeLabel"]
    attendees = {b["attendeeLabel"]["value"] for b in data["results"]["bindings"]}
    assert attendees == {"Vladimir Putin", "Steve Witkoff"}


def test_query_csv_output_has_a_header_and_a_row_per_result(hand_store):
    run = run_kg("--store", hand_store, "query", "claims", "--format", "csv")
    assert run.code == 0
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [(r["speakerLabel"], r["text"], r["doc"]) for r in rows] == [
        ("Steve Witkoff", "the talks had been useful", "moscow-hand")]


def test_query_csv_output_keeps_zero_values(hand_store):
    run = run_kg("--store", hand_store, "query", "evidence", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    first = [r for r in rows if r["words"] == "US"]
    assert first, "the hand-made graph has an evidence for 'US' at offset 0"
    assert [(r["start"], r["end"]) for r in first] == [("0", "2")]


def test_queries_lists_every_stored_query_with_its_params():
    run = run_kg("queries")
    assert run.code == 0
    listed = {line.split()[0] for line in run.stdout.splitlines()}
    assert listed == set(stored_queries())
    assert "--param place=" in next(l for l in run.stdout.splitlines() if l.startswith("attendees-at-place"))


# -- build ------------------------------------------------------------------------------------------
def test_build_bad_json_exits_1_and_names_the_file(built):
    run, store, articles = built
    assert run.code == 1
    assert f"Error: [E103] {articles / 'broken.json'}: invalid JSON (" in run.stderr
    assert run.stdout.startswith(f"Built 1 article(s), ")
    assert run.stdout.rstrip().endswith(f"into {store}: 1 landed, 0 unchanged, 0 skipped, 1 failed.")


def test_build_good_article_next_to_a_bad_one_is_queryable(built):
    _, store, _ = built
    run = run_kg("--store", store, "query", "evidence", "--format", "csv")
    assert run.code == 0
    docs = {r["doc"] for r in csv.DictReader(io.StringIO(run.stdout))}
    assert docs == {"geneva-briefing"}
    actors = run_kg("--store", store, "query", "actors", "--format", "csv")
    assert "Marco Rubio" in {r["label"] for r in csv.DictReader(io.StringIO(actors.stdout))}


def test_build_missing_folder_exits_1_with_e109(tmp_path):
    run = run_kg("--store", tmp_path / "store", "build", tmp_path / "nowhere")
    assert run.code == 1
    assert run.stderr.startswith(f"Error: [E109] {tmp_path / 'nowhere'}: no such file or folder.")


# -- export -----------------------------------------------------------------------------------------
def test_export_trig_writes_a_parseable_trig_with_one_graph_per_article(hand_store, tmp_path):
    out = tmp_path / "graph.trig"
    run = run_kg("--store", hand_store, "export", "--format", "trig", "--out", out)
    assert run.code == 0
    assert run.stderr == f"Wrote {out} (trig).\n"
    assert not Path(f"{out}.part").exists()
    ds = Dataset()
    ds.parse(out, format="trig")
    graphs = [g.identifier for g in ds.graphs() if len(g)]
    store = GraphStore(hand_store, read_only=True)
    try:
        assert sorted(graphs) == store.named_graphs()
        assert sum(len(g) for g in ds.graphs()) == sum(len(store.graph(g)) for g in store.named_graphs())
    finally:
        del store
        gc.collect()


def test_export_nquads_to_stdout(hand_store):
    run = run_kg("--store", hand_store, "export", "--format", "nquads")
    assert run.code == 0
    ds = Dataset()
    ds.parse(data=run.stdout, format="nquads")
    graphs = {g.identifier for g in ds.graphs() if len(g)}
    assert graphs == {KGID[f"graph/{hashlib.sha256(TEXT.encode()).hexdigest()[:16]}"]}
    assert len(run.stdout.strip().splitlines()) == sum(len(g) for g in ds.graphs())


def test_export_from_a_missing_store_exits_2_with_e702(tmp_path):
    run = run_kg("--store", tmp_path / "none", "export", "--out", tmp_path / "x.trig")
    assert run.code == 2
    assert "[E702]" in run.stderr
    assert not (tmp_path / "x.trig").exists()


# -- validate ----------------------------------------------------------------------------------------
def test_validate_sample_store_exits_0(sample_store_on_disk, samples_dir):
    run = run_kg("--store", sample_store_on_disk, "validate")
    assert run.code == 0, run.stdout[-2000:]
    articles = len(read_folder(samples_dir).articles)
    assert run.stdout.startswith(f"Conforms: {articles} article graph(s) checked, no violations.")


@pytest.mark.issue(11)
def test_validate_engines_report_the_same_violations(hand_store, tmp_path):
    # the hand-made article with one actor given a second rdfs:label (kgsh:Actor-label, maxCount 1)
    src = GraphStore(hand_store)
    [graph] = src.named_graphs()
    data = src.graph(graph)
    release(src)
    del src
    witkoff = next(s for s, o in data.subject_objects(RDFS.label) if str(o) == "Steve Witkoff")
    data.add((witkoff, RDFS.label, Literal("S. Witkoff")))
    path = tmp_path / "store"
    store = GraphStore(path)
    store.replace_graph(graph, data)
    release(store)
    del store  # its RocksDB lock, before the CLI opens the store
    gc.collect()
    runs = {engine: run_kg("--store", path, "validate", "--format", "json", "--engine", engine)
            for engine in ("sparql", "pyshacl")}
    assert {run.code for run in runs.values()} == {1}
    found = {engine: sorted((v["shape"], v["focus"], v["path"], v["message"])
                            for v in json.loads(run.stdout)["violations"]) for engine, run in runs.items()}
    assert found["sparql"] == found["pyshacl"]
    assert [v[0] for v in found["sparql"]] == ["https://w3id.org/parley/shapes#Actor-label"]


# -- the installed binary ------------------------------------------------------------------------------
def test_kg_binary_reports_a_missing_store_with_exit_2(tmp_path):
    exe = Path(sys.executable).with_name("kg")
    if not exe.exists():
        pytest.skip(f"the kg entry point is not installed next to {sys.executable} (pip install -e .)")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    assert (version.returncode, version.stdout) == (0, f"kg, version {__version__}\n")
    missing = tmp_path / "EMPTY"
    proc = subprocess.run([exe, "--store", missing, "query", "actors"], capture_output=True, text=True,
                          check=False, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith(f"Error: [E702] There is no store at {missing}. ")


# -- remove -----------------------------------------------------------------------------------------
def test_remove_unknown_article_exits_1_with_e706(built):
    _, store, _ = built
    run = run_kg("--store", store, "remove", "no-such-article.txt")
    assert run.code == 1
    assert run.stderr.startswith("Error: [E706] No article in the store matches 'no-such-article.txt'.")


def test_remove_by_path_takes_the_article_out_and_queries_see_it_gone(built, tmp_path):
    _, store, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    run = run_kg("--store", copy, "remove", "geneva-briefing.txt")
    assert run.code == 0, run.stderr
    assert run.stdout.startswith(f"Removed 1 article(s) from {copy}")
    evidence = run_kg("--store", copy, "query", "evidence", "--format", "csv")
    assert list(csv.DictReader(io.StringIO(evidence.stdout))) == []
    again = run_kg("--store", copy, "remove", "geneva-briefing.txt")
    assert again.code == 1 and "[E706]" in again.stderr
