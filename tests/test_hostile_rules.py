"""A hostile or careless rules file cannot stall linting: phrases are literal text, not regexes.

rules/phrases.py escapes every phrase (only a trailing `*` and `{n}` are special), so phrases
written as catastrophic-backtracking regexes are matched as the characters they are. The lint
runs in a subprocess with a timeout, so a regression shows up as a failed test, not a hung run.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap

import pytest

from rules import RulesError, load_pack
from server.child_process import RAPPORT

HOSTILE_PACK = r'''
version: "hostile"
phrases:
  hostile: ["(a+)+$", "a*a*a*a*b", "(a|a)*c", "(a|aa)+$", "^(\\w+\\s?)*$", "a{1,99999}b", ".*.*.*=.*", "(.*a){20}"]
  hostile_words: ["a* a* a* a* a* a* b", "a*-a*-a*-b", "a* a*"]
rules:
  - id: hostile-literal
    category: c
    severity: warning
    message: "literal: {hostile}"
    when: {has: hostile}
    examples:
      flag: ["I typed (a+)+$ here"]
      pass: ["aaaa"]
  - id: hostile-near
    category: c
    severity: info
    message: near
    when: {near: [hostile, hostile_words], within: 50}
    examples:
      flag: ["(a+)+$ then a a a a a a b"]
      pass: ["aaaa"]
'''

# Drafts that make a regex reading of the phrases backtrack: 64 KiB of "a", with and without
# the character that would let a regex succeed at the very end.
DRAFTS = {
    "a": "a" * 65536,
    "a_then_c": "a" * 65535 + "c",
    "a_then_bang": "a" * 65535 + "!",
    "spaced": "a " * 32768,
    "hyphenated": "a-" * 32768,
    "literal": "I typed (a+)+$ and a*a*a*a*b here.",
}

RUNNER = textwrap.dedent("""
    import json, sys
    from rules import Linter, load_pack
    linter = Linter(load_pack(sys.argv[1]))
    drafts = json.loads(sys.stdin.read())
    print(json.dumps({name: [[f.rule.id, f.span.start, f.span.end] for f in linter.lint(text).findings]
                      for name, text in drafts.items()}))
