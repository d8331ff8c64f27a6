"""No rules file can push durable-rules into the states that crash it, and threads are safe."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rules import Linter, load_pack

DRAFT = "WOW!!! #a #b #c @x @y https://example.com Is this it? " * 3


def _wide_pack(rules_file, count: int) -> Linter:
    """`count` rules that all fire on DRAFT, each with two satisfied alternatives."""
    rules = "".join(
        f"  - id: r{i}\n    category: c\n    severity: info\n    message: m\n"
        f"    when: {{any: [{{exclamations: {{at_least: {i % 3 + 1}}}}}, {{hashtags: {{at_least: 1}}}}]}}\n"
        "    examples: {flag: ['!!!'], pass: ['.']}\n"
        for i in range(count))
    return Linter(load_pack(rules_file(f'version: "t"\nrules:\n{rules}')))


def test_hundreds_of_rules_all_firing_on_one_draft(rules_file):
    # 300 rules x 2 satisfied branches: far past the engine's 64-branch and 512-sibling limits
    # if they were one ruleset; sharding keeps every assert inside them.
    linter = _wide_pack(rules_file, 300)
    fired = {finding.rule.id for finding in linter.lint(DRAFT).findings}
    assert fired == {f"r{i}" for i in range(300)}


def test_sessions_are_cleaned_up_after_many_drafts(linter):
    # Without deleting each engine session, the 1025th raises MemoryError. Every draft has its own
    # number of words and of exclamation marks, so no shard has answered its fact before: each asserts it.
    for index in range(3000):
        linter.lint("a " * (index // 60) + "!" * (index % 60) + ("" if index % 2 else " RT to win"))
    assert [f.rule.id for f in linter.lint("RT to win").findings] == ["reward-for-sharing"]


def test_threads_get_the_same_answers_as_one_thread(linter):
    drafts = [f"Draft {i}: " + ["RT to win!", "Thanks, Sam!", "Do not reply.", "SHOP NOW HURRY!!!!"][i % 4]
              for i in range(400)]
    expected = [[f.rule.id for f in linter.lint(d).findings] for d in drafts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda d: [f.rule.id for f in linter.lint(d).findings], drafts))
    assert got == expected


def _rss_mib() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_closed_rule_sets_free_their_engine_handles(linter):
    # Each compile of the default pack takes ~0.4 MiB inside the engine; a close that did not
    # delete its rulesets would grow the process by ~35 MiB over these 100 (as measured).
    Linter(linter.pack).close()
    before = _rss_mib()
    for _ in range(100):
        closed = Linter(linter.pack)
        closed.close()
    assert _rss_mib() - before < 10
    with pytest.raises(RuntimeError):
        closed.lint(DRAFT)  # a closed set refuses to lint rather than answer "nothing fired"
    assert [f.rule.id for f in linter.lint("RT to win").findings] == ["reward-for-sharing"]


@pytest.mark.parametrize(("feature", "low", "high", "examples", "values", "expected"), [
    ("reading_ease", 50, 90, "{flag: ['The cat sat on the mat.'], pass: ['Notwithstanding considerable institutional deliberation.']}",
     [10.0, 49.9, 50.0, 50.1, 89.9, 90.0, 95.5, 49.0, 50.0, 70.0], "FFTTTFFFTT"),
    # a count past the largest threshold is placed as one more than it
    ("words", 3, 6, "{flag: ['One two three four.'], pass: ['One two.']}",
     [1, 2, 3, 4, 5, 6, 7, 100, 4, 0, 5, 9], "FFTTTFFFTFTF"),
])
def test_a_remembered_value_is_answered_by_the_side_of_its_thresholds_it_falls(
        rules_file, feature, low, high, examples, values, expected):
    # Shards remember answers by where a score falls among the thresholds their rules test (and, for a
    # fact not remembered so, a count too): any value on the same side of both gets the answer again,
    # one that crosses either is asserted anew.
    linter = Linter(load_pack(rules_file(
        'version: "t"\nrules:\n  - id: plain\n    category: readability\n    severity: info\n    message: m\n'
        f"    when: {{all: [{feature}: {{at_least: {low}}}, {feature}: {{less_than: {high}}}]}}\n"
        f"    examples: {examples}\n")))
    measured = linter.lint("Hello there.").features.values
    fired = [bool(linter._engine.fired({**measured, feature: value})) for value in values]
    assert "".join("T" if it else "F" for it in fired) == expected
