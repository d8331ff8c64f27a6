"""The rule set a running service lints with, swapped whole so no request sees half of one.

A request leases the current set for as long as it lints. A reload compiles the new set
before taking the lock, swaps it in under the lock, and frees the old set's engine handles
only once the last request holding it has finished; so no request ever evaluates on a set
that is half loaded or already freed.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rules import Linter, Problem, RulePack, RulesError, load_pack

log = logging.getLogger(__name__)


@dataclass(eq=False, slots=True)
class Loaded:
    linter: Linter
    loaded_at: float
    users: int = 0  # requests linting with this set right now; once replaced, freed when it drops to 0


class LiveRules:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._current = Loaded(Linter(load_pack(path)), time.time())  # a broken file raises: no service
        self.last_error: list[Problem] = []
        self.watched: tuple[Path, ...] = _paths(self._current.linter.pack)

    @property
    def current(self) -> Loaded:
        """For reading the pack's definitions; linting goes through `lease`."""
        return self._current

    @contextmanager
    def lease(self) -> Iterator[Linter]:
        with self._lock:
            loaded = self._current
            loaded.users += 1
        try:
            yield loaded.linter
        finally:
            with self._lock:
                loaded.users -= 1
                free = loaded is not self._current and loaded.users == 0  # replaced by a newer set
            if free:
                loaded.linter.close()

    def reload(self) -> bool:
        """Read the rules again; on success swap them in, else keep serving the last good set."""
        try:
            linter = Linter(load_pack(self.path))  # compiled outside the lock: requests carry on meanwhile
        except RulesError as error:
            self.last_error = error.problems
            self.watched = tuple(dict.fromkeys((*_paths(self._current.linter.pack), *error.files)))
            log.warning("rules file has problems; still serving %s:\n%s",
                        self._current.linter.pack.version, "\n".join(map(str, error.problems)))
            return False
        with self._lock:
            old, self._current = self._current, Loaded(linter, time.time())
            free = old.users == 0
        if free:
            old.linter.close()
        self.last_error, self.watched = [], _paths(linter.pack)
        log.info("rules reloaded: %s from %s", linter.pack.version, self.path)
        return True

    def status(self) -> dict[str, object]:
        current = self._current
        return {
            "version": current.linter.pack.version,
            "loaded_at": current.loaded_at,
            "file": str(self.path),
            "error": [problem.to_dict() for problem in self.last_error] or None,
        }


def _paths(pack: RulePack) -> tuple[Path, ...]:
    return tuple(file.path for file in pack.files)
