"""Store: the embedded Oxigraph store behind one small interface."""
from .oxigraph import EXPORT_FORMATS, STATE_GRAPH, GraphStore

__all__ = ["EXPORT_FORMATS", "STATE_GRAPH", "GraphStore"]
