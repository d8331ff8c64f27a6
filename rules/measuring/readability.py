"""Flesch reading ease and Flesch-Kincaid grade: textstat's figures, counted once per draft.

textstat (pinned in pyproject.toml) lists words by deleting punctuation, except apostrophes
that start an English contraction ending, then splitting on white space; a sentence is a
`\\b[^.!?]+[.!?]*` run, and runs of two words or fewer do not count (at least one always
does); syllables come from the CMU dictionary, else from pyphen's hyphenation. Its public
functions list the words again for every count, and cache whole texts, which never repeat
in a stream of drafts. Here the same counts are made once each with compiled patterns, the
dictionary's syllable counts come from a table that loads in milliseconds (pronunciation.py), and
every word's count, either way, is cached (words repeat from draft to draft).
tests/test_readability.py holds the results equal to textstat's.

Words outside the dictionary (names, typos, slang) go to pyphen, which is slow per word and
keeps every word it has seen, for good. `_Hyphenation` counts the same points from pyphen's
own pattern table, stopping each scan as soon as no pattern can continue it, and keeps
nothing: the bounded cache below does.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .pronunciation import Hyphenation, pronunciation

# Both of textstat's punctuation passes in one: a quote that starts no contraction ending, and
# anything neither word nor space nor apostrophe. Each look-ahead reads the original text, as
# textstat's first pass does, so one pass deletes the same characters as the two.
_PUNCTUATION = re.compile(r"'(?!(?:[tsd]|ve|ll|re))|[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_MIN_SENTENCE_WORDS = 3
_WORD_CHARACTER = re.compile(r"\w")


def flesch(text: str) -> tuple[float, float]:
    """(reading ease, grade) of `text`, as textstat's flesch_reading_ease and flesch_kincaid_grade."""
    words = _PUNCTUATION.sub("", text).lower().split()
    if not words:
        return 0.0, 0.0
    per_sentence = len(words) / _sentences(text)
    per_word = sum(map(_syllables, words)) / len(words)
    if per_word == 0:
        return 0.0, 0.0
    base, per_sentence_word, per_syllable = pronunciation().flesch
    return (float(base - per_sentence_word * per_sentence - per_syllable * per_word),
            float(0.39 * per_sentence + 11.8 * per_word - 15.59))


def _sentences(text: str) -> int:
    """At least 1: only called on text with words."""
    return max(1, sum(map(_counts, _SENTENCE.findall(text))))


def _counts(run: str) -> bool:
    """Whether the run has enough words once punctuation is deleted. A chunk between white space stays
    a word if and only if it has a word character (an apostrophe is kept only before letters), so the
    chunks are counted as they are: deleting from every run cost a 64 KiB draft 1.8 ms."""
    chunks = run.split()
    if len(chunks) < _MIN_SENTENCE_WORDS:
        return False
    words = 0
    for chunk in chunks:
        if chunk.isalnum() or _WORD_CHARACTER.search(chunk):
            words += 1
            if words == _MIN_SENTENCE_WORDS:
                return True
    return False


@lru_cache(maxsize=1 << 15)  # a cache hit is a C call: a third of the cost of a dictionary look-up in Python
def _syllables(word: str) -> int:
    """Syllables of a listed (lower-cased, punctuation-free) word: the dictionary's, else pyphen's points + 1."""
    count = pronunciation().syllables(word)
    return count if count is not None else _hyphenation().points(word) + 1


class _Hyphenation:
    """How many hyphenation points pyphen finds in a word (Liang's patterns, as `Pyphen.positions`)."""

    def __init__(self, data: Hyphenation) -> None:
        self.patterns, self.prefixes = data.patterns, data.prefixes
        self.left, self.right = data.left, data.right

    def points(self, word: str) -> int:
        pointed = f".{word.lower()}."
        weights = [0] * (len(pointed) + 1)
        prefixes, patterns = self.prefixes, self.patterns  # locals, and no max() call: every new word runs this
        for start in range(len(pointed) - 1):
            for end in range(start + 1, len(pointed) + 1):
                piece = pointed[start:end]
                if piece not in prefixes:
                    break  # no pattern starts with it, so none starts with anything longer
                if (pattern := patterns.get(piece)) is not None:
                    offset, values = pattern
                    for at, value in zip(range(start + offset, len(weights)), values):
                        if value > weights[at]:
                            weights[at] = value
        # An odd weight before character i of `pointed` is a point at i - 1 in the word.
        last = len(word) - self.right
        return sum(1 for i, weight in enumerate(weights) if weight % 2 and self.left <= i - 1 <= last)


@lru_cache(maxsize=1)
def _hyphenation() -> _Hyphenation:
    return _Hyphenation(pronunciation().hyphenation)


def warm_up() -> None:
    """Load the syllable data now (milliseconds from the shipped table) rather than on the first draft."""
    pronunciation()
