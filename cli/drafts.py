"""Reading drafts for `rapport lint`: plain text (one per line), .jsonl (`text`) or .csv (`text`)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO


class DraftFileError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Draft:
    source: str
    line: int
    text: str


def read_drafts(name: str, stream: TextIO) -> Iterator[Draft]:
    suffix = Path(name).suffix.lower()
    if suffix == ".jsonl":
        return _jsonl(name, stream)
    if suffix == ".csv":
        return _csv(name, stream)
    return (Draft(name, number, line.rstrip("\r\n")) for number, line in enumerate(stream, 1) if line.strip())


def _jsonl(name: str, stream: TextIO) -> Iterator[Draft]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DraftFileError(f"{name}:{number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise DraftFileError(f'{name}:{number}: expected an object with a "text" string')
        yield Draft(name, number, record["text"])


def _csv(name: str, stream: TextIO) -> Iterator[Draft]:
    reader = csv.DictReader(stream)
    if "text" not in (reader.fieldnames or []):
        raise DraftFileError(f"{name}: expected a header row with a 'text' column")
    for row in reader:
        if row["text"] and row["text"].strip():
            yield Draft(name, reader.line_num, row["text"])
