"""The `when` language of rules.yaml.

Parsed and type-checked against the known features, negation pushed down to the leaves
(durable-rules has no `$not`), then compiled to durable-rules' condition dicts. Python never
decides whether a rule fires; after the engine has, `span_features` picks what to underline.
"""
from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..measuring.features import CLOSING_HASHTAGS, NEAR_SCOPES, FeatureSpec, NearPair, Position, Value
from ..measuring.patterns import Pattern, Step
from ..measuring.phrases import Phrase
from .pattern_syntax import PatternSyntaxError, StepSpec, describe, parse_steps

if TYPE_CHECKING:  # only a type: a pack from the cache (loading/pack_cache.py) is loaded without YAML
    from ..loading.yaml_lines import Mark

OPERATORS = {"is": "eq", "is_not": "ne", "at_least": "ge", "at_most": "le", "more_than": "gt", "less_than": "lt"}
_NEGATED = {"eq": "ne", "ne": "eq", "ge": "lt", "lt": "ge", "gt": "le", "le": "gt"}
_DURABLE = {"ne": "$neq", "ge": "$gte", "gt": "$gt", "le": "$lte", "lt": "$lt"}
_PYTHON: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq, "ne": operator.ne, "ge": operator.ge, "gt": operator.gt, "le": operator.le, "lt": operator.lt,
}
DEFAULT_NEAR_WORDS = 5
MAX_NEAR_WORDS = 50


@dataclass(frozen=True, slots=True)
class RuleBounds:
    """How large one rule's condition may be; the engine sets them (see engine.RULE_BOUNDS)."""

    tests: int
    alternatives: int  # the `$or` branches the engine expands the condition into


class ConditionError(ValueError):
    def __init__(self, message: str, mark: Mark | None) -> None:
        super().__init__(message)
        self.mark = mark


@dataclass(frozen=True, slots=True)
class Leaf:
    feature: str
    op: str
    value: Value
    positive: bool = True  # False once negated: a negated test never points at text

    def holds(self, values: Mapping[str, Value]) -> bool:
        return _PYTHON[self.op](values[self.feature], self.value)

    def negated(self) -> Leaf:
        return Leaf(self.feature, _NEGATED[self.op], self.value, not self.positive)


@dataclass(frozen=True, slots=True)
class Group:
    kind: str  # "all" or "any"
    items: tuple[Condition, ...]

    def holds(self, values: Mapping[str, Value]) -> bool:
        """Python's reading of the whole condition. The engine decides what fires; a property
        test holds this equal to it, so underlines and explain's yes/no can rely on the leaves."""
        return (all if self.kind == "all" else any)(item.holds(values) for item in self.items)

    def negated(self) -> Group:
        return Group("any" if self.kind == "all" else "all", tuple(item.negated() for item in self.items))


Condition = Leaf | Group


