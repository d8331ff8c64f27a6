"""Phrase lists from rules.yaml, matched against a draft's tokens.

A phrase is a sequence of word tests, one per token, written as plain text:
    win           the word in any of its forms (wins, won, winning); also as a hashtag (#win)
    =win          exactly this form
    voucher*      any word starting so (a "*" after anything but a word is a plain star)
    {number}      a token of a class: number ({n} for short; digits or a number word), money,
                  percent, ordinal, emoji, reaction, pointing, link, mention, hashtag, email, word,
                  caps (a word in capitals), possessive (a capitalised word with 's: "Bristol's"),
                  name (any other capitalised word that does not start its sentence: "that's Tillpoint"),
                  hundredth (an ordinal of 100 or more in digits: "500th", "1,000th"),
                  punct (a punctuation mark)
    anything else the token as written: punctuation, emoji, #tags, @handles, £50
A space or a hyphen between words matches either; case never matters.

Matching is two dictionary lookups per draft token (its form, and its form with the next token's,
for the phrases that start with two words), then a check of the following tokens: linear in the
draft whatever the rules file holds, and loading is linear in the number of phrases.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice
from operator import itemgetter

from .inflection import inflections
from .tokens import Tokens, plain_word_norm, tokenize

CLASSES = ("number", "money", "percent", "ordinal", "emoji", "reaction", "pointing", "link", "mention", "hashtag",
           "email", "word", "caps", "possessive", "name", "hundredth", "punct")
_ALIASES = {"n": "number"}
_MARK = re.compile(r"\{(\w+)\}")
MAX_PHRASE_TOKENS = 12
_EXCEPT = "\x00except:"  # internal list names for exceptions; never a rules-file name
Match = tuple[int, int]  # token range: first, end (exclusive)
# From this many tokens on, one-word phrases' matches are gathered by form and list (a fixed cost per list
# that a long draft's thousands of matches repay), below it token by token.
_GROUP_SINGLES = 1000


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
# A phrase filed under what it starts with: (its list, its length, the forms of its first word test not yet
# passed where it was found, or None if no such test is a word's, that test's offset, the tests after it, or
# after the passed ones if a class comes first: "win {number} days" is tested at "days" before "{number}").
# A phrase found by its first two forms has only its third test on.
Candidate = tuple[str, int, frozenset[str] | None, int, Phrase]


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
    return tuple(map(_shared, tests))


@lru_cache(maxsize=1 << 16)
def _shared(test: WordTest) -> WordTest:
    """The first test seen equal to `test`: phrases share their words' tests ("you" is in hundreds), so the
    default pack holds, and its cache entry unpickles, 2,000 tests instead of 11,000."""
    return test


def _chunk_tests(chunk: str) -> list[WordTest]:
    if mark := _MARK.fullmatch(chunk):
        name = _ALIASES.get(mark.group(1), mark.group(1))
        if name not in CLASSES:
            raise PhraseError(f"unknown class {{{mark.group(1)}}}; known: {', '.join('{' + c + '}' for c in CLASSES)}")
        return [WordTest(token_class=name)]
    if "{" in chunk or "}" in chunk:
        hint = " ({percent} matches 20%)" if "%" in chunk else ""
        raise PhraseError(f"write a class as a word of its own, such as {{number}}, not {chunk!r}{hint}")
    if chunk.isalpha():  # a plain word, as most are: its one token, without tokenizing it
        return [WordTest(forms=_forms(plain_word_norm(chunk)))]
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
        self._exceptions = {_EXCEPT + name: name for name in exceptions or {}}  # its hidden list: the list
        self._by_form: dict[str, list[Candidate]] = defaultdict(list)
        # One-word phrases' lists by form, each list once: their matches (most of a draft's) are read off
        # where each form occurs, apart from the candidate loop and its tests.
        self._singles: dict[str, list[str]] = defaultdict(list)
        # Phrases whose first two tests are words (most phrases) by their first form, then by the second:
        # a draft's common words ("you", "our") start many of them but are followed by few. The second
        # level is made for a form the first time a draft has it (a pack's forms times forms is large).
        self._by_first: dict[str, list[tuple[str, Phrase]]] = defaultdict(list)
        self._by_pair: dict[str, dict[str, list[Candidate]]] = {}
        self._by_prefix: dict[str, list[Candidate]] = defaultdict(list)
        self._by_class: dict[str, list[Candidate]] = defaultdict(list)
        # Phrases that start with a class and then a word, by the class, then the word's form: most of a
        # long draft's numbers start some ("{number} days left") but are followed by none.
        self._by_class_pair: dict[str, dict[str, list[Candidate]]] = {}  # plain dicts: a pack is pickled
        # A pattern's own list of token classes only ("{word}", "{number}") matches single tokens by their
        # class: which ones is read off the tokens when a pattern asks (features.py), rather than listed
        # here for every word of every draft.
        self.class_lists = {name: frozenset(phrase[0].token_class for phrase in phrases)
                            for name, phrases in (hidden or {}).items()
                            if phrases and all(len(phrase) == 1 and phrase[0].token_class for phrase in phrases)}
        indexed = self.phrases | {name: phrases for name, phrases in (hidden or {}).items()
                                  if name not in self.class_lists} | {
            _EXCEPT + name: [parse_phrase(p) for p in phrases] for name, phrases in (exceptions or {}).items()}
        for name, phrases in indexed.items():
            for phrase in dict.fromkeys(phrases):  # a phrase listed twice is matched once
                self._index(name, phrase)
        # The most tokens a match of each list covers (what bounds where a pattern's match may start); a class
        # list's one token too, or an optional "{emoji}" before a sentence's first word would reach back none.
        self.longest = {name: max(map(len, phrases)) for name, phrases in indexed.items() if phrases}
        self.longest.update(dict.fromkeys(self.class_lists, 1))
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})
        self._class_labels = frozenset(self._by_class) | frozenset(self._by_class_pair)

    def _index(self, name: str, phrase: Phrase) -> None:
        first, candidate = phrase[0], _candidate(name, phrase, 1)
        if first.token_class and len(phrase) > 1 and phrase[1].forms:
            by_second, paired = self._by_class_pair.setdefault(first.token_class, {}), _candidate(name, phrase, 2)
            for form in phrase[1].forms:
                by_second.setdefault(form, []).append(paired)
        elif first.token_class:
            self._by_class[first.token_class].append(candidate)
        elif first.prefix:
            self._by_prefix[first.prefix].append(candidate)
        elif len(phrase) > 1 and phrase[1].forms:
            for form in first.forms:
                self._by_first[form].append((name, phrase))
        elif len(phrase) == 1:
            for form in first.forms:
                if name not in self._singles[form]:  # "win" and "won" are each other's forms
                    self._singles[form].append(name)
        else:
            for form in first.forms:
                self._by_form[form].append(candidate)

    def matches(self, tokens: Tokens) -> dict[str, list[Match]]:
        """Every match of every list that occurs (overlapping ones included), in order of start; but
        for `class_lists`."""
        norms = tokens.norms
        found = self._single_matches(norms) if len(norms) >= _GROUP_SINGLES else self._each_single(norms)
        for name, longer in self._longer_matches(tokens).items():
            # the one-word matches first at a start, as the order of two at one start is nobody's business
            found[name] = sorted(found[name] + longer, key=itemgetter(0)) if name in found else longer
        for hidden in self._exceptions.keys() & found.keys():  # the few exceptions a draft matched
            excepted, name = found.pop(hidden), self._exceptions[hidden]
            if name in found:
                if kept := _outside(found[name], excepted):
                    found[name] = kept
                else:
                    del found[name]
        return found

    def _longer_matches(self, tokens: Tokens) -> dict[str, list[Match]]:
        """The matches of every phrase but the one-word ones of a word's forms, in order of start."""
        found: dict[str, list[Match]] = {}
        count, norms = len(tokens), tokens.norms
        for index, candidates in self._starts(tokens):
            for name, length, forms, offset, rest in candidates:
                end = index + length
                # Most candidates that fail, fail at the word after the ones they were found by.
                if end > count or (forms is not None and norms[index + offset] not in forms):
                    continue
                if rest and not _rest_matches(rest, tokens, end - len(rest)):
                    continue
                if name in found:
                    found[name].append((index, end))
                else:
                    found[name] = [(index, end)]
        return found

    def _each_single(self, norms: list[str]) -> dict[str, list[Match]]:
        """The one-word phrases' matches of each list, in order, token by token: for a short draft, where
        `_single_matches`'s grouping costs more than it saves."""
        found: dict[str, list[Match]] = {}
        singles = self._singles
        for index, norm in enumerate(norms):
            if names := singles.get(norm):
                match = (index, index + 1)
                for name in names:
                    if name in found:
                        found[name].append(match)
                    else:
                        found[name] = [match]
        return found

    def _single_matches(self, norms: list[str]) -> dict[str, list[Match]]:
        """The one-word phrases' matches of each list, in order: each form's places found in one pass,
        then given to the lists that have it."""
        singles, places = self._singles, defaultdict(list)
        for index, norm in enumerate(norms):
            if norm in singles:
                places[norm].append(index)
        by_list: dict[str, list[int]] = defaultdict(list)
        for norm, indexes in places.items():
            for name in singles[norm]:
                by_list[name] += indexes
        return {name: [(index, index + 1) for index in sorted(indexes)] for name, indexes in by_list.items()}

    def _pairs(self, first: str) -> dict[str, list[Candidate]]:
        """The phrases starting with the form `first` by the form of their second word (made once)."""
        table: dict[str, list[Candidate]] = defaultdict(list)
        for name, phrase in self._by_first[first]:
            for following in phrase[1].forms:
                table[following].append(_candidate(name, phrase, 2))
        self._by_pair[first] = table  # a race of two threads makes the same table twice
        return table

    def _starts(self, tokens: Tokens) -> list[tuple[int, list[Candidate]]]:
        """(token index, the phrases that may start there), by index, but for one-word phrases of a form:
        each index looked up in C-speed comprehensions rather than a Python loop that joins lists for every token."""
        norms = tokens.norms
        by_form, by_first, by_prefix, by_class = self._by_form, self._by_first, self._by_prefix, self._by_class
        by_pair, pairs = self._by_pair, self._pairs
        starts = [(index, entries) for index, norm in enumerate(norms) if (entries := by_form.get(norm))]
        starts += [(index, entries) for index, (norm, following) in enumerate(zip(norms, islice(norms, 1, None)))
                   if norm in by_first and (entries := (by_pair.get(norm) or pairs(norm)).get(following))]
        if lengths := self._prefix_lengths:
            starts += [(index, entries) for index, norm in enumerate(norms) for length in lengths
                       if length <= len(norm) and (entries := by_prefix.get(norm[:length]))]
        if self._class_labels:
            starts += self._class_starts(tokens)
        starts.sort(key=itemgetter(0))  # stable: at one index, forms before pairs, prefixes, classes, class pairs
        return starts

    def _class_starts(self, tokens: Tokens) -> list[tuple[int, list[Candidate]]]:
        """The phrases that start with a token's kind, then with its kind and the next token's form, then
        the same for its extra class (the order the candidate loop meets them in at one index, once sorted):
        comprehensions, as {word} phrases make every word of a long draft a class-pair look-up."""
        norms, kinds, extra = tokens.norms, tokens.kinds, tokens.extra
        by_class, by_class_pair, last = self._by_class, self._by_class_pair, len(norms) - 1
        starts = [(index, entries) for index, kind in enumerate(kinds) if (entries := by_class.get(kind))]
        starts += [(index, entries) for index, (kind, following) in enumerate(zip(kinds, islice(norms, 1, None)))
                   if (table := by_class_pair.get(kind)) and (entries := table.get(following))]
        starts += [(index, entries) for index, label in extra.items() if (entries := by_class.get(label))]
        starts += [(index, entries) for index, label in extra.items()
                   if index < last and (table := by_class_pair.get(label)) and (entries := table.get(norms[index + 1]))]
        return starts


