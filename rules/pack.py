"""A loaded, checked rules file: the shared definitions every other part works from."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .conditions import Condition
from .features import Vocabulary
from .yaml_lines import Mark

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a rules file, located as precisely as is known."""

    file: str
    line: int | None
    message: str
    rule: str | None = None
    column: int | None = None

    @classmethod
    def at(cls, file: str, mark: Mark | None, message: str, rule: str | None = None) -> Problem:
        line, column = mark or (None, None)
        return cls(file, line, message, rule, column)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file  # column: in to_dict only
        rule = f" rule '{self.rule}':" if self.rule else ""
        return f"{where}:{rule} {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "column": self.column, "rule": self.rule,
                "message": self.message}


class RulesError(Exception):
    """A rules file that cannot be served; carries every problem found.

    `files` are the files read before giving up, so a watcher knows what to keep watching.
    """

    def __init__(self, problems: list[Problem], files: tuple[Path, ...] = ()) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.files = files


@dataclass(frozen=True, slots=True)
class Suggestion:
    message: str
    replace: str | None = None
    append: str | None = None


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    platform: str
    line: int | None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: str
    message: str
    condition: Condition
    underline: str
    suggestions: tuple[Suggestion, ...]
    flag_examples: tuple[Example, ...]
    pass_examples: tuple[Example, ...]
    file: str
    line: int

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"


Stamp = tuple[int, int, int]  # inode, size, mtime in ns: a save, rename or truncation changes it


def stamp_of(info: os.stat_result) -> Stamp:
    return info.st_ino, info.st_size, info.st_mtime_ns


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    stamp: Stamp  # of the file as it was read


@dataclass(frozen=True, slots=True)
class RulePack:
    version: str
    source: Path
    rules: tuple[Rule, ...]
    vocabulary: Vocabulary
    files: tuple[SourceFile, ...] = ()  # the source and every file it extends, base first

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(self.vocabulary.limits)

    def rule(self, rule_id: str) -> Rule:
        return next(rule for rule in self.rules if rule.id == rule_id)
