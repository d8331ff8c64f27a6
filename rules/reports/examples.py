"""Every rule carries examples; running them is how a rules file proves what it does."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..linting import Linter
from ..model import Example, Rule
from ..rewriting.checking import RewriteCheck, check_rewrite


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: Rule
    example: Example
    expect_flag: bool
    fired: bool
    rewrite: RewriteCheck | None = None  # a flag example the rule fired on, with its first fix applied

    @property
    def passed(self) -> bool:
        return self.fired == self.expect_flag and (self.rewrite is None or self.rewrite.problem is None)

    def describe(self) -> str:
        where = f"{self.rule.file}:{self.example.line}"
        if self.fired == self.expect_flag and self.rewrite is not None and self.rewrite.problem:
            return (f"{where}: rule '{self.rule.id}' rewrites {self.example.text!r} ({self.example.platform}) as "
                    f"{self.rewrite.after!r}, which {self.rewrite.problem}")
        expected = "fire" if self.expect_flag else "stay quiet"
        return f"{where}: rule '{self.rule.id}' should {expected} on {self.example.text!r} ({self.example.platform})"

    def check(self) -> None:
        """Fail a test (AssertionError) when the example did not do what it says."""
        if not self.passed:
            raise AssertionError(self.describe())


def run_examples(linter: Linter) -> Iterator[ExampleResult]:
    """Lint each example with the whole pack and check its own rule fired, or did not; where a flag
    example fired, check the rule's rewrite of it too."""
    for rule in linter.pack.rules:
        for expect_flag, examples in ((True, rule.flag_examples), (False, rule.pass_examples)):
            for example in examples:
                result = linter.lint(example.text, example.platform)
                fired = rule.id in result.fired
                rewrite = check_rewrite(linter, rule, result, example.platform) if fired and expect_flag else None
                yield ExampleResult(rule, example, expect_flag, fired, rewrite)
