"""Graph: namespaces, deterministic IRIs, triples and PROV provenance."""
from .identity import KnownMeeting, resolve_meetings
from .namespaces import KG, KGID, OA, PREFIXES, SCHEMA, WD, bind_prefixes
from .triples import facts_graph, facts_triples

__all__ = ["KG", "KGID", "OA", "PREFIXES", "SCHEMA", "WD", "KnownMeeting", "bind_prefixes", "facts_graph",
           "facts_triples", "resolve_meetings"]
