"""The rule set a running service lints with, hot-reloaded when its files change.

Swapped whole, so no request sees half of one: a request leases the current set for as long
as it lints; a reload compiles the new set before taking the lock, swaps it in under the
lock, and frees the old set's engine handles once the last request holding it has finished.

Watching polls (inode, size, mtime) of the files the last load read, every half second: no
dependency, and it survives the ways editors save (write-temp-then-rename changes the inode,
a deleted file reads as missing). Success or failure, the loader says which files it read,
stamped as it read them (`sources`), and that one list is what polls are compared with: a save
landing while a load reads, a file newly extended, or a pack the engine refused are all seen.
A change is acted on once the files have looked the same for one more poll and (on Linux) no
process holds any of them open for writing, so a save still being written, even one that pauses,
is not read half-way.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rules import (
    Linter,
    Problem,
    RulesError,
    SourceFile,
    Stamp,
    being_written,
    current_stamp,
    load_pack,
)

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5


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
        self.problems: list[Problem] = []  # what is wrong with the files on disk; [] when they are served
        self.sources: tuple[SourceFile, ...] = self._current.linter.pack.sources  # as the last load read them
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

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
            self._refused(error.problems, error.sources)
            return False
        with self._lock:
            old, self._current = self._current, Loaded(linter, time.time())
            free = old.users == 0
        if free:
            old.linter.close()
        self.problems, self.sources = [], linter.pack.sources
        log.info("rules reloaded: %s from %s", linter.pack.version, self.path)
        return True

    def _refused(self, problems: list[Problem], sources: tuple[SourceFile, ...]) -> None:
        self.problems, self.sources = problems, sources
        log.warning("rules file has problems; still serving %s:\n%s",
                    self._current.linter.pack.version, "\n".join(map(str, problems)))

    # -- watching

    def watch(self, interval: float = POLL_SECONDS) -> LiveRules:
        """Start reloading on every change to the files; `stop_watching` ends it."""
        self._watcher = threading.Thread(target=self._poll, args=(interval,), name="rules-watcher", daemon=True)
        self._watcher.start()
        return self

    def stop_watching(self) -> None:
        self._stop.set()
        if self._watcher:
            self._watcher.join()

    def _poll(self, interval: float) -> None:
        previous: dict[Path, Stamp | None] | None = None
        while not self._stop.wait(interval):
            read = {source.path: source.stamp for source in self.sources}
            now = {path: current_stamp(path) for path in read}
            if now != read and now == previous and not any(map(being_written, now)):
                self._reload_now(now)
            previous = now

    def _reload_now(self, stamps: dict[Path, Stamp | None]) -> None:
        try:
            self.reload()
        except Exception as error:  # noqa: BLE001 - the watcher must outlive any one bad reload
            log.exception("reloading the rules failed; still serving the last good set")
            # Not reread at every poll: taken as read, as the files stood when the reload began.
            self._refused([Problem(str(self.path), None, f"could not be loaded: {type(error).__name__}")],
                          tuple(SourceFile(path, stamp) for path, stamp in stamps.items()))
