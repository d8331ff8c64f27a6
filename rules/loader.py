"""Reads rules.yaml into a RulePack, or raises RulesError naming file, line and rule.

Shape is checked against the published schema (schema.json); meaning (known features and
phrase lists, unique ids, message placeholders, example platforms) is checked here.
"""
from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from . import yaml_lines
from .conditions import ConditionError, ConditionParser
from .features import BUILTIN_FEATURES, FeatureSpec, NearPair, Vocabulary
from .pack import Example, Problem, Rule, RulePack, RulesError, Suggestion
from .phrases import PhraseList

SCHEMA_PATH = Path(__file__).with_name("schema.json")
DEFAULT_PLATFORMS = {"generic": 0}


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def load_pack(path: str | Path) -> RulePack:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise RulesError([Problem(str(path), None, f"cannot read the rules file: {error.strerror}")]) from None
    return parse_pack(raw, path)


def parse_pack(raw: bytes, path: Path) -> RulePack:
    document = _parse_yaml(raw, str(path))
    _check_shape(document, str(path))
    return _Builder(document, path, raw).build()


def _parse_yaml(raw: bytes, file: str) -> Any:
    try:
        document = yaml_lines.load(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise RulesError([Problem(file, None, f"not UTF-8 text ({error.reason} at byte {error.start})")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        raise RulesError([Problem(file, line, f"YAML syntax{column}: {error.problem or error.context}")]) from None
    except yaml.YAMLError as error:
        raise RulesError([Problem(file, None, f"YAML: {error}")]) from None
    if not isinstance(document, Mapping):
        raise RulesError([Problem(file, getattr(document, "line", 1), "expected a mapping with version and rules")])
    return document


def _check_shape(document: Mapping[str, Any], file: str) -> None:
    problems = []
    for error in sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        where = ".".join(str(step) for step in path) or "top level"
        problems.append(Problem(file, yaml_lines.line_of(document, path), f"{where}: {_explain(error)}",
                                _rule_id_at(document, path)))
    if problems:
        raise RulesError(problems)


def _explain(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"{error.message}; expected only: {allowed}" if allowed else error.message
    if error.validator == "oneOf":
        return "expected a text, or a mapping with text and an optional platform"
    if error.validator == "not":
        return "a suggestion has either replace or append, not both"
    return error.message


def _rule_id_at(document: Mapping[str, Any], path: list[Any]) -> str | None:
    if len(path) >= 2 and path[0] == "rules":
        rule = document["rules"][path[1]]
        return rule.get("id") if isinstance(rule, Mapping) else None
    return None


class _Builder:
    """Turns a schema-valid document into a RulePack, gathering every semantic problem."""

    def __init__(self, document: Mapping[str, Any], path: Path, raw: bytes) -> None:
        self.document = document
        self.file = str(path)
        self.path = path
        self.version = f"{document['version']}+{hashlib.sha256(raw).hexdigest()[:8]}"
        self.problems: list[Problem] = []
        self.limits: dict[str, int] = {name: p["limit"] for name, p in document.get("platforms", {}).items()}
        self.limits = {**DEFAULT_PLATFORMS, **self.limits}  # "generic" always exists
        self.phrases: dict[str, list[str]] = dict(document.get("phrases", {}))
        self.features: dict[str, FeatureSpec] = dict(BUILTIN_FEATURES)
        self.near_pairs: dict[tuple[str, str, int], NearPair] = {}

    def build(self) -> RulePack:
        self._add_phrase_features()
        parser = ConditionParser(self.features, set(self.phrases), {"platform": set(self.limits)}, self.near_pairs)
        rules = [rule for node in self.document["rules"] if (rule := self._rule(node, parser))]
        self._check_unique_ids(rules)
        if self.problems:
            raise RulesError(self.problems)
        vocabulary = Vocabulary({name: PhraseList(name, phrases) for name, phrases in self.phrases.items()},
                                tuple(self.near_pairs.values()), self.limits)
        return RulePack(self.version, self.path, tuple(rules), vocabulary)

    def _add_phrase_features(self) -> None:
        phrases = self.document.get("phrases", {})
        for name in self.phrases:
            if name in BUILTIN_FEATURES:
                self._problem(phrases.key_lines[name], f"phrase list '{name}' has the name of a built-in feature")
            self.features[name] = FeatureSpec("count", f"matches of the phrase list '{name}'")

    def _rule(self, node: Mapping[str, Any], parser: ConditionParser) -> Rule | None:
        rule_id, line = node["id"], node.line
        try:
            condition = parser.parse(node["when"], node.key_lines["when"])
        except ConditionError as error:
            self._problem(error.line, f"when: {error}", rule_id)
            return None
        suggestions = tuple(Suggestion(**s) for s in node.get("suggestions", []))
        underline = node.get("underline", "phrase")
        self._check_message(node, rule_id)
        if underline == "none" and any(s.replace is not None for s in suggestions):
            self._problem(node.key_lines["suggestions"], "underline: none has no text to replace; use append", rule_id)
        examples = node["examples"]
        return Rule(rule_id, node["category"], node["severity"], node["message"].strip(), condition, underline,
                    suggestions, self._examples(examples, "flag", rule_id), self._examples(examples, "pass", rule_id),
                    self.file, line)

    def _check_message(self, node: Mapping[str, Any], rule_id: str) -> None:
        try:
            fields = [name for _, name, _, _ in string.Formatter().parse(node["message"]) if name is not None]
        except ValueError as error:
            self._problem(node.key_lines["message"], f"message: {error} (write {{{{ and }}}} for braces)", rule_id)
            return
        for name in fields:
            if name not in self.features:
                self._problem(node.key_lines["message"], f"message: unknown placeholder {{{name}}}; "
                              "placeholders are feature names", rule_id)

    def _examples(self, examples: Mapping[str, Any], kind: str, rule_id: str) -> tuple[Example, ...]:
        items = examples[kind]
        found = []
        for item, line in zip(items, items.item_lines):
            text, platform = (item, "generic") if isinstance(item, str) else (item["text"], item.get("platform", "generic"))
            if platform not in self.limits:
                self._problem(line, f"example platform '{platform}' is not among platforms: "
                              f"{', '.join(self.limits)}", rule_id)
            found.append(Example(text, platform, line))
        return tuple(found)

    def _check_unique_ids(self, rules: list[Rule]) -> None:
        seen: dict[str, Rule] = {}
        for rule in rules:
            if rule.id in seen:
                self._problem(rule.line, f"duplicate id; first defined at line {seen[rule.id].line}", rule.id)
            seen.setdefault(rule.id, rule)

    def _problem(self, line: int | None, message: str, rule: str | None = None) -> None:
        self.problems.append(Problem(self.file, line, message, rule))
