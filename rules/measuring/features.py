"""What Python measures in a draft before the engine decides: the named features.

The draft is read once into tokens (tokens.py). Built-in features are listed in
`BUILTIN_FEATURES`; every phrase list of the rules file is a count feature too, and every `near`
and `pattern` condition adds a count of its matches. Counts that come from text also keep the
spans they were counted from, so a finding can point at them, and patterns keep their captures.
"""
from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from . import accessibility, language, readability
from .language import UNDETERMINED, detect, gate
from .patterns import Ends, Pattern, PatternIndex, Scopes, find
from .phrases import Match, PhraseBook, non_overlapping
from .readability import flesch
from .signal import SIGNAL_FEATURE_NAMES, Signal, ngrams
from .text import Span, merge, normalise
from .tokens import NAME_MARK, Tokens, is_caps, tokenize

FeatureKind = Literal["count", "number", "flag", "name"]
Value = int | float | bool | str
SIGNAL_FEATURES = SIGNAL_FEATURE_NAMES
NEAR_SCOPES = ("clause", "sentence")
CLOSING_HASHTAGS = "closing_hashtags"
# The extra classes of number and ordinal words, which they have instead of caps.
_COUNTING_CLASSES = frozenset({"number", "ordinal"})
# Tokens that are not words: what `words` leaves out, and what a bare link may be surrounded by.
_NOT_WORDS = frozenset({"punct", "emoji", "link", "email"})


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    kind: FeatureKind
    description: str


BUILTIN_FEATURES: dict[str, FeatureSpec] = {
    "platform": FeatureSpec("name", "platform the draft is for (x, linkedin, ..., generic)"),
    "language": FeatureSpec("name", "the draft's language as detected (en, es, de, ...), und when too short to tell"),
    "characters": FeatureSpec("count", "length in characters (Unicode code points)"),
    "limit": FeatureSpec("count", "the platform's length limit; 0 when it has none"),
    "over_limit": FeatureSpec("count", "characters beyond the platform's limit; 0 when within"),
    "words": FeatureSpec("count", "words, numbers, hashtags and mentions (not links, emoji or punctuation)"),
    "sentences": FeatureSpec("count", "sentences (a line break also ends one)"),
    "questions": FeatureSpec("count", "sentences with a question mark (not a name's, as in \"Which? readers\")"),
    "hashtags": FeatureSpec("count", "#hashtags"),
    CLOSING_HASHTAGS: FeatureSpec("count", "hashtags in the run of hashtags (and emoji) that ends the draft"),
    "mentions": FeatureSpec("count", "@mentions, Mastodon's @user@instance included"),
    "links": FeatureSpec("count", "links, with or without https:// or www. (example.com/page, bit.ly/x)"),
    "emails": FeatureSpec("count", "e-mail addresses"),
    "money": FeatureSpec("count", "amounts of money (£50, $1.5m, 50p)"),
    "emoji": FeatureSpec("count", "emoji"),
    "bare_link": FeatureSpec("flag", "the draft is links with no words around them"),
    "opens_with_mention": FeatureSpec("flag", "the draft starts with an @mention: a reply to someone"),
    "exclamations": FeatureSpec("count", "exclamation marks"),
    "caps_words": FeatureSpec("count", "ALL-CAPS words of two letters or more"),
    "caps_share": FeatureSpec("count", "ALL-CAPS words as a percentage of all words"),
    "run_together_hashtags": FeatureSpec("count", "hashtags of several English words run together in lower case"),
    "caps_hashtags": FeatureSpec("count", "hashtags in capitals, of five letters or more"),
    "styled_letters": FeatureSpec("count", "runs of pseudo-font letters (mathematical bold, italic, script, ...)"),
    "emoji_runs": FeatureSpec("count", "runs of three emoji or more"),
    "emoji_bullets": FeatureSpec("count", "emoji that start a line or sentence before a word, as bullets do"),
    "reading_ease": FeatureSpec("number", "Flesch reading ease (textstat); higher is easier"),
    "grade": FeatureSpec("number", "Flesch-Kincaid grade level (textstat)"),
    "signal_spammy": FeatureSpec("number", "0-100: how much the draft reads like the corpus's spammy-incentive drafts"),
    "signal_campaign": FeatureSpec("number", "0-100: how much the draft reads like the corpus's campaign-only drafts"),
    "signal_noreply": FeatureSpec("number", "0-100: how much the draft reads like the corpus's no-reply-intent drafts"),
}


