"""Labelled organisation drafts (JSONL: text, platform, flag, clean): the corpus in eval/corpus/ and
any file of the same shape, such as ../shared/eval/social_dev.jsonl; and eval/ordinary/, texts people
write for themselves (messages, comments, headlines), all clean, that an organisation's linter must leave alone.

`flag` lists the families a draft must get, `clean` those it must not get; a family in neither is
arguable and counts either way. The corpus is split into dev (rules are developed against it) and
test (only measured) by a hash of each text, so the split never changes as files grow.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"  # organisation drafts, labelled by family
ORDINARY = Path(__file__).resolve().parent / "ordinary"  # people's own texts, all clean: a false-positive set
PROBES = Path(__file__).resolve().parent / "probes"  # earlier rounds' blind sets, now tuning sets (not split)
SPLITS = ("dev", "test")


@dataclass(frozen=True, slots=True)
class Draft:
    text: str
    platform: str
    flag: frozenset[str]
    clean: frozenset[str]


def split_of(text: str) -> str:
    """'dev' or 'test', half each, fixed by the text alone."""
    return SPLITS[hashlib.sha256(text.encode("utf-8")).digest()[0] % 2]


def read(path: Path) -> list[Draft]:
    drafts = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                drafts.append(Draft(row["text"], row.get("platform", "generic"), frozenset(row["flag"]),
                                    frozenset(row["clean"])))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: expected an object with text, flag and clean ({error})") from None
    return drafts


def corpus(split: str, directory: Path = CORPUS) -> list[Draft]:
    """The drafts of one split of the corpus, from every file in it."""
    return [draft for path in sorted(directory.glob("*.jsonl")) for draft in read(path) if split_of(draft.text) == split]


def every_draft(directory: Path, prefixes: tuple[str, ...]) -> list[Draft]:
    """Every draft in a directory's JSONL files whose names start with one of `prefixes`, for sets
    that are all tuning data."""
    return [draft for path in sorted(directory.glob("*.jsonl")) if path.name.startswith(prefixes) for draft in read(path)]


def families_in(drafts: Iterable[Draft]) -> list[str]:
    return sorted({family for draft in drafts for family in draft.flag | draft.clean})
