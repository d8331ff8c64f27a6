"""The files a rules pack is read from, each stamped as it was read.

A loaded pack and a refused one both carry this list, so whatever happened, a watcher
compares the files on disk with exactly what the loader saw.
"""
from __future__ import annotations

import errno
import os
import signal
import stat
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

MIB = 1024 * 1024
MAX_FILE_BYTES = 4 * MIB  # the default pack is 30 KiB; a list of 100,000 phrases is about 1.5 MiB
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


def being_written(path: Path) -> bool:
    """Whether a process holds the file open for writing, as a save still under way does. Linux
    will not grant a read lease on a file that is open for writing anywhere; the lease is given
    back at once. False where that cannot be told: other systems, file systems without leases, a
    file owned by another user (leases need its owner or CAP_LEASE)."""
    if not hasattr(fcntl, "F_SETLEASE"):  # Linux only
        return False
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        # Should a writer open the file while the lease is held, its owner is signalled: SIGURG,
        # ignored unless handled, instead of SIGIO, which would end the process.
        fcntl.fcntl(descriptor, fcntl.F_SETSIG, signal.SIGURG)
        fcntl.fcntl(descriptor, fcntl.F_SETLEASE, fcntl.F_RDLCK)
        fcntl.fcntl(descriptor, fcntl.F_SETLEASE, fcntl.F_UNLCK)
    except OSError as error:
        return error.errno == errno.EAGAIN
    finally:
        os.close(descriptor)
    return False


def read_source(path: Path, sources: list[SourceFile]) -> bytes:
    """The file's bytes; records it in `sources` with the stamp of the open file, so a save that
    lands while it is read is seen as a change afterwards. Raises OSError: unstamped when the file
    cannot be opened, stamped when it is refused (not a regular file, too large), so that a watcher
    waits for it to change rather than retrying."""
    try:
        # Non-blocking, so that opening a FIFO does not wait for a writer; reads of a file are unchanged.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        sources.append(SourceFile(path, None))
        raise
    with open(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        sources.append(SourceFile(path, stamp_of(info)))
        _check_readable(info.st_mode, info.st_size)
        data = file.read(MAX_FILE_BYTES + 1)  # a file that grows while it is read stops here too
        _check_readable(info.st_mode, len(data))
    return data


def _check_readable(mode: int, size: int) -> None:
    if not stat.S_ISREG(mode):  # a FIFO would wait for a writer, /dev/zero never ends
        raise OSError(errno.EINVAL, "not a regular file")
    if size > MAX_FILE_BYTES:
        raise OSError(errno.EFBIG, f"{size / MIB:.1f} MiB, over the {MAX_FILE_BYTES // MIB} MiB a rules file may have")
