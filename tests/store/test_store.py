"""The Oxigraph store: named graphs replaced whole, exports, bound parameters, persistence."""
from __future__ import annotations

import gc
import os
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg.errors import StoreError
from kg.graph.namespaces import KG, KGID
from kg.query import get_query
from kg.store import STATE_GRAPH, GraphStore

G1, G2 = KGID["graph/aaaaaaaaaaaaaaaa"], KGID["graph/bbbbbbbbbbbbbbbb"]
PUTIN, WITKOFF = KGID["person/vladimir-putin"], KGID["person/steve-witkoff"]
MOSCOW, MEETING = KGID["place/moscow"], KGID["meeting/moscow-2025-12-02"]
INJECTION = 'Moscow" } } DROP ALL ; #'


def meeting_graph(doc: str, *attendees: URIRef) -> Graph:
    """The little an article graph needs for attendees-at-place to find it."""
    article = KGID[f"article/{doc}"]
    g = Graph()
    g.add((article, RDF.type, KG.Article))
    g.add((article, KG.fileName, Literal(doc)))
    g.add((MEETING, RDF.type, KG.Meeting))
    g.add((MEETING, KG.location, MOSCOW))
    g.add((MOSCOW, RDFS.label, Literal("Moscow")))
    for person, label in ((PUTIN, "Vladimir Putin"), (WITKOFF, "Steve Witkoff")):
        if person in attendees:
            g.add((MEETING, KG.participant, person))
            g.add((person, RDFS.label, Literal(label)))
    return g


@pytest.fixture
def two_graph_store(fresh_store) -> GraphStore:
    fresh_store.replace_graph(G1, meeting_graph("first", PUTIN))
    fresh_store.replace_graph(G2, meeting_graph("second", PUTIN, WITKOFF))
    return fresh_store


def quads(store: GraphStore) -> set[tuple[str, ...]]:
    """Every quad, the derived union in the default graph included."""
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
            for q in store.store.quads_for_pattern(None, None, None)}


def union(store: GraphStore) -> set[tuple[str, str, str]]:
    """What queries without GRAPH see: the default graph."""
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in store.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def named_total(store: GraphStore) -> int:
    return sum(len(store.graph(g)) for g in store.named_graphs())


# -- writing ------------------------------------------------------------------------------------
def test_replace_graph_returns_the_number_of_quads_written(fresh_store):
    g = meeting_graph("first", PUTIN)
    assert fresh_store.replace_graph(G1, g) == len(g) == len(fresh_store)


def test_replace_graph_leaves_no_leftovers(two_graph_store):
    only_in_first = (f"<{KGID['article/first']}>", f"<{KG.fileName}>", '"first"')
    assert only_in_first in union(two_graph_store)
    before_g2 = {q for q in quads(two_graph_store) if q[3] == f"<{G2}>"}
    replacement = Graph()
    replacement.add((KGID["article/first"], RDF.type, KG.Article))
    assert two_graph_store.replace_graph(G1, replacement) == 1
    g1 = two_graph_store.graph(G1)
    assert set(g1) == {(KGID["article/first"], RDF.type, KG.Article)}
    assert {q for q in quads(two_graph_store) if q[3] == f"<{G2}>"} == before_g2, "other graphs untouched"
    assert two_graph_store.named_graphs() == [G1, G2]
    # the union forgets what only the old version of G1 said: its file name
    assert only_in_first not in union(two_graph_store)


def test_replace_graph_keeps_in_the_union_what_another_article_still_states(two_graph_store):
    shared = (f"<{MEETING}>", f"<{KG.participant}>", f"<{PUTIN}>")
    assert shared in union(two_graph_store)
    two_graph_store.replace_graph(G1, Graph())  # G1 no longer says Putin was there; G2 still does
    assert shared in union(two_graph_store)
    two_graph_store.remove_graph(G2)
    assert shared not in union(two_graph_store)
    assert union(two_graph_store) == set(), "nothing is stated any more"


def test_replace_graph_union_is_the_set_union_of_the_named_graphs(two_graph_store):
    named = {q[:3] for q in quads(two_graph_store) if q[3] != str(ox.DefaultGraph())}
    assert union(two_graph_store) == named
    assert len(two_graph_store) == len(named) < named_total(two_graph_store)


