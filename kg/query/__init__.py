"""Query: load and run the stored SPARQL files in queries/, and ad-hoc read-only SPARQL."""
from .as_of import graphs_as_of, parse_date
from .forms import query_form
from .run import GRAPH_FORMATS, RESULT_FORMATS, Result, execute, formats_for
from .stored import QUERY_DIR, StoredQuery, get_query, parse_params, stored_queries

__all__ = ["GRAPH_FORMATS", "QUERY_DIR", "RESULT_FORMATS", "Result", "StoredQuery", "execute", "formats_for",
           "get_query", "graphs_as_of", "parse_date", "parse_params", "query_form", "stored_queries"]
