"""Writes to a remote store: a graph replaced whole by one Graph Store PUT, the union kept in step, and
an article edited and removed through the real build (issue 11)."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg.graph.namespaces import KGID

EX = "https://example.org/remote-test/"
GRAPH = KGID["graph/remote-test-edit"]


def t(s: str, o: str):
    return (URIRef(EX + s), URIRef(EX + "says"), Literal(o))


def in_union(store, triple) -> bool:
    s, p, o = triple
    return bool(store.select("ASK { ?s ?p ?o }", {"s": s, "p": p, "o": o}))


@pytest.mark.issue(11)
def test_replace_graph_swaps_the_graph_whole_and_keeps_the_union_in_step(remote_store):
    before = {t("a", "old"), t("b", "kept"), t("c", "only before")}
    after = {t("a", "new"), t("b", "kept"), t("d", "only after")}
    try:
        assert remote_store.replace_graph(GRAPH, before) == 3
        assert set(remote_store.graph(GRAPH)) == before
        assert remote_store.replace_graph(GRAPH, after) == 3
        assert set(remote_store.graph(GRAPH)) == after  # nothing of the old graph is left in it
        assert [in_union(remote_store, x) for x in (t("a", "new"), t("d", "only after"), t("b", "kept"))] == [True] * 3
        assert not in_union(remote_store, t("c", "only before"))
        assert not in_union(remote_store, t("a", "old"))
        assert GRAPH in remote_store.named_graphs()
    finally:
        remote_store.remove_graph(GRAPH)
    assert GRAPH not in remote_store.named_graphs()
    assert not in_union(remote_store, t("d", "only after"))


@pytest.mark.issue(11)
def test_state_values_survive_quotes_newlines_and_non_ascii(remote_store):
    subject, value = str(GRAPH), 'a "quoted"\nline, Vučić, 東京 \\ end'
    try:
        remote_store.set_state(subject, "remote-test", value)
        assert remote_store.get_state(subject, "remote-test") == value
        assert (subject, value) in set(remote_store.state_values("remote-test"))
    finally:
        remote_store.set_state(subject, "remote-test", None)
    assert remote_store.get_state(subject, "remote-test") is None


ARTICLE = ("Negotiators from Ruritania and Borduria met in Zenda on 4 May 2031 to discuss the river treaty. "
           "The Ruritanian envoy Anna Berg said the talks were useful.\n")
EDITED = ("Negotiators from Ruritania and Borduria met in Zenda on 4 May 2031 to discuss the river treaty. "
          "The Bordurian envoy Karl Ost said the talks had failed.\n")


@pytest.mark.issue(11)
def test_article_edit_replaces_its_graph_and_remove_takes_it_out(tmp_path, nlp, oxigraph_url):
    """On a fresh Oxigraph server of its own: build one article, edit it, build again, remove it."""
    from remote_servers import start_oxigraph, stop

    from kg.build import build, remove
    from kg.store import open_store

    proc, url = start_oxigraph(tmp_path)
    try:
        store = open_store(url)
        folder = tmp_path / "articles"
        folder.mkdir()
        (folder / "zenda-talks.txt").write_text(ARTICLE, encoding="utf-8")
        first = build(folder, store, nlp=nlp, validate=False)
        [graph] = store.named_graphs()
        old = set(store.graph(graph))
        assert len(first.landed) == 1 and "useful" in " ".join(str(o) for _, _, o in old)
        (folder / "zenda-talks.txt").write_text(EDITED, encoding="utf-8")
        second = build(folder, store, nlp=nlp, validate=False)
        assert len(second.landed) == 1 and store.named_graphs() == [graph]
        new = set(store.graph(graph))
        words = " ".join(str(o) for _, _, o in new)
        assert "failed" in words and "useful" not in words  # the old text's statements are gone
        assert not in_union(store, next(x for x in old - new if "useful" in str(x[2])))
        gone = remove(store, ["zenda-talks.txt"], nlp=nlp, validate=False)
        assert gone.removed and store.named_graphs() == []
        assert list(store.state_values("record")) == []
    finally:
        stop(proc)


@pytest.mark.issue(11)
def test_replace_graphs_and_patch_graph_as_the_build_calls_them(remote_store):
    before = {t("a", "old"), t("c", "only before")}
    try:
        assert remote_store.replace_graphs([(GRAPH, before)]) == [2]
        remote_store.patch_graph(GRAPH, add=[t("e", "patched in")], remove=[t("c", "only before")])
        assert set(remote_store.graph(GRAPH)) == {t("a", "old"), t("e", "patched in")}
        assert in_union(remote_store, t("e", "patched in")) and not in_union(remote_store, t("c", "only before"))
    finally:
        remote_store.remove_graph(GRAPH)
