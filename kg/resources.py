"""Where the files that ship with Parley are: ``queries/``, ``ontology/`` and ``data/`` (gazetteer, Wikidata cache).

In the repository they stay at the top level (the layout users asked for). A wheel carries copies inside the
package, under ``kg/assets/`` (``setup.py`` copies them at build time), so an installed ``kg`` finds them without
a source tree. The packaged copy wins when it exists; otherwise this is a source checkout or an editable install.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PACKAGED = PACKAGE / "assets"
SOURCE_TREE = PACKAGE.parent
SHIPPED = ("queries", "ontology", "data/gazetteer", "data/wikidata")


def resource(name: str) -> Path:
    """The folder ``name`` (one of ``SHIPPED``, e.g. ``"queries"`` or ``"data/wikidata"``)."""
    packaged = PACKAGED / name
    return packaged if packaged.is_dir() else SOURCE_TREE / name
