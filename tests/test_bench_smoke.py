"""The benchmark's and the evaluation's code paths on tiny inputs written here (no timing asserts)."""
from __future__ import annotations

import csv
from pathlib import Path


from bench import corpus, inprocess, report, scaling
from eval import data as eval_data
from eval.__main__ import main as eval_main
from eval.rates import FAMILIES, rates
from server.config import DEFAULT_RULES


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_generated_corpus_is_reproducible_and_varied():
    drafts = corpus.generate(50, seed=3)
    assert drafts == corpus.generate(50, seed=3) and len(set(drafts)) > 25
    texts, described = corpus.load(None, generated=40)
    assert len(texts) == 40 and "generated" in described


def test_csv_corpus_is_unescaped_and_deduplicated(tmp_path):
    _write_csv(tmp_path / "a.csv", [{"text": "Fish &amp; chips?"}, {"text": "Fish & chips?"}, {"text": ""}])
    assert corpus.read_texts(tmp_path) == ["Fish & chips?"]


def test_in_process_measurement_and_scaling(linter, tmp_path):
    texts = corpus.generate(30)
    latency = inprocess.measure(linter, texts, warm=5)
    assert latency.count == 30 and latency.per_second > 0 and latency.p50_ms <= latency.p99_ms
    path = scaling.multiplied_rules_file(DEFAULT_RULES, 3, tmp_path)
    rows = scaling.measure_scaling(path, texts[:10], (1,), tmp_path)
    assert rows[0][1] == 3 * len(linter.pack.rules)


def test_report_table_and_chart(tmp_path):
    row = {"count": 10, "seconds": 0.01, "per_second": 1000.0, "p50_ms": 0.5, "p99_ms": 1.0}
    results = {"corpus": "tiny", "machine": {"cpu": "test", "nproc": 1, "python": "3"}, "in_process": row,
               "http": [{"threads": 1, **row}], "memory": {"lints": 10, "before_mib": 1.0, "after_mib": 1.5,
                                                           "growth_mib": 0.5},
               "scaling": [{"factor": 1, "rules": 10, **row}, {"factor": 5, "rules": 50, **row, "per_second": 400.0}],
               "peers_sample": 10, "peers_rapport": row, "peers": {"proselint": row, "alex": "not installed"}}
    text = report.table(results)
    assert "| Rapport in-process, 1 thread | 1,000 |" in text and "| alex | not installed |" in text
    assert [met for _, _, met in report.verdicts(results)] == [False, True, True, True]
    assert report.chart(results, tmp_path / "chart.png").stat().st_size > 1000


def test_eval_rates_on_tiny_sets(tmp_path, linter, capsys):
    _write_csv(tmp_path / "sms_spam_collection.csv", [
        {"label": "spam", "text": "You have won a prize! Reply WIN now to claim your voucher"},
        {"label": "spam", "text": "You have won a prize! Reply WIN now to claim your voucher"},
        {"label": "spam", "text": "Cheap ringtones every week"},
        {"label": "ham", "text": "Running late, see you at the station"}])
    _write_csv(tmp_path / "youtube_spam_collection.csv", [{"label": "ham", "text": "Lovely tune &amp; video"}])
    groups = eval_data.read_groups(tmp_path)
    assert groups["SMS spam"] == ["You have won a prize! Reply WIN now to claim your voucher", "Cheap ringtones every week"]
    assert groups["SMS spam offering a prize"] == groups["SMS spam"][:1]
    assert groups["YouTube ham"] == ["Lovely tune & video"] and "GoEmotions" not in groups
    prize = rates(linter, "prize", groups["SMS spam offering a prize"])
    assert prize.texts == 1 and prize.share("spammy-incentive") == 1.0 and set(prize.flagged) == set(FAMILIES)
    assert rates(linter, "ham", groups["SMS ham"]).campaign_or_spam == 0
    assert eval_main([str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "| SMS spam offering a prize | 1 | 100.0% |" in printed and "estimate" in printed
