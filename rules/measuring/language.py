"""The draft's language, told cheaply and offline from the words it uses.

Each language scores the draft by how common its words are in that language (the head of
wordfreq's list for it: a frequency-weighted stop-word method); the best scorer wins if it is
clearly ahead. Chinese, Japanese and Korean are told by their scripts. A draft too short or too
mixed to tell is `und` (undetermined), which rules of any language judge, so "RT to win!" is
still read as the English it most likely is.
"""
from __future__ import annotations

import re
from functools import cache

from .tokens import Tokens
from .word_frequencies import UNLISTED_CB, head

# Languages written with spaces between words that wordfreq has lists for; English first.
WORD_LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "tr", "id", "ro",
                  "ca", "hu", "ru", "uk", "el", "ar", "he")
NON_LATIN = frozenset({"ru", "uk", "el", "ar", "he"})  # their lists' Latin words are borrowed names: GREECE is English
SCRIPT_LANGUAGES = ("ja", "zh", "ko")
UNDETERMINED = "und"
LANGUAGES = (*WORD_LANGUAGES, *SCRIPT_LANGUAGES)
HEAD_WORDS = 3000  # words per language: enough for the common ones every draft uses
MIN_WORDS = 4  # fewer words (of two letters or more) than this: undetermined
READ_WORDS = 200  # a long draft's language shows in its first words
# How far ahead the winner must be, in centibels per word read: a draft of shared words ("no", "a")
# or of names is not said to be in another language on a hair's difference.
MARGIN_CB = 60
_SCRIPT_RANGES = ("\u3040-\u30ff", "\uac00-\ud7af", "\u4e00-\u9fff")  # kana, hangul, han
_SCRIPT_LETTERS = tuple(re.compile(f"[{letters}]") for letters in _SCRIPT_RANGES)
_ANY_SCRIPT_LETTER = re.compile(f"[{''.join(_SCRIPT_RANGES)}]")


class _Bonuses(dict):
    """word -> ((language index, how much more common than unlisted), ...) for each language listing it.

    Worked out per word the first time a draft uses it, not merged up front: merging the 23 lists
    cost `rapport lint` 90 ms of start-up for a draft of a dozen words. Only listed words are kept,
    so the table never outgrows the lists however many distinct words drafts bring.
    """

    def __init__(self) -> None:
        super().__init__()
        self._heads = [(head(language, HEAD_WORDS), language in NON_LATIN) for language in WORD_LANGUAGES]
        self._listed = frozenset().union(*(words for words, _ in self._heads))

    def __missing__(self, word: str) -> tuple[tuple[int, int], ...]:
        if word not in self._listed:
            return ()
        found = self[word] = tuple((index, UNLISTED_CB - words[word])
                                   for index, (words, non_latin) in enumerate(self._heads)
                                   if word in words and not (non_latin and word.isascii()))
        return found


@cache
def _bonuses() -> _Bonuses:
    return _Bonuses()


def gate(language: str) -> str:
    """The flag feature a rule of `language` is gated on: the draft is in it, or undetermined."""
    return f"language_{language}"


def warm_up() -> None:
    _bonuses()


def detect(text: str, tokens: Tokens) -> str:
    if not text.isascii() and (script := _by_script(text)):
        return script
    bonuses = _bonuses()
    scores = [0] * len(WORD_LANGUAGES)
    read = 0
    for norm, kind in zip(tokens.norms, tokens.kinds):
        if kind != "word" or len(norm) < 2:  # "u", "k", letters spaced out: no language's words
            continue
        read += 1
        for index, bonus in bonuses[norm]:
            scores[index] += bonus
        if read == READ_WORDS:
            break
    if read < MIN_WORDS:
        return UNDETERMINED
    best = max(range(len(scores)), key=scores.__getitem__)
    # English against its closest rival; any other winner against English (Danish or Norwegian, a
    # draft in either is not one for English phrase lists).
    rival = max(scores[1:]) if best == 0 else scores[0]
    return WORD_LANGUAGES[best] if scores[best] - rival >= MARGIN_CB * read else UNDETERMINED


def _by_script(text: str) -> str | None:
    """Japanese, Korean or Chinese when most of the letters are kana, hangul or han."""
    # Most drafts have none of the three: one search says so (0.17 ms for a 64 KiB draft, where counting
    # each script's letters took 0.43 ms).
    if not _ANY_SCRIPT_LETTER.search(text):
        return None
    kana, hangul, han = (len(script.findall(text)) for script in _SCRIPT_LETTERS)
    if 2 * (kana + hangul + han) <= sum(map(str.isalpha, text)):  # map: a C call per character, no generator step
        return None
    return "ja" if kana else "ko" if hangul >= han else "zh"
