"""The part of pyoxigraph's ``Store`` reading API that Parley calls on ``GraphStore.store``, over HTTP.

``kg.query.run.execute`` (and so ``kg query``, ``kg sparql``, ``kg serve``) and the build's first-run
check call ``store.store.query(...)`` and ``store.store.contains_named_graph(...)``. A remote store
offers the same calls here, answered by the server and handed back as the same pyoxigraph objects
(``QuerySolutions``, ``QueryBoolean``, triples), so the code above the store cannot tell the difference.
Parameters (``substitutions``) are bound in a VALUES block of terms written by Oxigraph, never spliced as text.
"""
from __future__ import annotations

import re

import pyoxigraph as ox

# what kind of answer to ask for: comments, strings and IRIs removed, the first query-form keyword
_NOISE = re.compile(r'''"{3}.*?"{3}|'{3}.*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n]*''',
                    re.S)
_FORM = re.compile(r"(?<![\w?$:-])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", re.I)


def graph_form(text: str) -> bool:
    """Whether ``text`` is a CONSTRUCT or DESCRIBE (its answer is triples, not solutions)."""
    m = _FORM.search(_NOISE.sub(" ", text))
    return bool(m) and m.group(1).upper() in ("CONSTRUCT", "DESCRIBE")


def prologue(prefixes: dict[str, str] | None) -> str:
    return "".join(f"PREFIX {k}: {ox.NamedNode(v)}\n" for k, v in (prefixes or {}).items())


def with_values(text: str, substitutions: dict) -> str:
    """``text`` with ``substitutions`` as a VALUES block opening its outermost group (after the first
    ``WHERE {``, or the first ``{`` of ``ASK { }``): a join with every solution, as Oxigraph's substitution
    of a projected variable is. (Virtuoso 7 rejects the standard trailing VALUES after an ASK.)"""
    if not substitutions:
        return text
    names = list(substitutions)
    row = " ".join(str(substitutions[n]) for n in names)
    block = " VALUES (" + " ".join("?" + (n.value if isinstance(n, ox.Variable) else str(n)) for n in names) + \
        f") {{ ({row}) }} "
    masked = _NOISE.sub(lambda m: " " * len(m.group(0)), text)
    m = re.search(r"\bWHERE\s*\{", masked, re.I) or re.search(r"\{", masked)
    if m is None:
        raise ValueError("no group pattern to bind parameters in")
    return text[:m.end()] + block + text[m.end():]


def _iris(graphs) -> list[str] | None:
    if graphs is None:
        return None
    if isinstance(graphs, (ox.NamedNode, ox.DefaultGraph)):
        graphs = [graphs]
    return [g.value for g in graphs if isinstance(g, ox.NamedNode)]


class RemoteDataset:
    """``store.store`` of a remote store: ``query``, ``contains_named_graph``, ``named_graphs``,
    ``quads_for_pattern`` with pyoxigraph's signatures."""

    def __init__(self, remote) -> None:
        self.remote = remote  # the RemoteStore

    def query(self, query: str, *, substitutions: dict | None = None, prefixes: dict[str, str] | None = None,
              default_graph=None, named_graphs=None, use_default_graph_as_union: bool = False, **_ignored):
        text = prologue(prefixes) + with_values(query, substitutions or {})
        return self.remote.client.query(text, graph_form=graph_form(query), default_graphs=_iris(default_graph),
                                        named_graphs=_iris(named_graphs))

    def contains_named_graph(self, graph) -> bool:
        iri = graph.value if isinstance(graph, ox.NamedNode) else str(graph)
        return self.remote.has_graph(iri)

    def named_graphs(self):
        return iter(ox.NamedNode(g) for g in self.remote.graph_iris())

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None):
        """Quads matching a pattern; ``graph_name`` must be a named graph (the union is not stored here)."""
        if not isinstance(graph_name, ox.NamedNode):
            raise NotImplementedError("a remote store reads quads graph by graph")
        for triple in self.remote.triples(graph_name.value):
            if all(t is None or t == getattr(triple, name) for name, t in
                   (("subject", subject), ("predicate", predicate), ("object", object))):
                yield ox.Quad(triple.subject, triple.predicate, triple.object, graph_name)
