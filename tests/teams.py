"""A team's rules file built on the default pack, as the layering, reload and explain tests use it."""
from __future__ import annotations

import os
from pathlib import Path

from rules import DEFAULT_PACK

# Line numbers below are asserted by tests: keep the layout.
TEAM = """\
version: "acme-1"
extends: {base}
platforms:
  intranet: {{limit: 40}}
phrases:
  rewards: {{add: [goodie bag]}}
vocabulary:
  - avoid: [customers, customer]
    prefer: members
  - avoid: synergy
    prefer: working together
    severity: info
override:
  reward-for-sharing: {{severity: warning}}
disable: [giveaway-hashtags]
rules:
  - id: linkedin-hashtags
    category: house-style
    severity: warning
    message: "LinkedIn posts keep to two hashtags; this one has {{hashtags}}."
    when:
      all:
        - platform: linkedin
        - hashtags: {{more_than: 2}}
    underline: none
    suggestions:
      - message: Keep the two tags your readers follow.
    examples:
      flag: [{{text: "Hello #a #b #c", platform: linkedin}}]
      pass: [{{text: "Hello #a #b #c", platform: x}}, {{text: "Hello #a #b", platform: linkedin}}]
"""
VOCABULARY_LINE = 8  # the `- avoid: [customers, customer]` entry
OVERRIDE_LINE = 14


def team_text(directory: Path, text: str = TEAM, base: Path = DEFAULT_PACK) -> str:
    """The team file for `directory`, extending `base` by a path relative to it."""
    return text.format(base=os.path.relpath(base, directory))


def write_team(directory: Path, base: Path = DEFAULT_PACK, text: str = TEAM, name: str = "team.yaml") -> Path:
    path = directory / name
    path.write_text(team_text(directory, text, base), encoding="utf-8")
    return path


def save(path: Path, text: str) -> None:
    """Save the way editors do: write a temporary file beside it, then rename it over the original."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
