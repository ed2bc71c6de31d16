"""The ``kg`` command line: thin click commands over plain functions.

Exit codes (as pySHACL's): 0 success (for ``kg validate``: the data conforms); 1 the data failed (an
input file could not be read; shape violations in ``kg validate`` and ``kg build --strict``); 2 the
tool failed (a bug, a locked store, a missing model).
"""
from __future__ import annotations

import logging
import os
import sys

from .main import cli

# importing the command modules registers them on the group
from . import build_cmd, export_cmd, link_cmd, query_cmd, serve_cmd, sparql_cmd, validate_cmd  # noqa: E402,F401
from . import remove_cmd  # noqa: E402,F401


class _NoTraceback(logging.Formatter):
    """Log lines for users: the message, never a traceback (set KG_DEBUG=1 to see them)."""

    def format(self, record: logging.LogRecord) -> str:
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return super().format(record)


def main() -> None:
    if not os.environ.get("KG_DEBUG"):
        handler = logging.StreamHandler()
        handler.setFormatter(_NoTraceback("%(levelname)s: %(name)s: %(message)s"))
        logging.basicConfig(level=logging.WARNING, handlers=[handler])
    try:
        cli(prog_name="kg")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - the tool failed: say so, exit 2
        text = f"kg: internal error: {e!r}".encode("utf-8", "backslashreplace").decode("utf-8")
        print(text, file=sys.stderr)
        sys.exit(2)


__all__ = ["cli", "main"]
