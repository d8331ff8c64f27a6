"""A hostile or careless rules file cannot stall linting or loading.

Phrases are token tests, not regular expressions: a phrase written as a catastrophic-backtracking
regex is matched as the characters it is, and no rules file can make matching super-linear
(rules/measuring/phrases.py, patterns.py). Marks the matcher does not know are refused with their
line. Timings run in a subprocess with a timeout, so a regression fails a test instead of hanging it.
"""
from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules import Linter, RulesError, load_pack
from server.child_process import RAPPORT
from tests.conftest import rules_problems

HOSTILE_PACK = r"""
version: "hostile"
phrases:
  hostile: ["(a+)+$", "a*a*a*a*b", "(a|a)*c", "(a|aa)+$", "^(\\w+\\s?)*$", ".*a.*=.*", "{n} {n} {n} {n} x"]
  hostile_words: ["a* a* a* a* a* a* b", "a*-a*-a*-b", "a* a*", "{number} {number} {number}"]
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
  - id: hostile-pattern
    category: c
    severity: info
    message: pattern
    when:
      pattern: [{list: hostile_words}, {skip: 12}, {list: hostile_words}, {skip: 12}, {optional: true, list: hostile}, {skip: 12}, "b"]
      within: draft
    examples:
      flag: ["a a a a a a b and a a then b"]
      pass: ["b"]
"""

# Drafts that make a regex reading of the phrases backtrack, and ones with 10,000 tokens to start on.
DRAFTS = {
    "a": "a" * 65536,
    "a_then_c": "a" * 65535 + "c",
    "digits_then_x": "1" * 65535 + "x",
    "spaced": "a " * 32768,
    "spaced_digits": "1 " * 32000 + "x",
    "hyphenated": "a-" * 32768,
    "literal": "I typed (a+)+$ and a*a*a*a*b here.",
}

RUNNER = textwrap.dedent("""
    import json, sys, time
    from rules import Linter, load_pack
    linter = Linter(load_pack(sys.argv[1]))
    drafts = json.loads(sys.stdin.read())
    out = {}
    for name, text in drafts.items():
        out[name] = [[f.rule.id, f.span.start, f.span.end] for f in linter.lint(text).findings]
    print(json.dumps(out))
""")


def test_hostile_phrases_are_literal_and_cannot_stall_linting(tmp_path):
    pack = tmp_path / "hostile.yaml"
    pack.write_text(HOSTILE_PACK, encoding="utf-8")
    # The timeout is the bound: a backtracking matcher over 64 KiB would run for hours.
    done = subprocess.run([sys.executable, "-c", RUNNER, str(pack)], input=json.dumps(DRAFTS),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)
    # Read as regexes, "(a+)+$" and "(a|aa)+$" match every draft ending in "a"; read literally, none.
    for name in ("a", "a_then_c", "hyphenated"):
        assert [rule for rule, _, _ in findings[name] if rule == "hostile-literal"] == [], name
    literal = "I typed (a+)+$ and a*a*a*a*b here."
    spans = [literal[start:end] for rule, start, end in findings["literal"] if rule == "hostile-literal"]
    assert spans == ["(a+)+$", "a*a*a*a*b"]


def test_hostile_pack_passes_its_own_examples(tmp_path):
    pack = tmp_path / "hostile.yaml"
    pack.write_text(HOSTILE_PACK, encoding="utf-8")
    done = subprocess.run([*RAPPORT, "check-rules", str(pack)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("phrase", "expected"), [
    ("{n}{n}", "write a class as a word of its own"),
    ("a{1,99999}b", "write a class as a word of its own"),
    ("{n}% off", "{percent} matches 20%"),
    ("{shouting}", "unknown class {shouting}"),
    (" ".join(["word"] * 13), "at most 12"),
])
def test_marks_the_matcher_does_not_know_are_refused_with_their_line(rules_file, phrase, expected):
    path = rules_file(f'version: "t"\nphrases:\n  bad: ["ok", {json.dumps(phrase)}]\nrules:\n'
                      "  - id: r\n    category: c\n    severity: info\n    message: m\n"
                      "    when: {has: bad}\n    examples: {flag: [ok], pass: [nope]}\n")
    problem, = rules_problems(path)
    assert (problem.line, problem.column) == (3, 15) and expected in problem.message, problem


PIECES = ["a", "win", "1", "£5", "20%", "🎉", "-", "!", "#tag", "@x", "example.com/x", "the", "WIN", "won"]
MARKS = ["{n}", "{money}", "{word}", "{emoji}", "win", "=win", "w*", "a", "1", "!", "#tag"]
phrases = st.lists(st.sampled_from(MARKS), min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(phrases, min_size=1, max_size=8), st.integers(0, 2**32 - 1))
def test_any_phrases_match_in_linear_time_on_adversarial_drafts(rules_file, generated, seed):
    """Work grows with the draft and not faster: 8 times the tokens may cost at most about 8 times
    the matching (timed as candidate checks, which the matcher makes for every token)."""
    body = "version: \"t\"\nphrases:\n  gen: " + json.dumps(generated) + "\nrules:\n" + (
        "  - id: r\n    category: c\n    severity: info\n    message: m\n"
        "    when: {pattern: [{list: gen}, {skip: 12}, {list: gen}], within: draft}\n"
        "    examples: {flag: [x], pass: [y]}\n")
    try:
        linter = Linter(load_pack(rules_file(body)))
    except RulesError:
        return  # a generated phrase the loader refuses, with its line: nothing to match
    rng = random.Random(seed)
    small = " ".join(rng.choice(PIECES) for _ in range(500))
    counts = [_checks(linter, small * factor) for factor in (1, 8)]
    assert counts[1] <= 9 * max(counts[0], 1), counts


def _checks(linter: Linter, text: str) -> int:
    """How many word tests the phrase matcher and the pattern matcher ran on `text`."""
    from rules.measuring import phrases as phrase_module

    calls = 0
    accepts = phrase_module.WordTest.accepts

    def counted(self, tokens, index):  # noqa: ANN001, ANN202 - wraps the method being counted
        nonlocal calls
        calls += 1
        return accepts(self, tokens, index)

    phrase_module.WordTest.accepts = counted
    try:
        linter.lint(text)
    finally:
        phrase_module.WordTest.accepts = accepts
    return calls


def test_a_hundred_thousand_phrases_load_in_seconds(tmp_path):
    words = [f"w{i}x" for i in range(100_000)]
    phrases = [f"{words[i]} {words[(i * 7) % 100_000]}" if i % 3 else f"{words[i]}*" for i in range(100_000)]
    pack = tmp_path / "big.yaml"
    pack.write_text('version: "big"\nphrases:\n  big: ' + json.dumps(phrases) + "\nrules:\n"
                    "  - id: r\n    category: c\n    severity: info\n    message: m\n    when: {has: big}\n"
                    "    examples: {flag: [w3x w21x], pass: [hello]}\n", encoding="utf-8")
    # A quadratic reading of the list (every phrase against every other) would take about an hour.
    done = subprocess.run([*RAPPORT, "check-rules", str(pack)], capture_output=True, text=True, timeout=120)
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
