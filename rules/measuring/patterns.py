"""Token patterns: a bounded sequence of steps over a draft's tokens, after LanguageTool's pattern
rules and spaCy's Matcher. A step is a match of one of some phrase lists (a pattern's own phrases
are matched as lists of their own, in the same pass as every list), or a gap of up to N tokens;
any step may be optional and may name what it matched (a capture). A match stays inside one
sentence (or clause, or the whole draft, as the rule says).

Evaluation never backtracks: a match starts only where its first step matched, every (step, token)
state is tried at most once in a scope whatever the start, and a match spans a bounded number of
tokens, so the cost is linear in the draft.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import sub
from typing import Protocol

from .phrases import Match
from .tokens import Tokens

SCOPES = ("clause", "sentence", "draft")
MAX_STEPS = 12
MAX_SKIP = 12


class Ends(Protocol):
    """A phrase list's matches as {start: [ends]}: all `find` asks of one (a dict, or features' class lists)."""

    def get(self, index: int, default: Sequence[int] = ..., /) -> Sequence[int]: ...

    def __len__(self) -> int: ...  # how many starts it has, or at most

    def __iter__(self) -> Iterator[int]: ...


@dataclass(frozen=True, slots=True)
class Step:
    lists: tuple[str, ...] = ()  # a match of any of these phrase lists ...
    skip: int = 0  # ... or a gap of 0 to `skip` tokens
    optional: bool = False
    capture: str | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    key: str  # the feature it is measured as
    steps: tuple[Step, ...]
    within: str = "sentence"
    anchor: str = ""  # "clause" or "sentence": a match must start where one does (an imperative, say)

    # For each step that must match something, the lists one of which must occur in the draft.
    required: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)
    first_required: int = field(init=False, repr=False, compare=False)  # that first step's index

    def __post_init__(self) -> None:
        needed = [index for index, step in enumerate(self.steps) if not (step.skip or step.optional)]
        object.__setattr__(self, "required", tuple(frozenset(self.steps[index].lists) for index in needed))
        object.__setattr__(self, "first_required", needed[0])  # pattern_syntax holds every pattern to one


@dataclass(slots=True)  # not frozen: a frozen one's __init__ took twice as long, and a long draft makes thousands
class PatternMatch:
    first: int  # token range
    end: int
    captures: dict[str, Match]


class PatternIndex:
    """The patterns that can match a draft, found from the lists that occur in it.

    Each pattern is filed under the lists of one step it needs (its first required one), so a draft is
    checked against only the patterns one of whose needed lists it matched, and of those only the ones
    that its other needed steps' lists occur in too: most drafts, a few patterns."""

    def __init__(self, patterns: tuple[Pattern, ...], longest: Mapping[str, int]) -> None:
        """`longest`: the most tokens a match of each phrase list covers."""
        self.patterns = patterns
        self.leads = {pattern.key: _lead(pattern, longest) for pattern in patterns}
        self._by_list: dict[str, list[int]] = {}
        for position, pattern in enumerate(patterns):
            for name in pattern.required[0]:
                self._by_list.setdefault(name, []).append(position)
        self._filed = frozenset(self._by_list)
        self._unfiled = [pattern.required[1:] for pattern in patterns]  # the needed steps not filed under

    def candidates(self, present: frozenset[str]) -> list[Pattern]:
        """In the order of `patterns`: the ones that may match a draft whose matched lists are `present`.
        Four in five of those one of whose needed lists occurs lack another, so they are left out here
        rather than each passed to `find` to find so."""
        patterns, unfiled, absent = self.patterns, self._unfiled, present.isdisjoint
        positions = set().union(*map(self._by_list.__getitem__, present & self._filed))  # C's loops, not Python's
        return [patterns[position] for position in sorted(positions) if not any(map(absent, unfiled[position]))]


def _lead(pattern: Pattern, longest: Mapping[str, int]) -> int:
    """The most tokens the steps before the pattern's first required one can cover: a match starts at
    most this far before where that step matches."""
    lead = 0
    for step in pattern.steps:
        if not (step.skip or step.optional):
            break
        lead += step.skip or max((longest.get(name, 0) for name in step.lists), default=0)  # unknown: never matches
    return lead


