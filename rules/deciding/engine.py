"""durable-rules decides which rules fire.

Each rule's condition is compiled to durable-rules' declarative JSON form; a draft's feature
values are asserted as one fact per shard and the actions the engine starts are the rules
that fired; a shard given a fact it answered lately gives that answer again without asserting it.
The wrapper keeps the C core inside what it survives (see docs/rules.md):
one process-wide lock, a fresh session per fact that is deleted afterwards, rules packed
into shards that bound satisfied branches, sibling conditions and fact properties, and
every condition guarded by a constant field so no rule can match the engine's own state.
"""
from __future__ import annotations

import itertools
import json
import operator
import threading
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import durable_rules_engine as core
import orjson

from ..measuring.features import BUILTIN_FEATURES, Value
from ..model import Problem, Rule, RulesError
from .conditions import RuleBounds, branches, leaves, to_durable

# The engine segfaults past 64 satisfied branches for one fact, and past ~250 fact properties.
MAX_BRANCHES_PER_SHARD = 48
MAX_RULES_PER_SHARD = 32
MAX_FEATURES_PER_SHARD = 120
# What one rule may hold, checked when a rules file is loaded. One rule alone always fits a
# shard (each test reads one feature), so any pack the loader accepts can be sharded.
RULE_BOUNDS = RuleBounds(tests=24, alternatives=16)
if RULE_BOUNDS.tests > MAX_FEATURES_PER_SHARD or RULE_BOUNDS.alternatives > MAX_BRANCHES_PER_SHARD:
    raise AssertionError("a rule within RULE_BOUNDS must fit a shard on its own")
_GUARD = {"kind": "draft"}
_SEEN = "seen"
# How many of its last distinct facts each shard remembers the answer to. A shard's answer depends on
# its fact alone, and most drafts bring one it has answered before: on the eval corpus, 99% and 89%
# of them for two of the default pack's shards. Scores (reading ease, the signal) rarely repeat, so a
# shard remembers a score by where it falls among the thresholds its rules compare it with: the
# rules' tests, and so the engine's answer, are the same for any score between the same two.
# A fact not remembered so is looked for again with its counts (words, a phrase list's matches) placed
# among their thresholds too: a C call per count, dear enough to be made only for those facts.
REMEMBERED_FACTS = 1024
MAX_PLACED = 4096  # a count compared with a larger number stays as it is (a table that long is waste)

_lock = threading.Lock()  # the C core is process-global and not thread-safe
_names = itertools.count()
_sessions = itertools.count()


