"""Why a rule did or did not fire: the engine's decision beside the values its condition read.

Whether a rule fired comes from durable-rules (via the linter); the per-test truth values
shown next to it are only there to help a reader see which part of the condition held.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..deciding.conditions import OPERATORS, leaves
from ..linting import Linter
from ..measuring.features import SIGNAL_FEATURES, Value
from ..measuring.signal import ngrams
from ..measuring.tokens import tokenize
from ..model import Rule

_WORDS = {op: word for word, op in OPERATORS.items()}


@dataclass(frozen=True, slots=True)
class TestResult:
    feature: str  # as written in rules.yaml; `near` and `pattern` tests read "near a, b within n", "pattern [...]"
    test: str  # e.g. "at_least 3"
    value: Value
    holds: bool
    contributors: tuple[tuple[str, float], ...] = ()  # for a signal test: the n-grams that raised it most


@dataclass(frozen=True, slots=True)
class RuleExplanation:
    rule: Rule
    fired: bool
    tests: tuple[TestResult, ...]


def explain(linter: Linter, text: str, platform: str = "generic") -> list[RuleExplanation]:
    result = linter.lint(text, platform)
    values = result.features.values
    plan = linter.pack.plan
    names = plan.descriptions  # near and pattern tests are shown as written, not by their key
    grams = ngrams(tokenize(text)) if plan.signal else set()
    contributors = {feature: tuple(plan.signal.contributions(grams, family))
                    for feature, family in zip(SIGNAL_FEATURES, plan.signal.families)} if plan.signal else {}
    return [RuleExplanation(rule, rule.id in result.fired, tuple(
        TestResult(names.get(leaf.feature, leaf.feature), f"{_WORDS[leaf.op]} {_literal(leaf.value)}",
                   values[leaf.feature], leaf.holds(values), contributors.get(leaf.feature, ()))
        for leaf in leaves(rule.condition))) for rule in linter.pack.rules]


def _literal(value: Value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
