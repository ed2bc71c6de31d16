"""Query: load and run the stored SPARQL files in queries/."""
from .stored import QUERY_DIR, StoredQuery, get_query, parse_params, stored_queries

__all__ = ["QUERY_DIR", "StoredQuery", "get_query", "parse_params", "stored_queries"]
