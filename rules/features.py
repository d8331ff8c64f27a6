"""What Python measures in a draft before the engine decides: the named features.

Built-in features are listed in `BUILTIN_FEATURES`; every phrase list of the rules file is
a count feature too, and every `near` condition adds a flag. Counts that come from text
also keep the spans they were counted from, so a finding can point at them.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal

import textstat

from .phrases import PhraseList
from .text import WORD_RE, Span, merge, normalise, sentence_spans

FeatureKind = Literal["count", "number", "flag", "name"]
Value = int | float | bool | str

LINK_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]'’]", re.IGNORECASE)
HASHTAG_RE = re.compile(r"(?<![\w&/])#(?=\w*[^\W\d_])\w+")
MENTION_RE = re.compile(r"(?<![\w./])@\w+(?:@[\w-]+(?:\.[\w-]+)+)?")
EXCLAMATION_RE = re.compile(r"!+")
MIN_CAPS_LETTERS = 2


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    kind: FeatureKind
    description: str


BUILTIN_FEATURES: dict[str, FeatureSpec] = {
    "platform": FeatureSpec("name", "platform the draft is for (x, linkedin, ..., generic)"),
    "characters": FeatureSpec("count", "length in characters (Unicode code points)"),
    "limit": FeatureSpec("count", "the platform's length limit; 0 when it has none"),
    "over_limit": FeatureSpec("count", "characters beyond the platform's limit; 0 when within"),
    "words": FeatureSpec("count", "words outside links"),
    "sentences": FeatureSpec("count", "sentences (a line break also ends one)"),
    "questions": FeatureSpec("count", "sentences that end with a question mark"),
    "hashtags": FeatureSpec("count", "#hashtags"),
    "mentions": FeatureSpec("count", "@mentions, Mastodon's @user@instance included"),
    "links": FeatureSpec("count", "links (http://, https://, www.)"),
    "bare_link": FeatureSpec("flag", "the draft is links with no words around them"),
    "exclamations": FeatureSpec("count", "exclamation marks"),
    "caps_words": FeatureSpec("count", "ALL-CAPS words of two letters or more"),
    "caps_share": FeatureSpec("count", "ALL-CAPS words as a percentage of all words"),
    "reading_ease": FeatureSpec("number", "Flesch reading ease (textstat); higher is easier"),
    "grade": FeatureSpec("number", "Flesch-Kincaid grade level (textstat)"),
}


@dataclass(frozen=True, slots=True)
class NearPair:
    """Two phrase lists whose matches stand within `within` words of each other."""

    key: str
    first: str
    second: str
    within: int


@dataclass(slots=True)
class Features:
    values: dict[str, Value]
    spans: dict[str, list[Span]] = field(default_factory=dict)
    sentences: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The parts of a rules file that feature extraction needs."""

    phrase_lists: dict[str, PhraseList]
    near_pairs: tuple[NearPair, ...]
    limits: dict[str, int]


def extract(text: str, platform: str, vocabulary: Vocabulary) -> Features:
    links = _spans(LINK_RE, text)
    # Links are blanked out (same length) so words and phrases inside URLs do not count.
    plain = _blank(normalise(text), links)
    words = _spans(WORD_RE, plain)
    sentences = sentence_spans(plain)
    features = Features(values={}, sentences=sentences)
    _measure_layout(features, text, plain, platform, vocabulary.limits, links, words)
    _measure_phrases(features, plain, vocabulary, words)
    _measure_readability(features, plain, len(words))
    return features


def _measure_layout(features: Features, text: str, plain: str, platform: str,
                    limits: dict[str, int], links: list[Span], words: list[Span]) -> None:
    caps = [w for w in words if _is_caps(plain[w.start:w.end])]
    questions = [s for s in features.sentences if plain[s.end - 1] == "?"]
    limit = limits.get(platform, 0)
    spans = {
        "questions": questions,
        "hashtags": _spans(HASHTAG_RE, plain),
        "mentions": _spans(MENTION_RE, plain),
        "links": links,
        "exclamations": _spans(EXCLAMATION_RE, plain),
        "caps_words": caps,
    }
    features.spans.update(spans)
    features.values.update({name: len(found) for name, found in spans.items()})
    features.values.update(
        exclamations=plain.count("!"),  # "!!!" is three, though it is one span
        platform=platform,
        characters=len(text),
        limit=limit,
        over_limit=max(0, len(text) - limit) if limit else 0,
        words=len(words),
        sentences=len(features.sentences),
        bare_link=bool(links) and not words,
        caps_share=round(100 * len(caps) / len(words)) if words else 0,
    )


def _measure_phrases(features: Features, plain: str, vocabulary: Vocabulary, words: list[Span]) -> None:
    for name, phrase_list in vocabulary.phrase_lists.items():
        found = phrase_list.find(plain)
        features.spans[name] = found
        features.values[name] = len(found)
    word_starts = [w.start for w in words]
    for pair in vocabulary.near_pairs:
        found = _near(features.spans[pair.first], features.spans[pair.second], pair.within, word_starts)
        features.spans[pair.key] = found
        features.values[pair.key] = bool(found)


def _near(firsts: list[Span], seconds: list[Span], within: int, word_starts: list[int]) -> list[Span]:
    """Spans covering each first/second match pair at most `within` words apart, either order.

    Bisecting the second list keeps this O(n log n) even for a 64 KiB draft of repeated phrases.
    """
    second_words = [bisect_right(word_starts, b.start) for b in seconds]
    found = []
    for a in firsts:
        a_word = bisect_right(word_starts, a.start)
        low = bisect_left(second_words, a_word - within)
        high = bisect_right(second_words, a_word + within)
        found.extend(Span(min(a.start, b.start), max(a.end, b.end)) for b in seconds[low:high] if b != a)
    return merge(found)


def _measure_readability(features: Features, plain: str, word_count: int) -> None:
    if word_count == 0:
        features.values.update(reading_ease=100.0, grade=0.0)
        return
    features.values.update(
        reading_ease=round(float(textstat.flesch_reading_ease(plain)), 1),
        grade=round(float(textstat.flesch_kincaid_grade(plain)), 1),
    )


def warm_up() -> None:
    """Load textstat's pronouncing dictionary now (about a second) rather than on the first draft."""
    textstat.flesch_reading_ease("Thanks for asking.")


def _spans(regex: re.Pattern[str], text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in regex.finditer(text)]


def _blank(text: str, spans: list[Span]) -> str:
    pieces, start = [], 0
    for span in spans:
        pieces += [text[start:span.start], " " * (span.end - span.start)]
        start = span.end
    pieces.append(text[start:])
    return "".join(pieces)


def _is_caps(word: str) -> bool:
    return word.isupper() and sum(ch.isalpha() for ch in word) >= MIN_CAPS_LETTERS
