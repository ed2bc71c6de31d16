"""Parley: a knowledge graph of negotiations in the news."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("parley-kg")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