def _candidate(name: str, phrase: Phrase, passed: int) -> Candidate:
    """A phrase of list `name` as filed under its first `passed` tests (which finding it has checked)."""
    rest = phrase[passed:]
    for offset, test in enumerate(rest):
        if test.forms:  # a set look-up, which most candidates fail: tried first
            return name, len(phrase), test.forms, passed + offset, rest if offset else rest[1:]
    return name, len(phrase), None, passed, rest


def _rest_matches(tests: Phrase, tokens: Tokens, at: int) -> bool:
    """Whether `tests` accept the tokens from `at` on (a word's forms tested here: most tests are those)."""
    norms = tokens.norms
    for test in tests:
        if not (norms[at] in test.forms if test.forms else test.accepts(tokens, at)):
            return False
        at += 1
    return True


def _outside(matches: list[Match], excepted: list[Match]) -> list[Match]:
    """The matches that lie inside none of `excepted` (in order of start): a match lies inside one
    if the furthest end of those starting at or before it reaches its end. Bisecting keeps a long
    draft of many matches and exceptions O(n log n), where testing every pair was quadratic."""
    starts = [first for first, _ in excepted]
    reach = list(accumulate((end for _, end in excepted), max))
    return [m for m in matches if not ((at := bisect_right(starts, m[0])) and reach[at - 1] >= m[1])]


def non_overlapping(matches: list[Match]) -> list[Match]:
    """Leftmost-longest matches that do not overlap, of `matches` in order of start (as `PhraseBook.matches`
    gives them): what a list's count and underlines are made of. One pass, in which the longest match at a
    start replaces a shorter one, rather than a sort by start and length (a 64 KiB draft's lists hold
    thousands of matches)."""
    chosen: list[Match] = []
    start, reach = -1, 0  # where the last chosen match starts and ends
    for match in matches:
        first, end = match
        if first >= reach:
            chosen.append(match)
            start, reach = first, end
        elif first == start and end > reach:
            chosen[-1] = match
            reach = end
    return chosen
