"""Resident memory before and after many lints in this process."""
from __future__ import annotations

import gc
from dataclasses import dataclass

import psutil

from rules import Linter

MIB = 1024 * 1024


@dataclass(frozen=True)
class MemoryGrowth:
    lints: int
    before_mib: float
    after_mib: float

    @property
    def growth_mib(self) -> float:
        return self.after_mib - self.before_mib

    def to_dict(self) -> dict[str, float]:
        return {"lints": self.lints, "before_mib": round(self.before_mib, 2), "after_mib": round(self.after_mib, 2),
                "growth_mib": round(self.growth_mib, 2)}


def rss_mib() -> float:
    gc.collect()
    return psutil.Process().memory_info().rss / MIB


def measure(linter: Linter, texts: list[str], lints: int, warm: int = 2000) -> MemoryGrowth:
    """RSS after a warm-up (caches filled), then after `lints` more lints cycling the corpus."""
    for n in range(warm):
        linter.lint(texts[n % len(texts)])
    before = rss_mib()
    for n in range(lints):
        linter.lint(texts[n % len(texts)])
    return MemoryGrowth(lints, before, rss_mib())
