"""Phrase lists from rules.yaml, compiled to case-insensitive word-bounded patterns.

Matching happens here in Python rather than in durable-rules' own regex dialect, which is
ASCII-only, whole-string and fails on long alternations. Authors write plain phrases; the
only special marks are `*` at the end of a word (any word ending) and `{n}` (a number).
"""
from __future__ import annotations

import re

from .text import TOKEN_RE, Span

_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_SEPARATOR = r"[\s\-]+"  # a space or hyphen in a phrase matches either, repeated


def phrase_pattern(phrase: str) -> str:
    """Translate one author-written phrase into a regex fragment."""
    return _SEPARATOR.join(_word_pattern(stem, starred) for stem, starred in _words(phrase))


def _words(phrase: str) -> list[tuple[str, bool]]:
    """The phrase's words, split at spaces and hyphens, as (stem, starred): a `*` ending removed."""
    return [(word[:-1], True) if word.endswith("*") and len(word) > 1 else (word, False)
            for word in re.split(_SEPARATOR, phrase.strip())]


def _word_pattern(stem: str, starred: bool) -> str:
    pattern = re.escape(stem).replace(r"\{n\}", _NUMBER).replace("'", "['’]")
    return pattern + r"\w*" if starred else pattern


class PhraseList:
    """One named list; `find` returns the spans of its non-overlapping matches."""

    def __init__(self, name: str, phrases: list[str]) -> None:
        self.name = name
        self.phrases = phrases
        # Longest first so the alternation prefers "retweet" to "re"; a preceding @ is a handle,
        # a preceding # is a hashtag that still counts ("#giveaway").
        alternatives = sorted({phrase_pattern(p) for p in phrases}, key=len, reverse=True)
        self._regex = re.compile(r"(?<![\w@])(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
        # Every match contains one of these literal pieces (lower-cased, as `fold` leaves them),
        # so a draft that contains none of them cannot match and the regex need not run (see
        # FeaturePlan.candidates, which looks for all lists' needles at once). None
        # when some phrase has no usable piece: the list is then always matched. A prefilter
        # only: the regex alone decides what matches.
        needles = _needles(phrases)
        self.needles: frozenset[str] | None = needles[0] if needles else None
        # The needles that are whole words of a phrase, so they occur as whole \w+ tokens of the draft.
        self.word_needles: frozenset[str] = needles[1] if needles else frozenset()

    def find(self, text: str) -> list[Span]:
        """The spans of the list's non-overlapping matches in `text`."""
        return [Span(m.start(), m.end()) for m in self._regex.finditer(text)]


# Words so common that a phrase's other words make a better needle.
_COMMON = frozenset("a an and are at be by do for if in is it me my no not of on or our that the this to "
                    "us we with you your".split())


def _needles(phrases: list[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """One literal piece of each phrase (its longest uncommon one), lower-cased, and the subset
    of them that are whole words; None if some phrase has no usable piece."""
    needles, whole, partial = set(), set(), set()
    for phrase in phrases:
        pieces = []
        for stem, starred in _words(phrase):
            # A piece is a whole word of any match unless a number or a `*` ending joins it.
            is_whole = not starred and "{n}" not in stem and TOKEN_RE.fullmatch(stem.replace("'", "_")) is not None
            pieces += [(piece.lower(), is_whole and piece.isalnum()) for piece in re.split(r"\{n\}|'", stem)]
        piece, is_whole = max(pieces, key=lambda p: (len(p[0]) > 2 and p[0] not in _COMMON, len(p[0])),
                              default=("", False))
        if not piece or not piece.isascii():
            return None
        needles.add(piece)
        (whole if is_whole else partial).add(piece)
    # A needle that contains a shorter one adds nothing: the shorter one is found first.
    kept = frozenset(n for n in needles if not any(o != n and o in n for o in needles))
    # A needle inside a longer one (e.g. "win" in "winner") also stands for the longer one's
    # phrases, where it is not a whole word: look for it as a substring then.
    return kept, frozenset(n for n in kept if n in whole - partial and not any(o != n and n in o for o in needles))
