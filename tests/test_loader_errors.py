"""A broken rules file is refused with a message naming file, line and rule."""
from __future__ import annotations

import pytest

from rules import load_pack
from tests.conftest import rules_problems

HEADER = 'version: "t"\nphrases:\n  rewards: [win]\nrules:\n'


def _rule(rule_id: str = "shouty", severity: str = "warning", message: str = "Too loud.",
          when: str = "{exclamations: {at_least: 3}}", extra: str = "") -> str:
    """A rule starting at line 5 of HEADER + rule; severity is line 7, message 8, when 9."""
    return (f"  - id: {rule_id}\n    category: campaign-only\n    severity: {severity}\n"
            f"    message: {message}\n    when: {when}\n{extra}"
            "    examples:\n      flag: ['Wow!!!']\n      pass: ['Wow.']\n")


@pytest.mark.parametrize(("rule_text", "line", "expected"), [
    (_rule(severity="loud"), 7, "loud"),
    (_rule(extra="    colour: red\n"), 5, "colour"),
    (_rule(when="{retweets: {at_least: 2}}"), 9, "unknown feature 'retweets'"),
    (_rule(when="{has: prizes}"), 9, "unknown phrase list 'prizes'"),
    (_rule(when="{exclamations: {about: 3}}"), 9, "at_least"),
    (_rule(when="{exclamations: lots}"), 9, "whole number"),
    (_rule(when="{bare_link: {at_least: 1}}"), 9, "is_not"),
    (_rule(message="Too loud {shouting}."), 8, "placeholder {shouting}"),
])
def test_rule_problems_name_file_line_and_rule(rules_file, rule_text, line, expected):
    path = rules_file(HEADER + rule_text)
    problem, = rules_problems(path)
    assert problem.file == str(path) and problem.rule == "shouty"
    assert expected in problem.message
    assert problem.line == line, str(problem)
    assert str(problem).startswith(f"{path}:{problem.line}: rule 'shouty':")


def test_rule_without_examples(rules_file):
    rule = _rule().split("    examples:")[0]
    problem, = rules_problems(rules_file(HEADER + rule))
    assert problem.rule == "shouty" and "examples" in problem.message and problem.line == 5


def test_duplicate_ids_name_both_lines(rules_file):
    problems = rules_problems(rules_file(HEADER + _rule() + _rule()))
    assert [(p.rule, p.line) for p in problems] == [("shouty", 13)]
    assert "first defined at line 5" in problems[0].message


def test_yaml_syntax_error_has_line(rules_file):
    problem, = rules_problems(rules_file(HEADER + _rule() + "  - id: [unclosed\n"))
    assert problem.line == 14 and "YAML" in problem.message


def test_duplicate_yaml_key_is_an_error(rules_file):
    problem, = rules_problems(rules_file(HEADER + _rule(severity="info\n    severity: error")))
    assert "twice" in problem.message and problem.line == 8


@pytest.mark.parametrize("broken", [
    _rule(severity="loud") + _rule(rule_id="second", severity="huge"),
    _rule(when="{nope: 1}") + _rule(rule_id="second", when="{has: nothing}"),
])
def test_every_problem_of_a_kind_is_reported_at_once(rules_file, broken):
    assert [p.rule for p in rules_problems(rules_file(HEADER + broken))] == ["shouty", "second"]


def test_missing_file_and_not_a_mapping(tmp_path, rules_file):
    assert "cannot read" in rules_problems(tmp_path / "absent.yaml")[0].message
    assert "mapping" in rules_problems(rules_file("- just\n- a list\n"))[0].message


def test_condition_too_wide_for_the_engine_is_refused(rules_file):
    anys = "\n".join(f"        - any: [{{exclamations: {i}}}, {{hashtags: {i}}}, {{mentions: {i}}}]" for i in range(3))
    problem, = rules_problems(rules_file(HEADER + _rule(when=f"\n      all:\n{anys}")))
    assert "alternatives" in problem.message and problem.rule == "shouty"


def test_a_broken_pattern_written_twice_is_reported_at_each_rule(rules_file):
    when = "{pattern: [{list: prizes}, now]}"  # no such list
    path = rules_file(HEADER + _rule("first", when=when) + _rule("second", when=when))
    assert [(p.rule, p.line) for p in rules_problems(path)] == [("first", 9), ("second", 17)]


def test_a_pattern_written_twice_with_another_scope_is_another_pattern(rules_file):
    path = rules_file(HEADER + _rule("first", when="{pattern: [{list: rewards}, now]}")
                      + _rule("second", when="{pattern: [{list: rewards}, now], within: clause}")
                      + _rule("third", when="{pattern: [{list: rewards}, now]}"))
    plan = load_pack(path).plan
    assert sorted(pattern.within for pattern in plan.patterns) == ["clause", "sentence"]
