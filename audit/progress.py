"""A progress bar on stderr while the export is read: bytes of the files read so far, of those found."""
from __future__ import annotations

import io
import sys
from typing import IO, Self

from tqdm import tqdm


class Progress:
    """Shown only when `enabled` (stderr is a terminal); otherwise every call costs next to nothing."""

    def __init__(self, enabled: bool) -> None:
        self._bar = tqdm(total=0, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
                         disable=not enabled, leave=False, dynamic_ncols=True)

    def reading(self, raw: IO[bytes], size: int, label: str) -> IO[bytes]:
        """`raw`, counted into the bar as it is read."""
        if self._bar.disable:
            return raw
        self._bar.total += size
        self._bar.set_description(label, refresh=True)
        return _Counted(raw, self._bar)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exception: object) -> None:
        self._bar.close()


class _Counted(io.BufferedIOBase):
    def __init__(self, raw: IO[bytes], bar: tqdm) -> None:
        super().__init__()
        self._raw, self._bar = raw, bar

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        return self._counted(self._raw.read(size))

    def read1(self, size: int = -1) -> bytes:
        return self._counted(self._raw.read1(size) if hasattr(self._raw, "read1") else self._raw.read(size))

    def _counted(self, data: bytes) -> bytes:
        self._bar.update(len(data))
        return data
