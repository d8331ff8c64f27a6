"""The files a rules pack is read from, each stamped as it was read.

A loaded pack and a refused one both carry this list, so whatever happened, a watcher
compares the files on disk with exactly what the loader saw.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

Stamp = tuple[int, int, int]  # inode, size, mtime in ns: a save, rename or truncation changes it


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    stamp: Stamp | None  # as read; None when it could not be read (missing, unreadable)


def stamp_of(info: os.stat_result) -> Stamp:
    return info.st_ino, info.st_size, info.st_mtime_ns


def current_stamp(path: Path) -> Stamp | None:
    try:
        return stamp_of(os.stat(path))
    except OSError:
        return None


def read_source(path: Path, sources: list[SourceFile]) -> bytes:
    """The file's bytes; records it in `sources` with the stamp of the open file, so a save that
    lands while it is read is seen as a change afterwards. Raises OSError, recorded unstamped."""
    try:
        with path.open("rb") as file:
            stamp = stamp_of(os.fstat(file.fileno()))
            data = file.read()
    except OSError:
        sources.append(SourceFile(path, None))
        raise
    sources.append(SourceFile(path, stamp))
    return data
