"""``kg build``: articles in, validated RDF with provenance out."""
from __future__ import annotations

import sys

import click
from tqdm import tqdm

from ..build import build
from ..errors import ParleyError
from .main import EXIT_DATA, KgContext, cli, fail

MAX_SHOWN = 20  # violations printed by build; `kg validate` prints them all


@cli.command("build")
@click.argument("articles", type=click.Path(exists=True))
@click.option("--no-validate", is_flag=True, help="Skip the per-article SHACL check.")
@click.option("--strict", is_flag=True, help="Exit 1 when the built data violates the shapes (default: report them, exit 0).")
@click.option("--processes", "-j", default=1, show_default=True, help="spaCy worker processes.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--wikidata-endpoint", metavar="URL", default=None,
              help="Also link names the offline cache lacks via this SPARQL endpoint "
                   "(e.g. https://query.wikidata.org/sparql). Default: offline cache only.")
@click.pass_obj
def build_cli(obj: KgContext, articles: str, no_validate: bool, strict: bool, processes: int,
              progress: bool | None, wikidata_endpoint: str | None) -> None:
    """Build the graph from ARTICLES (a folder, searched recursively, or one file).

    Reads .txt (with optional <stem>.meta.json sidecar), .html, .json and .jsonl articles; each
    article's statements land in a named graph of their own, replaced when rebuilt.
    Exit 0: every article read was built (shape violations are reported; --strict makes them
    exit 1, and `kg validate` always does); 1: some input could not be read (the rest still
    landed); 2: the tool failed.

    Example: kg --store data/store build data/articles
    """
    try:
        store = obj.store()
        from ..extract import load_nlp

        from ..link import Linker

        nlp = load_nlp()
        linker = Linker.load(endpoint=wikidata_endpoint)
    except ParleyError as e:
        fail(e)
    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(desc="extracting", unit="article", disable=not show, file=sys.stderr) as bar:
        report = build(articles, store, nlp=nlp, validate=not no_validate, n_process=processes,
                       progress=bar.update, linker=linker)
    for error in report.errors:
        click.echo(f"Error: {error}", err=True)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for path in report.duplicates:
        click.echo(f"Skipped {path}: same text as an article already read.", err=True)
    click.echo(f"Built {len(report.landed)} article(s), {report.triples} triples, into {obj.store_path}.")
    violations = report.violations
    if violations:
        from .validate_cmd import text_report

        click.echo(text_report(violations[:MAX_SHOWN]), err=True)
        click.echo(f"{len(violations)} shape violation(s); `kg --store {obj.store_path} validate` reports them all.",
                   err=True)
    if report.errors or (strict and violations):
        raise SystemExit(EXIT_DATA)
