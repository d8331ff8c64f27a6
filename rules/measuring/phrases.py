"""Phrase lists from rules.yaml, matched against a draft's tokens.

A phrase is a sequence of word tests, one per token, written as plain text:
    win           the word in any of its forms (wins, won, winning); also as a hashtag (#win)
    =win          exactly this form
    voucher*      any word starting so (a "*" after anything but a word is a plain star)
    {number}      a token of a class: number ({n} for short; digits or a number word), money,
                  percent, ordinal, emoji, reaction, pointing, link, mention, hashtag, email, word,
                  caps (a word in capitals), punct (a punctuation mark)
    anything else the token as written: punctuation, emoji, #tags, @handles, £50
A space or a hyphen between words matches either; case never matters.

Matching is one dictionary lookup per draft token (on the forms every list's phrases can start
with), then a check of the following tokens: linear in the draft whatever the rules file holds,
and loading is linear in the number of phrases.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .inflection import inflections
from .tokens import Tokens, tokenize

CLASSES = ("number", "money", "percent", "ordinal", "emoji", "reaction", "pointing", "link", "mention", "hashtag",
           "email", "word", "caps", "punct")
_ALIASES = {"n": "number"}
_MARK = re.compile(r"\{(\w+)\}")
MAX_PHRASE_TOKENS = 12
_EXCEPT = "\x00except:"  # internal list names for exceptions; never a rules-file name
Match = tuple[int, int]  # token range: first, end (exclusive)


class PhraseError(ValueError):
    """A phrase that cannot be matched as written."""


@dataclass(frozen=True, slots=True)
class WordTest:
    forms: frozenset[str] = frozenset()  # norms it accepts
    prefix: str = ""  # or: any norm starting so
    token_class: str = ""  # or: any token of this class

    def accepts(self, tokens: Tokens, index: int) -> bool:
        if self.token_class:
            return tokens.has_class(index, self.token_class)
        norm = tokens.norms[index]
        return norm.startswith(self.prefix) if self.prefix else norm in self.forms


Phrase = tuple[WordTest, ...]


@lru_cache(maxsize=1 << 16)  # the loader checks each phrase, then indexes it: parse it once
def parse_phrase(text: str) -> Phrase:
    """The word tests of one phrase; PhraseError says what is wrong with it."""
    tests: list[WordTest] = []
    for chunk in text.split():
        tests.extend(_chunk_tests(chunk))
    if not tests:
        raise PhraseError(f"phrase {text!r} has no words to match")
    if len(tests) > MAX_PHRASE_TOKENS:
        raise PhraseError(f"phrase {text!r} has {len(tests)} words; at most {MAX_PHRASE_TOKENS}")
    return tuple(tests)


def _chunk_tests(chunk: str) -> list[WordTest]:
    if mark := _MARK.fullmatch(chunk):
        name = _ALIASES.get(mark.group(1), mark.group(1))
        if name not in CLASSES:
            raise PhraseError(f"unknown class {{{mark.group(1)}}}; known: {', '.join('{' + c + '}' for c in CLASSES)}")
        return [WordTest(token_class=name)]
    if "{" in chunk or "}" in chunk:
        hint = " ({percent} matches 20%)" if "%" in chunk else ""
        raise PhraseError(f"write a class as a word of its own, such as {{number}}, not {chunk!r}{hint}")
    if chunk.startswith("=") and len(chunk) > 1:
        return [WordTest(forms=frozenset({norm})) for norm in tokenize(chunk[1:]).norms]
    stem = tokenize(chunk[:-1]) if chunk.endswith("*") and len(chunk) > 1 else None
    starred = stem is not None and len(stem) > 0 and stem.kinds[-1] == "word"  # else "*" is a plain star
    tokens = stem if starred else tokenize(chunk)
    tests = [WordTest(forms=_forms(norm) if kind == "word" else frozenset({norm}))
             for norm, kind in zip(tokens.norms, tokens.kinds)]
    if starred:
        tests[-1] = WordTest(prefix=tokens.norms[-1])
    return tests


def _forms(word: str) -> frozenset[str]:
    forms = set(inflections(word))
    if word.endswith("n't"):
        forms.add(word.replace("'", ""))  # "dont", as drafts often write it
    return frozenset(forms | {"#" + form for form in forms if form.isalnum()})


class PhraseBook:
    """Every phrase list of a pack, indexed by what their phrases start with.

    A list may have exceptions (as LanguageTool's antipatterns): its matches that lie inside a match
    of one of them do not count, so "you" can count every you but the one of "thank you".
    """

    def __init__(self, lists: dict[str, list[str]], exceptions: dict[str, list[str]] | None = None,
                 hidden: dict[str, list[Phrase]] | None = None) -> None:
        """`hidden` lists are matched like the others but are no features: patterns' own phrases."""
        self.phrases: dict[str, list[Phrase]] = {name: [parse_phrase(p) for p in phrases]
                                                 for name, phrases in lists.items()}
        self._exceptions = {name: _EXCEPT + name for name in exceptions or {}}
        self._by_form: dict[str, list[tuple[str, Phrase]]] = defaultdict(list)
        self._by_prefix: dict[str, list[tuple[str, Phrase]]] = defaultdict(list)
        self._by_class: dict[str, list[tuple[str, Phrase]]] = defaultdict(list)
        indexed = self.phrases | (hidden or {}) | {_EXCEPT + name: [parse_phrase(p) for p in phrases]
                                                   for name, phrases in (exceptions or {}).items()}
        for name, phrases in indexed.items():
            for phrase in dict.fromkeys(phrases):  # a phrase listed twice is matched once
                first = phrase[0]
                if first.token_class:
                    self._by_class[first.token_class].append((name, phrase))
                elif first.prefix:
                    self._by_prefix[first.prefix].append((name, phrase))
                else:
                    for form in first.forms:
                        self._by_form[form].append((name, phrase))
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})

    def matches(self, tokens: Tokens) -> dict[str, list[Match]]:
        """Every match of every list that occurs (overlapping ones included), in order of start."""
        found: dict[str, list[Match]] = {}
        norms, count = tokens.norms, len(tokens)
        by_form, by_prefix, lengths = self._by_form, self._by_prefix, self._prefix_lengths
        class_starts = self._class_candidates(tokens) if self._by_class else {}
        for index, norm in enumerate(norms):
            candidates = by_form.get(norm, ())
            if lengths:
                candidates = [*candidates, *(entry for length in lengths if length <= len(norm)
                                             for entry in by_prefix.get(norm[:length], ()))]
            if index in class_starts:
                candidates = [*candidates, *class_starts[index]]
            for name, phrase in candidates:
                end = index + len(phrase)
                if end > count or (end > index + 1 and not _rest_matches(phrase, tokens, index)):
                    continue
                if name in found:
                    found[name].append((index, end))
                else:
                    found[name] = [(index, end)]
        for name, hidden in self._exceptions.items():
            if (excepted := found.pop(hidden, None)) and name in found:
                kept = [m for m in found[name] if not any(a <= m[0] and m[1] <= b for a, b in excepted)]
                if kept:
                    found[name] = kept
                else:
                    del found[name]
        return found

    def _class_candidates(self, tokens: Tokens) -> dict[int, list[tuple[str, Phrase]]]:
        """The phrases starting with a class test ({number}, {emoji} ...) that each token could start."""
        starts: dict[int, list[tuple[str, Phrase]]] = {}
        by_class = self._by_class
        for index, kind in enumerate(tokens.kinds):
            entries = [*by_class.get(kind, ()), *by_class.get(tokens.extra.get(index, ""), ())]
            if entries:
                starts[index] = entries
        return starts


def _rest_matches(phrase: Phrase, tokens: Tokens, index: int) -> bool:
    for at, test in enumerate(phrase[1:], index + 1):
        if not test.accepts(tokens, at):
            return False
    return True


def non_overlapping(matches: list[Match]) -> list[Match]:
    """Leftmost-longest matches that do not overlap: what a list's count and underlines are made of."""
    chosen: list[Match] = []
    for first, end in sorted(matches, key=lambda m: (m[0], -m[1])):
        if not chosen or first >= chosen[-1][1]:
            chosen.append((first, end))
    return chosen
