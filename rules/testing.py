"""Run a rules file's examples inside a team's own pytest suite.

    import pytest
    from rules.testing import example_cases

    @pytest.mark.parametrize("example", example_cases("house-rules.yaml"))
    def test_house_rules(example):
        example.check()

Each example of each rule becomes one test, named `<rule>-flag0`, `<rule>-pass1`, ...
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .linting import Linter
from .loading.packs import load_pack
from .reports.examples import run_examples


def example_cases(path: str | Path) -> list[Any]:
    """pytest params, one per example, each an ExampleResult to `.check()`; a broken file raises RulesError."""
    import pytest  # only teams' test suites call this; the service does not depend on pytest

    linter = Linter(load_pack(path))
    try:
        results = list(run_examples(linter))
    finally:
        linter.close()
    counters: dict[tuple[str, str], int] = {}
    params = []
    for result in results:
        key = (result.rule.id, "flag" if result.expect_flag else "pass")
        counters[key] = counters.get(key, -1) + 1
        params.append(pytest.param(result, id=f"{key[0]}-{key[1]}{counters[key]}"))
    return params