@dataclass(frozen=True, slots=True)
class NearPair:
    """Two phrase lists whose matches stand within `within` words, or in one clause or sentence."""

    key: str
    first: str
    second: str
    within: int | str


@dataclass(frozen=True, slots=True)
class Position:
    """A phrase list's matches that start before character `bound`, or before the closing hashtags."""

    key: str
    name: str
    bound: int | str


@dataclass(slots=True)
class Features:
    tokens: Tokens  # the draft's, read once here and shared with the rewrites' slots
    values: dict[str, Value]
    spans: dict[str, Sequence[Span]] = field(default_factory=dict)
    sentences: list[Span] = field(default_factory=list)
    # pattern -> per match. Patterns that matched nothing have no entry here nor in `spans` (read both with
    # .get): an empty list for each of a hundred patterns cost a short draft 11 us.
    captures: dict[str, list[dict[str, Span]]] = field(default_factory=dict)
    # Patterns looked for anywhere in the draft: support for a rule ("we" somewhere, a "?"), not what it is about.
    draft_wide: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class FeaturePlan:
    """What to measure in every draft: the pack's phrase lists, near pairs, patterns and platform limits."""

    phrases: PhraseBook
    near_pairs: tuple[NearPair, ...]
    patterns: tuple[Pattern, ...]
    limits: dict[str, int]
    descriptions: dict[str, str] = field(default_factory=dict)  # near and pattern feature -> how explain names it
    signal: Signal | None = None  # scored only for packs whose rules test it
    languages: tuple[str, ...] = ()  # the languages rules are gated on (see language.gate)
    positions: tuple[Position, ...] = ()
    pattern_index: PatternIndex = field(init=False, repr=False, compare=False)
    draft_wide: frozenset[str] = field(init=False, repr=False, compare=False)
    # Every feature's value and every phrase list's spans before a draft is measured: most stay so, as a
    # draft matches few of the lists and patterns, and a copy of one dict costs an eighth of filling in
    # hundreds of zeros (and as many empty lists) draft by draft.
    zeros: dict[str, Value] = field(init=False, repr=False, compare=False)
    no_spans: dict[str, Sequence[Span]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern_index", PatternIndex(self.patterns, self.phrases.longest))
        object.__setattr__(self, "draft_wide", frozenset(p.key for p in self.patterns if p.within == "draft"))
        measured = (*BUILTIN_FEATURES, *self.phrases.phrases, *(position.key for position in self.positions),
                    *(pair.key for pair in self.near_pairs), *(pattern.key for pattern in self.patterns),
                    *map(gate, self.languages))
        object.__setattr__(self, "zeros", dict.fromkeys(measured, 0))
        object.__setattr__(self, "no_spans", dict.fromkeys(self.phrases.phrases, ()))

    @property
    def phrase_lists(self) -> dict[str, list]:
        return self.phrases.phrases


def warm_up() -> None:
    """Load the dictionaries and word lists now (about a second and a half) rather than on the first draft."""
    readability.warm_up()
    language.warm_up()
    accessibility.warm_up()


def extract(text: str, platform: str, plan: FeaturePlan) -> Features:
    tokens = tokenize(text)
    sentences = tokens.spans(_ranges(tokens.sentence_starts, len(tokens)))
    features = Features(tokens, dict(plan.zeros), dict(plan.no_spans), sentences, draft_wide=plan.draft_wide)
    _measure_layout(features, text, tokens, platform, plan.limits)
    matches = _measure_phrases(features, tokens, plan)
    _measure_positions(features, plan.positions)
    _measure_near(features, tokens, plan.near_pairs, matches)
    _measure_patterns(features, tokens, plan.pattern_index, plan.phrases, matches)
    _measure_readability(features, text, tokens)
    _measure_signal(features, tokens, plan.signal)
    _measure_language(features, text, tokens, plan.languages)
    _measure_accessibility(features, text, tokens)
    return features


def _ranges(starts: list[int], count: int) -> list[Match]:
    return [(first, end) for first, end in zip(starts, [*starts[1:], count]) if end > first]


def _measure_layout(features: Features, text: str, tokens: Tokens, platform: str, limits: dict[str, int]) -> None:
    kinds = tokens.kinds
    present = set(kinds)  # most drafts have no token of most kinds, and need no pass for them
    words = len(kinds) - sum(map(kinds.count, present.intersection(_NOT_WORDS)))
    by_kind = {kind: tokens.token_spans(_indices(kinds, kind)) if kind in present else [] for kind in _SPANNED_KINDS}
    exclamations = _indices(tokens.norms, "!") if "punct" in present else []
    caps_spans = tokens.token_spans(_caps_words(text, tokens))
    limit = limits.get(platform, 0)
    spans = {"questions": _questions(features.sentences, tokens), "hashtags": by_kind["hashtag"],
             "mentions": by_kind["mention"], "links": by_kind["link"], "emails": by_kind["email"],
             "money": by_kind["money"], "emoji": by_kind["emoji"],
             "exclamations": merge(tokens.token_spans(exclamations)), "caps_words": caps_spans}
    closing = _closing_hashtags(tokens)
    spans[CLOSING_HASHTAGS] = closing
    features.spans.update(spans)
    features.values.update({name: len(found) for name, found in spans.items()})
    features.values.update(
        exclamations=len(exclamations),  # "!!!" is three, though it is one span
        platform=platform,
        characters=len(text),
        limit=limit,
        over_limit=max(0, len(text) - limit) if limit else 0,
        words=words,
        sentences=len(features.sentences),
        bare_link=bool(by_kind["link"]) and not words,
        opens_with_mention=bool(kinds) and kinds[0] == "mention",
        caps_share=round(100 * len(caps_spans) / words) if words else 0,
    )


_SPANNED_KINDS = ("hashtag", "mention", "link", "email", "money", "emoji")


def _indices(items: list[str], item: str) -> list[int]:
    """Where `item` stands in `items`: list.index from one to the next, each a scan in C."""
    found: list[int] = []
    at = -1
    for _ in range(items.count(item)):
        at = items.index(item, at + 1)
        found.append(at)
    return found


def _caps_words(text: str, tokens: Tokens) -> list[int]:
    """The words in capitals: the caps class, or a number or ordinal word in capitals ("FIVE"), which have
    their own class instead. Only the tokens with one of those classes are looked at."""
    labels = tokens.extra
    candidates = itertools.compress(labels, map(_CAPS_CANDIDATES.__contains__, labels.values()))
    return [index for index in candidates if tokens.kinds[index] == "word" and (labels[index] == "caps" or is_caps(
        text[tokens.starts[index]:tokens.ends[index]]))]


_CAPS_CANDIDATES = frozenset({"caps"}) | _COUNTING_CLASSES


def _questions(sentences: list[Span], tokens: Tokens) -> list[Span]:
    """The sentences with a question mark that is not part of a name ("rated by Which? readers")."""
    marks = [index for index in _indices(tokens.norms, "?") if tokens.extra.get(index) != NAME_MARK]
    return [sentences[sentence] for sentence in sorted(set(map(tokens.sentence, marks)))]


def _measure_phrases(features: Features, tokens: Tokens, plan: FeaturePlan) -> dict[str, list[Match]]:
    """Each list's count and spans (its non-overlapping matches); returns every match, for near and patterns."""
    matches = plan.phrases.matches(tokens)
    spans, values, lists = features.spans, features.values, plan.phrase_lists
    for name, found in matches.items():
        if name in lists:  # not a pattern's own phrases
            chosen = non_overlapping(found)
            spans[name] = tokens.spans(chosen)
            values[name] = len(chosen)
    return matches


def _closing_hashtags(tokens: Tokens) -> list[Span]:
    """The hashtags of the run of hashtags, emoji and punctuation that ends the draft."""
    found = []
    for index in range(len(tokens) - 1, -1, -1):
        kind = tokens.kinds[index]
        if kind == "hashtag":
            found.append(Span(tokens.starts[index], tokens.ends[index]))
        elif kind not in ("emoji", "punct"):
            break
    return found[::-1]


def _measure_positions(features: Features, positions: tuple[Position, ...]) -> None:
    closing = features.spans[CLOSING_HASHTAGS]
    for position in positions:
        bound = position.bound if isinstance(position.bound, int) else closing[0].start if closing else 1 << 62
        found = [span for span in features.spans[position.name] if span.start < bound]
        features.spans[position.key] = found
        features.values[position.key] = len(found)


def _measure_near(features: Features, tokens: Tokens, pairs: tuple[NearPair, ...],
                  matches: dict[str, list[Match]]) -> None:
    if not pairs:
        return
    words = _word_numbers(tokens)
    for pair in pairs:
        firsts = non_overlapping(matches.get(pair.first, []))
        seconds = non_overlapping(matches.get(pair.second, []))
        found = _near(tokens, firsts, seconds, pair.within, words) if firsts and seconds else []
        features.spans[pair.key] = found
        features.values[pair.key] = len(found)


def _word_numbers(tokens: Tokens) -> list[int]:
    """For each token, how many words come before it: what `within: N` counts."""
    numbers = list(itertools.accumulate(map(_WORDS.get, tokens.kinds, itertools.repeat(1)), initial=0))
    numbers.pop()  # the words of the whole draft
    return numbers


_WORDS = dict.fromkeys(_NOT_WORDS, 0)  # how many words each kind of token is: 1 unless listed


def _near(tokens: Tokens, firsts: list[Match], seconds: list[Match], within: int | str,
          words: list[int]) -> list[Span]:
    """Spans covering each first/second pair close enough, either order: in one clause or sentence, or
    at most `within` words apart. Bisecting the second list keeps this O(n log n) even for a 64 KiB
    draft of repeated phrases."""
    if isinstance(within, str):
        key, reach = (tokens.clause if within == "clause" else tokens.sentence), 0
    else:
        key, reach = words.__getitem__, within
    keys = [key(first) for first, _ in seconds]  # ascending, as the matches are
    found = []
    for a in firsts:
        at = key(a[0])
        for b in seconds[bisect_left(keys, at - reach):bisect_right(keys, at + reach)]:
            if b != a:
                found.append(Span(tokens.starts[min(a[0], b[0])], tokens.ends[max(a[1], b[1]) - 1]))
    return merge(found)


def _measure_patterns(features: Features, tokens: Tokens, index: PatternIndex, book: PhraseBook,
                      matches: dict[str, list[Match]]) -> None:
    spans, values, captures = features.spans, features.values, features.captures
    # Most drafts match no pattern: the spans and captures of those are left out, and their counts stay 0.
    labels = {*tokens.kinds, *tokens.extra.values()}
    classes = {name: wanted for name, wanted in book.class_lists.items() if not wanted.isdisjoint(labels)}
    present = frozenset(matches).union(classes)
    by_start, scopes = _ByStart(matches, tokens, classes), Scopes(tokens)
    for pattern in index.candidates(present):
        if found := find(pattern, tokens, by_start, scopes, present, index.leads[pattern.key]):
            spans[pattern.key] = tokens.spans((m.first, m.end) for m in found)
            # Most matches capture nothing: an empty dict for those, without a comprehension's call.
            captures[pattern.key] = [{name: tokens.span(*where) for name, where in m.captures.items()} if m.captures
                                     else {} for m in found]
            values[pattern.key] = len(found)


class _ByStart(dict):
    """Each list's matches as {start: [ends]}, worked out for a list the first time a pattern asks;
    `classes`: the class lists (PhraseBook.class_lists) some token matches, by their classes."""

    def __init__(self, matches: dict[str, list[Match]], tokens: Tokens, classes: dict[str, frozenset[str]]) -> None:
        super().__init__()
        self._matches, self._tokens, self._classes = matches, tokens, classes
        self._by_class: dict[str, list[int]] | None = None

    def __contains__(self, name: object) -> bool:
        return name in self._matches or name in self._classes

    def __missing__(self, name: str) -> Ends:
        ends: Ends
        if name in self._classes:
            ends = _ClassEnds(self._tokens, self._classes[name], self._tokens_by_class())
        else:
            matches = self._matches.get(name, ())
            # Most starts have one end: one comprehension, and the loop only for a list where some have more.
            ends = {first: (end,) for first, end in matches}
            if len(ends) < len(matches):
                ends = {}
                for first, end in matches:
                    if first in ends:
                        ends[first].append(end)
                    else:
                        ends[first] = [end]
        self[name] = ends
        return ends

    def get(self, name: str, default=None):  # noqa: ANN001, ANN201 - dict's own signature
        return self[name] if name in self else default

    def _tokens_by_class(self) -> dict[str, list[int]]:
        """Which tokens have each kind or extra class: one pass over the draft for all its class lists."""
        if self._by_class is None:
            self._by_class = defaultdict(list)  # setdefault would make an empty list for every token
            for index, label in itertools.chain(enumerate(self._tokens.kinds), self._tokens.extra.items()):
                self._by_class[label].append(index)
        return self._by_class


class _ClassEnds:
    """A class list's {start: [ends]} as `find` reads it (`get`, and its starts by iterating), answered from
    the tokens' kinds and extra classes: a {word} list would be a dict of every word of a 64 KiB draft,
    built for the few hundred tokens a pattern looks at."""

    __slots__ = ("_kinds", "_extra", "_labels", "_by_class")

    def __init__(self, tokens: Tokens, labels: frozenset[str], by_class: dict[str, list[int]]) -> None:
        self._kinds, self._extra, self._labels, self._by_class = tokens.kinds, tokens.extra, labels, by_class

    def get(self, index: int, default: tuple[int, ...] = ()) -> tuple[int, ...]:
        if index < len(self._kinds) and (self._kinds[index] in self._labels or self._extra.get(index) in self._labels):
            return (index + 1,)
        return default

    def __iter__(self) -> Iterator[int]:  # some starts twice (a kind and an extra class both listed)
        return itertools.chain.from_iterable(self._by_class.get(label, ()) for label in self._labels)

    def __len__(self) -> int:  # as many as iterating gives
        return sum(len(self._by_class.get(label, ())) for label in self._labels)


def _measure_signal(features: Features, tokens: Tokens, signal: Signal | None) -> None:
    # signal.json names its features; load_signal holds them equal to SIGNAL_FEATURES.
    scores = signal.scores(ngrams(tokens)) if signal else (0.0,) * len(SIGNAL_FEATURES)
    features.values.update(zip(SIGNAL_FEATURES, scores))


def _measure_accessibility(features: Features, text: str, tokens: Tokens) -> None:
    found = accessibility.measure(text, tokens)
    features.spans.update(found)
    features.values.update((name, len(spans)) for name, spans in found.items())


def _measure_language(features: Features, text: str, tokens: Tokens, gated: tuple[str, ...]) -> None:
    language = detect(text, tokens)
    features.values["language"] = language
    features.values.update((gate(code), language in (code, UNDETERMINED)) for code in gated)


def _measure_readability(features: Features, text: str, tokens: Tokens) -> None:
    if not features.values["words"]:
        features.values.update(reading_ease=100.0, grade=0.0)
        return
    # Links are blanked out (same length) so their parts are not read as words.
    plain = _blank(normalise(text), [*features.spans["links"], *features.spans["emails"]])
    reading_ease, grade = flesch(plain)
    features.values.update(reading_ease=round(reading_ease, 1), grade=round(grade, 1))


def _blank(text: str, spans: list[Span]) -> str:
    pieces, start = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        pieces += [text[start:span.start], " " * (span.end - span.start)]
        start = span.end
    pieces.append(text[start:])
    return "".join(pieces)