def test_replace_graph_twice_with_the_same_triples_changes_nothing(two_graph_store):
    before = quads(two_graph_store)
    two_graph_store.replace_graph(G1, meeting_graph("first", PUTIN))
    assert quads(two_graph_store) == before


def test_replace_graph_with_nothing_empties_it(two_graph_store):
    two_graph_store.replace_graph(G1, [])
    assert len(two_graph_store.graph(G1)) == 0
    assert len(two_graph_store.graph(G2)) > 0


def test_remove_graph_drops_only_that_graph(two_graph_store):
    two_graph_store.remove_graph(G1)
    two_graph_store.remove_graph(KGID["graph/never-there"])  # no error
    assert two_graph_store.named_graphs() == [G2]


def test_remove_graph_keeps_what_another_graph_states_and_takes_blank_nodes_out(two_graph_store):
    from rdflib import BNode

    from kg.graph.inference import INFERRED_GRAPH

    note = BNode()
    g = meeting_graph("first", PUTIN)
    g.add((note, RDFS.comment, Literal("a remark with no name of its own")))
    g.add((MEETING, RDF.type, KG.Event))  # also stated by the derived graph below, and by no other article
    two_graph_store.replace_graph(G1, g)
    typed = (f"<{MEETING}>", f"<{RDF.type}>", f"<{KG.Event}>")
    two_graph_store.replace_graph(INFERRED_GRAPH, [(MEETING, RDF.type, KG.Event)])  # a derived graph
    two_graph_store.set_state(str(G1), "note", "bookkeeping")
    two_graph_store.remove_graph(G1)
    assert G1 not in two_graph_store.all_graphs()
    assert not any(isinstance(q.subject, ox.BlankNode) for q in two_graph_store.store.quads_for_pattern(None, None, None))
    assert (f"<{KGID['article/first']}>", f"<{KG.fileName}>", '"first"') not in union(two_graph_store)
    assert (f"<{MEETING}>", f"<{KG.participant}>", f"<{PUTIN}>") in union(two_graph_store)  # G2 says it too
    assert typed in union(two_graph_store)  # stated by the derived graph
    assert two_graph_store.get_state(str(G1), "note") == "bookkeeping"
    assert union(two_graph_store) == {q[:3] for q in quads(two_graph_store) if q[3] != str(ox.DefaultGraph())
                                      and q[3] != f"<{STATE_GRAPH}>"}


def test_many_new_graphs_land_through_the_bulk_loader_as_a_few_do_in_a_transaction(monkeypatch):
    import kg.store.oxigraph as oxigraph

    def write(bulk_min: int) -> set:
        monkeypatch.setattr(oxigraph, "BULK_MIN", bulk_min)
        store = GraphStore(None)
        graphs = [(KGID[f"graph/{i:016d}"], [ox.Triple(ox.NamedNode(str(KGID[f"meeting/m{i % 7}"])),
                                                         ox.NamedNode(str(KG.participant)),
                                                         ox.NamedNode(str(KGID[f"person/p{k}"])))
                                               for k in range(i % 5 + 1)]) for i in range(40)]
        assert store.replace_graphs(graphs) == [i % 5 + 1 for i in range(40)]
        return quads(store)

    assert write(0) == write(10**9)


def test_store_graph_round_trips_the_stored_graph(fresh_store):
    g = meeting_graph("second", PUTIN, WITKOFF)
    fresh_store.replace_graph(G1, g)
    assert isomorphic(fresh_store.graph(G1), g)


def test_replace_graph_again_keeps_a_decimal_the_store_canonicalises(fresh_store):
    quantity = (KGID["proposal/plan/provision/army-cap"], KG.quantity, Literal(Decimal("600000.0")))
    g = Graph()
    g.add(quantity)
    fresh_store.replace_graph(G1, g)
    assert len(fresh_store.graph(G1)) == 1
    fresh_store.replace_graph(G1, g)  # a rebuild of the same article
    assert len(fresh_store.graph(G1)) == 1
    assert len(fresh_store) == 1