class Scopes:
    """For each token, the end (exclusive) of its clause, sentence or draft, and the first token of its clause
    or sentence; worked out once per draft."""

    def __init__(self, tokens: Tokens) -> None:
        self._tokens = tokens
        self._ends: dict[str, list[int]] = {}
        self._firsts: dict[str, list[int]] = {}

    def ends(self, within: str) -> list[int]:
        if within not in self._ends:
            tokens = self._tokens
            if within == "draft":
                self._ends[within] = [len(tokens)] * len(tokens)
            else:
                ends: list[int] = []
                for first, end in self._ranges(within):
                    ends.extend([end] * (end - first))
                self._ends[within] = ends
        return self._ends[within]

    def firsts(self, within: str) -> list[int]:
        if within not in self._firsts:
            firsts: list[int] = []
            for first, end in self._ranges(within):
                firsts.extend([first] * (end - first))
            self._firsts[within] = firsts
        return self._firsts[within]

    def _ranges(self, within: str) -> Iterator[tuple[int, int]]:
        """Each clause's or sentence's token range."""
        tokens = self._tokens
        starts = tokens.clause_starts if within == "clause" else tokens.sentence_starts
        return zip(starts, [*starts[1:], len(tokens)])


def find(pattern: Pattern, tokens: Tokens, by_start: Mapping[str, Ends],
         scopes: Scopes, present: frozenset[str], lead: int) -> list[PatternMatch]:
    """The pattern's non-overlapping matches, leftmost first, each as short as it can be.

    `by_start` maps each phrase list to where its matches end, by where they start; `present` names
    the lists that matched at all (those `by_start` has); `lead` is the pattern's entry in `PatternIndex.leads`.
    A pattern that `PatternIndex.candidates` leaves out for this draft is found to match nothing, only slower."""
    # Each step's lists' {start: [ends]}, looked up once here rather than for every state tried (asking the
    # frozenset `present`, not `by_start`, which lists are there: it is C's test, not a Python method's; and
    # lists of lists, as a generator per step cost more than the look-ups).
    lists = [[by_start[name] for name in step.lists if name in present] for step in pattern.steps]
    if len(pattern.steps) == 1 and pattern.required and not pattern.anchor:
        return _one_step(pattern.steps[0], lists[0], scopes.ends(pattern.within))
    required = pattern.first_required
    landings = _landings(pattern.steps, lists, required)
    # Only starts within `lead` tokens before a match of the first required step (none when it is the first
    # step, whose matches are the starts): in a long draft, a few of its thousands of clauses.
    if pattern.anchor:
        starts = _anchored(scopes.firsts(pattern.anchor), landings, lead)
    else:
        starts = _leading(landings, lead, len(tokens)) if required else landings
    if not starts:
        return []
    limits = scopes.ends(pattern.within)
    found: list[PatternMatch] = []
    free_from = 0
    # Whether a (step, token) state can finish depends only on where the scope ends, not on where the
    # match started: one memo of the states that cannot, per scope, keeps the whole scan linear.
    failed: defaultdict[int, set[tuple[int, int]]] = defaultdict(set)  # not setdefault: a new set every start
    for start in starts:
        if start < free_from:
            continue
        match = _match_at(pattern.steps, lists, start, limits[start], failed[limits[start]])
        if match is not None:
            found.append(match)
            free_from = match.end
    return found


def _one_step(step: Step, lists: list[Ends], limits: list[int]) -> list[PatternMatch]:
    """`find` for a pattern of one step that must match, and no anchor (a third of the patterns a draft
    is tried against): at each start, leftmost first and past the last match, the shortest match of
    the step's lists if it ends inside the start's scope, without the state search of longer patterns."""
    found: list[PatternMatch] = []
    free_from = 0
    for start, end in _shortest(lists):
        if start < free_from or end > limits[start]:
            continue
        found.append(PatternMatch(start, end, {step.capture: (start, end)} if step.capture else {}))
        free_from = end  # past `start`: a phrase's match is never empty
    return found


def _shortest(lists: list[Ends]) -> Iterable[tuple[int, int]]:
    """Each start of `lists` and its shortest end there, by start, worked out in C's loops. Of several lists,
    each list's shortest: a start's first is its shortest, and the ones after it are passed, as ending past
    the scope too or starting inside the match."""
    if len(lists) == 1:  # most: no pairs to sort
        starts = sorted(lists[0])
        return zip(starts, map(min, map(lists[0].get, starts)))
    return sorted(chain.from_iterable(zip(by_start, map(min, map(by_start.get, by_start))) for by_start in lists))


