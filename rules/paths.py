"""Where the files Rapport ships with the engine are, in a checkout and in an installed wheel alike, and
where its caches go."""
from __future__ import annotations

import os
from pathlib import Path

_HERE = Path(__file__).resolve().parent
PACKAGE_DIR = _HERE  # the engine's own code and data
# In a checkout this is a link to the repository's rules.yaml, which it resolves to; a wheel
# carries a copy of that file here.
DEFAULT_PACK = (_HERE / "default_pack.yaml").resolve()
SCHEMA_PATH = _HERE / "schema.json"


def cache_folder() -> Path | None:
    """Where Rapport's caches are kept: $RAPPORT_CACHE_DIR, else $XDG_CACHE_HOME/rapport, else
    ~/.cache/rapport; None when RAPPORT_CACHE_DIR is set empty, which turns them off."""
    chosen = os.environ.get("RAPPORT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rapport"


def ours(info: os.stat_result) -> bool:
    """A cache file of this user's, which no one else may write (where the system has users): what another
    user put in a shared cache folder vouches for nothing."""
    return not hasattr(os, "getuid") or (info.st_uid == os.getuid() and not info.st_mode & 0o022)


def vouched(stamp: Path | None) -> bool:
    """Whether `stamp`, an empty file in the cache folder named by what it vouches for, is there and ours."""
    if stamp is None:
        return False
    try:
        return ours(stamp.stat())
    except OSError:
        return False


def vouch(stamp: Path | None) -> None:
    """Leave `stamp`, readable and writable by this user only; a folder that cannot be written only means
    that the work it saves is done again next time."""
    if stamp is None:
        return
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch(mode=0o600)
    except OSError:
        pass