def test_load_file_unreadable_rdf_gives_e703(fresh_store, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://a> <http://b> .", encoding="utf-8")
    with pytest.raises(StoreError, match=r"^\[E703\] .*bad\.ttl"):
        fresh_store.load_file(bad)
    assert len(fresh_store) == 0


# -- export -------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nquads", "nquads")])
def test_export_quad_formats_keep_the_named_graphs(two_graph_store, tmp_path, fmt, rdflib_format):
    out = tmp_path / f"graph.{fmt}"
    two_graph_store.export(out, fmt=fmt)
    ds = Dataset()
    ds.parse(out, format=rdflib_format)
    graphs = {c.identifier: len(c) for c in ds.graphs() if len(c)}
    assert graphs == {G1: len(two_graph_store.graph(G1)), G2: len(two_graph_store.graph(G2))}
    assert sum(graphs.values()) == named_total(two_graph_store)


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("nt", "nt")])
def test_export_triple_formats_hold_the_union(two_graph_store, tmp_path, fmt, rdflib_format):
    out = tmp_path / f"graph.{fmt}"
    two_graph_store.export(out, fmt=fmt)
    g = Graph()
    g.parse(out, format=rdflib_format)
    both = {(str(s), str(p), str(o)) for s, p, o in two_graph_store.graph(G1)} | {
        (str(s), str(p), str(o)) for s, p, o in two_graph_store.graph(G2)}
    assert {(str(s), str(p), str(o)) for s, p, o in g} == both
    assert len(g) < named_total(two_graph_store), "triples shared by the two articles appear once"
    assert (MEETING, KG.participant, WITKOFF) in g


def test_export_to_memory_returns_bytes(two_graph_store):
    data = two_graph_store.export(None, fmt="nquads")
    assert isinstance(data, bytes)
    lines = data.decode("utf-8").strip().splitlines()
    assert len(lines) == named_total(two_graph_store), "the named graphs only, not the derived union"
    assert all(line.split()[-2].startswith("<https://w3id.org/parley/id/graph/") for line in lines)


# -- parameters are bound, never spliced -------------------------------------------------------------
def test_select_binds_a_parameter(two_graph_store):
    q = get_query("attendees-at-place")
    rows = list(two_graph_store.rows(q.text, q.bind({"place": "Moscow"})))
    assert {str(r["attendeeLabel"]) for r in rows} == {"Vladimir Putin", "Steve Witkoff"}
    putin = next(r for r in rows if str(r["attendeeLabel"]) == "Vladimir Putin")
    assert sorted(str(putin["articles"]).split(", ")) == ["first", "second"]


def test_select_sparql_syntax_in_a_value_returns_no_rows_and_leaves_the_store_intact(two_graph_store):
    before = quads(two_graph_store)
    q = get_query("attendees-at-place")
    rows = list(two_graph_store.rows(q.text, q.bind({"place": INJECTION})))
    assert rows == []
    assert quads(two_graph_store) == before
    assert list(two_graph_store.rows(q.text, q.bind({"place": "Moscow"}))), "the store still answers"


def test_select_value_with_sparql_syntax_matches_that_exact_literal(two_graph_store):
    # the hostile string is data: a place really labelled so is found, and nothing else
    odd = KGID["place/odd"]
    g = meeting_graph("third", WITKOFF)
    g.remove((MEETING, KG.location, MOSCOW))
    g.add((KGID["meeting/odd"], RDF.type, KG.Meeting))
    g.add((KGID["meeting/odd"], KG.location, odd))
    g.add((odd, RDFS.label, Literal(INJECTION)))
    g.add((KGID["meeting/odd"], KG.participant, WITKOFF))
    two_graph_store.replace_graph(KGID["graph/cccccccccccccccc"], g)
    q = get_query("attendees-at-place")
    rows = list(two_graph_store.rows(q.text, q.bind({"place": INJECTION})))
    assert [(str(r["meeting"]), str(r["place"])) for r in rows] == [(str(KGID["meeting/odd"]), INJECTION)]


def test_select_unbound_variables_map_to_none(two_graph_store):
    rows = list(two_graph_store.rows("SELECT ?m ?date WHERE { ?m a kg:Meeting OPTIONAL { ?m kg:date ?date } }"))
    assert rows == [{"m": MEETING, "date": None}]