def _landings(steps: tuple[Step, ...], lists: list[list[Ends]], required: int) -> list[int]:
    """Where the first required step matches, ascending; if the next step that is no gap must match too,
    only where it can follow (within the gaps' reach). A necessary condition, so no match is lost, and a
    common first word ("the", then an emoji) no longer costs a try of the pattern at each of its thousands
    of places in a long draft."""
    ends_by_start = lists[required]
    landings = set(chain.from_iterable(ends_by_start))
    after, reach = required + 1, 0
    while after < len(steps) and steps[after].skip:  # a gap, optional or not, is 0 to `skip` tokens
        reach += steps[after].skip
        after += 1
    if after < len(steps) and not steps[after].optional:
        following = lists[after]
        if sum(map(len, following)) <= len(landings):  # the next step's few matches: test each landing in one set
            reaching = _reaching(following, reach)
            landings = {start for ends in ends_by_start for start in ends
                        if not reaching.isdisjoint(ends.get(start, ()))}
        else:
            landings = {start for start in landings if _followed(start, ends_by_start, following, reach)}
    return sorted(landings)


def _reaching(following: list[Ends], reach: int) -> set[int]:
    """The ends a step's match may have for a match of `following` to start within `reach` tokens after it:
    the starts, then the starts less each gap, in C's loops."""
    starts = list(chain.from_iterable(following))
    reaching = set(starts)
    for back in range(1, reach + 1):
        reaching.update(map(sub, starts, repeat(back)))
    return reaching


def _followed(start: int, ends_by_start: list[Ends], following: list[Ends], reach: int) -> bool:
    """Whether a match from `start` is followed, within `reach` tokens of its end, by a match of `following`:
    plain loops, as a nested generator per landing cost a long draft more than the test itself."""
    for ends in ends_by_start:
        for end in ends.get(start, ()):
            for at in range(end, end + reach + 1):
                for by_start in following:
                    if by_start.get(at, ()):
                        return True
    return False


def _anchored(firsts: list[int], landings: list[int], lead: int) -> list[int]:
    """The clause or sentence starts within `lead` tokens before a landing (ascending), ascending: read back
    from each landing along `firsts` (each token's clause or sentence start), as a pattern lands at thousands
    of places of a long draft, most of them no start's."""
    found: set[int] = set()
    for landing in landings:
        anchor = firsts[landing]
        # A start found already was found from an earlier landing, whose reach back covers the ones before it.
        # The walk stops at the draft's first token: no start comes before it (-1 would read firsts from the end).
        while anchor >= max(0, landing - lead) and anchor not in found:
            found.add(anchor)
            anchor = firsts[anchor - 1] if anchor else -1
    return sorted(found)


def _leading(landings: list[int], lead: int, count: int) -> list[int]:
    """The tokens before `count` within `lead` tokens before a landing (ascending `landings`), ascending:
    read off the landings rather than bisected for at every token of a long draft."""
    starts: list[int] = []
    low = 0
    for landing in landings:
        if low >= count:
            break
        starts.extend(range(max(low, landing - lead), min(landing, count - 1) + 1))
        low = max(low, landing + 1)
    return starts


def _match_at(steps: tuple[Step, ...], lists: list[list[Ends]], start: int,
              limit: int, failed: set[tuple[int, int]]) -> PatternMatch | None:
    """The shortest match of `steps` from token `start` ending by `limit`, or None; `failed` holds the
    (step, token) states known not to finish by `limit`, and gains the ones found now."""
    captures: dict[str, Match] = {}

    def extend(step_index: int, position: int) -> int | None:
        if step_index == len(steps):
            return position
        step, following = steps[step_index], step_index + 1
        for end in _step_ends(step, lists[step_index], position, limit):
            if (following, end) in failed:
                continue  # checked here rather than in the call: a gap step offers up to 13 ends
            done = extend(following, end)
            if done is not None:
                if step.capture and end > position:
                    captures[step.capture] = (position, end)
                return done
        failed.add((step_index, position))
        return None

    end = extend(0, start)
    del extend  # it refers to itself: unbound, it is freed by reference counting, not left to the collector
    if end is None or end == start:
        return None
    return PatternMatch(start, end, captures)


def _step_ends(step: Step, lists: list[Ends], position: int, limit: int) -> list[int]:
    """Where the step can end when it begins at `position` (`lists`: its lists' ends by start), shortest first."""
    if step.skip:
        return list(range(position, min(position + step.skip, limit) + 1))
    ends = [end for by_start in lists for end in by_start.get(position, ()) if end <= limit]
    if step.optional:
        ends.append(position)
    if len(ends) > 1:
        ends = sorted(set(ends))
    return ends
