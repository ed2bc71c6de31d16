"""kg.build: one bad article does not sink the batch, and is not lost itself."""
from __future__ import annotations

import hashlib

import pytest
from spacy.language import Language

from kg.build import build
from kg.extract import load_nlp
from rdflib import Literal
from rdflib.namespace import RDF

from kg.graph import KG, SCHEMA, iri
from kg.model import Article, Span
from kg.store import GraphStore

MARKER = "BREAKS-THE-EXTRACTOR"


@Language.component("test_fail_on_marker")
def fail_on_marker(doc):
    if MARKER in doc.text:
        raise RuntimeError("this article breaks the pipeline")
    return doc


def article(stem: str, text: str) -> Article:
    a = Article(path=f"{stem}.txt", stem=stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    a.body = [Span(0, len(text))]
    return a


@pytest.fixture(scope="module")
def failing_nlp():
    nlp = load_nlp()  # a pipeline of its own: the session's shared one stays untouched
    nlp.add_pipe("test_fail_on_marker", first=True)
    return nlp


def test_build_one_failing_article_lands_without_facts_with_w203_and_the_others_land(failing_nlp):
    good = [article(f"good-{i}", f"Foreign ministers met in Geneva on 3 March 2025, officials said ({i}).")
            for i in range(3)]
    bad = article("bad", f"{MARKER} The envoy said the talks were useful.")
    store = GraphStore(None)
    report = build([good[0], bad, good[1], good[2]], store, nlp=failing_nlp)
    assert sorted(o.article.stem for o in report.landed) == ["bad", "good-0", "good-1", "good-2"]
    assert not report.errors
    [w203] = [w for w in report.warnings if w.startswith("[W203]")]
    assert w203.startswith("[W203] bad.txt: extraction failed (RuntimeError: this article breaks the pipeline); "
                           "the article landed with its text and metadata only.")
    assert report.degraded == 1
    assert len(store.named_graphs()) == 4
    bad_graph = store.graph(iri.graph_iri(bad))
    assert (iri.article_iri(bad), SCHEMA.text, Literal(bad.text)) in bad_graph
    assert not list(bad_graph.subjects(RDF.type, KG.Meeting))