def test_select_default_graph_is_the_union_of_article_graphs(two_graph_store):
    rows = list(two_graph_store.rows("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }"))
    assert rows[0]["n"].toPython() == 2


# -- on disk ---------------------------------------------------------------------------------------
def test_on_disk_store_reopens_with_the_same_data(tmp_path):
    path = tmp_path / "store"
    store = GraphStore(path)
    store.replace_graph(G1, meeting_graph("first", PUTIN))
    store.replace_graph(G2, meeting_graph("second", PUTIN, WITKOFF))
    store.flush()
    before = quads(store)
    del store
    gc.collect()  # release the RocksDB lock
    again = GraphStore(path)
    assert quads(again) == before
    assert again.named_graphs() == [G1, G2]
    del again
    gc.collect()
    read_only = GraphStore(path, read_only=True)
    assert quads(read_only) == before


def test_on_disk_store_second_writer_gives_e704_naming_the_first(tmp_path):
    first = GraphStore(tmp_path / "store")
    with pytest.raises(StoreError, match=r"^\[E704\] The store at .* is being written by another kg process "
                                         rf"\(pid {os.getpid()}: .*\)\. Wait for it to finish"):
        GraphStore(tmp_path / "store")
    first.close()
    GraphStore(tmp_path / "store").close()  # the lock goes with the writer


def test_reader_opens_while_a_writer_holds_the_store_and_sees_what_was_published(tmp_path):
    path = tmp_path / "store"
    writer = GraphStore(path)
    writer.replace_graph(G1, meeting_graph("first", PUTIN))
    writer.flush()  # published
    writer.replace_graph(G2, meeting_graph("second", PUTIN, WITKOFF))  # not yet published
    reader = GraphStore.reader(path)
    assert reader.named_graphs() == [G1]
    writer.flush()
    assert reader.refresh() is True
    assert reader.named_graphs() == [G1, G2]
    assert reader.refresh() is False
    writer.close()
    reader.close()


def test_reader_of_a_store_in_the_old_flat_layout_gives_e705(tmp_path):
    import pyoxigraph

    old = tmp_path / "old"
    pyoxigraph.Store(str(old)).flush()
    gc.collect()
    with pytest.raises(StoreError, match=r"^\[E705\] .* layout of an earlier Parley"):
        GraphStore.reader(old)


def test_writer_keeps_only_the_newest_snapshots_not_held_by_readers(tmp_path):
    from kg.store import layout

    path = tmp_path / "store"
    writer = GraphStore(path)
    writer.publish()
    reader = GraphStore.reader(path)  # holds the second snapshot
    for _ in range(4):
        writer.publish()
    layout.settle()  # old snapshots are removed beside the writer's next steps
    snaps = sorted(p.name for p in (path / layout.SNAPSHOTS).iterdir() if p.name.isdigit())
    assert reader.snapshot.name in snaps
    assert len(snaps) == layout.KEEP + 1
    writer.close()
    reader.close()


def test_on_disk_store_path_that_is_a_file_gives_e701(tmp_path):
    path = tmp_path / "not-a-folder"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match=r"^\[E701\]"):
        GraphStore(path)


def test_record_index_reads_written_records_back_instead_of_holding_them(fresh_store):
    from kg.store.index import StoreIndex
    from kg.store.records import ArticleRecord

    index = StoreIndex(fresh_store)
    graphs = [f"https://w3id.org/parley/id/graph/r{i:03d}" for i in range(50)]
    for i, g in enumerate(graphs):
        rec = ArticleRecord(graph=g, source="", sha256=f"{i:064x}", path=f"a{i}.txt", file=f"a{i}.txt", root=None,
                            extractor="v", published=None, context=[], meetings=[], meeting_iris=[])
        fresh_store.set_state(g, "record", rec.to_json())
        index.put(g, rec)
    assert index.cache == {}, "a large build's records are not all kept in memory"
    assert index.get(graphs[7]).path == "a7.txt"  # read back from the store
    assert index.graphs("sha", f"{7:064x}") == [graphs[7]]
    fresh_store.set_state(graphs[7], "record", None)
    index.drop(graphs[7])
    assert index.get(graphs[7]) is None and index.graphs("sha", f"{7:064x}") == []


