"""The page's own questions (``kg/serve/queries/*.rq``): the network and an article's text.

They are read like the stored questions (comment header, ``# param`` lines, parameters bound as RDF
terms) but are the page's internals, served under ``/api/NAME`` rather than listed in ``/queries``.
"""
from pathlib import Path

PAGE_QUERIES = Path(__file__).resolve().parent / "queries"
