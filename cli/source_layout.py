"""Where a draft's characters are in its file, for reports that point at a line and column.

A draft from a .txt line is the line itself; one from a .jsonl line is a JSON string with escapes
(`\\n`, `\\"`, `\\ud83d\\ude00`), and one from a .csv file a field that may be quoted and span
lines. A Layout maps each code point of the draft to its place in the record as written, and says
how a replacement must be spelled to be put there. When the record is not laid out as expected,
the draft is placed as if it were the line itself rather than guessed at.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from json.decoder import scanstring

Spelling = Callable[[str], "str | None"]


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in UTF-16 code units (SARIF's default column kind, and the API's offsets)
    byte_column: int  # 1-based, in bytes of UTF-8 (reviewdog's unit)


@dataclass(frozen=True, slots=True)
class Layout:
    record: str  # the draft's record as written, from the start of its first line
    places: Sequence[int] | None  # the record index of each code point of the text and of its end; None: the same
    as_written: Spelling

    def position(self, first_line: int, index: int) -> Position:
        at = self.places[index] if self.places is not None else index
        line_start = self.record.rfind("\n", 0, at) + 1
        before = self.record[line_start:at]
        return Position(first_line + self.record.count("\n", 0, at),
                        len(before.encode("utf-16-le", "surrogatepass")) // 2 + 1,
                        len(before.encode("utf-8", "surrogatepass")) + 1)


def _one_line(replacement: str) -> str | None:
    return None if "\n" in replacement or "\r" in replacement else replacement


def plain_layout(text: str) -> Layout:
    return Layout(text, None, _one_line)


def marked_layout(record: str, marker: int) -> Layout:
    """A Markdown list item: the text starts after its marker (`- `, `1. `)."""
    return Layout(record, range(marker, len(record) + 1), _one_line)


def _json_string(replacement: str) -> str:
    return json.dumps(replacement, ensure_ascii=False)[1:-1]


_SPACE = re.compile(r"[ \t\r\n]*")


def jsonl_layout(line: str, text: str) -> Layout | None:
    """The object's top-level "text" string in one line of JSON (the last one, as json.loads keeps)."""
    try:
        places = _string_places(line, _text_value_start(line))
    except (ValueError, IndexError):
        return None
    return Layout(line, places, _json_string) if len(places) == len(text) + 1 else None


def _text_value_start(line: str) -> int:
    at = _SPACE.match(line).end()
    if line[at] != "{":
        raise ValueError("not an object")
    at, start, decoder = at + 1, -1, json.JSONDecoder()
    while line[at := _SPACE.match(line, at).end()] != "}":
        key, at = scanstring(line, _SPACE.match(line, at).end() + 1)
        at = _SPACE.match(line, _SPACE.match(line, at).end() + 1).end()  # past the colon
        if key == "text":
            start = at
        at = _SPACE.match(line, decoder.raw_decode(line, at)[1]).end()
        at += line[at] == ","
    if start < 0 or line[start] != '"':
        raise ValueError("no text string")
    return start


_SURROGATE_PAIR = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _string_places(line: str, quote: int) -> list[int]:
    """Where each code point of the JSON string opening at `quote` is written, then its closing quote."""
    places, at = [], quote + 1
    while line[at] != '"':
        places.append(at)
        if line[at] != "\\":
            at += 1
        elif line[at + 1] != "u":
            at += 2
        else:  # a pair of \u escapes decodes to one code point
            at += 12 if _SURROGATE_PAIR.match(line, at) else 6
    places.append(at)
    return places


def _csv_quoted(replacement: str) -> str:
    return replacement.replace('"', '""')


def _csv_bare(replacement: str) -> str | None:
    return None if any(ch in replacement for ch in ',"\r\n') else replacement


def csv_layout(record: str, column: int, text: str) -> Layout | None:
    """Field `column` of a CSV record (Excel's dialect, which csv.DictReader reads by default)."""
    at = 0
    for _ in range(column):
        at = _csv_field(record, at)[1] + 1
    places, _, quoted = _csv_field(record, at)
    if "".join(record[place] for place in places[:-1]) != text:
        return None
    return Layout(record, places, _csv_quoted if quoted else _csv_bare)


def _csv_field(record: str, at: int) -> tuple[list[int], int, bool]:
    """The places of the field's characters and of its end, where it ends, and whether it is quoted."""
    if not record.startswith('"', at):
        end = at
        while end < len(record) and record[end] not in ',\r\n':
            end += 1
        return list(range(at, end + 1)), end, False
    places, at = [], at + 1
    while at < len(record) and not (record[at] == '"' and not record.startswith('"', at + 1)):
        places.append(at)
        at += 2 if record[at] == '"' else 1  # "" is one quote
    places.append(at)
    return places, at + 1, True
