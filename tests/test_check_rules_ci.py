"""check-rules for CI: JUnit XML, and a team's examples run inside its own pytest suite."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from cli.main import main
from rules import RulesError
from rules.testing import example_cases
from tests.teams import TEAM, write_team

# The team's LinkedIn rule, with a flag example that no longer fires after someone raised the bar.
STALE = TEAM.replace("hashtags: {{more_than: 2}}", "hashtags: {{more_than: 5}}")


def _junit(path) -> ET.Element:
    return ET.parse(path).getroot()


def test_junit_lists_every_example_and_the_failure(tmp_path, capsys):
    team, report = write_team(tmp_path, text=STALE), tmp_path / "junit.xml"
    assert main(["check-rules", str(team), "--junit", str(report)]) == 1
    assert "FAIL linkedin-hashtags (2/3 examples)" in capsys.readouterr().out
    suite = _junit(report).find("testsuite")
    assert int(suite.get("failures")) == 1 and int(suite.get("tests")) == len(suite.findall("testcase")) > 50
    failed, = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert failed.get("classname") == "linkedin-hashtags" and failed.get("file") == str(team)
    assert "should fire on 'Hello #a #b #c'" in failed.find("failure").get("message")


def test_junit_reports_a_broken_file_as_errors(tmp_path, capsys):
    team, report = write_team(tmp_path, text=TEAM.replace("severity: info", "severity: loud")), tmp_path / "j.xml"
    assert main(["check-rules", str(team), "--junit", str(report)]) == 2
    assert f"{team}:12:" in capsys.readouterr().err
    error = _junit(report).find("testsuite/testcase/error")
    assert "'loud' is not one of" in error.get("message")


def test_example_cases_are_pytest_params_named_by_rule(tmp_path):
    cases = example_cases(write_team(tmp_path))
    ids = [case.id for case in cases]
    assert "house-customers-flag0" in ids and "linkedin-hashtags-pass1" in ids
    for case in cases:
        case.values[0].check()


def test_example_cases_check_fails_with_the_location(tmp_path):
    team = write_team(tmp_path, text=STALE)
    stale = next(case.values[0] for case in example_cases(team) if case.id == "linkedin-hashtags-flag0")
    with pytest.raises(AssertionError, match=rf"{team}:\d+: rule 'linkedin-hashtags' should fire"):
        stale.check()


def test_example_cases_of_a_broken_file_raise_rules_error(rules_file):
    with pytest.raises(RulesError):
        example_cases(rules_file('version: "t"\n'))
