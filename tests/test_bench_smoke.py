"""The benchmark and the soak, run as their commands on small inputs (their figures are not asserted)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

MEASURED = {"count", "seconds", "per_second", "p50_ms", "p99_ms"}


def _run(*argv: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *argv], capture_output=True, text=True, timeout=timeout)


def test_quick_benchmark_measures_every_part_and_draws_the_chart(tmp_path: Path):
    corpus = tmp_path / "drafts.csv"
    with corpus.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text"])
        writer.writerows([[f"Draft {i}: RT to win a voucher &amp; more!"] for i in range(40)]
                         + [[f"Thanks for the photos, Sam {i}. What did you think?"] for i in range(40)])
    chart, results = tmp_path / "chart.png", tmp_path / "results.json"
    done = _run("bench", "--quick", "--corpus", str(corpus), "--chart", str(chart), "--json", str(results))
    assert done.returncode == 0, done.stderr[-2000:]
    measured = json.loads(results.read_text(encoding="utf-8"))
    assert measured["corpus"] == f"{corpus} (80 unique texts)"  # HTML entities decoded, rows de-duplicated
    assert MEASURED <= set(measured["in_process"]) and measured["in_process"]["count"] == 80
    # wrk when `python -m bench setup` installed it, else the Python client: either way every row
    http = measured["http"] or measured["http_python_client"]
    assert [row.get("connections", row.get("threads")) for row in http] == [1, 4, 8, 32]
    assert all(row["per_second"] > 0 and row["p99_ms"] >= row["p50_ms"] > 0 for row in http)
    assert (measured.get("paced_lint_cpu_ms", 0) > 0) == bool(measured["http"])  # measured when wrk was
    assert [row["factor"] for row in measured["scaling"]] == [1, 10, 100]
    assert measured["scaling"][2]["rules"] == 100 * measured["scaling"][0]["rules"]
    assert all(row["load_seconds"] > 0 for row in measured["scaling"])
    assert measured["start_up"]["lint_ms"] > measured["start_up"]["python_ms"] > 0
    assert measured["long_drafts"]["count"] == 3
    assert measured["memory"]["lints"] == 10_000
    assert "| Rapport in-process, 1 thread |" in done.stdout and "| target | measured | met |" in done.stdout
    assert chart.stat().st_size > 1000


def test_quick_soak_has_no_errors_no_wrong_answers_and_reloads():
    # --quick's 4 clients for 5 s, rewriting the rules every 2 s so two reloads land inside the run.
    done = _run("bench.soak", "--quick", "--reload-every", "2", "--json", timeout=120)
    result = json.loads(done.stdout)
    assert result["requests"] > 0
    assert result["errors"] == 0 and result["wrong"] == 0, result["samples"]
    assert result["reloads_seen"] >= 1 and result["rules_errors_seen"] == 0, result
    assert not result["marker_in_log"]
    assert done.returncode == 0 and result["ok"]


def test_audit_benchmark_audits_both_archives_and_runs_the_command(tmp_path: Path):
    results_file = tmp_path / "audit.json"
    done = _run("bench.audit", "--posts", "300", "--json", str(results_file))
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(results_file.read_text(encoding="utf-8"))
    full, tenth = results["full"], results["tenth"]
    assert (full["in_process"]["items"], tenth["in_process"]["items"]) == (300, 30)
    assert full["in_process"]["posts"] + full["in_process"]["reposts"] < 300  # photos without words apart
    assert full["lint_alone"]["posts"] == full["in_process"]["posts"]
    assert full["in_process"]["peak_rss_mib"] >= full["in_process"]["peak_rss_mib_before_audit"] > 0
    assert full["command"]["report_kib"] > 10 and full["command"]["peak_rss_mib"] > 0
