"""Serve: the SPARQL 1.1 Protocol endpoint, the stored questions over HTTP, and the page."""
from .app import ParleyServer, make_server

__all__ = ["ParleyServer", "make_server"]
