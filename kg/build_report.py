"""What a build reports: what landed, failed, was skipped or rewritten, and the time of each step;
and the crash-test hook that stops a build at exact points of its write phase."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from .model import Article


def crash_point(name: str) -> None:
    """Crash-test hook: with KG_CRASH_AT=name in the environment the process kills itself with
    SIGKILL here, so tests can stop a real build at exact points of its write phase."""
    if os.environ.get("KG_CRASH_AT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def reason(e: BaseException) -> str:
    """An exception as one printable line of at most 200 characters."""
    text = f"{type(e).__name__}: {e}".encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 200 else text[:199] + "…"


@dataclass
class ArticleOutcome:
    article: Article
    triples: int = 0
    violations: list = field(default_factory=list)  # kg.validate.store.GraphFinding


@dataclass
class BuildReport:
    landed: list[ArticleOutcome] = field(default_factory=list)  # new or changed articles written
    errors: list[Exception] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged: int = 0  # read, same content as stored: not redone
    skipped: int = 0  # paths not read, duplicates (each reported in warnings)
    rewritten: int = 0  # stored article graphs rewritten because a cross-article decision changed
    removed: list[str] = field(default_factory=list)  # sources taken out (kg remove, --prune)
    degraded: int = 0  # landed with text and metadata only (W203)
    resumed: int = 0  # facts taken from an interrupted build instead of extracted again
    store_violations: list = field(default_factory=list)  # kg.validate.store_checks.StoreFinding
    seconds: dict[str, float] = field(default_factory=dict)  # time per step: read, extract, identity, ...
    # this process's CPU seconds per step: steadier than wall time when other jobs share the cores
    # (worker processes not included)
    cpu: dict[str, float] = field(default_factory=dict)
    _cpu_at: float = field(default_factory=time.process_time, repr=False, compare=False)

    def timed(self, step: str, since: float) -> float:
        now, cpu = time.perf_counter(), time.process_time()
        self.seconds[step] = self.seconds.get(step, 0.0) + now - since
        self.cpu[step] = self.cpu.get(step, 0.0) + cpu - self._cpu_at
        self._cpu_at = cpu
        return now

    @property
    def triples(self) -> int:
        return sum(o.triples for o in self.landed)

    @property
    def violations(self) -> list:
        """Per-article shape violations, then the store-wide ones (rules across articles)."""
        return [v for o in self.landed for v in o.violations] + self.store_violations

    def summary(self) -> str:
        parts = [f"{len(self.landed)} landed", f"{self.unchanged} unchanged", f"{self.skipped} skipped",
                 f"{len(self.errors)} failed"]
        if self.degraded:
            parts.append(f"{self.degraded} without extracted facts")
        if self.rewritten:
            parts.append(f"{self.rewritten} rewritten for cross-article changes")
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        return ", ".join(parts)
