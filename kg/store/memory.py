"""Keep a long build's memory flat: give freed heap back to the system between chunks.

A build frees most of what one chunk allocated (its graphs, the validation store, the bulk
loader's sorted runs) before the next, but glibc keeps freed pages in its arenas (one per thread
that allocated: Oxigraph's loader threads make several), so the resident set creeps up chunk by
chunk although the live heap does not. ``malloc_trim`` returns those pages; it costs a walk of
the heap, so the store calls it only after a large write (``GraphStore.publish``).
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache


@cache
def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def trim() -> bool:
    """Return the free pages of every malloc arena to the system (glibc only; else nothing)."""
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False
