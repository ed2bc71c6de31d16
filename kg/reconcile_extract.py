"""Extraction for a build: one ``nlp.pipe`` over a batch, the failing article isolated.

Split from ``reconcile.py`` (which calls :func:`extract_all` through its own module name, so a
benchmark can stand in for the language model by setting ``kg.reconcile.extract_all``).
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Callable

from .build_report import BuildReport, reason
from .errors import Warnings
from .model import Article, ArticleFacts

log = logging.getLogger(__name__)


def extract_all(articles: list[Article], nlp, *, n_process: int, context: list[date], report: BuildReport,
                 tick: Callable[[int], None], cluster: str | None = None,
                 each: Callable[[int, ArticleFacts], None] | None = None) -> list[ArticleFacts]:
    """Facts for each article, in order, from one ``nlp.pipe`` over the batch; if an article
    makes it fail, that article and the ones after it are redone one at a time. An article whose
    extraction fails even alone lands with its text and metadata only (W203): input the
    extractor cannot handle (another script, odd characters) must not cost the article.
    ``each(i, facts)`` is called for each article's facts as soon as they are made (with ``-j N``
    while the workers parse the articles after it), in order, once per article."""
    each = each or (lambda i, f: None)
    if cluster:  # the same, on the workers of a Dask cluster (kg/cluster.py)
        from .cluster import extract_on_cluster

        found = extract_on_cluster(articles, cluster, nlp=nlp, context=context, report=report, tick=tick)
        for i, facts in enumerate(found):
            each(i, facts)
        return found
    from .extract import extract, extract_many

    out: list[ArticleFacts] = []
    made = extract_many(articles, nlp, n_process=n_process, context_dates=context)
    while True:
        try:
            facts = next(made)
        except StopIteration:
            return out
        except Exception:  # noqa: BLE001 - isolate the failing article below
            log.debug("batch extraction failed after %d articles; going on one by one", len(out), exc_info=True)
            break
        out.append(facts)
        tick(1)
        each(len(out) - 1, facts)  # outside the try: a failure here is not the extractor's
    for article in articles[len(out):]:
        try:
            out.append(extract(article, nlp, context_dates=context))
        except Exception as e:  # noqa: BLE001 - reported per article, batch goes on
            log.debug("extraction failed for %s", article.path, exc_info=True)
            report.warnings.append(Warnings.W203.format(path=article.path, reason=reason(e)))
            report.degraded += 1
            out.append(ArticleFacts(article=article))
        tick(1)
        each(len(out) - 1, out[-1])
    return out
