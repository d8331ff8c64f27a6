"""Rules files already found well-shaped, remembered by their content, so that a command loading an
unchanged file does not check its shape again (quick_shape.py's check: 30-40 ms for a 2.3 MB file, 25
times the hashing; when the schema validator was run on every file, a third of `rapport lint`'s start-up).

An entry is an empty file of this user's (paths.vouch) named by the SHA-256 of the schema's bytes and the
rules file's bytes: a changed file or schema has another name, so an entry never vouches for text it was
not made from, and only files with no problem are remembered. Nothing else is written, and never a draft.
The folder is paths.py's cache_folder(); RAPPORT_CACHE_DIR= (empty) turns it off. A folder that cannot be
written only means the check runs every time.
"""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from ..paths import SCHEMA_PATH, cache_folder


@cache
def _schema_digest() -> bytes:
    return hashlib.sha256(SCHEMA_PATH.read_bytes()).digest()


def shape_entry(raw: bytes) -> Path | None:
    """The entry that would vouch for the rules file `raw`; None when caches are off. Made once per file
    read, for the look-up and the remembering both: hashing a 2.5 MB file takes a fifth of checking its shape."""
    folder = cache_folder()
    if folder is None:
        return None
    return folder / f"shape-{hashlib.sha256(_schema_digest() + raw).hexdigest()}"

