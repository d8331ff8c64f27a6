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

from .language_table import WORD_LANGUAGES, word_scores
from .tokens import Tokens

SCRIPT_LANGUAGES = ("ja", "zh", "ko")
UNDETERMINED = "und"
LANGUAGES = (*WORD_LANGUAGES, *SCRIPT_LANGUAGES)
MIN_WORDS = 4  # fewer words (of two letters or more) than this: undetermined
READ_WORDS = 200  # a long draft's language shows in its first words
# How far ahead the winner must be, in centibels per word read: a draft of shared words ("no", "a")
# or of names is not said to be in another language on a hair's difference.
MARGIN_CB = 60
_SCRIPT_RANGES = ("\u3040-\u30ff", "\uac00-\ud7af", "\u4e00-\u9fff")  # kana, hangul, han


@cache
def _script_letters() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """Any of the three scripts' letters, and each one's. Compiled for the first draft that is not ASCII:
    their wide ranges take 3 ms to compile, which `rapport lint` on an English draft need not spend."""
    return re.compile(f"[{''.join(_SCRIPT_RANGES)}]"), tuple(re.compile(f"[{letters}]") for letters in _SCRIPT_RANGES)


def gate(language: str) -> str:
    """The flag feature a rule of `language` is gated on: the draft is in it, or undetermined."""
    return f"language_{language}"


def warm_up() -> None:
    word_scores()
    _script_letters()


def detect(text: str, tokens: Tokens) -> str:
    if not text.isascii() and (script := _by_script(text)):
        return script
    bonuses = word_scores()
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
    any_letter, letters = _script_letters()
    if not any_letter.search(text):
        return None
    kana, hangul, han = (len(script.findall(text)) for script in letters)
    if 2 * (kana + hangul + han) <= sum(map(str.isalpha, text)):  # map: a C call per character, no generator step
        return None
    return "ja" if kana else "ko" if hangul >= han else "zh"
