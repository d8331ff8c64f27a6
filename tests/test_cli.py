"""`rapport lint`, `rapport check-rules` and `rapport serve` as a user runs them."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from cli.main import main
from server.child_process import RAPPORT

SPAM = "Tag 3 friends to enter our giveaway!"
FRIENDLY = "Thanks Jo, what time suits you?"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lint_text_file_reports_line_column_and_exits_1_on_errors(tmp_path, capsys):
    drafts = tmp_path / "drafts.txt"
    drafts.write_text(f"{FRIENDLY}\n\n{SPAM}\n", encoding="utf-8")
    code, out, _ = _run(capsys, "lint", str(drafts))
    assert code == 1
    assert f"{drafts}:3:1: error [reward-for-sharing] " in out and out.startswith(f"{drafts}:3:1: ")
    assert f"{drafts}:1:" not in out  # the friendly draft is clean


def test_lint_clean_drafts_exit_0(tmp_path, capsys):
    drafts = tmp_path / "drafts.txt"
    drafts.write_text(FRIENDLY + "\n", encoding="utf-8")
    assert _run(capsys, "lint", str(drafts)) == (0, "", "")


def test_lint_jsonl_and_csv_as_json(tmp_path, capsys):
    jsonl = tmp_path / "posts.jsonl"
    jsonl.write_text(json.dumps({"text": SPAM, "id": 7}) + "\n", encoding="utf-8")
    csv_file = tmp_path / "posts.csv"
    csv_file.write_text('id,text\n1,"Line one\nline two, do not reply"\n2,' + FRIENDLY + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, "lint", "--format", "json", str(jsonl), str(csv_file))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["source"] for r in records] == [str(jsonl), str(csv_file), str(csv_file)]
    assert {f["rule"] for f in records[0]["findings"]} >= {"reward-for-sharing"}
    assert [f["rule"] for f in records[1]["findings"]] == ["replies-closed"]
    assert records[2]["findings"] == []


def test_lint_stdin_with_platform(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("word " * 70 + "\n"))
    code, out, _ = _run(capsys, "lint", "--platform", "x", "-")
    assert code == 1 and "[over-length-limit]" in out and "x allows 280" in out


@pytest.mark.parametrize(("content", "name", "message"), [
    ("not json\n", "a.jsonl", "a.jsonl:1: not JSON"),
    ('{"body": "x"}\n', "b.jsonl", 'expected an object with a "text" string'),
    ("id,body\n1,x\n", "c.csv", "'text' column"),
])
def test_lint_bad_draft_files_exit_2(tmp_path, capsys, content, name, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    code, _, err = _run(capsys, "lint", str(tmp_path / name))
    assert code == 2 and message in err


def test_lint_unknown_platform_exits_2(capsys):
    code, _, err = _run(capsys, "lint", "--platform", "myspace", "-")
    assert code == 2 and "linkedin" in err


def test_check_rules_passes_on_default_pack(capsys):
    code, out, _ = _run(capsys, "check-rules")
    assert code == 0 and out.splitlines()[-1].endswith(" passed, 0 failed")


def test_check_rules_catches_an_example_that_no_longer_fires(rules_file, capsys):
    path = rules_file('version: "t"\nrules:\n  - id: shouty\n    category: c\n    severity: info\n'
                      "    message: Loud.\n    when: {exclamations: {at_least: 3}}\n"
                      "    examples:\n      flag: ['Wow!!!', 'Wow!']\n      pass: ['Wow.']\n")
    code, out, _ = _run(capsys, "check-rules", str(path))
    assert code == 1
    assert "FAIL shouty (2/3 examples)" in out
    assert f"{path}:9: rule 'shouty' should fire on 'Wow!'" in out


def test_broken_rules_file_exits_2_naming_the_line(rules_file, capsys):
    path = rules_file('version: "t"\nrules:\n  - id: x\n    category: c\n    severity: loud\n')
    code, _, err = _run(capsys, "check-rules", str(path))
    assert code == 2 and f"{path}:" in err and "rule 'x'" in err


def test_serve_refuses_to_start_on_broken_rules(rules_file):
    path = rules_file('version: "t"\nrules:\n  - id: x\n')
    done = subprocess.run([*RAPPORT, "serve", "--port", "0", "--rules", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "broken" in done.stderr and f"{path}:3: rule 'x'" in done.stderr
