"""Issue 11: a stored question about one node starts from the bound value in every group Oxigraph
evaluates on its own (a subquery is evaluated once and joined by hashing: unbound, it reads the
whole store), so each subquery that matches a parameter carries its own ``# (bound parameters)``
line, and StoredQuery.with_values writes the VALUES block into each of them."""
from __future__ import annotations

import re

import pytest

from kg.query import stored_queries
from kg.query.stored import _MARKER, _masked

QUERIES = stored_queries()
PARAMETRISED = sorted(n for n in QUERIES if QUERIES[n].params)


def subqueries(text: str) -> list[str]:
    """The text of each nested SELECT ... { } (comments kept, braces counted on the masked text)."""
    masked = _masked(text)
    first = re.search(r"\bSELECT\b", masked, re.I)
    out = []
    for m in re.finditer(r"\bSELECT\b", masked, re.I):
        if m.start() == first.start():
            continue
        start = masked.index("{", m.end())
        depth = 0
        for i in range(start, len(masked)):
            depth += {"{": 1, "}": -1}.get(masked[i], 0)
            if depth == 0:
                out.append(text[m.start():i + 1])
                break
    return out


@pytest.mark.issue(11)
@pytest.mark.parametrize("name", PARAMETRISED)
def test_a_subquery_that_matches_a_parameter_starts_from_the_bound_value(name):
    q = QUERIES[name]
    for sub in subqueries(q.text):
        matched = [p for p in q.params if re.search(rf"\?{p}\b", _masked(sub))]
        if matched:
            assert _MARKER.search(sub), f"{name}: a subquery matching ?{matched[0]} has no '# (bound parameters)' line"


@pytest.mark.issue(11)
@pytest.mark.parametrize("name", PARAMETRISED)
def test_with_values_writes_one_values_block_per_marked_group(name):
    q = QUERIES[name]
    bound = q.with_values(q.bind({p: "x" if kind == "string" else "https://example.org/x"
                                  for p, kind in q.params.items()}))
    markers = len(_MARKER.findall(q.text))
    assert bound.count(" VALUES (") == max(markers, 1)


def test_subqueries_finds_the_nested_selects():
    text = "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?b \"}\" } } OPTIONAL { SELECT ?a ?c { ?a ?c 1 } } }"
    assert subqueries(text) == ['SELECT ?a WHERE { ?a ?b "}" }', "SELECT ?a ?c { ?a ?c 1 }"]


@pytest.mark.issue(11)
def test_the_rewritten_questions_have_subqueries_to_check():
    assert all(subqueries(QUERIES[n].text) for n in ("meetings-of-actor", "attendees-at-place", "proposal-versions"))
