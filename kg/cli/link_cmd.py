"""``kg link``: link a name to Wikidata, or refresh the offline cache from the endpoint."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import Errors, LinkError, ParleyError
from ..link import DEFAULT_CACHE, VERIFIED, WDQS_ENDPOINT, EntityCache, Linker, WikidataClient, refresh_cache
from ..link.entity import KINDS
from .main import EXIT_DATA, cli, fail


@cli.command("link")
@click.argument("name", required=False)
@click.option("--kind", type=click.Choice(KINDS), default=None,
              help="Ontology kind of the name; a candidate of another kind is never accepted. Default: any.")
@click.option("--title", "titles", multiple=True, metavar="TITLE",
              help='A role title from the article, e.g. "Ukrainian president" (repeatable).')
@click.option("--context", "context", multiple=True, metavar="NAME",
              help="Another name in the same article (repeatable).")
@click.option("--online", is_flag=True, help="Also ask the endpoint about a name the offline cache lacks.")
@click.option("--endpoint", default=WDQS_ENDPOINT, show_default=True, help="SPARQL query endpoint.")
@click.option("--refresh", is_flag=True, help="Re-read every cached item from the endpoint and save the cache.")
@click.option("--rebuild-cache", is_flag=True, help="Rebuild the cache from data/wikidata/verified_qids.json.")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_CACHE,
              show_default="data/wikidata/cache.json", help="The offline cache file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def link_cli(name: str | None, kind: str | None, titles: tuple[str, ...], context: tuple[str, ...], online: bool,
             endpoint: str, refresh: bool, rebuild_cache: bool, cache_path: Path, fmt: str) -> None:
    """Link NAME to a Wikidata item: offline from the verified cache, live with --online.

    Prints the QID, or NIL ("no confident match") when no candidate is confident enough, with the
    confidence, the method and the reason. Exit 0 either way (NIL is an answer); 1 for a
    missing NAME; 2 when the endpoint or the cache fails.

    Example: kg link Zelenskiy --kind Person --title "Ukrainian president"
    """
    if (name is None) == (not refresh and not rebuild_cache) or (refresh and rebuild_cache):
        fail(LinkError(Errors.E604), EXIT_DATA)
    try:
        if rebuild_cache:
            cache = EntityCache.from_verified(VERIFIED)
            cache.save(cache_path)
            click.echo(f"rebuilt {cache_path} with {len(cache)} verified items")
            return
        if refresh:
            cache = EntityCache.load(cache_path)
            report = refresh_cache(cache, WikidataClient(endpoint))
            cache.save(cache_path)
            for w in report.warnings:
                click.echo(w, err=True)
            click.echo(f"refreshed {len(report.refreshed)} of {len(cache)} items from {endpoint}; "
                       f"{len(report.missing)} missing")
            return
        linker = Linker.load(cache_path=cache_path, endpoint=endpoint if online else None, strict=True)
        decision = linker.link(name or "", kind, context_names=set(context), titles=titles)
    except ParleyError as e:
        fail(e)
    if fmt == "json":
        click.echo(json.dumps({"name": name, "kind": kind, "qid": decision.qid, "confidence": decision.confidence,
                               "method": decision.method, "reason": decision.reason,
                               "candidates": list(decision.candidates)}, ensure_ascii=False))
    else:
        click.echo(f"{decision.qid or 'NIL'}\tconfidence={decision.confidence:.3f}\tmethod={decision.method}")
        click.echo(decision.reason)
