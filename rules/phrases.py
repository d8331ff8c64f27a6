"""Phrase lists from rules.yaml, compiled to case-insensitive word-bounded patterns.

Matching happens here in Python rather than in durable-rules' own regex dialect, which is
ASCII-only, whole-string and fails on long alternations. Authors write plain phrases; the
only special marks are `*` at the end of a word (any word ending) and `{n}` (a number).
"""
from __future__ import annotations

import re

from .text import Span

_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_SEPARATOR = r"[\s\-]+"  # a space or hyphen in a phrase matches either, repeated


def phrase_pattern(phrase: str) -> str:
    """Translate one author-written phrase into a regex fragment."""
    words = re.split(r"[\s\-]+", phrase.strip())
    return _SEPARATOR.join(_word_pattern(word) for word in words)


def _word_pattern(word: str) -> str:
    stem = word[:-1] if word.endswith("*") and len(word) > 1 else word
    pattern = re.escape(stem).replace(r"\{n\}", _NUMBER).replace("'", "['’]")
    return pattern + r"\w*" if stem is not word else pattern


class PhraseList:
    """One named list; `find` returns the spans of its non-overlapping matches."""

    def __init__(self, name: str, phrases: list[str]) -> None:
        self.name = name
        self.phrases = phrases
        # Longest first so the alternation prefers "retweet" to "re"; a preceding @ is a handle,
        # a preceding # is a hashtag that still counts ("#giveaway").
        alternatives = sorted({phrase_pattern(p) for p in phrases}, key=len, reverse=True)
        self._regex = re.compile(r"(?<![\w@])(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)

    def find(self, text: str) -> list[Span]:
        return [Span(m.start(), m.end()) for m in self._regex.finditer(text)]
