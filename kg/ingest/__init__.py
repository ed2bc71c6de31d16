"""Ingest: read articles and record their source, metadata and checksum."""
from .readers import IngestResult, article_files, read_folder

__all__ = ["IngestResult", "article_files", "read_folder"]
