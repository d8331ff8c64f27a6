"""Why a rule did or did not fire: the engine's decision beside the values its condition read.

Whether a rule fired comes from durable-rules (via the linter); the per-test truth values
shown next to it are only there to help a reader see which part of the condition held.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..deciding.conditions import OPERATORS, leaves
from ..linting import Linter
from ..measuring.features import Value
from ..model import Rule

_WORDS = {op: word for word, op in OPERATORS.items()}


@dataclass(frozen=True, slots=True)
class TestResult:
    feature: str  # as written in rules.yaml; `near` tests read "near a, b within n"
    test: str  # e.g. "at_least 3"
    value: Value
    holds: bool


@dataclass(frozen=True, slots=True)
class RuleExplanation:
    rule: Rule
    fired: bool
    tests: tuple[TestResult, ...]


def explain(linter: Linter, text: str, platform: str = "generic") -> list[RuleExplanation]:
    result = linter.lint(text, platform)
    values = result.features.values
    near = {pair.key: f"near {pair.first}, {pair.second} within {pair.within}"
            for pair in linter.pack.plan.near_pairs}
    return [RuleExplanation(rule, rule.id in result.fired, tuple(
        TestResult(near.get(leaf.feature, leaf.feature), f"{_WORDS[leaf.op]} {_literal(leaf.value)}",
                   values[leaf.feature], leaf.holds(values))
        for leaf in leaves(rule.condition))) for rule in linter.pack.rules]


def _literal(value: Value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
