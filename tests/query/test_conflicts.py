"""``conflicts`` rewritten to read the store once, and ``conflicts-of`` for one node (issue 11):
the same conflicts as the query joined pattern by pattern, seen from either side."""
from __future__ import annotations

import pytest

from kg.query import get_query

from test_queries import tiny_store  # noqa: F401 - the module's fixture of hand-made facts

# the conflicts query as it was before the rewrite (candidate pairs first, then each article
# graph pattern by pattern): the reference for the rows
JOINED = """
SELECT DISTINCT ?fact ?subject ?subjectLabel ?value ?doc ?otherValue ?otherDoc WHERE {
  {
    { SELECT DISTINCT ?subject ?other ?place ?value ?otherValue WHERE {
        ?subject a kg:Meeting ; kg:location ?place ; kg:date ?value .
        ?other a kg:Meeting ; kg:location ?place ; kg:date ?otherValue .
        FILTER(?value < ?otherValue && ?otherValue - ?value <= "P3D"^^xsd:dayTimeDuration) } }
    GRAPH ?g1 { ?subject a kg:Meeting ; kg:date ?value ; kg:location ?place ; kg:participant ?who .
                ?a1 a kg:Article ; kg:fileName ?doc }
    GRAPH ?g2 { ?other a kg:Meeting ; kg:date ?otherValue ; kg:location ?place ; kg:participant ?who .
                ?a2 a kg:Article ; kg:fileName ?otherDoc }
    ?place rdfs:label ?subjectLabel .
    BIND("meeting date" AS ?fact)
  } UNION {
    { SELECT DISTINCT ?subject ?p2 ?i1 ?i2 ?subjectLabel ?value ?otherValue WHERE {
        ?subject a kg:Proposal ; kg:hasProvision ?i1 .
        ?i1 kg:topic ?subjectLabel ; kg:quantity ?value .
        ?subject (prov:wasRevisionOf|^prov:wasRevisionOf)* ?p2 .
        ?p2 kg:hasProvision ?i2 .
        ?i2 kg:topic ?subjectLabel ; kg:quantity ?otherValue .
        FILTER(?value < ?otherValue) } }
    GRAPH ?g1 { ?subject kg:hasProvision ?i1 . ?i1 kg:topic ?subjectLabel ; kg:quantity ?value .
                ?a1 a kg:Article ; kg:fileName ?doc }
    GRAPH ?g2 { ?p2 kg:hasProvision ?i2 . ?i2 kg:topic ?subjectLabel ; kg:quantity ?otherValue .
                ?a2 a kg:Article ; kg:fileName ?otherDoc }
    BIND(IF(?subject = ?p2, "quantity between sources", "quantity between versions") AS ?fact)
  }
}"""


def _rows(store, text: str) -> list[tuple]:
    return sorted(tuple(str(v) for v in r.values()) for r in store.rows(text))


@pytest.fixture(params=["tiny", "seeds"])
def store(request, tiny_store):  # noqa: F811
    return tiny_store if request.param == "tiny" else request.getfixturevalue("seed_store")


@pytest.mark.issue(11)
def test_conflicts_gives_the_rows_of_the_query_joined_pattern_by_pattern(store):
    found = _rows(store, get_query("conflicts").text)
    assert found and found == _rows(store, JOINED)


@pytest.mark.issue(11)
def test_conflicts_of_a_node_shows_each_of_its_conflicts_from_its_side(store):
    q = get_query("conflicts-of")
    everything = [r for r in store.rows(get_query("conflicts").text)]
    nodes = {str(r["subject"]) for r in everything}
    for node in sorted(nodes)[:6]:
        mine = {(str(r["fact"]), str(r["subjectLabel"]), str(r["value"]), str(r["doc"]), str(r["otherValue"]),
                 str(r["otherDoc"])) for r in store.rows(q.with_values(q.bind({"node": node})))}
        assert all(str(r["node"]) == node for r in store.rows(q.with_values(q.bind({"node": node}))))
        for r in everything:
            if str(r["subject"]) == node:
                row = (str(r["fact"]), str(r["subjectLabel"]), str(r["value"]), str(r["doc"]), str(r["otherValue"]),
                       str(r["otherDoc"]))
                assert row in mine
    # seen from the other side: a meeting date conflict shows from the other meeting (or the same
    # meeting, given two dates) with the two dates swapped
    unbound = {(str(r["fact"]), str(r["otherValue"]), str(r["value"]), str(r["otherDoc"]), str(r["doc"]))
               for r in store.rows(q.text)}
    for r in everything:
        if r["fact"].startswith("meeting"):
            assert (str(r["fact"]), str(r["value"]), str(r["otherValue"]), str(r["doc"]), str(r["otherDoc"])) in unbound
