"""What every reader declares: its name, the files it claims, and how it reads one."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TextIO

from ..containers import Export, Member
from ..posts import Post

# stream: the file as text (UTF-8, newline=""); member: the file; export: its siblings, for side files
Reader = Callable[[TextIO, Member, Export], Iterator[Post]]


@dataclass(frozen=True)
class Format:
    name: str
    description: str  # where the file is in the export, for the list of known formats
    claims: Callable[[str], bool]  # a path inside the export -> whether this reader reads it
    read: Reader


def basename_matches(pattern: str, folders: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """Claims files whose name matches `pattern` (whole name), optionally only inside one of `folders`."""
    name_re = re.compile(pattern)

    def claims(path: str) -> bool:
        folder, name = posixpath.split(path)
        return bool(name_re.fullmatch(name)) and (not folders or posixpath.basename(folder) in folders)
    return claims
