"""Polls the rules file and every file it extends, and reloads when one has changed.

Polling (inode, size, mtime) every half second needs no dependency and survives the ways
editors save: write-temp-then-rename changes the inode, a deleted file reads as missing.
A change is acted on once the files have looked the same for one more poll, so a save
still being written is not read half-way.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from .live_rules import LiveRules

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5
Signature = tuple[tuple[str, tuple[int, int, int] | None], ...]


class RulesWatcher:
    def __init__(self, live: LiveRules, interval: float = POLL_SECONDS) -> None:
        self.live = live
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rules-watcher", daemon=True)
        # Taken now, not when the thread first runs, so a save in between is not mistaken for the start.
        self._loaded = self._signature()

    def start(self) -> RulesWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        previous = self._loaded
        while not self._stop.wait(self.interval):
            current = self._signature()
            if current != self._loaded and current == previous:
                self._loaded = current  # taken before reading: a save during the reload is seen next poll
                self._reload()
            previous = current

    def _reload(self) -> None:
        try:
            self.live.reload()
        except Exception:  # noqa: BLE001 - the watcher must outlive any one bad reload
            log.exception("reloading the rules failed; still serving the last good set")

    def _signature(self) -> Signature:
        return tuple((str(path), _stat(path)) for path in (self.live.path, *self.live.watched))


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns
