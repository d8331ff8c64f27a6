"""Polls the rules file and every file it extends, and reloads when one has changed.

Polling (inode, size, mtime) every half second needs no dependency and survives the ways
editors save: write-temp-then-rename changes the inode, a deleted file reads as missing.
A change is acted on once the files have looked the same for one more poll, so a save
still being written is not read half-way. Polls are compared with the files as the loader
last read them, so a save landing while the service starts or a reload reads is not taken as loaded.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from rules.pack import Stamp, stamp_of

from .live_rules import LiveRules

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5
Signature = dict[Path, Stamp | None]


class RulesWatcher:
    def __init__(self, live: LiveRules, interval: float = POLL_SECONDS) -> None:
        self.live = live
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rules-watcher", daemon=True)
        self._loaded = self._as_loaded()

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
                self._loaded = current  # kept if the reload fails, so a broken file is not reread each poll
                self._reload()
            previous = current

    def _reload(self) -> None:
        try:
            if self.live.reload():
                self._loaded = self._as_loaded()
        except Exception:  # noqa: BLE001 - the watcher must outlive any one bad reload
            log.exception("reloading the rules failed; still serving the last good set")

    def _as_loaded(self) -> Signature:
        """The files of the set being served, stamped as the loader read them: a save landing
        during a reload, or a file the reload began or stopped extending, is compared correctly."""
        return {file.path: file.stamp for file in self.live.current.linter.pack.files}

    def _signature(self) -> Signature:
        return {path: _stat(path) for path in self.live.watched}  # `watched` includes the rules file


def _stat(path: Path) -> Stamp | None:
    try:
        return stamp_of(os.stat(path))
    except OSError:
        return None
