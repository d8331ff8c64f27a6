"""`python -m eval` on tiny labelled sets written here."""
from __future__ import annotations

import csv
from pathlib import Path

from eval import data as eval_data
from eval.__main__ import main as eval_main
from eval.rates import rates
from rules import BROADCAST_FAMILIES


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


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
    assert prize.texts == 1 and prize.share("spammy-incentive") == 1.0 and set(prize.flagged) == set(BROADCAST_FAMILIES)
    assert rates(linter, "ham", groups["SMS ham"]).campaign_or_spam == 0
    assert eval_main([str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "| SMS spam offering a prize | 1 | 100.0% |" in printed and "estimate" in printed
