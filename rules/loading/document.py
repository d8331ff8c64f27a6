"""One rules file read as YAML with marks, and checked against the published schema."""
from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import yaml

from ..model import Problem, RulesError
from ..paths import SCHEMA_PATH, vouch, vouched
from . import quick_shape, yaml_lines
from .house_vocabulary import default_rule_id
from .quick_shape import Check
from .shape_cache import shape_entry
from .yaml_lines import LineDict

if TYPE_CHECKING:
    import jsonschema

# Validators whose own message says little; the schema gives a better one as "x-problem".
_EXPLAINED_BY_SCHEMA = ("oneOf", "anyOf", "not")


@cache
def _schema() -> dict[str, Any]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return _inlined(schema, schema["$defs"])


@cache
def _quick_check() -> Check | None:
    return quick_shape.compiled(_schema())


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema  # only for a file the quick check does not pass (quick_shape.py)

    return jsonschema.Draft202012Validator(_schema())


def _inlined(node: Any, definitions: Mapping[str, Any]) -> Any:
    """`node` with every `$ref` (the schema's refer only to its own, non-recursive, $defs) replaced by
    what it names: jsonschema looks a reference up again on each use, two fifths of checking a rules file.
    A reference beside other keywords becomes an `allOf`, which reports the same errors."""
    if isinstance(node, list):
        return [_inlined(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _inlined(value, definitions) for key, value in node.items()}
    if "$ref" not in node:
        return node
    target = _inlined(definitions[node["$ref"].removeprefix("#/$defs/")], definitions)
    if len(node) == 1:
        return target
    return {("allOf" if key == "$ref" else key): ([target] if key == "$ref" else value) for key, value in node.items()}


def parse_document(raw: bytes, file: str) -> LineDict:
    document = _parse_yaml(raw, file)
    entry = shape_entry(raw)
    if not vouched(entry):
        _check_shape(document, file)
        vouch(entry)
    return document


def _parse_yaml(raw: bytes, file: str) -> LineDict:
    try:
        document = yaml_lines.load(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise RulesError([Problem(file, None, f"not UTF-8 text ({error.reason} at byte {error.start})")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = yaml_lines.to_mark(mark) if mark else None
        kind = "YAML" if isinstance(error, yaml_lines.Refused) else "YAML syntax"
        raise RulesError([Problem.at(file, where, f"{kind}: {error.problem or error.context}")]) from None
    except yaml.YAMLError as error:
        raise RulesError([Problem(file, None, f"YAML: {error}")]) from None
    if not isinstance(document, Mapping):
        raise RulesError([Problem.at(file, getattr(document, "mark", (1, 1)),
                                     "expected a mapping with version and rules")])
    return document


def _check_shape(document: LineDict, file: str) -> None:
    quick = _quick_check()
    if quick is not None and quick(document):
        return
    problems = []
    for error in sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        where = ".".join(str(step) for step in path) or "top level"
        problems.append(Problem.at(file, yaml_lines.mark_of(document, path), f"{where}: {_explain(error)}",
                                   _rule_id_at(document, path)))
    if problems:
        raise RulesError(problems)


def _explain(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"{error.message}; expected only: {allowed}" if allowed else error.message
    if error.validator in _EXPLAINED_BY_SCHEMA and "x-problem" in error.schema:
        return error.schema["x-problem"]
    return error.message


def _rule_id_at(document: Mapping[str, Any], path: list[Any]) -> str | None:
    if len(path) >= 2 and path[0] == "rules":
        rule = document["rules"][path[1]]
        return rule.get("id") if isinstance(rule, Mapping) else None
    if len(path) >= 2 and path[0] == "override":
        return str(path[1])
    if len(path) >= 2 and path[0] == "vocabulary":
        entry = document["vocabulary"][path[1]]
        return default_rule_id(entry, path[1]) if isinstance(entry, Mapping) else None
    return None
