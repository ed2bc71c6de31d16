"""``kg validate``: SHACL shapes over every article graph, and optionally the OWL reasoner."""
from __future__ import annotations

import json
from collections import defaultdict

import click

from ..errors import ParleyError
from .main import EXIT_DATA, KgContext, cli, fail


def text_report(findings) -> str:
    by_shape = defaultdict(list)
    for f in findings:
        by_shape[str(f.violation.shape)].append(f)
    lines = []
    for shape, items in sorted(by_shape.items()):
        lines.append(f"{shape}  ({len(items)} violation{'s' if len(items) != 1 else ''})")
        for f in items:
            v = f.violation
            who = f.label or str(v.focus_node)
            lines.append(f"  - {who} [{f.article or f.graph}]: {v.message}")
            if f.words:
                lines.append(f"      words: \u201c{f.words[:120]}\u201d")
    return "\n".join(lines)


@cli.command("validate")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text", show_default=True,
              help="turtle prints a standard sh:ValidationReport.")
@click.option("--owl", is_flag=True, help="Also check the ontology plus the data with the OWL reasoner (HermiT).")
@click.option("--engine", type=click.Choice(["sparql", "pyshacl"]), default="sparql", show_default=True,
              help="sparql: the shapes compiled to SPARQL on Oxigraph; pyshacl: the reference validator (slower).")
@click.option("--processes", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes validating article graphs side by side; 0: every core. The report is the same.")
@click.pass_obj
def validate_cli(obj: KgContext, fmt: str, owl: bool, engine: str, processes: int) -> None:
    """Validate the whole graph against ontology/shapes.ttl.

    Exit 0: conforms; 1: violations (grouped by shape, with the article words behind each);
    2: the tool failed.

    Example: kg --store data/store validate --format text
    """
    from ..validate.store import validate_store

    try:
        store = obj.reader()
        report = validate_store(store, engine=engine, jobs=processes or None)
        owl_report = None
        if owl:
            from ..validate.owl import check_consistency
            from rdflib import Graph

            sample = Graph()
            for g in store.named_graphs()[:50]:  # the reasoner is slow: a sample of articles
                sample += store.graph(g)
            owl_report = check_consistency(sample)
    except ParleyError as e:
        fail(e)
    if fmt == "turtle":
        click.echo(report.report_graph.serialize(format="turtle"))
    elif fmt == "json":
        click.echo(json.dumps({
            "conforms": report.conforms and (owl_report is None or owl_report.consistent),
            "graphs": report.graphs,
            "violations": [{"shape": str(f.violation.shape), "focus": str(f.violation.focus_node),
                            "label": f.label, "article": f.article, "message": str(f.violation.message),
                            "path": str(f.violation.path) if f.violation.path else None, "words": f.words}
                           for f in report.findings],
            "owl": None if owl_report is None else {"consistent": owl_report.consistent,
                                                    "detail": getattr(owl_report, "detail", None)},
        }, indent=2))
    else:
        if report.conforms:
            click.echo(f"Conforms: {report.graphs} article graph(s) checked, no violations.")
        else:
            click.echo(text_report(report.findings))
            click.echo(f"\n{len(report.findings)} violation(s) in {report.graphs} article graph(s).")
        if owl_report is not None:
            click.echo("OWL: consistent." if owl_report.consistent else f"OWL: INCONSISTENT: {owl_report.detail}")
    if not report.conforms or (owl_report is not None and not owl_report.consistent):
        raise SystemExit(EXIT_DATA)
