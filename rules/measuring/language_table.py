"""The language detector's word scores: for each common word, the languages whose lists have it and how
much more common it is in each than a word of no list, shipped as package data.

They are made from the heads of wordfreq's lists (word_frequencies.py); reading the 23 heads took 20 ms of
`rapport lint`'s start-up, for a draft of a dozen words. The words are filed by their first two letters,
each group compressed on its own, so a draft inflates only the groups its words are in. The table is used
while the installed lists are the ones it was made from (derived_tables.py); otherwise the scores are
made from the lists, as they were before it existed.

Rebuild it after changing the languages or their heads: `python -m rules.measuring.language_table`.
"""
from __future__ import annotations

import marshal
import zlib
from functools import cache
from pathlib import Path

from . import derived_tables
from .word_frequencies import UNLISTED_CB, head, list_file

# Languages written with spaces between words that wordfreq has lists for; English first.
WORD_LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "tr", "id", "ro",
                  "ca", "hu", "ru", "uk", "el", "ar", "he")
NON_LATIN = frozenset({"ru", "uk", "el", "ar", "he"})  # their lists' Latin words are borrowed names: GREECE is English
HEAD_WORDS = 3000  # words per language: enough for the common ones every draft uses
TABLE = Path(__file__).with_name("language_words.marshal")
_PARAMETERS = (WORD_LANGUAGES, tuple(sorted(NON_LATIN)), HEAD_WORDS, UNLISTED_CB)

Scores = tuple[tuple[int, int], ...]  # (index in WORD_LANGUAGES, centibels more common than unlisted), ...


class WordScores(dict[str, Scores]):
    """word -> its scores, () for a word of no list. A group of words is unpacked the first time a draft
    uses one of them; words of no list are not kept, so the table never outgrows the lists."""

    def __init__(self, scores: dict[str, Scores], groups: dict[str, bytes] | None = None) -> None:
        super().__init__(scores)
        self._groups = groups or {}

    def __missing__(self, word: str) -> Scores:
        # Unpacked before the group is let go, and looked up again when it is gone: a thread that finds
        # its group taken by another finds the words that thread put in.
        key = word[:2]
        packed = self._groups.get(key)
        if packed is not None:
            self.update(marshal.loads(zlib.decompress(packed)))
            self._groups.pop(key, None)
        return self.get(word, ())


def _made() -> dict[str, Scores]:
    heads = [(head(language, HEAD_WORDS), language in NON_LATIN) for language in WORD_LANGUAGES]
    scores = {}
    for word in sorted(set().union(*(words for words, _ in heads))):
        found = tuple((index, UNLISTED_CB - words[word]) for index, (words, non_latin) in enumerate(heads)
                      if word in words and not (non_latin and word.isascii()))
        if found:
            scores[word] = found
    return scores


def _filed(scores: dict[str, Scores]) -> dict[str, bytes]:
    groups: dict[str, dict[str, Scores]] = {}
    for word, found in scores.items():
        groups.setdefault(word[:2], {})[word] = found
    return {key: zlib.compress(marshal.dumps(group), 9) for key, group in groups.items()}


def _sources() -> tuple[Path, ...]:
    return tuple(map(list_file, WORD_LANGUAGES))


@cache
def word_scores() -> WordScores:
    """The shipped table when it was made from the installed lists, else the scores made from them."""
    groups = derived_tables.load(TABLE, _sources(), _PARAMETERS)
    return WordScores(_made()) if groups is None else WordScores({}, groups)


def write_table(path: Path = TABLE) -> None:
    derived_tables.write(path, _sources(), _PARAMETERS, _filed(_made()))


if __name__ == "__main__":
    write_table()
    print(f"wrote {TABLE} ({TABLE.stat().st_size:,} bytes)")
