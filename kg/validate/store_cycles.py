"""kgsh:StoreRevisionCycle: revision is a strict order over the whole store.

Not one SPARQL query: "?value prov:wasRevisionOf* ?this" walks the lineage from every step, so a
long chain costs its length squared (measured: 2,000 steps 1 s, 8,000 steps 40 s). The steps are
read with one query and the cycles found as strongly connected components, in linear time
(:mod:`kg.validate.store_checks` runs the check with the others).
"""
from __future__ import annotations

import pyoxigraph as ox

from ..store import GraphStore

REVISION_STEPS = """
SELECT ?this ?value ?graph ?name
WHERE {
    GRAPH ?graph {
        ?this prov:wasRevisionOf ?value .
        OPTIONAL { ?graph prov:wasDerivedFrom/kg:fileName ?name }
    }
}"""


def components(edges: set[tuple]) -> dict:
    """Tarjan's strongly connected components, iteratively: node -> component number, for the
    nodes of components that hold a cycle (two or more nodes, or a self-loop)."""
    succ: dict = {}
    for a, b in edges:
        succ.setdefault(a, []).append(b)
        succ.setdefault(b, [])
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    comp: dict = {}
    for root in succ:
        if root in index:
            continue
        work = [(root, iter(succ[root]))]
        index[root] = low[root] = len(index)
        stack.append(root), on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child), on_stack.add(child)
                    work.append((child, iter(succ[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.append(member)
                        if member == node:
                            break
                    if len(members) > 1 or (node, node) in edges:
                        for member in members:
                            comp[member] = index[node]
    return comp


def revision_cycle_rows(store: GraphStore, focus: list | None = None) -> list[dict]:
    # given focus nodes: a new cycle runs through a step from one of them, so follow the steps
    # from each; only when one leads back are all the steps read (the rows of the whole store)
    if focus is not None and not any(leads_back(store, node) for node in focus):
        return []
    by_graph: dict = {}
    names: dict = {}
    for row in store.rows(REVISION_STEPS):
        by_graph.setdefault(row["graph"], set()).add((row["this"], row["value"]))
        if row["name"] is not None:
            names[row["graph"]] = str(row["name"])
    union = set().union(*by_graph.values()) if by_graph else set()
    comp = components(union)
    cyclic = {(a, b) for a, b in union if a in comp and comp[a] == comp.get(b)}
    if not cyclic:
        return []
    # a cycle that one article states whole is kgsh:ProposalRevisionCycleShape's
    whole = set()
    stating: dict = {}
    for graph, edges in by_graph.items():
        mine = edges & cyclic
        if not mine:
            continue
        for edge in mine:
            stating.setdefault(edge, []).append(graph)
        local = components(edges)
        whole |= {(a, b) for a, b in mine if a in local and local[a] == local.get(b)}
    articles: dict = {}  # component -> the articles stating its steps
    for edge, graphs in stating.items():
        articles.setdefault(comp[edge[0]], set()).update(names.get(g, str(g)) for g in graphs)
    listed = {c: sorted(names) for c, names in articles.items()}
    return [{"this": a, "value": b, "graph": min(stating[(a, b)]), "articles": listed[comp[a]]}
            for a, b in sorted(cyclic - whole)]


def leads_back(store: GraphStore, start) -> bool:
    """Whether following prov:wasRevisionOf (in the union) from ``start`` comes back to it."""
    step = ox.NamedNode("http://www.w3.org/ns/prov#wasRevisionOf")
    seen, todo = set(), [start]
    while todo:
        for q in store.store.quads_for_pattern(todo.pop(), step, None, ox.DefaultGraph()):
            if q.object == start:
                return True
            if q.object not in seen:
                seen.add(q.object)
                todo.append(q.object)
    return False


def cycle_detail(row: dict, store: GraphStore) -> str:
    names = row["articles"]
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return (f"<{row['this']}> is transitively a revision of itself via <{row['value']}>; "
            f"the steps of the cycle are stated in {shown}")


