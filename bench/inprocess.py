"""Rapport in-process: one thread calling Linter.lint over the corpus, each call timed."""
from __future__ import annotations

import random
import time
from pathlib import Path

from rules import Linter, load_pack, warm_up

from .timing import Latency, time_calls


def make_linter(rules: Path) -> Linter:
    warm_up()
    return Linter(load_pack(rules))


def measure(linter: Linter, texts: list[str], warm: int = 200) -> Latency:
    """Lint every text once after `warm` warm-up lints; per-draft latency and drafts/s."""
    return time_calls(linter.lint, texts, warm)


def long_drafts(texts: list[str], count: int = 10, size: int = 64 * 1024, seed: int = 3) -> list[str]:
    """Drafts of `size` bytes of UTF-8 (the service's limit), each the corpus's texts joined at random."""
    rng = random.Random(seed)
    drafts = []
    for _ in range(count):
        pieces: list[str] = []
        while sum(map(len, pieces)) + len(pieces) < size:
            pieces.append(rng.choice(texts))
        drafts.append(" ".join(pieces).encode("utf-8")[:size].decode("utf-8", errors="ignore"))
    return drafts


def paced_cpu_ms(linter: Linter, texts: list[str], idle_seconds: float) -> float:
    """CPU per lint when each lint is followed by `idle_seconds` of sleep, as a service answering one
    client at a time lints: its caches go cold between drafts, so this is the lint's share of a request's
    CPU there (the tight loop above costs less per draft)."""
    started = time.process_time()
    for text in texts:
        linter.lint(text)
        time.sleep(idle_seconds)
    return 1000 * (time.process_time() - started) / len(texts) if texts else 0.0
