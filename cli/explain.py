"""`rapport explain`: for every rule, whether the engine fired it on a draft and what its tests read."""
from __future__ import annotations

import argparse
from typing import Any

from rules import RuleExplanation, explain

from .options import EXIT_USAGE, linter_for_platform, platform_option, rules_option


def add_command(commands: Any) -> None:
    why = commands.add_parser("explain", help="show, rule by rule, whether it fires on a draft and why")
    why.add_argument("text", help="the draft")
    platform_option(why, "the draft is")
    rules_option(why)
    why.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    if (linter := linter_for_platform(args)) is None:
        return EXIT_USAGE
    for explanation in explain(linter, args.text, args.platform):
        print(_lines(explanation))
    return 0


def _lines(explanation: RuleExplanation) -> str:
    rule = explanation.rule
    head = f"{'FIRED' if explanation.fired else 'quiet'} {rule.id}  ({rule.location})"
    tests = [f"    {'yes' if t.holds else 'no '} {t.feature} {t.test}: {t.value}{_contributors(t.contributors)}"
             for t in explanation.tests]
    return "\n".join([head, *tests])


def _contributors(contributors: tuple[tuple[str, float], ...]) -> str:
    return f"  (most from: {', '.join(f'{gram!r} +{weight:g}' for gram, weight in contributors)})" if contributors else ""
