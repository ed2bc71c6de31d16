"""The ``kg`` command line: thin click commands over plain functions.

Exit codes (as pySHACL's): 0 success (for ``kg validate``: the data conforms); 1 the data failed (an
input file could not be read; shape violations in ``kg validate`` and ``kg build --strict``); 2 the
tool failed (a bug, a locked store, a missing model).
"""
from __future__ import annotations

import sys

from .main import cli

# importing the command modules registers them on the group
from . import build_cmd, export_cmd, link_cmd, query_cmd, serve_cmd, sparql_cmd, validate_cmd  # noqa: E402,F401


def main() -> None:
    try:
        cli(prog_name="kg")
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001 - the tool failed: say so, exit 2
        print(f"kg: internal error: {e!r}", file=sys.stderr)
        sys.exit(2)


__all__ = ["cli", "main"]
