"""``kg remove``: take articles out of the graph, with every statement only they supported."""
from __future__ import annotations

import click

from ..build import remove
from ..errors import ParleyError
from .build_cmd import print_report
from .main import EXIT_DATA, KgContext, cli, fail


@cli.command("remove")
@click.argument("articles", nargs=-1, required=True)
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of article graphs rewritten by the removal.")
@click.pass_obj
def remove_cli(obj: KgContext, articles: tuple[str, ...], no_validate: bool) -> None:
    """Remove ARTICLES from the store: each a file path as built (relative to the built folder,
    or absolute), the article's URL, or its graph IRI.

    Statements that another article also supports stay; a meeting the removed article alone
    tied to others is re-decided, and the article graphs that change are rewritten.
    Exit 0: all removed; 1: some ARTICLE matched nothing (E706; the others were removed);
    2: the tool failed.

    Example: kg --store data/store remove geneva-briefing.txt https://example.org/news/talks
    """
    try:
        store = obj.store(must_exist=True)
    except ParleyError as e:
        fail(e)

    def nlp():
        from ..extract import load_nlp

        return load_nlp()

    try:
        report = remove(store, articles, nlp=nlp, validate=not no_validate)
    except ParleyError as e:  # a remote store failing mid-way (E72x): the coded message, exit 2
        store.close()
        fail(e)
    store.close()
    print_report(report, obj.store_path)
    click.echo(f"Removed {len(report.removed)} article(s) from {obj.store_path}"
               + (f"; {report.rewritten} other article graph(s) rewritten." if report.rewritten else "."))
    if report.errors:
        raise SystemExit(EXIT_DATA)
