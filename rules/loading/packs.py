"""`load_pack`: a rules file (and the packs it extends) as a RulePack, or RulesError naming every problem."""
from __future__ import annotations

import gc
from pathlib import Path

from ..model import RulePack, RulesError
from .pack_cache import cached_pack
from .sources import SourceFile


def load_pack(path: str | Path) -> RulePack:
    path = Path(path)
    sources: list[SourceFile] = []
    collecting = gc.isenabled()
    gc.disable()  # loading makes tens of thousands of objects and no garbage: collections would only cost time
    try:
        if (pack := cached_pack(path)) is not None:
            return pack
        from .builder import build_pack  # YAML, the schema check and the builder: only for a pack not remembered

        return build_pack(path, sources)
    except RulesError as error:
        raise RulesError(error.problems, tuple(sources)) from None
    finally:
        if collecting:
            gc.enable()
