"""Pausing Python's cycle collector around work that makes many objects and frees none in cycles."""
from __future__ import annotations

import gc
from types import TracebackType


class CollectionPaused:
    """The collector off for the block, then as it was found. Collections while a pack is loaded or
    compiled only walk the objects it keeps, again and again as it grows (a third of compiling 3,700
    rules); a lint frees all it makes by reference counting (a third of a 64 KiB draft's time went to
    collections). A class, not a generator: a lint pays for entering it on every draft."""

    __slots__ = ("_collecting",)

    def __enter__(self) -> None:
        self._collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._collecting:
            gc.enable()


def collection_paused() -> CollectionPaused:
    return CollectionPaused()
