"""Reading drafts for `rapport lint`: plain text (one per line), .md (paragraphs, list items), .jsonl (`text`)
or .csv (`text`), each draft knowing where its characters sit in the file (cli/source_layout.py)."""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .source_layout import Layout, Position, csv_layout, jsonl_layout, marked_layout, plain_layout


class DraftFileError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Draft:
    source: str
    line: int  # the line the draft starts on
    text: str
    layout: Layout | None = None  # None: the text is the file's line as it is

    def position(self, index: int) -> Position:
        """Where the text's code point `index` (or its end) is in the file."""
        return (self.layout or plain_layout(self.text)).position(self.line, index)

    def as_written(self, replacement: str) -> str | None:
        """`replacement` as the file must spell it (JSON or CSV escapes); None if it cannot go in as is."""
        return (self.layout or plain_layout(self.text)).as_written(replacement)


def read_drafts(name: str, stream: TextIO) -> Iterator[Draft]:
    suffix = Path(name).suffix.lower()
    if suffix == ".jsonl":
        return _jsonl(name, stream)
    if suffix == ".csv":
        return _csv(name, stream)
    if suffix == ".md":
        return _markdown(name, stream)
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
        yield Draft(name, number, record["text"], jsonl_layout(line.rstrip("\r\n"), record["text"]))


def _csv(name: str, stream: TextIO) -> Iterator[Draft]:
    read: list[str] = []  # the file's lines the reader took for the record it is on
    reader = csv.DictReader(_recorded(stream, read))
    fieldnames = reader.fieldnames or []
    if "text" not in fieldnames:
        raise DraftFileError(f"{name}: expected a header row with a 'text' column")
    column = len(fieldnames) - 1 - fieldnames[::-1].index("text")  # a repeated name keeps its last value
    next_line = len(read) + 1
    read.clear()
    for row in reader:
        while read and not read[0].strip("\r\n"):  # blank lines the reader skipped before the record
            read.pop(0)
            next_line += 1
        text, start = row["text"], next_line
        next_line += len(read)
        record = "".join(read)
        read.clear()
        if text and text.strip():
            yield Draft(name, start, text, csv_layout(record, column, text))


def _recorded(lines: Iterable[str], into: list[str]) -> Iterator[str]:
    for line in lines:
        into.append(line)
        yield line


_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")


def _markdown(name: str, stream: TextIO) -> Iterator[Draft]:
    """A draft per paragraph (lines up to a blank one, line breaks kept) and per list item, without its
    marker; headings and fenced code are not drafts."""
    lines: list[str] = []
    start, marker, fence = 0, 0, ""
    for number, line in enumerate(stream, 1):
        opened, item = _FENCE.match(line), _LIST_ITEM.match(line)
        if lines and (fence or opened or item or not line.strip() or _HEADING.match(line)):
            yield from _paragraph(name, start, marker, lines)
            lines = []
        if opened and (not fence or opened.group(1) == fence):
            fence = "" if fence else opened.group(1)
        elif not fence and line.strip() and not _HEADING.match(line):
            if not lines:
                start, marker = number, item.end() if item else 0
            lines.append(line)
    yield from _paragraph(name, start, marker, lines)


def _paragraph(name: str, start: int, marker: int, lines: list[str]) -> Iterator[Draft]:
    record = "".join(lines).rstrip("\r\n")
    if record[marker:].strip():
        yield Draft(name, start, record[marker:], marked_layout(record, marker) if marker else None)
