"""Issue 11: an export from a remote store holds what the embedded store's export holds, streamed from
the server graph by graph (kg.store.remote.store.RemoteStore.export)."""
from __future__ import annotations

import io

import pyoxigraph as ox
import pytest


def quads(data: bytes, fmt) -> set:
    return set(ox.parse(data, format=fmt))


@pytest.mark.issue(11)
@pytest.mark.parametrize("fmt,rdf_format", [("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS)])
def test_export_keeps_each_graph_of_the_embedded_export(remote_store, embedded_reference, fmt, rdf_format):
    got = quads(remote_store.export(None, fmt=fmt), rdf_format)
    assert got == quads(embedded_reference.export(None, fmt=fmt), rdf_format)
    assert {q.graph_name for q in got} == {ox.NamedNode(str(g)) for g in embedded_reference.all_graphs()}


@pytest.mark.issue(11)
@pytest.mark.parametrize("fmt,rdf_format", [("nt", ox.RdfFormat.N_TRIPLES), ("turtle", ox.RdfFormat.TURTLE)])
def test_union_export_states_each_triple_once(remote_store, embedded_reference, fmt, rdf_format):
    data = remote_store.export(None, fmt=fmt)
    expected = quads(embedded_reference.export(None, fmt=fmt), rdf_format)
    assert quads(data, rdf_format) == expected
    if fmt == "nt":  # the union written once: no line twice, although graphs share triples
        stated = sum(len(remote_store.triples(str(g))) for g in embedded_reference.all_graphs())
        assert stated > len(expected)
        lines = data.decode("utf-8").splitlines()
        assert len(lines) == len(set(lines)) == len(expected)


@pytest.mark.issue(11)
def test_export_writes_into_a_stream(remote_store, embedded_reference):
    out = io.BytesIO()
    assert remote_store.export(out, fmt="nquads") is None
    assert quads(out.getvalue(), ox.RdfFormat.N_QUADS) == quads(embedded_reference.export(None, fmt="nquads"),
                                                               ox.RdfFormat.N_QUADS)
