"""A team file extending the default pack: vocabulary, platform rules, overrides, disabling, problems."""
from __future__ import annotations

import pytest

from cli.main import main
from rules import DEFAULT_PACK, Linter, load_pack
from tests.conftest import MINIMAL_RULE, rule_named, rules_problems
from tests.teams import OVERRIDE_LINE, TEAM, VOCABULARY_LINE, write_team

SPAM = "RT to win a goodie bag! #giveaway #win"


@pytest.fixture(scope="module")
def team_linter(tmp_path_factory) -> Linter:
    return Linter(load_pack(write_team(tmp_path_factory.mktemp("team"))))


def test_team_file_works_in_rapport_lint(tmp_path, capsys):
    team = write_team(tmp_path)
    drafts = tmp_path / "drafts.txt"
    drafts.write_text("Our customers love the synergy #a #b #c\n" + SPAM + "\n", encoding="utf-8")
    code = main(["lint", str(drafts), "--rules", str(team), "--platform", "linkedin"])
    out = capsys.readouterr().out
    assert code == 0  # reward-for-sharing is overridden to a warning, so nothing is an error
    assert f'{drafts}:1:5: warning [house-customers] House style: write "members" instead. -> "members"' in out
    assert '[house-synergy] House style: write "working together" instead. -> "working together"' in out
    assert "warning [linkedin-hashtags] LinkedIn posts keep to two hashtags; this one has 3." in out
    assert f"{drafts}:2:1: warning [reward-for-sharing]" in out  # "goodie bag" was added to the rewards list
    assert "giveaway-hashtags" not in out  # disabled


def test_vocabulary_finding_replaces_the_phrase_in_one_click(team_linter):
    text = "Thanks to all our customers for coming."
    result = team_linter.lint(text)
    finding = next(f for f in result.findings if f.rule.id == "house-customers")
    assert text[finding.span.start:finding.span.end] == "customers"
    assert finding.rule.category == "house-style" and finding.rule.severity == "warning"
    assert [s.text for s in finding.suggestions] == ["members"]
    assert "house-customers" in result.fired  # decided by the engine, like every rule


def test_platform_rule_only_applies_on_its_platform(team_linter):
    assert any(f.rule.id == "linkedin-hashtags" for f in team_linter.lint("New role! #a #b #c", "linkedin").findings)
    assert not any(f.rule.id == "linkedin-hashtags" for f in team_linter.lint("New role! #a #b #c", "x").findings)


def test_added_platform_has_its_limit(team_linter):
    result = team_linter.lint("A long note about the canteen opening hours next week.", "intranet")
    assert "over-length-limit" in {f.rule.id for f in result.findings}
    assert "intranet" in team_linter.pack.platforms


def test_rules_keep_the_file_and_line_they_are_defined_in(team_linter, tmp_path):
    pack = team_linter.pack
    assert rule_named(pack, "reward-for-sharing").file == str(DEFAULT_PACK)
    assert rule_named(pack, "reward-for-sharing").severity == "warning"
    assert rule_named(pack, "house-customers").line == VOCABULARY_LINE
    assert rule_named(pack, "linkedin-hashtags").file.endswith("team.yaml")
    assert [source.path for source in pack.sources] == [pack.path, DEFAULT_PACK]  # as read: the file, then its base
    assert pack.version.startswith("acme-1+")


def test_check_rules_runs_the_team_and_base_examples(tmp_path, capsys):
    code = main(["check-rules", str(write_team(tmp_path))])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "ok   house-customers (3/3 examples)" in out and "ok   linkedin-hashtags (3/3 examples)" in out
    assert "giveaway-hashtags" not in out


def _team_with(tmp_path, old: str, new: str):
    assert old in TEAM
    return write_team(tmp_path, text=TEAM.replace(old, new))


@pytest.mark.parametrize(("old", "new", "line", "rule", "expected"), [
    ("reward-for-sharing: {{severity", "share-to-wn: {{severity", OVERRIDE_LINE, "share-to-wn", "override: no rule"),
    ("disable: [giveaway-hashtags]", "disable: [giveaway-hashtag]", 15, "giveaway-hashtag", "disable: no rule"),
    ("rewards: {{add", "reward: {{add", 6, None, "'reward' is not a list of an extended pack"),
    ("severity: warning}}", "severity: warn}}", OVERRIDE_LINE, "reward-for-sharing", "'warn' is not one of"),
    ("  - id: linkedin-hashtags", "  - id: reward-for-sharing", 17, "reward-for-sharing", "use override"),
    ("- platform: linkedin", "- platform: linkdin", 23, "linkedin-hashtags", "'linkdin'"),
    ("    prefer: members", "    prefer: members\n    colour: red", VOCABULARY_LINE, "house-customers",
     "'colour' was unexpected"),
])
def test_team_problems_name_the_team_file_line_and_rule(tmp_path, old, new, line, rule, expected):
    team = _team_with(tmp_path, old, new)
    problems = rules_problems(team)
    assert [(p.file, p.line, p.rule) for p in problems] == [(str(team), line, rule)], problems
    assert expected in problems[0].message
    assert str(problems[0]).startswith(f"{team}:{line}:")


def test_schema_problems_carry_a_column(tmp_path):
    problem, = rules_problems(_team_with(tmp_path, "severity: warning}}", "severity: warn}}"))
    assert problem.column == 24  # where `severity` starts on the override line


def test_problem_in_the_base_names_the_base_file(tmp_path):
    base = tmp_path / "base.yaml"
    base.write_text('version: "b"\nrules:\n' + MINIMAL_RULE.replace("warning", "loud"), encoding="utf-8")
    team = write_team(tmp_path, base=base, text='version: "t"\nextends: {base}\n')
    problem, = rules_problems(team)
    assert (problem.file, problem.line, problem.rule) == (str(base), 5, "shouty")


def test_missing_base_is_reported_at_the_extends_line(tmp_path):
    team = write_team(tmp_path, base=tmp_path / "nowhere.yaml")
    problem, = rules_problems(team)
    assert (problem.file, problem.line) == (str(team), 2)
    assert "extends: cannot read" in problem.message and "nowhere.yaml" in problem.message


def test_packs_extending_each_other_are_a_cycle(tmp_path):
    (tmp_path / "a.yaml").write_text('version: "a"\nextends: b.yaml\n', encoding="utf-8")
    (tmp_path / "b.yaml").write_text('version: "b"\nextends: a.yaml\n', encoding="utf-8")
    problem, = rules_problems(tmp_path / "a.yaml")
    assert problem.file == str(tmp_path / "b.yaml") and problem.line == 2 and "cycle" in problem.message


def test_a_file_without_rules_or_extends_is_refused(rules_file):
    problem, = rules_problems(rules_file('version: "t"\n'))
    assert "needs rules, or extends" in problem.message


def test_condition_problems_carry_a_column(tmp_path):
    problem, = rules_problems(_team_with(tmp_path, "- platform: linkedin", "- platform: linkdin"))
    assert (problem.line, problem.column) == (23, 11)
