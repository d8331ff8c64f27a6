"""Rapport in-process: one thread calling Linter.lint over the corpus, each call timed."""
from __future__ import annotations

import time
from pathlib import Path

from rules import Linter, load_pack, warm_up

from .timing import Latency


def make_linter(rules: Path) -> Linter:
    warm_up()
    return Linter(load_pack(rules))


def measure(linter: Linter, texts: list[str], passes: int = 1, warm: int = 200) -> Latency:
    """Lint every text `passes` times after `warm` warm-up lints; per-draft latency and drafts/s."""
    for text in texts[:warm]:
        linter.lint(text)
    durations = []
    clock = time.perf_counter
    started = clock()
    for _ in range(passes):
        for text in texts:
            before = clock()
            linter.lint(text)
            durations.append(clock() - before)
    return Latency.of(durations, clock() - started)
