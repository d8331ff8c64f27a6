"""Text helpers shared by the features: tokens, sentences and spans (in code points)."""
from __future__ import annotations

import re
from dataclasses import dataclass

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Runs of word characters: what a whole phrase word is (phrases.py), and the draft's tokens
# its whole-word needles are looked up among (features.py); the two must agree.
TOKEN_RE = re.compile(r"\w+")
# A sentence ends at . ! ? (or their runs) followed by space or the end, or at a line break.
SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s|$)|\n+")
# Curly apostrophes read as straight ones; same length, so spans stay valid.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def normalise(text: str) -> str:
    """Return a same-length copy that phrase patterns can match plainly."""
    return text.translate(_APOSTROPHES)


# Characters that re.IGNORECASE matches to an ASCII letter although lower() keeps them apart
# (long s, Kelvin sign, dotless i, dotted capital I).
_ASCII_FOLDS = str.maketrans({"ſ": "s", "\u212a": "k", "ı": "i", "İ": "i"})


def fold(text: str) -> str:
    """Lower-case `text` so that a plain substring test can rule out an IGNORECASE phrase match.

    Not offset-preserving; only for deciding whether a phrase can occur at all.
    """
    return text.lower() if text.isascii() else text.translate(_ASCII_FOLDS).lower()


def sentence_spans(text: str) -> list[Span]:
    """Split into sentences, each span trimmed of surrounding white space."""
    spans: list[Span] = []
    start = 0
    for end_match in SENTENCE_END_RE.finditer(text):
        _append_trimmed(text, start, end_match.end(), spans)
        start = end_match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append(Span(start + lead, start + lead + len(stripped)))


def merge(spans: list[Span]) -> list[Span]:
    """Sort spans and merge the ones that overlap or touch."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged.pop()
            span = Span(last.start, max(last.end, span.end))
        merged.append(span)
    return merged
