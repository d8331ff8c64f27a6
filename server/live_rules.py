"""The rule set a running service lints with, swapped whole so no request sees half of one."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from rules import Linter, Problem, load_pack


@dataclass(frozen=True, slots=True)
class Loaded:
    linter: Linter
    loaded_at: float


class LiveRules:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._current = Loaded(Linter(load_pack(path)), time.time())  # a broken file raises: no service
        self.last_error: list[Problem] = []

    @property
    def current(self) -> Loaded:
        return self._current  # one attribute read: a request keeps the set it started with

    def status(self) -> dict[str, object]:
        return {
            "version": self._current.linter.pack.version,
            "file": str(self.path),
            "loaded_at": self._current.loaded_at,
            "error": [problem.to_dict() for problem in self.last_error] or None,
        }
