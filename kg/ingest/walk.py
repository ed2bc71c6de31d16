"""Find the article files under a folder, and say what was passed over and why.

Symbolic links are followed (a link to a folder once: a loop is reported, not walked forever);
a broken link, a FIFO or device, an unreadable folder and a folder named like an article file
are each reported by path. Files that are not articles (another suffix, hidden files) are not
read and are counted in one line per build, so no path is ever passed over in silence.
"""
from __future__ import annotations

import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Warnings, display_path

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
SIDECAR = ".meta.json"


@dataclass
class Walk:
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one per path skipped, plus the count of the others
    skipped: int = 0


def is_article_name(name: str) -> bool:
    lower = name.lower()
    return not name.startswith(".") and not lower.endswith(SIDECAR) and lower.endswith(ARTICLE_SUFFIXES)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def walk(folder: Path) -> Walk:
    """The article files under ``folder`` (recursively, in path order), and what was skipped."""
    out = Walk()
    others: Counter[str] = Counter()
    seen_dirs: set[tuple[int, int]] = set()

    def skip(path: Path, reason: str) -> None:
        out.warnings.append(Warnings.W101.format(path=display_path(path), reason=reason))
        out.skipped += 1

    def visit(dirpath: Path) -> None:
        try:
            st = dirpath.stat()
        except OSError as e:
            return skip(dirpath, f"cannot open the folder: {e.strerror or e}")
        if (st.st_dev, st.st_ino) in seen_dirs:
            return skip(dirpath, "a symbolic link back to a folder already read (a loop)")
        seen_dirs.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(dirpath) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            return skip(dirpath, f"cannot list the folder: {e.strerror or e}")
        names = {e.name for e in entries}
        for entry in entries:
            path = dirpath / entry.name
            try:
                is_link = entry.is_symlink()
                st = path.stat()  # follows links
            except OSError as e:
                if is_link or isinstance(e, FileNotFoundError):
                    skip(path, "a broken symbolic link" if not _loops(path) else "a symbolic link loop")
                else:
                    skip(path, f"cannot read its details: {e.strerror or e}")
                continue
            if stat.S_ISDIR(st.st_mode):
                if entry.name.startswith("."):
                    others["hidden folders"] += 1
                    continue
                if is_article_name(entry.name):
                    out.warnings.append(Warnings.W111.format(path=display_path(path)))
                visit(path)
            elif not is_article_name(entry.name):
                if entry.name.lower().endswith(SIDECAR):
                    stem = entry.name[:-len(SIDECAR)]
                    if not any(stem + s in names for s in (".txt", ".TXT")):
                        out.warnings.append(Warnings.W110.format(path=display_path(path), article=f"{stem}.txt"))
                        out.skipped += 1
                    continue
                others["hidden" if entry.name.startswith(".") else (Path(entry.name).suffix.lower() or "no suffix")] += 1
            elif not stat.S_ISREG(st.st_mode):
                skip(path, _kind(st.st_mode))
            else:
                out.files.append(path)

    if folder.is_file():
        out.files.append(folder)
        return out
    visit(folder)
    if others:
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(others.items()))
        out.warnings.append(Warnings.W107.format(path=display_path(folder), count=sum(others.values()), kinds=kinds))
        out.skipped += sum(others.values())
    return out


def _loops(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 signals a loop this way
        return True
    except OSError as e:
        return e.errno == 40  # ELOOP
    return False
