"""Rule packs already built, remembered by the content of every file they were built from, so that a
command loading an unchanged pack neither parses its YAML nor builds its phrase index again (about
90 ms of `rapport lint`'s start-up).

An entry is one file per rules path (as given and absolute) and Python: editing a rules file replaces
its entry instead of adding one, and past MAX_ENTRIES the oldest are removed. It holds the SHA-256 of
what turns a file into a pack (every .py and .json file of the `rules` package, PyYAML's version,
the Python version), of the path and of the file's bytes; the path and SHA-256 of every file the pack
extends; then the pack, pickled. It is used only when all of those match what is read now, so an
entry never vouches for text it was not made from, nor for an extended file since changed. An entry
that cannot be read (truncated, corrupt, not this user's: a pickle can run code) is ignored and the
pack built from the files. The folder is paths.py's cache_folder(), as for shape_cache.py, and so is the
rest: only packs without a problem are remembered, never a draft; RAPPORT_CACHE_DIR= (empty) turns it
off; a folder that cannot be written only means the pack is built every time.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from operator import attrgetter
from pathlib import Path

from ..model import RulePack
from ..paths import PACKAGE_DIR, cache_folder, ours
from .sources import SourceFile, read_source

MAX_ENTRIES = 16  # the default pack's entry is about 1 MB
_PREFIX = "pack-"


@cache
def _builder_digest() -> bytes:
    """What a pack is made by, besides the files: Rapport's code and data, PyYAML's and Python's versions."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(path for pattern in ("*.py", "*.json") for path in PACKAGE_DIR.rglob(pattern)):
        digest.update(f"\0{path.relative_to(PACKAGE_DIR)}\0".encode() + path.read_bytes())
    yaml = find_spec("yaml")  # its __init__.py carries its version; found without importing it
    digest.update(Path(yaml.origin).read_bytes() if yaml and yaml.origin else b"no PyYAML")
    return digest.digest()


def _key(path: Path, raw: bytes) -> bytes:
    return hashlib.sha256(_builder_digest() + f"\0{path}\0".encode() + raw).digest()


def _entry(path: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    slot = hashlib.sha256(f"{sys.version}\0{os.path.abspath(path)}\0{path}".encode()).hexdigest()
    return folder / f"{_PREFIX}{slot}"


def cached_pack(path: Path) -> RulePack | None:
    """The pack remembered for `path` if every file it was built from reads the same now, carrying the
    files as just read; None otherwise."""
    entry = _entry(path)
    if entry is None:
        return None
    sources: list[SourceFile] = []
    try:
        with open(entry, "rb") as stream:
            if not ours(os.fstat(stream.fileno())):
                return None
            key, extended = pickle.load(stream)
            if key != _key(path, read_source(path, sources)):
                return None
            for name, digest in extended:
                if hashlib.sha256(read_source(Path(name), sources)).digest() != digest:
                    return None
            pack = pickle.load(stream)
    except Exception:  # noqa: BLE001 - a truncated or corrupt pickle may raise almost anything: build instead
        return None
    return dataclasses.replace(pack, sources=tuple(sources)) if isinstance(pack, RulePack) else None


def remember_pack(files: list[tuple[Path, bytes]], pack: RulePack) -> None:
    """Keep `pack`, built from `files` (the file loaded, then those it extends, as read)."""
    (path, raw), *extended = files
    entry = _entry(path)
    if entry is None:
        return
    try:
        data = pickle.dumps((_key(path, raw), [(str(name), hashlib.sha256(bytes_).digest())
                                               for name, bytes_ in extended]))
        data += _pickled(dataclasses.replace(pack, sources=()))
    except (pickle.PicklingError, TypeError, AttributeError):  # a pack holding something pickle cannot save
        return
    try:
        _replace(entry, data)
        _prune(entry.parent)
    except OSError:
        pass


class _Pickler(pickle.Pickler):
    """Dataclasses that their own constructor rebuilds exactly (every field an argument, no __post_init__)
    are saved as constructor calls: pickle's default for a frozen slotted one, a __setstate__ in Python
    per object, made unpickling the default pack's 5,400 of them take a third longer."""

    def reducer_override(self, obj: object) -> object:
        fields = _constructor_arguments(type(obj))
        return NotImplemented if fields is None else (type(obj), fields(obj))


@cache
def _constructor_arguments(kind: type) -> Callable[[object], tuple[object, ...]] | None:
    """What rebuilds an instance of `kind` by its constructor, if that rebuilds it exactly; made once per
    class, reading the fields in C (a generator of getattr per object was half of pickling a 3,700-rule pack)."""
    own = kind.__dict__
    if not ("__dataclass_fields__" in own and own["__dataclass_params__"].init and "__post_init__" not in own
            and all(field.init for field in own["__dataclass_fields__"].values())):
        return None
    names = tuple(own["__dataclass_fields__"])
    if len(names) == 1:  # attrgetter of one name gives the value, not a tuple of it
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names) if names else lambda obj: ()


def _pickled(pack: RulePack) -> bytes:
    stream = io.BytesIO()
    _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(pack)
    return stream.getvalue()


def _replace(entry: Path, data: bytes) -> None:
    """Written beside the entry, then renamed over it: a reader sees the old entry or the new one whole."""
    import tempfile  # 4 ms of imports, for a pack not yet remembered only

    entry.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=entry.parent, prefix=".pack-", delete=False) as stream:
        try:
            stream.write(data)
        except OSError:
            os.unlink(stream.name)
            raise
    os.replace(stream.name, entry)


def _prune(folder: Path) -> None:
    """Remove the oldest entries past MAX_ENTRIES (paths loaded once, such as tests' temporary files)."""
    entries = sorted(folder.glob(f"{_PREFIX}*"), key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
    for entry in entries[MAX_ENTRIES:]:
        entry.unlink(missing_ok=True)
