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

from .phrases import PhraseList
from .readability import flesch
from .text import TOKEN_RE, WORD_RE, Span, fold, merge, normalise, sentence_spans

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
class FeaturePlan:
    """What to measure in every draft: the pack's phrase lists, near pairs and platform limits."""

    phrase_lists: dict[str, PhraseList]
    near_pairs: tuple[NearPair, ...]
    limits: dict[str, int]
    # Every phrase list's needles, looked for once per draft (see PhraseList.needles): whole-word
    # needles by one set intersection with the draft's words, the others as substrings.
    word_needles: frozenset[str] = field(init=False)
    substring_needles: tuple[str, ...] = field(init=False)
    _owners: dict[str, tuple[str, ...]] = field(init=False, repr=False)  # needle -> lists using it
    _always: frozenset[str] = field(init=False, repr=False)  # lists without needles

    def __post_init__(self) -> None:
        lists = self.phrase_lists.values()
        needles = {n for phrase_list in lists for n in phrase_list.needles or ()}
        # A needle some list uses as a part of a word (a `word*` stem) is looked for as a substring.
        words = frozenset(n for n in needles if all(n in pl.word_needles for pl in lists if n in (pl.needles or ())))
        object.__setattr__(self, "word_needles", words)
        object.__setattr__(self, "substring_needles", tuple(sorted(needles - words)))
        owners: dict[str, list[str]] = {}
        for name, phrase_list in self.phrase_lists.items():
            for needle in phrase_list.needles or ():
                owners.setdefault(needle, []).append(name)
        object.__setattr__(self, "_owners", {needle: tuple(names) for needle, names in owners.items()})
        object.__setattr__(self, "_always", frozenset(name for name, pl in self.phrase_lists.items() if pl.needles is None))

    def candidates(self, folded: str) -> set[str]:
        """The phrase lists that can match the `fold`ed draft: those with a needle in it."""
        found = set(self._always)
        for needle in self.present(folded):
            found.update(self._owners[needle])
        return found

    def present(self, folded: str) -> set[str]:
        """The needles that occur in `folded` (a `fold`ed draft)."""
        found = set(self.word_needles.intersection(TOKEN_RE.findall(folded)))
        found.update(needle for needle in self.substring_needles if needle in folded)
        return found


def extract(text: str, platform: str, plan: FeaturePlan) -> Features:
    links = _spans(LINK_RE, text) if "://" in text or "www." in text.lower() else []
    # Links are blanked out (same length) so words and phrases inside URLs do not count.
    plain = _blank(normalise(text), links)
    words = [m.span() for m in WORD_RE.finditer(plain)]  # (start, end) pairs: many, and cheap as tuples
    sentences = sentence_spans(plain)
    features = Features(values={}, sentences=sentences)
    _measure_layout(features, text, plain, platform, plan.limits, links, words)
    _measure_phrases(features, plain, plan, words)
    _measure_readability(features, plain, len(words))
    return features


def _measure_layout(features: Features, text: str, plain: str, platform: str,
                    limits: dict[str, int], links: list[Span], words: list[tuple[int, int]]) -> None:
    # A draft whose cased letters are all lower case has no capitals to look for.
    caps = [] if plain.islower() else [Span(s, e) for s, e in words if _is_caps(plain[s:e])]
    questions = [s for s in features.sentences if plain[s.end - 1] == "?"]
    limit = limits.get(platform, 0)
    spans = {
        "questions": questions,
        # Each pattern needs its mark; most drafts have none, so skip the scan.
        "hashtags": _spans(HASHTAG_RE, plain) if "#" in plain else [],
        "mentions": _spans(MENTION_RE, plain) if "@" in plain else [],
        "links": links,
        "exclamations": _spans(EXCLAMATION_RE, plain) if "!" in plain else [],
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


def _measure_phrases(features: Features, plain: str, plan: FeaturePlan,
                     words: list[tuple[int, int]]) -> None:
    # Look for every list's needles once; only lists with a needle present run their regex.
    spans, values = features.spans, features.values
    # Lists with no needle in the draft cannot match: an empty (immutable) result, no regex run.
    spans.update(dict.fromkeys(plan.phrase_lists, ()))
    values.update(dict.fromkeys(plan.phrase_lists, 0))
    for name in plan.candidates(fold(plain)):
        found = plan.phrase_lists[name].find(plain)
        spans[name] = found
        values[name] = len(found)
    word_starts = [start for start, _ in words]
    for pair in plan.near_pairs:
        firsts, seconds = spans[pair.first], spans[pair.second]
        found = _near(firsts, seconds, pair.within, word_starts) if firsts and seconds else []
        spans[pair.key] = found
        values[pair.key] = bool(found)


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
    reading_ease, grade = flesch(plain)
    features.values.update(reading_ease=round(reading_ease, 1), grade=round(grade, 1))


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
