"""The drafts every measurement runs on: texts from CSV files, or a corpus generated here."""
from __future__ import annotations

import csv
import html
import random
from pathlib import Path

# Pieces for generated drafts: written for this benchmark, a mix of ordinary chat and the
# broadcast habits the default pack looks for, so that some rules fire and most do not.
_OPENERS = ["Thanks for coming along", "Quick update from the allotment", "Morning all", "Big news",
            "We had a lovely time", "Does anyone know", "Our new menu is here", "Just finished the report",
            "Happy Friday", "Reminder", "So proud of the team", "Anyone else watching the match"]
_MIDDLES = ["the bus was late again", "we are thrilled to announce our new range", "the cake sale raised 200 pounds",
            "share this post for a chance to win a voucher", "shop now, limited time only", "the library opens at nine",
            "our award-winning service is the best in the business", "the river path is flooded near the bridge",
            "tag a friend to enter the giveaway", "please do not reply to this message", "the kids loved the museum",
            "follow us and you could win a hamper", "it rained all afternoon", "read more at https://example.com/post"]
_CLOSERS = ["What do you think?", "See you next week.", "Let us know!", "", "!!!", "#community #local",
            "Any tips welcome.", "Hurry, ends tonight!", "Cheers.", "Who's in?"]


def generate(count: int, seed: int = 7) -> list[str]:
    """`count` varied drafts of one to three sentences, reproducible from `seed`."""
    rng = random.Random(seed)
    drafts = []
    for _ in range(count):
        parts = [rng.choice(_OPENERS) + ",", rng.choice(_MIDDLES) + "."]
        if rng.random() < 0.5:
            parts.append(rng.choice(_MIDDLES).capitalize() + ".")
        parts.append(rng.choice(_CLOSERS))
        drafts.append(" ".join(p for p in parts if p))
    return drafts


def read_texts(path: Path) -> list[str]:
    """The `text` column of one CSV file, or of every CSV file in a directory (sorted by name),
    HTML entities decoded, de-duplicated in first-seen order."""
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"no .csv files in {path}")
    seen: dict[str, None] = {}
    for file in files:
        with file.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = html.unescape(row.get("text") or "").strip()
                if text:
                    seen.setdefault(text, None)
    return list(seen)


def load(path: Path | None, generated: int = 5000) -> tuple[list[str], str]:
    """The corpus and a one-line description of where it came from."""
    if path is None:
        texts = generate(generated)
        return texts, f"generated ({len(texts)} drafts, bench/corpus.py, seed 7)"
    texts = read_texts(path)
    return texts, f"{path} ({len(texts)} unique texts)"
