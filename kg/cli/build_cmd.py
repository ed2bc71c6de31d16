"""``kg build``: articles in, validated RDF with provenance out."""
from __future__ import annotations

import sys

import click
from tqdm import tqdm

from ..build import BuildReport, build
from ..errors import ParleyError
from .main import EXIT_DATA, KgContext, cli, fail

MAX_SHOWN = 20  # violations printed by build; `kg validate` prints them all


def print_report(report: BuildReport, store_path) -> None:
    """Every verdict: errors, then warnings (paths skipped and why), then the counts."""
    for error in report.errors:
        click.echo(f"Error: {error}", err=True)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    violations = report.violations
    if violations:
        from .validate_cmd import text_report

        click.echo(text_report(violations[:MAX_SHOWN]), err=True)
        click.echo(f"{len(violations)} shape violation(s); `kg --store {store_path} validate` reports them all.",
                   err=True)


@cli.command("build")
@click.argument("articles", type=click.Path())
@click.option("--no-validate", is_flag=True, help="Skip the per-article SHACL check.")
@click.option("--strict", is_flag=True, help="Exit 1 when the built data violates the shapes (default: report them, exit 0).")
@click.option("--prune", is_flag=True, help="Also remove the articles built earlier from ARTICLES whose files are gone.")
@click.option("--processes", "-j", default=1, show_default=True, help="spaCy worker processes.")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Extract on a Dask cluster: its scheduler (tcp://host:port), or local:N for N worker "
                   "processes here. The store is written by this process.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--wikidata-endpoint", metavar="URL", default=None,
              help="Also link names the offline cache lacks via this SPARQL endpoint "
                   "(e.g. https://query.wikidata.org/sparql). Default: offline cache only.")
@click.pass_obj
def build_cli(obj: KgContext, articles: str, no_validate: bool, strict: bool, prune: bool, processes: int,
              progress: bool | None, wikidata_endpoint: str | None, cluster: str | None) -> None:
    """Build the graph from ARTICLES (a folder, searched recursively, or one file).

    Reads .txt (with optional <stem>.meta.json sidecar), .html, .json and .jsonl articles. Each
    article is identified by its URL (from its metadata) or else its path in ARTICLES; its
    statements land in a named graph of their own, rewritten only when its text changed. Every
    path gets a verdict: landed, unchanged, skipped (with the reason) or failed (with a coded
    error naming the file and the place); the last line counts them.
    Exit 0: every article read was built (shape violations are reported; --strict makes them
    exit 1, and `kg validate` always does); 1: some input could not be read (the rest still
    landed); 2: the tool failed (another build holds the store, a bug).

    Example: kg --store data/store build data/articles --prune
    """
    try:
        store = obj.store()
        from ..link import Linker

        linker = Linker.load(endpoint=wikidata_endpoint)
    except ParleyError as e:
        fail(e)

    def nlp():
        from ..extract import load_nlp

        return load_nlp()

    show = sys.stderr.isatty() if progress is None else progress
    try:
        with tqdm(desc="extracting", unit="article", disable=not show, file=sys.stderr) as bar:
            # with the total known, the bar shows articles/s and the time left
            report = build(articles, store, nlp=nlp, validate=not no_validate, n_process=processes,
                           progress=bar.update, linker=linker, prune=prune, total=lambda n: bar.reset(total=n),
                           cluster=cluster)
    except ParleyError as e:  # --cluster: E740-E745, before anything was written; a remote store's E72x
        store.close()
        fail(e)
    store.close()
    print_report(report, obj.store_path)
    click.echo(f"Built {len(report.landed)} article(s), {report.triples} triples, into {obj.store_path}: "
               f"{report.summary()}.")
    if report.errors or (strict and report.violations):
        raise SystemExit(EXIT_DATA)
