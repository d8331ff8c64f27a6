"""Tables shipped as package data that are derived from other packages' data files, used only while the
installed files are the ones they were made from.

A table is stored (marshal) with the SHA-256 of each file it was made from and the parameters it was
made with; when either differs from what is installed and asked for now, the caller makes the data from
the files instead: a slow start, never stale data. Hashing the files on every start (3.6 MB of
pronouncing dictionary, 8 MB of word lists) was a fifth of `rapport lint`'s start-up, so a check that
passed is remembered in Rapport's cache folder as an empty file of this user's, named by the digests and
by each file's path, device, inode, size, and modification and change times: a file rewritten, replaced
or moved has another name and is hashed again (the change time cannot be set back, as the modification
time can). Nothing is written when the caches are turned off or the folder cannot be written.
"""
from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

from ..paths import cache_folder, vouch, vouched

_PREFIX = "sources-"


def digests(sources: tuple[Path, ...]) -> tuple[str, ...]:
    return tuple(hashlib.sha256(path.read_bytes()).hexdigest() for path in sources)


def _stamp(sources: tuple[Path, ...], expected: tuple[str, ...]) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    try:
        signature = [(str(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
                     for path, info in ((path, os.stat(path)) for path in sources)]
    except OSError:
        return None
    return folder / f"{_PREFIX}{hashlib.sha256(repr((signature, expected)).encode()).hexdigest()}"


def _unchanged(sources: tuple[Path, ...], expected: tuple[str, ...]) -> bool:
    stamp = _stamp(sources, expected)
    if vouched(stamp):
        return True
    try:
        if digests(sources) != expected:
            return False
    except OSError:
        return False
    vouch(stamp)
    return True


def load(table: Path, sources: tuple[Path, ...], parameters: object) -> Any:
    """The data stored in `table` if it was made from `sources` as installed now, with `parameters`; else None."""
    try:
        stored = marshal.loads(table.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(stored, dict) or stored.get("parameters") != parameters:
        return None
    return stored["data"] if _unchanged(sources, stored.get("sources")) else None


def write(table: Path, sources: tuple[Path, ...], parameters: object, data: object) -> None:
    table.write_bytes(marshal.dumps({"sources": digests(sources), "parameters": parameters, "data": data}))
