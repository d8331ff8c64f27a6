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


def main() -> None:
    """`python -m bench.memory [--corpus DIR] [--lints N]`: RSS growth over many lints, 1M by default."""
    import argparse
    from pathlib import Path

    from rules import DEFAULT_PACK

    from . import corpus, inprocess

    parser = argparse.ArgumentParser(prog="python -m bench.memory")
    parser.add_argument("--corpus", type=Path, help="CSV file or folder of CSVs (default: a generated corpus)")
    parser.add_argument("--lints", type=int, default=1_000_000)
    args = parser.parse_args()
    texts, described = corpus.load(args.corpus)
    growth = measure(inprocess.make_linter(DEFAULT_PACK), texts, args.lints)
    print(f"{described}: {growth.lints:,} lints, RSS {growth.before_mib:.1f} -> {growth.after_mib:.1f} MiB "
          f"({growth.growth_mib:+.2f} MiB)")


if __name__ == "__main__":
    main()
