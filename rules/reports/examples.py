"""Every rule carries examples; running them is how a rules file proves what it does."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..linting import Linter
from ..model import Example, Rule


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: Rule
    example: Example
    expect_flag: bool
    fired: bool

    @property
    def passed(self) -> bool:
        return self.fired == self.expect_flag

    def describe(self) -> str:
        expected = "fire" if self.expect_flag else "stay quiet"
        where = f"{self.rule.file}:{self.example.line}"
        return f"{where}: rule '{self.rule.id}' should {expected} on {self.example.text!r} ({self.example.platform})"

    def check(self) -> None:
        """Fail a test (AssertionError) when the example did not do what it says."""
        if not self.passed:
            raise AssertionError(self.describe())


def run_examples(linter: Linter) -> Iterator[ExampleResult]:
    """Lint each example with the whole pack and check its own rule fired, or did not."""
    for rule in linter.pack.rules:
        for expect_flag, examples in ((True, rule.flag_examples), (False, rule.pass_examples)):
            for example in examples:
                fired = rule.id in linter.lint(example.text, example.platform).fired
                yield ExampleResult(rule, example, expect_flag, fired)