def to_durable(condition: Condition, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """durable-rules' form of `condition`; `names` gives the fact property each feature is sent as."""
    if isinstance(condition, Leaf):
        test = {names[condition.feature] if names else condition.feature: condition.value}
        return test if condition.op == "eq" else {_DURABLE[condition.op]: test}
    if len(condition.items) == 1:
        return to_durable(condition.items[0], names)
    return {"$and" if condition.kind == "all" else "$or": [to_durable(item, names) for item in condition.items]}


def branches(condition: Condition) -> int:
    """How many `$or` branches the engine expands this into; each one that holds counts."""
    if isinstance(condition, Leaf):
        return 1
    counts = [branches(item) for item in condition.items]
    return math.prod(counts) if condition.kind == "all" else sum(counts)


# Each condition's tests, remembered by identity: a condition never changes once parsed, and the
# rewriting reads one rule's tests many times a draft. Past the bound (several packs' worth, after
# reloads) the memory starts again; holding the condition makes a reused id() harmless.
_LEAVES: dict[int, tuple[Condition, tuple[Leaf, ...]]] = {}
MAX_REMEMBERED_LEAVES = 1 << 15


def leaves(condition: Condition) -> tuple[Leaf, ...]:
    if isinstance(condition, Leaf):
        return (condition,)
    known = _LEAVES.get(id(condition))
    if known is not None and known[0] is condition:
        return known[1]
    found = _tests(condition)
    if len(_LEAVES) >= MAX_REMEMBERED_LEAVES:
        _LEAVES.clear()
    _LEAVES[id(condition)] = (condition, found)
    return found


def _tests(condition: Condition) -> tuple[Leaf, ...]:
    if isinstance(condition, Leaf):
        return (condition,)
    return tuple(leaf for item in condition.items for leaf in _tests(item))


def span_features(condition: Condition, values: Mapping[str, Value]) -> list[str]:
    """Features whose spans explain a fired rule: its positive tests that hold, in the alternatives that
    hold ("which" counted for a side-by-side vote that is not there explains nothing)."""
    if isinstance(condition, Leaf):
        return [condition.feature] if condition.positive and condition.holds(values) else []
    if not condition.holds(values):
        return []
    return [feature for item in condition.items for feature in span_features(item, values)]


@dataclass
class Measured:
    """The near pairs and patterns the rules use, each measured once per draft however many rules test it."""

    near_pairs: dict[tuple[str, str, int | str], NearPair] = field(default_factory=dict)
    patterns: dict[str, Pattern] = field(default_factory=dict)  # by key, the feature a rule tests
    pattern_keys: dict[tuple[tuple[StepSpec, ...], str, str], str] = field(default_factory=dict)  # by what it is
    pattern_lists: dict[str, list[Phrase]] = field(default_factory=dict)  # the patterns' own phrases
    # Steps of several patterns that list the same phrases ("{number}", ". ! {emoji}") share one list, matched
    # once per draft: every own list costs each draft a look-up, a class list a test, however many share it.
    own_lists: dict[tuple[Phrase, ...], str] = field(default_factory=dict)
    positions: dict[tuple[str, int | str], Position] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)  # pattern key -> how explain names it

    def near(self, first: str, second: str, within: int | str) -> NearPair:
        if (first, second, within) not in self.near_pairs:
            pair = NearPair(f"near_{len(self.near_pairs)}", first, second, within)
            self.near_pairs[(first, second, within)] = pair
            self.descriptions[pair.key] = f"near {first}, {second} within {within}"
        return self.near_pairs[(first, second, within)]

    def before(self, name: str, bound: int | str) -> Position:
        if (name, bound) not in self.positions:
            position = Position(f"before_{len(self.positions)}", name, bound)
            self.positions[(name, bound)] = position
            self.descriptions[position.key] = f"{name} before {bound}"
        return self.positions[(name, bound)]

    def pattern(self, specs: tuple[StepSpec, ...], within: str, anchor: str) -> Pattern:
        """The pattern for these steps, made (with lists for its own phrases) the first time they are seen."""
        if (specs, within, anchor) not in self.pattern_keys:
            key = f"pattern_{len(self.patterns)}"
            steps = []
            for spec in specs:
                lists = spec.lists
                if spec.phrases:
                    # never a rules-file name: not a feature either
                    own = self.own_lists.setdefault(spec.phrases, f"\x00own.{len(self.own_lists)}")
                    self.pattern_lists[own] = list(spec.phrases)
                    lists += (own,)
                steps.append(Step(lists, spec.skip, spec.optional, spec.capture))
            self.patterns[key] = Pattern(key, tuple(steps), within, anchor)
            self.pattern_keys[(specs, within, anchor)] = key
            self.descriptions[key] = describe(specs, within, anchor)
        return self.patterns[self.pattern_keys[(specs, within, anchor)]]


