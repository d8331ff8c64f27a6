"""`rapport audit` as a user runs it: the report's forms, the period, bad input, and what it writes."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import termios
import zipfile
from pathlib import Path

import pytest

from cli.main import main
from server.child_process import RAPPORT
from tests.exports import FRIENDLY, PLAIN, SPAM, Item, at, linkedin_export, x_archive

HISTORY = [Item(SPAM, at(2023, 11)), Item(FRIENDLY, at(2023, 12), "reply"), Item(PLAIN, at(2024, 1)),
           Item("Fresh bread at the market", at(2024, 1), "repost"), Item(SPAM, at(2024, 2))]


def _run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main(["audit", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_json_report_has_the_documented_schema(tmp_path, capsys):
    code, out, _ = _run(capsys, x_archive(tmp_path, HISTORY), "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["schema"] == "rapport-audit/1"
    assert (report["posts"], report["reposts"], report["replies"]) == (4, 1, 1)
    assert report["families"]["spammy-incentive"] == 2 and report["rules"]["reward-for-sharing"] == 2
    assert set(report["rules"]) >= {"reward-for-sharing", "engagement-bait"}  # every rule of the pack, 0 when none
    assert report["months"][0] == {"month": "2023-11", "posts": 1, "replies": 0, "reposts": 0, "without_text": 0,
                                   "inviting": 0, "flagged": 1, "broadcast": 1, "conversation": 0,
                                   "families": {"spammy-incentive": 1},
                                   "rules": {"reads-like-a-giveaway": 1, "reward-for-sharing": 1}}
    assert report["months"][1]["conversation"] == 1  # the friendly reply
    assert [t["posts"] for t in report["top_findings"]][:2] == [2, 2]  # the spam's two rules, most posts first
    top = next(t for t in report["top_findings"] if t["rule"] == "reward-for-sharing")
    assert (top["posts"], top["example"]["text"]) == (2, SPAM)
    assert top["example"]["rewrite"] != SPAM and "reward-for-sharing" in {f["rule"] for f in top["example"]["findings"]}
    assert report["period"] == {"since": None, "until": None, "first_month": "2023-11", "last_month": "2024-02"}


def test_the_readme_documents_every_field_of_the_json_report(tmp_path, capsys):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("| field | meaning |", 1)[1].split("\n\n", 1)[0]
    documented = {name for row in table.splitlines()[2:] for name in re.findall(r"`(\w+)`", row.split("|")[1])}
    report = json.loads(_run(capsys, x_archive(tmp_path, HISTORY), "--format", "json")[1])
    assert documented == set(report) - {"schema"}
    month_row = next(row for row in table.splitlines() if row.startswith("| `months`"))
    assert set(re.findall(r"(\w+)[,}]", month_row.split("[{", 1)[1].split("}]", 1)[0] + "}")) == set(report["months"][0])
    example = readme.split("An example is `{", 1)[1].split("}`", 1)[0]
    assert set(example.replace(" ", "").split(",")) == set(report["worst_posts"][0])


def test_text_report_shows_the_figures_findings_and_months(tmp_path, capsys):
    code, out, err = _run(capsys, x_archive(tmp_path, HISTORY))
    assert code == 0 and err == ""
    assert "posts written            4" in out and "reply share 25.0%" in out
    assert "reward-for-sharing (spammy-incentive, error): 2 posts, 50.0%" in out
    assert f'e.g. {tmp_path}/twitter-2024-05-01-a1b2c3d4e5f6.zip:data/tweets.js#1 (2023-11): "{SPAM}"' in out
    assert [line.split()[0] for line in out.split("Per month:\n")[1].splitlines()[1:]] == [
        "2023-11", "2023-12", "2024-01", "2024-02"]


def test_since_and_until_cut_the_period(tmp_path, capsys):
    export = x_archive(tmp_path, HISTORY)
    report = json.loads(_run(capsys, export, "--since", "2023-12", "--until", "2024-01", "--format", "json")[1])
    assert [m["month"] for m in report["months"]] == ["2023-12", "2024-01"]
    assert (report["posts"], report["reposts"], report["outside_period"], report["flagged"]) == (2, 1, 2, 0)
    assert report["period"]["since"] == "2023-12" and report["period"]["until"] == "2024-01"


def test_undated_posts_are_counted_but_left_out_of_a_period(tmp_path, capsys):
    drafts = tmp_path / "drafts.txt"
    drafts.write_text(f"{SPAM}\n{FRIENDLY}\n", encoding="utf-8")
    whole = json.loads(_run(capsys, drafts, "--format", "json")[1])
    cut = json.loads(_run(capsys, drafts, "--since", "2024-01", "--format", "json")[1])
    assert (whole["posts"], whole["undated"]) == (2, 2) and (cut["posts"], cut["undated"]) == (0, 2)


@pytest.mark.parametrize("month", ["2024-13", "May 2024", "2024-5"])
def test_a_month_not_written_yyyy_mm_is_refused(tmp_path, capsys, month):
    with pytest.raises(SystemExit) as exited:
        main(["audit", str(tmp_path), "--since", month])
    assert exited.value.code == 2 and f"expected a month as YYYY-MM, got '{month}'" in capsys.readouterr().err


def test_a_period_that_ends_before_it_starts_is_refused(tmp_path, capsys):
    code, _, err = _run(capsys, x_archive(tmp_path, HISTORY), "--since", "2024-05", "--until", "2024-01")
    assert code == 2 and "--since 2024-05 is after --until 2024-01" in err


def test_an_unknown_file_is_refused_with_the_known_formats_and_nothing_written(tmp_path, capsys):
    unknown = tmp_path / "posts.json"
    unknown.write_text("[]", encoding="utf-8")
    html = tmp_path / "report.html"
    code, out, err = _run(capsys, unknown, "--html", html)
    assert code == 2 and out == "" and not html.exists()
    assert err.startswith(f"rapport: {unknown}: not a file of a known export format")
    assert "x-archive: X archive: data/tweets.js" in err and "linkedin: LinkedIn: Shares.csv" in err
    assert "mastodon: Mastodon archive: outbox.json" in err and err.rstrip().endswith("Nothing was written.")


def test_a_damaged_json_file_is_named_with_its_line_and_column(tmp_path, capsys):
    folder = x_archive(tmp_path, HISTORY, zipped=False)
    tweets = folder / "data" / "tweets.js"
    text = tweets.read_text(encoding="utf-8")
    tweets.write_text(text[:text.index('"full_text"', 2000)] + "}, oops", encoding="utf-8")
    html = tmp_path / "report.html"
    code, _, err = _run(capsys, folder, "--html", html)
    line = text[:text.index('"full_text"', 2000)].count("\n") + 1
    assert code == 2 and not html.exists()
    assert f"rapport: {tweets}:{line}:" in err and "not valid JSON" in err


def test_a_truncated_file_says_it_ends_too_soon(tmp_path, capsys):
    folder = x_archive(tmp_path, HISTORY, zipped=False)
    tweets = folder / "data" / "tweets.js"
    tweets.write_text(tweets.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    code, _, err = _run(capsys, tweets)
    assert code == 2 and f"rapport: {tweets}:" in err and "the file ends too soon" in err


def test_a_file_without_the_x_prefix_says_what_was_expected(tmp_path, capsys):
    tweets = tmp_path / "tweets.js"
    tweets.write_text('[{"tweet": {"full_text": "hello"}}]', encoding="utf-8")
    code, _, err = _run(capsys, tweets)
    assert code == 2 and f"rapport: {tweets}:1:1: expected window.YTD.tweets.part0 = [" in err


@pytest.mark.parametrize(("name", "content", "message"), [
    ("Shares.csv", "Date,Link,Text\n2024-01-01,x,hello\n", "Shares.csv:1: expected the columns Date, ShareCommentary"),
    ("outbox.json", '{"type": "OrderedCollection", "totalItems": 0}', 'no "orderedItems" list'),
    ("drafts.txt", b"caf\xe9 au lait\n", "drafts.txt: not UTF-8 text"),
    ("archive.zip", b"PK\x03\x04 not really", "archive.zip: not a readable .zip file"),
    ("tweets.js", 'window.YTD.tweets.part0 = [{"tweet": {"full_text": "hi", "entities": ["x"]}}]',
     "tweets.js: item 1 is not shaped like the x-archive format (AttributeError: "),
])
def test_damaged_exports_are_named(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    code, out, err = _run(capsys, path)
    assert code == 2 and out == "" and message in err


def test_a_zip_with_no_export_file_in_it_is_refused(tmp_path, capsys):
    archive = tmp_path / "holiday-photos.zip"
    with zipfile.ZipFile(archive, "w") as photos:
        photos.writestr("beach.jpg", b"\xff\xd8")
    code, _, err = _run(capsys, archive)
    assert code == 2 and f"rapport: {archive}: no file of a known export format in it" in err


def test_a_missing_path_is_refused(tmp_path, capsys):
    code, _, err = _run(capsys, tmp_path / "nowhere.zip")
    assert code == 2 and "nowhere.zip" in err


def test_only_the_report_asked_for_is_written(tmp_path, capsys, monkeypatch):
    export = linkedin_export(tmp_path, [Item(SPAM, at(2024, 1)), Item(PLAIN, at(2024, 2))])
    monkeypatch.chdir(tmp_path)
    before = _tree(tmp_path)
    code, _, err = _run(capsys, export, "--html", "report.html")
    after = _tree(tmp_path)
    assert code == 0 and err == "rapport: wrote report.html\n"
    assert set(after) - set(before) == {"report.html"} and all(after[name] == before[name] for name in before)
    page = after["report.html"].decode("utf-8")
    assert page.count("<svg") == 3 and "default-src 'none'" in page
    assert not any(marker in page for marker in ("<link", "src=", "@import", "url("))


def test_a_report_that_cannot_be_written_is_said_before_reading(tmp_path, capsys):
    code, out, err = _run(capsys, x_archive(tmp_path, HISTORY), "--html", tmp_path / "no" / "report.html")
    assert code == 2 and out == "" and f"cannot write {tmp_path / 'no' / 'report.html'}: no folder" in err
    (tmp_path / "taken").mkdir()
    code, out, err = _run(capsys, x_archive(tmp_path, HISTORY), "--html", tmp_path / "taken")
    assert code == 2 and "cannot write" in err and "Is a directory" in err


def test_the_html_report_escapes_post_text(tmp_path, capsys):
    drafts = tmp_path / "drafts.txt"
    drafts.write_text('RT to win a voucher! <script>alert("x")</script><img src=x>\n', encoding="utf-8")
    html = tmp_path / "report.html"
    assert _run(capsys, drafts, "--html", html)[0] == 0
    page = html.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in page and "<img src=x>" not in page and page.count("<script>") == 1


def test_progress_bar_only_when_stderr_is_a_terminal(tmp_path):
    export = x_archive(tmp_path, HISTORY * 20)
    piped = subprocess.run([*RAPPORT, "audit", str(export)], capture_output=True, text=True, timeout=120,
                           check=False)
    assert piped.returncode == 0 and piped.stderr == ""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    with subprocess.Popen([*RAPPORT, "audit", str(export)], stdout=subprocess.PIPE, stderr=follower) as shown:
        os.close(follower)
        out, _ = shown.communicate(timeout=120)
        terminal = _read_all(leader)
    assert shown.returncode == 0 and b"posts written" in out
    assert "tweets.js" in terminal and "B/s" in terminal  # tqdm's bar: the file, bytes read and the rate


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")

