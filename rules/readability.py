"""Flesch reading ease and Flesch-Kincaid grade: textstat's figures, counted once per draft.

textstat (pinned in pyproject.toml) lists words by deleting punctuation, except apostrophes
that start an English contraction ending, then splitting on white space; a sentence is a
`\\b[^.!?]+[.!?]*` run, and runs of two words or fewer do not count (at least one always
does); syllables come from the CMU dictionary, else from pyphen's hyphenation. Its public
functions list the words again for every count, and cache whole texts, which never repeat
in a stream of drafts. Here the same counts are made once each with compiled patterns, and
syllables are cached per word. tests/test_readability.py holds the results equal to textstat's.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from pyphen import Pyphen
from textstat.backend.utils import get_cmudict, get_lang_cfg, get_pyphen

LANG = "en_US"  # textstat's default language
# Both of textstat's punctuation passes in one: a quote that starts no contraction ending, and
# anything neither word nor space nor apostrophe. Each look-ahead reads the original text, as
# textstat's first pass does, so one pass deletes the same characters as the two.
_PUNCTUATION = re.compile(r"'(?!(?:[tsd]|ve|ll|re))|[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_MIN_SENTENCE_WORDS = 3
_BASE, _PER_SENTENCE_WORD, _PER_SYLLABLE = (get_lang_cfg(LANG, key) for key in
                                            ("fre_base", "fre_sentence_length", "fre_syll_per_word"))


def flesch(text: str) -> tuple[float, float]:
    """(reading ease, grade) of `text`, as textstat's flesch_reading_ease and flesch_kincaid_grade."""
    words = _PUNCTUATION.sub("", text).lower().split()
    if not words:
        return 0.0, 0.0
    per_sentence = len(words) / _sentences(text)
    per_word = sum(map(_syllables, words)) / len(words)
    if per_word == 0:
        return 0.0, 0.0
    return (float(_BASE - _PER_SENTENCE_WORD * per_sentence - _PER_SYLLABLE * per_word),
            float(0.39 * per_sentence + 11.8 * per_word - 15.59))


def _sentences(text: str) -> int:
    """At least 1: only called on text with words."""
    runs = _SENTENCE.findall(text)
    short = sum(1 for run in runs if len(_PUNCTUATION.sub("", run).split()) < _MIN_SENTENCE_WORDS)
    return max(1, len(runs) - short)


@lru_cache(maxsize=16384)
def _syllables(word: str) -> int:
    """Syllables of one listed (lower-cased, punctuation-free) word, as textstat counts them."""
    try:
        return sum(1 for phone in _dictionaries()[0][word][0] if phone[-1].isdigit())
    except (KeyError, IndexError):
        return len(_dictionaries()[1].positions(word)) + 1


@cache
def _dictionaries() -> tuple[dict[str, list[list[str]]], Pyphen]:
    return get_cmudict(LANG) or {}, get_pyphen(LANG)


def warm_up() -> None:
    """Load the pronouncing dictionary now (about a second) rather than on the first draft."""
    _dictionaries()
