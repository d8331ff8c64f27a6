"""Rapport in-process: one thread calling Linter.lint over the corpus, each call timed."""
from __future__ import annotations

import random
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