class ConditionParser:
    """Turns one rule's `when` mapping into a checked Condition."""

    def __init__(self, features: Mapping[str, FeatureSpec], phrase_lists: set[str],
                 allowed_names: Mapping[str, set[str]], measured: Measured, bounds: RuleBounds) -> None:
        self._features = features
        self._phrase_lists = phrase_lists
        self._allowed_names = allowed_names  # the values a "name" feature such as platform can take
        self._measured = measured  # shared across rules
        self._bounds = bounds
        self._patterns: dict[str, Pattern] = {}  # by the pattern as written

    def parse(self, node: Any, mark: Mark | None) -> Condition:
        condition = self._parse(node, mark)
        count, limit = len(leaves(condition)), self._bounds
        if count > limit.tests:
            raise ConditionError(f"has {count} tests; at most {limit.tests} fit in one rule", mark)
        if branches(condition) > limit.alternatives:
            raise ConditionError(
                f"expands to {branches(condition)} alternatives (any x any); at most {limit.alternatives} fit "
                "in one rule: split it into several rules", mark)
        return condition

    def _parse(self, node: Any, mark: Mark | None) -> Condition:
        mark = getattr(node, "mark", mark)
        if not isinstance(node, Mapping) or not node:
            raise ConditionError("a condition is a mapping such as {all: [...]}, {has: list} or {feature: value}", mark)
        for combinator in ("all", "any", "not"):
            if combinator in node:
                return self._combinator(combinator, node, mark)
        if "has" in node:
            return self._has(node, mark)
        if "near" in node:
            return self._near(node, mark)
        if "pattern" in node:
            return self._pattern(node, mark)
        if len(node) != 1:
            raise ConditionError(f"expected one feature test, got keys {sorted(node)}", mark)
        (feature, test), = node.items()
        return self._compare(feature, test, mark)

    def _combinator(self, kind: str, node: Mapping[str, Any], mark: Mark | None) -> Condition:
        _only_keys(node, {kind}, mark)
        body = node[kind]
        if kind == "not":
            return self._parse(body, mark).negated()
        if not isinstance(body, list) or not body:
            raise ConditionError(f"'{kind}' takes a non-empty list of conditions", mark)
        return Group(kind, tuple(self._parse(item, mark) for item in body))

    def _has(self, node: Mapping[str, Any], mark: Mark | None) -> Leaf:
        _only_keys(node, {"has", "at_least", "before"}, mark)
        name = self._phrase_list(node["has"], mark)
        if "before" in node:  # only the matches that start before a character, or before the closing hashtags
            bound = node["before"]
            if bound != CLOSING_HASHTAGS:
                bound = _whole(bound, "before", mark, minimum=1, words=(CLOSING_HASHTAGS,))
            name = self._measured.before(name, bound).key
        return Leaf(name, "ge", _whole(node.get("at_least", 1), "at_least", mark, minimum=1))

    def _near(self, node: Mapping[str, Any], mark: Mark | None) -> Leaf:
        _only_keys(node, {"near", "within"}, mark)
        pair = node["near"]
        if not isinstance(pair, list) or len(pair) != 2:
            raise ConditionError("'near' takes two phrase lists, e.g. near: [share_actions, rewards]", mark)
        first, second = (self._phrase_list(name, mark) for name in pair)
        within = node.get("within", DEFAULT_NEAR_WORDS)
        if within not in NEAR_SCOPES:
            within = _whole(within, "within", mark, minimum=1, maximum=MAX_NEAR_WORDS, words=NEAR_SCOPES)
        return Leaf(self._measured.near(first, second, within).key, "ge", 1)

    def _pattern(self, node: Mapping[str, Any], mark: Mark | None) -> Leaf:
        _only_keys(node, {"pattern", "within", "anchor", "at_least"}, mark)
        within, anchor = node.get("within", "sentence"), node.get("anchor", "")
        # By what is written (repr tells apart every value YAML reads): a pattern written again, as in a
        # pack whose rules are variants of each other, is parsed once. Only a pattern parsed without a
        # problem is kept, and the lists it names stay the same while the pack is built.
        written = repr((node["pattern"], within, anchor))
        pattern = self._patterns.get(written)
        if pattern is None:
            try:
                specs = parse_steps(node["pattern"], within, anchor, lambda name: self._phrase_list(name, mark))
            except PatternSyntaxError as error:
                raise ConditionError(f"pattern: {error}", mark) from None
            pattern = self._patterns[written] = self._measured.pattern(specs, within, anchor)
        return Leaf(pattern.key, "ge", _whole(node.get("at_least", 1), "at_least", mark, minimum=1))

    def _phrase_list(self, name: Any, mark: Mark | None) -> str:
        if not isinstance(name, str) or name not in self._phrase_lists:
            raise ConditionError(f"unknown phrase list {name!r}; known: {_listing(self._phrase_lists)}", mark)
        return name

    def _compare(self, feature: Any, test: Any, mark: Mark | None) -> Leaf:
        spec = self._features.get(feature) if isinstance(feature, str) else None
        if spec is None:
            raise ConditionError(f"unknown feature {feature!r}; known: {_listing(self._features)}", mark)
        if isinstance(test, Mapping):
            if len(test) != 1 or next(iter(test)) not in OPERATORS:
                raise ConditionError(f"'{feature}' takes one of {_listing(OPERATORS)}, e.g. {{at_least: 3}}", mark)
            (word, value), = test.items()
            op = OPERATORS[word]
        else:
            op, value = "eq", test
        self._check_value(feature, spec, op, value, mark)
        return Leaf(feature, op, value)

    def _check_value(self, feature: str, spec: FeatureSpec, op: str, value: Any, mark: Mark | None) -> None:
        if spec.kind in ("flag", "name") and op not in ("eq", "ne"):
            raise ConditionError(f"'{feature}' is a {spec.kind}: compare it with 'is' or 'is_not' only", mark)
        if spec.kind == "flag" and not isinstance(value, bool):
            raise ConditionError(f"'{feature}' is true or false, got {value!r}", mark)
        if spec.kind == "name" and value not in self._allowed_names.get(feature, set()):
            raise ConditionError(
                f"'{feature}' is one of {_listing(self._allowed_names.get(feature, set()))}, got {value!r}", mark)
        if spec.kind == "count":
            _whole(value, feature, mark)
        if spec.kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise ConditionError(f"'{feature}' is compared with a number, got {value!r}", mark)


def _only_keys(node: Mapping[str, Any], allowed: set[str], mark: Mark | None) -> None:
    extra = set(node) - allowed
    if extra:
        raise ConditionError(f"unexpected {_listing(extra)} beside {_listing(allowed)}", mark)


def _whole(value: Any, name: str, mark: Mark | None, minimum: int = 0, maximum: int | None = None,
           words: tuple[str, ...] = ()) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum or (maximum and value > maximum):
        bound = f" from {minimum} to {maximum}" if maximum else f" of at least {minimum}"
        alternatives = "".join(f" or {word}" for word in words)
        raise ConditionError(f"'{name}' takes a whole number{bound}{alternatives}, got {value!r}", mark)
    return value


def _listing(names: Any) -> str:
    return ", ".join(sorted(str(name) for name in names))