@dataclass(frozen=True, slots=True)
class _Shard:
    handle: int
    rule_ids: dict[str, str]  # engine rule name -> rule id
    properties: dict[str, str]  # feature -> the short property name the fact carries it as; counts first
    # The feature values the fact carries, read in one C call (a shard reads up to 120 of them per draft).
    read: Callable[[Mapping[str, Value]], tuple[Value, ...]] = field(init=False, repr=False, compare=False)
    # Where the fact carries a score: its position and the thresholds the shard's rules compare it with.
    scores: tuple[tuple[int, tuple[float, ...]], ...] = ()
    # For the first len(places) values (the counts): each count's places from 0 up to its largest threshold,
    # and the place of any count above that.
    places: tuple[dict[int, int], ...] = ()
    above: tuple[int, ...] = ()
    # The rules that fired for each of the last facts, oldest first (see REMEMBERED_FACTS), by the fact
    # with its scores placed, and by the fact with its counts placed too.
    answers: dict[tuple[Value, ...], frozenset[str]] = field(init=False, repr=False, compare=False)
    placed_answers: dict[tuple[Value, ...], frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = tuple(self.properties)
        object.__setattr__(self, "read", (lambda values: (values[names[0]],)) if len(names) == 1
                           else operator.itemgetter(*names))
        object.__setattr__(self, "answers", {})
        object.__setattr__(self, "placed_answers", {})

    def fired(self, values: Mapping[str, Value]) -> frozenset[str]:
        """The ids of the rules that fire for the draft's values; called under `_lock`."""
        carried = self.read(values)
        remembered = self._remembered_as(carried)
        answer = self.answers.get(remembered)
        if answer is None:
            answer = _remember(self.answers, remembered, self._placed_answer(carried, remembered))
        return answer

    def _placed_answer(self, carried: tuple[Value, ...], remembered: tuple[Value, ...]) -> frozenset[str]:
        """The answer remembered for the fact with its counts placed too, else the engine's."""
        # One C call per count: map stops at the shortest, so only the counts (which come first) are looked up.
        placed = (*map(dict.get, self.places, remembered, self.above), *remembered[len(self.places):])
        answer = self.placed_answers.get(placed)
        if answer is None:
            sid = str(next(_sessions))
            fact = dict(zip(self.properties.values(), carried))
            fact.update(_GUARD, sid=sid)
            answer = frozenset(self.rule_ids[name] for name in _run(self.handle, fact, sid) if name != _SEEN)
            _remember(self.placed_answers, placed, answer)
        return answer

    def _remembered_as(self, carried: tuple[Value, ...]) -> tuple[Value, ...]:
        """The fact with each score replaced by where it falls among its thresholds (2i below the
        i-th, 2i + 1 equal to it)."""
        if not self.scores:
            return carried
        key = list(carried)
        for index, thresholds in self.scores:
            key[index] = _place(thresholds, key[index])
        return tuple(key)


class CompiledRules:
    """A rule set living inside durable-rules; `close` frees it."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._shards = [_create_shard(group) for group in _pack_shards(rules)]
        self._closed = False

    def fired(self, values: Mapping[str, Value]) -> set[str]:
        fired: set[str] = set()
        with _lock:
            if self._closed:
                # Its handles are freed; answering "nothing fired" would be a silent wrong answer.
                raise RuntimeError("this rule set was closed")
            for shard in self._shards:
                fired.update(shard.fired(values))
        return fired

    def close(self) -> None:
        with _lock:
            for shard in self._shards:
                core.delete_ruleset(shard.handle)
            self._shards, self._closed = [], True


def _pack_shards(rules: Sequence[Rule]) -> list[list[Rule]]:
    """The rules in order, a new shard begun where the next rule would take the last past a bound. The
    last shard's branches and features are kept as it grows, not summed again for each rule added."""
    shards: list[list[Rule]] = []
    count, features = 0, set[str]()
    for rule in rules:
        own, tested = branches(rule.condition), {leaf.feature for leaf in leaves(rule.condition)}
        if (not shards or count + own > MAX_BRANCHES_PER_SHARD or len(shards[-1]) == MAX_RULES_PER_SHARD
                or len(features | tested) > MAX_FEATURES_PER_SHARD):
            shards.append([])
            count, features = 0, set()
        shards[-1].append(rule)
        count += own
        features |= tested
    return shards


def _features_of(rules: Sequence[Rule]) -> tuple[str, ...]:
    return tuple(sorted({leaf.feature for rule in rules for leaf in leaves(rule.condition)}))


def _remember(answers: dict[tuple[Value, ...], frozenset[str]], fact: tuple[Value, ...],
              answer: frozenset[str]) -> frozenset[str]:
    if len(answers) >= REMEMBERED_FACTS:
        del answers[next(iter(answers))]
    answers[fact] = answer
    return answer


def _thresholds(rules: Sequence[Rule]) -> dict[str, list[Value]]:
    """Each feature the rules test, with the values they compare it with, in order."""
    tested: dict[str, set[Value]] = {}
    for rule in rules:
        for leaf in leaves(rule.condition):
            tested.setdefault(leaf.feature, set()).add(leaf.value)
    return {feature: sorted(values) for feature, values in tested.items()}


def _is_score(feature: str) -> bool:
    return feature in BUILTIN_FEATURES and BUILTIN_FEATURES[feature].kind == "number"


def _place(thresholds: Sequence[Value], value: Value) -> int:
    """Where `value` falls among `thresholds`: 2i below the i-th, 2i + 1 equal to it."""
    at = bisect_left(thresholds, value)
    return 2 * at + (at < len(thresholds) and thresholds[at] == value)


def _places(tested: Mapping[str, list[Value]]) -> dict[str, tuple[dict[int, int], int]]:
    """The counts among the tested features (never negative, compared with whole numbers only: not
    flags, names or scores), each with its places from 0 to its largest threshold, and the place above."""
    return {feature: ({count: _place(thresholds, count) for count in range(thresholds[-1] + 1)}, 2 * len(thresholds))
            for feature, thresholds in tested.items() if not _is_score(feature)
            and all(isinstance(value, int) and not isinstance(value, bool) for value in thresholds)
            and thresholds[-1] < MAX_PLACED}


def _scores(tested: Mapping[str, list[Value]], properties: Mapping[str, str]) -> tuple[tuple[int, tuple[float, ...]], ...]:
    """The scores among the fact's features (see REMEMBERED_FACTS), with the thresholds the rules test."""
    return tuple((index, tuple(tested[feature])) for index, feature in enumerate(properties) if _is_score(feature))


def _definition(rule: Rule, properties: Mapping[str, str]) -> dict[str, object]:
    return {"all": [{"m": {"$and": [dict(_GUARD), to_durable(rule.condition, properties)]}}]}


def _properties(rules: Sequence[Rule]) -> dict[str, str]:
    # Short names keep the fact the engine parses for every draft small, and can never be
    # mistaken for its own fields (`sid`, `id`) whatever a rules file names its phrase lists.
    return {feature: f"f{index}" for index, feature in enumerate(_features_of(rules))}


def _create_shard(rules: list[Rule]) -> _Shard:
    names = {f"r{index}": rule.id for index, rule in enumerate(rules)}
    properties = _properties(rules)
    definition = {name: _definition(rule, properties) for name, rule in zip(names, rules)}
    # A fact no rule matches still creates a session, and deleting that session corrupts the
    # heap; a rule that always matches keeps every fact on the path that is safe to clean up.
    definition[_SEEN] = {"all": [{"m": dict(_GUARD)}]}
    try:
        handle = _create(definition)
    except Exception:  # noqa: BLE001 - the C core raises bare Exception("... error code: N")
        raise RulesError([_culprit(rule) for rule in rules if _refused(rule)] or [
            Problem(rules[0].file, None, "durable-rules refused the rule set as a whole")]) from None
    tested = _thresholds(rules)
    places = _places(tested)
    # The counts first, where they are placed (the property names stay as the engine knows them).
    properties = {feature: properties[feature] for feature in sorted(properties, key=lambda f: f not in places)}
    counts = [places[feature] for feature in properties if feature in places]
    return _Shard(handle, names, properties, _scores(tested, properties),
                  tuple(table for table, _ in counts), tuple(above for _, above in counts))


def _create(definition: Mapping[str, object]) -> int:
    with _lock:
        return core.create_ruleset(f"rapport-{next(_names)}", json.dumps(definition))


def _refused(rule: Rule) -> bool:
    try:
        handle = _create({"r0": _definition(rule, _properties([rule]))})
    except Exception:  # noqa: BLE001
        return True
    with _lock:
        core.delete_ruleset(handle)
    return False


def _culprit(rule: Rule) -> Problem:
    return Problem(rule.file, rule.line, f"durable-rules refused this rule's condition: "
                   f"{json.dumps(to_durable(rule.condition))}", rule.id)


def _run(handle: int, fact: dict[str, object], sid: str) -> list[str]:
    """Assert the fact, collect every action the engine starts, then drop the session."""
    names = []
    try:
        # orjson: a sixth of the json module's time for the same compact text (the engine takes str)
        state = core.assert_fact(handle, orjson.dumps(fact).decode())[1]
        started = core.start_action_for_state(handle, state)
        while started:
            names.append(_action_name(started[1]))
            following = core.complete_and_start_action(handle, state)
            started = (None, following) if following else None
    finally:
        core.delete_state(handle, sid)
    return names


def _action_name(message: str) -> str:
    """The rule name of a started action: its message is `{"<name>": {"m": <fact>}}`.

    Reading the name off the front saves decoding the whole fact again; our rule names are
    `r<n>` and `seen`, so they hold no characters JSON would escape.
    """
    if message.startswith('{"'):
        end = message.find('"', 2)
        if end > 2 and message[end:end + 2] == '":':
            return message[2:end]
    (name,) = json.loads(message)
    return name
