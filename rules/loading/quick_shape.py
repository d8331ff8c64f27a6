"""A yes-or-no answer to "is this rules file well-shaped?", compiled once from the schema into plain Python
functions.

jsonschema walks the schema for every value and tries every branch of a oneOf, building an error for each
branch that does not match: a tenth of a millisecond or more per rule, over a second for a pack of 3,700
rules. A well-shaped file only needs the answer, so this check comes first, and jsonschema runs only when
it says no, to name the problems (document.py). It may say no to a file jsonschema accepts (that costs
only the time jsonschema takes), but must never say yes to one jsonschema refuses: each keyword below is
checked as jsonschema 4 checks it for draft 2020-12, and a schema using any keyword not among them
compiles to None, leaving every file to jsonschema.
"""
from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that assert nothing about a value ($defs only holds what $refs named, inlined by then).
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "default", "x-problem"})


class _Unsupported(Exception):
    """A keyword (or a keyword's value) the compiler does not check as jsonschema does."""


def compiled(schema: Any) -> Check | None:
    """The check of `schema` (with no $ref left: document.py inlines them), or None if it cannot be made."""
    try:
        return _compile(schema)
    except _Unsupported:
        return None


def _compile(schema: Any) -> Check:
    if schema is True or schema == {}:
        return lambda value: True
    if not isinstance(schema, dict):
        raise _Unsupported(schema)
    checks = []
    for keyword, argument in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        if keyword not in _KEYWORDS:
            raise _Unsupported(keyword)
        checks.append(_KEYWORDS[keyword](argument, schema))
    return _all(checks)


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def every(value: Any) -> bool:  # a loop: all() over a generator was a third of the check's time
        for check in checks:
            if not check(value):
                return False
        return True
    return every


def _is_integer(value: Any) -> bool:
    # bool is an int to Python and not to JSON Schema; from draft 6 on, 1.0 is an integer
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


_TYPES: dict[str, Check] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": _is_integer,
    "number": lambda value: isinstance(value, numbers.Number) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}


def _type(names: str | list[str], schema: dict[str, Any]) -> Check:
    names = [names] if isinstance(names, str) else names
    if not set(names) <= _TYPES.keys():
        raise _Unsupported(names)
    tests = [_TYPES[name] for name in names]
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def _strings(values: Any) -> frozenset[str]:
    """enum's or const's values, when all are strings: jsonschema's equality is then plain ==."""
    if not all(isinstance(value, str) for value in values):
        raise _Unsupported(values)
    return frozenset(values)


def _enum(values: list[Any], schema: dict[str, Any]) -> Check:
    allowed = _strings(values)
    return lambda value: isinstance(value, str) and value in allowed


def _const(expected: Any, schema: dict[str, Any]) -> Check:
    return _enum([expected], schema)


def _properties(properties: dict[str, Any], schema: dict[str, Any]) -> Check:
    checks = [(name, _compile(subschema)) for name, subschema in properties.items()]

    def each(value: Any) -> bool:
        if isinstance(value, dict):
            for name, check in checks:
                if name in value and not check(value[name]):
                    return False
        return True
    return each


def _additional_properties(extra: Any, schema: dict[str, Any]) -> Check:
    if "patternProperties" in schema:
        raise _Unsupported("patternProperties")
    known = frozenset(schema.get("properties", {}))
    if extra is False:
        return lambda value: not isinstance(value, dict) or known.issuperset(value)
    check = _compile(extra)
    return lambda value: not isinstance(value, dict) or all(
        check(item) for key, item in value.items() if key not in known)


def _required(names: list[str], schema: dict[str, Any]) -> Check:
    required = frozenset(names)
    return lambda value: not isinstance(value, dict) or required <= value.keys()


def _property_names(subschema: Any, schema: dict[str, Any]) -> Check:
    check = _compile(subschema)
    return lambda value: not isinstance(value, dict) or all(map(check, value))


def _min_properties(least: int, schema: dict[str, Any]) -> Check:
    return lambda value: not isinstance(value, dict) or len(value) >= least


def _items(subschema: Any, schema: dict[str, Any]) -> Check:
    if "prefixItems" in schema:
        raise _Unsupported("prefixItems")
    check = _compile(subschema)
    return lambda value: not isinstance(value, list) or all(map(check, value))


def _min_items(least: int, schema: dict[str, Any]) -> Check:
    return lambda value: not isinstance(value, list) or len(value) >= least


def _unique_items(unique: bool, schema: dict[str, Any]) -> Check:
    if not unique:
        return lambda value: True
    # Strings alone: jsonschema's equality tells 1 from True and compares lists and mappings by content,
    # which a set does not. Any other item only sends the file to jsonschema.
    return lambda value: not isinstance(value, list) or (
        all(isinstance(item, str) for item in value) and len(set(value)) == len(value))


def _min_length(least: int, schema: dict[str, Any]) -> Check:
    return lambda value: not isinstance(value, str) or len(value) >= least


def _max_length(most: int, schema: dict[str, Any]) -> Check:
    return lambda value: not isinstance(value, str) or len(value) <= most


def _pattern(expression: str, schema: dict[str, Any]) -> Check:
    search = re.compile(expression).search  # jsonschema calls re.search: the pattern may match anywhere
    return lambda value: not isinstance(value, str) or search(value) is not None


def _minimum(least: Any, schema: dict[str, Any]) -> Check:
    number = _TYPES["number"]
    return lambda value: not number(value) or value >= least


def _all_of(subschemas: list[Any], schema: dict[str, Any]) -> Check:
    return _all([_compile(subschema) for subschema in subschemas])


def _any_of(subschemas: list[Any], schema: dict[str, Any]) -> Check:
    checks = [_compile(subschema) for subschema in subschemas]

    def some(value: Any) -> bool:  # loops, as in _all: a generator per value cost more than the checks
        for check in checks:
            if check(value):
                return True
        return False
    return some


def _one_of(subschemas: list[Any], schema: dict[str, Any]) -> Check:
    checks = [_compile(subschema) for subschema in subschemas]

    def one(value: Any) -> bool:
        matched = False
        for check in checks:
            if check(value):
                if matched:
                    return False
                matched = True
        return matched
    return one


def _not(subschema: Any, schema: dict[str, Any]) -> Check:
    check = _compile(subschema)
    return lambda value: not check(value)


_KEYWORDS: dict[str, Callable[[Any, dict[str, Any]], Check]] = {
    "type": _type, "enum": _enum, "const": _const,
    "properties": _properties, "additionalProperties": _additional_properties, "required": _required,
    "propertyNames": _property_names, "minProperties": _min_properties,
    "items": _items, "minItems": _min_items, "uniqueItems": _unique_items,
    "minLength": _min_length, "maxLength": _max_length, "pattern": _pattern, "minimum": _minimum,
    "allOf": _all_of, "anyOf": _any_of, "oneOf": _one_of, "not": _not,
}
