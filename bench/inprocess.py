"""Rapport in-process: one thread calling Linter.lint over the corpus, each call timed."""
from __future__ import annotations

from pathlib import Path

from rules import Linter, load_pack, warm_up

from .timing import Latency, time_calls


def make_linter(rules: Path) -> Linter:
    warm_up()
    return Linter(load_pack(rules))


def measure(linter: Linter, texts: list[str], warm: int = 200) -> Latency:
    """Lint every text once after `warm` warm-up lints; per-draft latency and drafts/s."""
    return time_calls(linter.lint, texts, warm)
