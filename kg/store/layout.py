"""The store folder on disk: one writer at a time, any number of readers, at any moment.

::

    STORE/primary/        the Oxigraph (RocksDB) database; only the writer opens it
    STORE/write.lock      held (flock) by the one writer; names its process for the others
    STORE/snapshots/N/    consistent copies (RocksDB checkpoints: hard links, cheap) that readers open
    STORE/snapshots/CURRENT   the name of the newest complete snapshot

RocksDB does not support opening a database read-only while another process writes it (pyoxigraph
0.5: "undefined behavior"; it has no secondary mode). So the writer publishes a checkpoint each
time a set of article graphs is complete, and readers (query, export, validate, serve) open the
newest one read-only: they see every article graph whole or not at all, and never block the
writer. A reader holds a shared lock on its snapshot, so the writer removes only old snapshots
that nobody reads.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import sys
import threading
from pathlib import Path

from ..errors import Errors, StoreError

PRIMARY, SNAPSHOTS, LOCK, CURRENT = "primary", "snapshots", "write.lock", "CURRENT"
KEEP = 2  # snapshots kept besides those still being read


def check_layout(path: Path) -> None:
    """Refuse a folder that holds a database in the old flat layout (RocksDB files at the top)."""
    if (path / "CURRENT").exists() and not (path / PRIMARY).exists():
        raise StoreError(Errors.E705.format(path=path))


class WriteLock:
    """The one-writer lock: ``flock`` on STORE/write.lock, released by the kernel if the writer dies."""

    def __init__(self, path: Path) -> None:
        self.file = open(path / LOCK, "a+")
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.file.seek(0)
            holder = self.file.read().strip() or "unknown process"
            self.file.close()
            raise StoreError(Errors.E704.format(path=path.parent if path.name == LOCK else path,
                                                holder=holder)) from None
        self.file.seek(0)
        self.file.truncate()
        self.file.write(f"pid {os.getpid()}: {' '.join(Path(a).name if i == 0 else a for i, a in enumerate(sys.argv))[:200]}")
        self.file.flush()

    def release(self) -> None:
        if not self.file.closed:
            self.file.seek(0)
            self.file.truncate()
            self.file.close()


def writer_active(path: Path) -> bool:
    """Whether a writer holds the store now (a probe: taken and released at once)."""
    try:
        with open(path / LOCK, "a+") as f:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return False
    except OSError:
        return True


def current_snapshot(path: Path) -> Path | None:
    try:
        name = (path / SNAPSHOTS / CURRENT).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    snap = path / SNAPSHOTS / name
    return snap if name.isdigit() and snap.is_dir() else None


def publish(store, path: Path) -> Path:
    """Checkpoint the writer's ``store`` as the newest snapshot and point CURRENT at it."""
    snaps = path / SNAPSHOTS
    snaps.mkdir(exist_ok=True)
    numbers = [int(p.name) for p in snaps.iterdir() if p.name.isdigit()]
    name = f"{max(numbers, default=0) + 1:010d}"
    tmp = snaps / f"tmp-{name}"
    if tmp.exists():
        shutil.rmtree(tmp)
    settle()  # the previous snapshot's clean-up is done (at most one at a time)
    store.flush()
    store.backup(str(tmp))
    os.rename(tmp, snaps / name)
    pointer = snaps / f"{CURRENT}.tmp"
    pointer.write_text(name, encoding="ascii")
    os.replace(pointer, snaps / CURRENT)
    # Removing an old snapshot deletes the files that compaction has since made its own (real
    # deletions, not unlinked hard links: the slow part of a publish in a large store), so it
    # runs beside the writer's next steps; the next publish, and closing the store, wait for it.
    _COLLECTOR[0] = threading.Thread(target=_collect, args=(snaps,), kwargs={"keep": {name}},
                                     name="kg-snapshot-collect")
    _COLLECTOR[0].start()
    return snaps / name


_COLLECTOR: list[threading.Thread | None] = [None]


def settle() -> None:
    """Wait until the removal of old snapshots started by the last publish is done."""
    thread = _COLLECTOR[0]
    if thread is not None:
        thread.join()
        _COLLECTOR[0] = None


def _collect(snaps: Path, *, keep: set[str]) -> None:
    """Remove old snapshots and half-made ones, except the newest few and any a reader holds."""
    numbered = sorted((p for p in snaps.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: p.name)
    keep = keep | {p.name for p in numbered[-KEEP:]}
    for snap in numbered:
        if snap.name in keep:
            continue
        lock = snaps / f"{snap.name}.lock"
        with open(lock, "a+") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a reader has it open
            shutil.rmtree(snap, ignore_errors=True)
            lock.unlink(missing_ok=True)
    for tmp in snaps.glob("tmp-*"):
        shutil.rmtree(tmp, ignore_errors=True)


def hold_snapshot(path: Path) -> tuple[Path, object] | None:
    """The newest snapshot, with a shared lock that keeps the writer from removing it."""
    for _ in range(5):
        snap = current_snapshot(path)
        if snap is None:
            return None
        f = open(path / SNAPSHOTS / f"{snap.name}.lock", "a+")
        fcntl.flock(f, fcntl.LOCK_SH)
        if snap.is_dir():
            return snap, f
        f.close()  # collected between reading CURRENT and locking: read the pointer again
    return None