""")


def test_hostile_phrases_are_literal_and_cannot_stall_linting(tmp_path):
    pack = tmp_path / "hostile.yaml"
    pack.write_text(HOSTILE_PACK, encoding="utf-8")
    # The timeout is the bound: a backtracking regex over 64 KiB would run for hours.
    done = subprocess.run([sys.executable, "-c", RUNNER, str(pack)], input=json.dumps(DRAFTS),
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)
    # Read as regexes, "(a+)+$" and "(a|aa)+$" match every draft ending in "a"; read literally, none.
    for name in ("a", "a_then_c", "a_then_bang", "spaced", "hyphenated"):
        assert findings[name] == [], name
    literal = "I typed (a+)+$ and a*a*a*a*b here."
    spans = [(rule, literal[start:end]) for rule, start, end in findings["literal"] if rule == "hostile-literal"]
    assert spans == [("hostile-literal", "(a+)+$"), ("hostile-literal", "a*a*a*a*b")]


def test_hostile_pack_passes_its_own_examples(tmp_path):
    pack = tmp_path / "hostile.yaml"
    pack.write_text(HOSTILE_PACK, encoding="utf-8")
    done = subprocess.run([*RAPPORT, "check-rules", str(pack)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


FORMAT_SPEC_PACK = '''
version: "fmt"
rules:
  - id: shouty
    category: campaign-only
    severity: warning
    message: "Too loud: {exclamations:s} marks."
    when:
      exclamations: {at_least: 3}
    examples:
      flag: ["Wow!!!"]
      pass: ["Wow."]
'''


def test_a_bad_placeholder_format_spec_is_refused_at_load(rules_file):
    with pytest.raises(RulesError) as caught:
        load_pack(rules_file(FORMAT_SPEC_PACK))
    problem, = caught.value.problems
    assert (problem.rule, problem.line) == ("shouty", 7) and "plain {exclamations}" in problem.message


def _rule_when(condition_lines: list[str], rule_id: str = "hostile") -> str:
    """A one-rule pack whose `when:` is on line 7, followed by the given lines."""
    return "\n".join([f'version: "{rule_id}"', "rules:", f"  - id: {rule_id}", "    category: c",
                      "    severity: info", "    message: m", "    when:", *condition_lines,
                      '    examples: {flag: ["a"], pass: ["b"]}', ""])


def _laughs(levels: int = 8, fanout: int = 9) -> str:
    """'Billion laughs' in a condition: each anchor is an `all` of `fanout` aliases of the one before,
    so about 600 bytes stand for fanout ** (levels - 1) tests (5.4 million here)."""
    anchors = ["        - &a0 {words: 1}"]
    anchors += [f"        - &a{i} {{all: [{', '.join([f'*a{i - 1}'] * fanout)}]}}" for i in range(1, levels)]
    return _rule_when(["      any:", *anchors])


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def _check_rules(path) -> subprocess.CompletedProcess:
    # The timeout and the 2 GiB of address space are the bounds: before, these files took 40 s and
    # 550 MiB, raised RecursionError, waited for a FIFO's writer for ever or read /dev/zero until
    # memory ran out.
    return subprocess.run([*RAPPORT, "check-rules", str(path)], capture_output=True, text=True, timeout=10,
                          preexec_fn=_limit_memory, check=False)


def test_yaml_aliases_are_refused_before_they_expand(tmp_path):
    pack = tmp_path / "laughs.yaml"
    pack.write_text(_laughs(), encoding="utf-8")
    assert len(pack.read_bytes()) < 700
    done = _check_rules(pack)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{pack}:10: YAML: aliases (*a0) are not allowed in a rules file" in done.stderr


def test_deep_nesting_is_a_located_rules_error_not_a_traceback(tmp_path):
    pack = tmp_path / "deep.yaml"
    # 600 levels: past Python's recursion limit in PyYAML's composer, within libyaml's own 1,000
    pack.write_text(_rule_when(["      " + "{not: " * 600 + "{words: 1}" + "}" * 600]), encoding="utf-8")
    done = _check_rules(pack)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"{pack}:8: YAML: nested more than 64 levels deep" in done.stderr


def test_a_file_of_too_many_values_is_refused_where_it_passes_the_limit(tmp_path):
    pack = tmp_path / "many.yaml"
    pack.write_text('version: "many"\ndisable:\n' + ("  - [" + ", ".join(["a"] * 999) + "]\n") * 250,
                    encoding="utf-8")  # 250,000 values in 1.4 MiB: it took about 6 s to read before
    done = _check_rules(pack)
    assert done.returncode == 2, done.stdout + done.stderr
    # 5 values before the list (the document, two keys and their values), then 1,000 a line from line 3
    assert f"{pack}:202: YAML: more than 200,000 values in one file" in done.stderr


def _team_extending(directory, target: str):
    team = directory / "team.yaml"
    team.write_text(f'version: "team"\nextends: {target}\n', encoding="utf-8")
    return team


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_extends_reads_regular_files_only(tmp_path, kind):
    target = tmp_path / "pipe" if kind == "fifo" else kind
    if kind == "fifo":
        os.mkfifo(target)
    team = _team_extending(tmp_path, str(target))
    done = _check_rules(team)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"{team}:2: extends: cannot read {target}: not a regular file" in done.stderr


def test_a_rules_file_over_4_mib_is_refused_unread(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text('version: "big"\n' + ("# " + "x" * 1022 + "\n") * 5 * 1024, encoding="utf-8")
    done = _check_rules(_team_extending(tmp_path, "big.yaml"))
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"cannot read {big}: 5.0 MiB, over the 4 MiB a rules file may have" in done.stderr
    big.rename(tmp_path / "team.yaml")
    assert "cannot read the rules file: 5.0 MiB" in _check_rules(tmp_path / "team.yaml").stderr
