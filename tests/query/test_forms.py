"""Which SPARQL texts a read-only interface runs: the query forms, never an update or SERVICE."""
from __future__ import annotations

import pytest

from kg.errors import QueryFailed, ReadOnly
from kg.query import query_form


@pytest.mark.parametrize("text, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("PREFIX ex: <http://example.org/insert#>\nask { ?s ex:drop ?o }", "ASK"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <http://example.org/load>", "DESCRIBE"),
    ('# INSERT DATA in a comment\nSELECT ?x WHERE { BIND("DROP ALL" AS ?x) }', "SELECT"),
    ("SELECT ?insert ?service WHERE { ?insert <http://ex.org/SERVICE> ?service }", "SELECT"),
    ("SELECT ?x WHERE { ?x drop:service ex:load }", "SELECT"),
    ('SELECT ?x WHERE { ?x ?p """a long\nSERVICE string""" }', "SELECT"),
])
def test_query_form_reads_keywords_not_strings_iris_or_names(text, form):
    assert query_form(text) == form


@pytest.mark.parametrize("text, word", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
    ("insert data { <urn:a> <urn:b> <urn:c> }", "INSERT"),
    ("PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ex:p ?o }", "DELETE"),
    ("LOAD <http://example.org/x.ttl> INTO GRAPH <urn:g>", "LOAD"),
    ("CLEAR DEFAULT", "CLEAR"), ("DROP ALL", "DROP"), ("CREATE GRAPH <urn:g>", "CREATE"),
    ("COPY <urn:a> TO <urn:b>", "COPY"), ("MOVE DEFAULT TO <urn:b>", "MOVE"), ("ADD <urn:a> TO <urn:b>", "ADD"),
    ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
])
def test_query_form_refuses_every_update_operation_by_name(text, word):
    with pytest.raises(ReadOnly) as info:
        query_form(text)
    assert str(info.value).startswith(f"[E506] This endpoint is read-only: {word} is a SPARQL Update operation")


def test_query_form_refuses_service():
    with pytest.raises(ReadOnly, match=r"^\[E507\] SERVICE"):
        query_form("SELECT * WHERE { service <http://example.org/sparql> { ?s ?p ?o } }")


def test_query_form_of_text_without_a_query_is_e515():
    with pytest.raises(QueryFailed, match=r"^\[E515\]"):
        query_form("# only a comment")
