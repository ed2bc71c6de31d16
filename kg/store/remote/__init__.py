"""Remote SPARQL stores: an Oxigraph server or Virtuoso 7 behind the embedded store's interface."""
from .config import KINDS, RemoteConfig, is_remote, parse_store
from .store import RemoteStore

__all__ = ["KINDS", "RemoteConfig", "RemoteStore", "is_remote", "parse_store"]
