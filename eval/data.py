"""The labelled groups: read from the CSV files, de-duplicated on text, YouTube entities decoded."""
from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# "Offers a prize": the SMS names a prize or a win. Whole words, any case: prize(s), win, won,
# winner, winning, award(ed), reward, voucher(s), jackpot, claim, or "gift card". A transparent
# keyword test, not a label: it also catches some spam that only mentions a prize in passing.
PRIZE_RE = re.compile(r"\b(?:prizes?|win|won|winner|winning|awarded|award|rewards?|vouchers?|jackpot|claim|"
                      r"gift ?cards?)\b", re.IGNORECASE)


def offers_prize(text: str) -> bool:
    return PRIZE_RE.search(text) is not None


@dataclass(frozen=True)
class Source:
    file: str
    label: str | None  # the value of the `label` column this group keeps; None keeps every row
    unescape: bool = False
    keep: Callable[[str], bool] | None = None


# group name -> where its texts come from.
GROUPS: dict[str, Source] = {
    "SMS spam": Source("sms_spam_collection.csv", "spam"),
    "SMS spam offering a prize": Source("sms_spam_collection.csv", "spam", keep=offers_prize),
    "SMS ham": Source("sms_spam_collection.csv", "ham"),
    "YouTube spam": Source("youtube_spam_collection.csv", "spam", unescape=True),
    "YouTube ham": Source("youtube_spam_collection.csv", "ham", unescape=True),
    "GoEmotions": Source("goemotions_test_reddit.csv", None),
    "clickbait headlines": Source("clickbait_headlines.csv", "clickbait"),
    "news headlines": Source("clickbait_headlines.csv", "news"),
}
# Groups in which any campaign-only or spammy-incentive flag is a false positive.
ORDINARY = ("SMS ham", "YouTube ham", "GoEmotions")


def read_group(directory: Path, source: Source) -> list[str]:
    """Unique texts of one group, in first-seen order."""
    seen: dict[str, None] = {}
    with (directory / source.file).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if source.label is not None and row.get("label") != source.label:
                continue
            text = row["text"]
            if source.unescape:
                text = html.unescape(text)
            if source.keep is None or source.keep(text):
                seen.setdefault(text, None)
    return list(seen)


def read_groups(directory: Path) -> dict[str, list[str]]:
    """Every group whose file is present in `directory`."""
    return {name: read_group(directory, source) for name, source in GROUPS.items()
            if (directory / source.file).is_file()}
