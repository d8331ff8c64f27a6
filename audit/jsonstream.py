"""The items of a JSON array read one at a time, so that a 200,000-post export never sits whole in memory.

The array is the document itself, follows a JavaScript prefix (`window.YTD.tweets.part0 = [...]`),
or is one key's value in a top-level object (`{"orderedItems": [...]}`). Each item is decoded by
the standard library's decoder; the reader only keeps a window of the text around it (CHUNK).
A damaged file is reported with its line and column.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

from .errors import ExportError

# Characters read at a time. Small on purpose: with 1 M (4 MB for text with emoji) the window's
# copies fragmented the heap and peak RSS grew with the file (+27 MiB over 200,000 tweets), with
# 64 K it stays flat (+2 MiB).
CHUNK = 1 << 16
MAX_ITEM = 64 << 20  # an item that has not ended within this many characters is damaged
LOOKAHEAD = 64  # characters read past the start of a value before it is decoded
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class JsonError(ExportError):
    def __init__(self, name: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{name}:{line}:{column}: {message}")
        self.line, self.column = line, column


class _Window:
    """The part of the text not yet consumed, and where it starts in the file."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self.stream, self.name = stream, name
        self.text, self.pos = "", 0
        self.line, self.column = 1, 1  # of text[0]
        self.at_end = False

    def more(self) -> bool:
        """Read another chunk, dropping what has been consumed; False at the end of the file."""
        if self.at_end:
            return False
        chunk = self.stream.read(CHUNK)
        if not chunk:
            self.at_end = True
            return False
        self._forget(self.pos)
        self.text += chunk
        return True

    def _forget(self, upto: int) -> None:
        dropped = self.text[:upto]
        newlines = dropped.count("\n")
        if newlines:
            self.line += newlines
            self.column = upto - dropped.rfind("\n")
        else:
            self.column += upto
        self.text, self.pos = self.text[upto:], 0

    def peek(self) -> str:
        """The next character that is not white space; "" at the end of the file."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos:self.pos + 1]

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self.error(f"expected {what}", self.pos)
        self.pos += 1

    def match(self, pattern: re.Pattern[str], what: str) -> None:
        while len(self.text) - self.pos < 4096 and self.more():
            pass
        found = pattern.match(self.text, self.pos)
        if not found:
            raise self.error(f"expected {what}", self.pos)
        self.pos = found.end()

    def value(self) -> Any:
        self.peek()
        while len(self.text) - self.pos < LOOKAHEAD and self.more():
            pass  # a number ("0." of "0.5") is only known to be whole with what follows it
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                short = _cut_short(error, self.text)
                if short and len(self.text) - self.pos < MAX_ITEM and self.more():
                    continue
                raise self.error(_reason(error, short and self.at_end), error.pos) from None
            if end < len(self.text) or not self.more():  # a longer number at the window's edge may go on
                self.pos = end
                return value

    def error(self, message: str, at: int) -> JsonError:
        before = self.text[:at]
        newlines = before.count("\n")
        column = at - before.rfind("\n") if newlines else self.column + at
        found = self.text[at:at + 1]
        shown = f" (found {found!r})" if found else " (found the end of the file)"
        return JsonError(self.name, self.line + newlines, column, message + shown)


def _cut_short(error: json.JSONDecodeError, text: str) -> bool:
    """Whether the decoder stopped because the text ran out (more may complete it), not at a fault."""
    # 9: the longest token the decoder rejects at its start when cut, "-Infinity" (a \uXXXX escape is 6)
    return error.pos >= len(text) - 9 or error.msg.startswith("Unterminated string")


def _reason(error: json.JSONDecodeError, at_end: bool) -> str:
    return f"not valid JSON: {error.msg}" + (", the file ends too soon" if at_end else "")


def array_items(stream: TextIO, name: str, *, prefix: re.Pattern[str] | None = None, prefix_text: str = "",
                key: str | None = None) -> Iterator[Any]:
    """Each item of the array, in order.

    `prefix` must match the text before the array (described to the user as `prefix_text`);
    `key` names the array's key in a top-level object (other keys are read and skipped).
    """
    window = _Window(stream, name)
    if prefix is not None:
        window.match(prefix, prefix_text)
    if key is None:
        yield from _items(window)
    else:
        yield from _keyed(window, key)
    if window.peek() not in ("", ";"):
        raise window.error("expected the end of the file", window.pos)


def _items(window: _Window) -> Iterator[Any]:
    window.expect("[", "a JSON list '['")
    if window.peek() == "]":
        window.pos += 1
        return
    while True:
        yield window.value()
        after = window.peek()
        window.pos += 1
        if after == "]":
            return
        if after != ",":
            raise window.error("expected ',' or ']' after a list item", window.pos - 1)


def _keyed(window: _Window, key: str) -> Iterator[Any]:
    window.expect("{", "a JSON object '{'")
    seen = False
    while window.peek() != "}":
        if window.peek() != '"':
            raise window.error("expected a key", window.pos)
        name = window.value()
        window.expect(":", "':' after a key")
        if name == key:
            seen = True
            yield from _items(window)
        else:
            window.value()
        if window.peek() == ",":
            window.pos += 1
        elif window.peek() != "}":
            raise window.error("expected ',' or '}' after a value", window.pos)
    window.pos += 1
    if not seen:
        raise window.error(f'no "{key}" list in this object', window.pos - 1)
