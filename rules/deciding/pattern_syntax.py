"""Reads a rule's `pattern:` steps (rules.yaml) into a Pattern, checking each against the limits.

    pattern:
      - {list: share_actions, as: action}   # a match of a phrase list (or of any of several)
      - {skip: 4}                           # up to 4 tokens of anything
      - {any: [to, for a chance, and]}      # one of some phrases (or lists: {list: name})
      - {list: rewards, as: reward}
    within: sentence                        # clause | sentence (default) | draft
    anchor: clause                          # optional: the match starts a clause (or sentence)
A plain string step is one phrase. `optional: true` lets a step match nothing.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..measuring.patterns import MAX_SKIP, MAX_STEPS, SCOPES
from ..measuring.phrases import Phrase, PhraseError, parse_phrase

_STEP_KEYS = {"list", "any", "skip", "optional", "as"}
ANCHORS = ("", "clause", "sentence")


class PatternSyntaxError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class StepSpec:
    """One step as written: its own phrases are turned into a list of their own once the pattern is kept."""

    phrases: tuple[Phrase, ...] = ()
    lists: tuple[str, ...] = ()
    skip: int = 0
    optional: bool = False
    capture: str | None = None
    written: tuple[str, ...] = ()  # the phrases as the rules file spells them, for explain


def parse_steps(steps: Any, within: Any, anchor: Any, known_list: Callable[[Any], str]) -> tuple[StepSpec, ...]:
    """The steps of a rule's pattern; `known_list` checks a list name (raising for an unknown one)."""
    if not isinstance(steps, list) or not steps:
        raise PatternSyntaxError("'pattern' takes a list of steps, e.g. [{list: share_actions}, to, {list: rewards}]")
    if len(steps) > MAX_STEPS:
        raise PatternSyntaxError(f"'pattern' has {len(steps)} steps; at most {MAX_STEPS}")
    if within not in SCOPES:
        raise PatternSyntaxError(f"a pattern's 'within' is one of {', '.join(SCOPES)}, got {within!r}")
    if anchor not in ANCHORS:
        raise PatternSyntaxError(f"a pattern's 'anchor' is clause or sentence, got {anchor!r}")
    parsed = tuple(_step(step, known_list) for step in steps)
    if not anchor and (parsed[0].skip or parsed[0].optional):
        raise PatternSyntaxError("a pattern starts with a step that must match something (not skip or optional), "
                                 "unless it has an anchor")
    if all(step.skip or step.optional for step in parsed):
        raise PatternSyntaxError("a pattern needs at least one step that must match something")
    return parsed


def _step(node: Any, known_list: Callable[[Any], str]) -> StepSpec:
    if isinstance(node, str):
        return StepSpec(phrases=(_phrase(node),), written=(node,))
    if not isinstance(node, Mapping):
        raise PatternSyntaxError(f"a pattern step is a phrase, {{list: name}}, {{any: [...]}} or {{skip: n}}; got {node!r}")
    extra = set(node) - _STEP_KEYS
    kinds = [key for key in ("list", "any", "skip") if key in node]
    if extra or len(kinds) != 1:
        raise PatternSyntaxError(f"a pattern step has one of list, any or skip (and optional, as); got {sorted(node)}")
    optional, capture = node.get("optional", False), node.get("as")
    if not isinstance(optional, bool):
        raise PatternSyntaxError(f"'optional' is true or false, got {optional!r}")
    if capture is not None and not (isinstance(capture, str) and capture.isidentifier()):
        raise PatternSyntaxError(f"'as' names a capture with a word such as reward, got {capture!r}")
    if "skip" in node:
        skip = node["skip"]
        if isinstance(skip, bool) or not isinstance(skip, int) or not 1 <= skip <= MAX_SKIP:
            raise PatternSyntaxError(f"'skip' takes a whole number from 1 to {MAX_SKIP}, got {skip!r}")
        return StepSpec(skip=skip, optional=optional, capture=capture)
    phrases, lists, written = _alternatives(node, known_list)
    return StepSpec(phrases=phrases, lists=lists, optional=optional, capture=capture, written=written)


def _alternatives(node: Mapping[str, Any],
                  known_list: Callable[[Any], str]) -> tuple[tuple[Phrase, ...], tuple[str, ...], tuple[str, ...]]:
    if "list" in node:
        names = node["list"] if isinstance(node["list"], list) else [node["list"]]
        return (), tuple(known_list(name) for name in names), ()
    options = node["any"]
    if not isinstance(options, list) or not options:
        raise PatternSyntaxError("'any' takes a list of phrases or {list: name} steps")
    phrases, lists, written = [], [], []
    for option in options:
        if isinstance(option, str):
            phrases.append(_phrase(option))
            written.append(option)
        elif isinstance(option, Mapping) and set(option) == {"list"} and isinstance(option["list"], str):
            lists.append(known_list(option["list"]))
        else:
            raise PatternSyntaxError(f"'any' takes phrases and {{list: name}} entries, got {option!r}")
    return tuple(phrases), tuple(lists), tuple(written)


def _phrase(text: str) -> Phrase:
    try:
        return parse_phrase(text)
    except PhraseError as error:
        raise PatternSyntaxError(str(error)) from None


def describe(steps: tuple[StepSpec, ...], within: str, anchor: str) -> str:
    """A short reading of the pattern for explain: "pattern [share_actions … to|for … rewards]"."""
    parts = []
    for step in steps:
        if step.skip:
            parts.append("…")
            continue
        parts.append("|".join([*step.lists, *step.written]) + ("?" if step.optional else ""))
    where = f" at {anchor} start" if anchor else ""
    return f"pattern [{' '.join(parts)}] within {within}{where}"

