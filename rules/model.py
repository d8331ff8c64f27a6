"""A loaded, checked rules file: the definitions every other part of the engine works from."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .deciding.conditions import Condition
from .loading.sources import SourceFile
from .measuring.features import FeaturePlan

if TYPE_CHECKING:  # only a type: a pack from the cache (loading/pack_cache.py) is loaded without YAML
    from .loading.yaml_lines import Mark

# The three broadcast habits Rapport exists to catch, as rule categories; other categories (readability,
# platform, house-style) are advice about a post that may still be a conversation.
BROADCAST_FAMILIES = ("spammy-incentive", "campaign-only", "no-reply-intent")


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
        where = f"{self.file}:{self.line}" if self.line else self.file  # the column is in the JSON form only
        rule = f" rule '{self.rule}':" if self.rule else ""
        return f"{where}:{rule} {self.message}"


class RulesError(Exception):
    """A rules file that cannot be served; carries every problem found.

    `sources` are the files read before giving up, stamped as they were read, so a watcher
    knows what to watch for the fix: the same list a loaded pack carries.
    """

    def __init__(self, problems: list[Problem], sources: tuple[SourceFile, ...] = ()) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.sources = sources


@dataclass(frozen=True, slots=True)
class Suggestion:
    message: str
    replace: str | None = None  # a template (rewriting/templates.py)
    append: str | None = None
    over: str = "underline"  # what `replace` rewrites: the underlined words, or the sentences holding them
    fix: str | None = None  # a fix measured for each underlined text (FIXES in measuring/accessibility.py)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    platform: str
    line: int | None


@dataclass(frozen=True, slots=True)
class PlatformPolicy:
    """What a rule says differently on one platform: its severity there, the policy it rests on there."""

    platform: str
    severity: str | None = None
    link: str | None = None


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
    link: str | None = None  # the guideline or policy the rule rests on
    per_platform: tuple[PlatformPolicy, ...] = ()
    languages: tuple[str, ...] = ()  # the draft languages the rule judges; () for any

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"

    def policy(self, platform: str) -> tuple[str, str | None]:
        """The severity and link that hold for a draft on `platform`."""
        own = next((p for p in self.per_platform if p.platform == platform), None)
        if own is None:
            return self.severity, self.link
        return own.severity or self.severity, own.link or self.link


@dataclass(frozen=True, slots=True)
class RulePack:
    version: str
    path: Path
    rules: tuple[Rule, ...]
    plan: FeaturePlan
    sources: tuple[SourceFile, ...] = ()  # the file, then every file it extends, as read

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(self.plan.limits)