def test_record_index_keeps_each_person_names_count_and_keys_as_the_records_give_them(fresh_store):
    """Puts, relabellings and drops in any order: the set-wide count of each name by label written
    and the names of each key are those of the records left, as a rebuild and the memory index say."""
    import random
    from collections import Counter

    from kg.graph.names import name_keys
    from kg.store.index import MemoryIndex, StoreIndex
    from kg.store.records import ArticleRecord, read_records

    rng = random.Random(5)
    names = ["Ada Lindqvist", "Lindqvist", "Bo Lindqvist", "Cem Ozkan", "Ozkan", "Dara Quill"]
    index = StoreIndex(fresh_store)
    graphs = [f"https://w3id.org/parley/id/graph/p{i:02d}" for i in range(12)]
    for _ in range(60):
        g = rng.choice(graphs)
        if rng.random() < 0.25:
            fresh_store.set_state(g, "record", None)
            index.drop(g)
            continue
        persons = {n: rng.choice([n, "Ada Lindqvist", "Cem Ozkan"]) for n in rng.sample(names, rng.randint(1, 3))}
        rec = ArticleRecord(graph=g, source="", sha256=g, path=g, file=g, root=None, extractor="v", published=None,
                            context=[], persons=persons)
        fresh_store.set_state(g, "record", rec.to_json())
        index.put(g, rec)
    records = read_records(fresh_store)
    assert records, "the walk leaves some records"
    want = {n: Counter(rec.persons[n] for rec in records.values() if n in rec.persons) for n in names}
    keyed = {k: sorted(n for n in names if want[n] and k in name_keys(n)) for n in names for k in name_keys(n)}

    def check(ix) -> None:
        assert {n: ix.person(n) for n in names} == {n: dict(c) for n, c in want.items()}
        assert {k: ix.named(k) for k in keyed} == keyed

    check(index)
    check(MemoryIndex(fresh_store))
    index.rebuild()  # from the records, in the store's own state graph
    check(index)


def test_a_large_write_reopens_the_database_at_publish_and_the_index_reads_the_new_one(tmp_path, monkeypatch):
    import kg.store.oxigraph as oxstore
    from kg.store.index import StoreIndex

    monkeypatch.setattr(oxstore, "FLUSH_AFTER", 0)  # every write counts as large
    store = GraphStore(tmp_path / "s")
    index = StoreIndex(store)
    store.replace_graph(G1, meeting_graph("a.txt", PUTIN))
    held = store.store
    store.publish()
    assert store.store is held and store.reopened == 0  # another object holds the database
    del held
    store.replace_graph(G1, meeting_graph("a.txt", PUTIN, WITKOFF))
    store.publish()
    assert store.reopened == 1  # RocksDB's caches let go
    store.replace_graph(G2, meeting_graph("b.txt", WITKOFF))
    store.set_state(str(G2), "record", "{}")
    assert index.raw is store.store and index.has_record(str(G2))
    store.close()
    reader = GraphStore.reader(tmp_path / "s")
    assert set(reader.named_graphs()) == {G1, G2}


def test_patch_graph_with_many_triples_keeps_the_union(fresh_store):
    g = KGID["derived/inferred-types"]
    many = [ox.Triple(ox.NamedNode(f"{KGID}person/p{i}"), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Actor)))
            for i in range(500)]
    fresh_store.patch_graph(g, add=many)
    fresh_store.patch_graph(g, remove=many[:100])
    named = {q.triple for q in fresh_store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))}
    union = {q.triple for q in fresh_store.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert named == set(many[100:]) and union == named


def test_a_publish_with_nothing_written_since_the_last_makes_no_new_snapshot(tmp_path):
    from kg.store import layout

    store = GraphStore(tmp_path / "s")
    store.replace_graph(G1, meeting_graph("a.txt", PUTIN))
    store.flush()
    first = layout.current_snapshot(tmp_path / "s")
    store.flush()  # nothing new: readers already have it
    store.close()
    assert layout.current_snapshot(tmp_path / "s") == first
    store = GraphStore(tmp_path / "s")
    store.set_state(str(G1), "record", "{}")  # a state value is a write too
    store.close()
    assert layout.current_snapshot(tmp_path / "s") != first
    assert GraphStore.reader(tmp_path / "s").get_state(str(G1), "record") == "{}"
