"""`load_pack`: a rules file (and the packs it extends) as a RulePack, or RulesError naming every problem."""
from __future__ import annotations

from pathlib import Path

from ..cycles import collection_paused
from ..model import RulePack, RulesError
from .pack_cache import cached_pack
from .sources import SourceFile


def load_pack(path: str | Path) -> RulePack:
    path = Path(path)
    sources: list[SourceFile] = []
    try:
        with collection_paused():  # loading makes tens of thousands of objects and no garbage
            if (pack := cached_pack(path)) is not None:
                return pack
            from .builder import build_pack  # YAML, the schema check and the builder: only for a pack not remembered

            return build_pack(path, sources)
    except RulesError as error:
        raise RulesError(error.problems, tuple(sources)) from None
