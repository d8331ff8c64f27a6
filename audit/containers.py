"""An export as the platform hands it to its owner: a folder, a .zip, a .tar.gz, or one file.

Nothing is extracted to disk: files are read in place, from the archive, one at a time.
"""
from __future__ import annotations

import io
import posixpath
import tarfile
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Self, TextIO

from .errors import ExportError

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar.gz", ".tgz", ".tar")  # Mastodon's archive is a .tar.gz


@dataclass(frozen=True)
class Member:
    """One file of an export."""

    name: str  # as messages show it: "twitter-2024.zip:data/tweets.js"
    path: str  # its path inside the export, with / separators: "data/tweets.js"
    size: int
    opener: Callable[[], IO[bytes]]

    @property
    def basename(self) -> str:
        return posixpath.basename(self.path)

    def open(self) -> IO[bytes]:
        return self.opener()


class Export(ABC):
    """The files of one PATH given to `rapport audit`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    named_directly = False  # a single file the user named: read it even if no export format claims it

    @abstractmethod
    def members(self) -> Iterator[Member]:
        """Every file, in a stable order."""

    def sibling(self, member: Member, name: str) -> Member | None:
        """The file `name` in the same folder as `member`, where the export allows a look-up."""
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def close(self) -> None:
        pass


def text_stream(raw: IO[bytes]) -> TextIO:
    """A file of an export as text: UTF-8 (a byte-order mark skipped), line ends kept for the CSV reader."""
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def open_export(path: Path) -> Export:
    """The export at `path`; OSError if it cannot be read at all, ExportError if an archive is damaged."""
    if path.is_dir():
        return _Folder(path)
    lowered = path.name.lower()
    if lowered.endswith(ZIP_SUFFIXES):
        return _Zip(path)
    if lowered.endswith(TAR_SUFFIXES):
        return _Tar(path)
    if not path.is_file():
        raise FileNotFoundError(2, "no such file or folder", str(path))
    return _SingleFile(path)


def _file_member(file: Path, inside: str) -> Member:
    return Member(str(file), inside, file.stat().st_size, lambda: file.open("rb"))


class _Folder(Export):
    def members(self) -> Iterator[Member]:
        for file in sorted(p for p in self.path.rglob("*") if p.is_file()):
            yield _file_member(file, file.relative_to(self.path).as_posix())

    def sibling(self, member: Member, name: str) -> Member | None:
        file = self.path / posixpath.dirname(member.path) / name
        return _file_member(file, file.relative_to(self.path).as_posix()) if file.is_file() else None


class _SingleFile(Export):
    named_directly = True

    def members(self) -> Iterator[Member]:
        # With its folder's name, as in the export: Instagram's posts_1.json is known by its folder.
        yield _file_member(self.path, posixpath.join(self.path.resolve().parent.name, self.path.name))

    def sibling(self, member: Member, name: str) -> Member | None:
        file = self.path.parent / name
        return _file_member(file, name) if file.is_file() else None


class _Zip(Export):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self._zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            raise ExportError(f"{path}: not a readable .zip file ({error})") from None
        self._entries = {info.filename: info for info in self._zip.infolist() if not info.is_dir()}

    def members(self) -> Iterator[Member]:
        for name in sorted(self._entries):
            yield self._member(self._entries[name])

    def sibling(self, member: Member, name: str) -> Member | None:
        info = self._entries.get(posixpath.join(posixpath.dirname(member.path), name))
        return self._member(info) if info else None

    def _member(self, info: zipfile.ZipInfo) -> Member:
        return Member(f"{self.path}:{info.filename}", info.filename, info.file_size, lambda: self._zip.open(info))

    def close(self) -> None:
        self._zip.close()


class _Tar(Export):
    """Read as a stream, in the archive's order: each file must be read when it comes."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self._tar = tarfile.open(path, "r|*")  # noqa: SIM115 (open while the export is read)
        except tarfile.TarError as error:
            raise ExportError(f"{path}: not a readable .tar.gz file ({error})") from None

    def members(self) -> Iterator[Member]:
        try:
            for info in self._tar:
                if info.isfile():
                    inside = info.name.removeprefix("./")
                    yield Member(f"{self.path}:{inside}", inside, info.size, lambda info=info: self._extract(info))
        except (tarfile.TarError, EOFError, OSError) as error:
            raise ExportError(f"{self.path}: the .tar.gz archive is damaged ({error})") from None

    def _extract(self, info: tarfile.TarInfo) -> IO[bytes]:
        stream = self._tar.extractfile(info)
        assert stream is not None  # a regular file always has a stream
        return io.BufferedReader(_Forward(stream))

    def close(self) -> None:
        self._tar.close()


class _Forward(io.RawIOBase):
    """Read forward only: a file of a tar stream cannot even say whether it seeks, which TextIOWrapper asks."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__()
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
