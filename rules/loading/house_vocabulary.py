"""House vocabulary (`avoid` / `prefer`, after Vale's substitution rules) compiled to rules.

Each entry becomes a phrase list and an ordinary rule `has: <list>` whose suggestion
replaces the match, so durable-rules decides vocabulary findings like any other rule.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .yaml_lines import LineDict, Mark, located, located_list

DEFAULT_CATEGORY = "house-style"
DEFAULT_SEVERITY = "warning"


@dataclass(frozen=True, slots=True)
class VocabularyRule:
    phrase_list: str
    phrases: list[str]
    node: LineDict  # shaped like a rules.yaml rule, every key marked at the entry


def compile_entry(entry: Mapping[str, Any], mark: Mark, index: int) -> VocabularyRule:
    avoid = [entry["avoid"]] if isinstance(entry["avoid"], str) else list(entry["avoid"])
    prefer = entry["prefer"]
    rule_id = default_rule_id(entry, index)
    phrase_list = "vocab_" + rule_id.replace("-", "_")
    message = entry.get("message") or f'House style: write "{_literal(prefer)}" instead.'
    node = located({
        "id": rule_id,
        "category": entry.get("category", DEFAULT_CATEGORY),
        "severity": entry.get("severity", DEFAULT_SEVERITY),
        "message": message,
        "when": {"has": phrase_list},
        "underline": "phrase",
        "suggestions": located_list([{"message": f'Use "{prefer}".', "replace": prefer}], mark),
        "examples": located({"flag": located_list([_example(p) for p in avoid], mark),
                             "pass": located_list([prefer], mark)}, mark),
    }, mark)
    return VocabularyRule(phrase_list, avoid, node)


def default_rule_id(entry: Mapping[str, Any], index: int) -> str:
    """The entry's id, else house- and its first avoided phrase (tolerant of a malformed entry)."""
    if isinstance(entry.get("id"), str):
        return entry["id"]
    avoid = entry.get("avoid")
    first = avoid[0] if isinstance(avoid, list) and avoid else avoid
    return f"house-{(_slug(first) if isinstance(first, str) else '') or index}"


def _slug(phrase: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")


def _literal(text: str) -> str:
    """Braces in a message are placeholders; the preferred wording is shown as written."""
    return text.replace("{", "{{").replace("}", "}}")


def _example(phrase: str) -> str:
    """A text the phrase matches: its marks (`word*`, `{n}`) filled in plainly."""
    return phrase.replace("*", "").replace("{n}", "3")
