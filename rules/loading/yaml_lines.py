"""YAML loading that remembers where things are, so problems can name a line and column.

Mappings load as `LineDict` and sequences as `LineList`, each carrying the 1-based mark
(line, column) of the node and of every key or item. Duplicate keys are an error (PyYAML
keeps the last).
"""
from __future__ import annotations

from typing import Any

import yaml

Mark = tuple[int, int]  # 1-based line and column


class LineDict(dict):
    mark: Mark
    key_marks: dict[Any, Mark]

    @property
    def line(self) -> int:
        return self.mark[0]


class LineList(list):
    mark: Mark
    item_marks: list[Mark]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses 10x faster
    pass


def to_mark(mark: yaml.Mark) -> Mark:
    """PyYAML's 0-based mark (of a node, or of a syntax error) as a 1-based (line, column)."""
    return mark.line + 1, mark.column + 1


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.mark, mapping.key_marks = to_mark(node.start_mark), {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark, f"found the key {key!r} twice", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_marks[key] = to_mark(key_node.start_mark)
    return mapping


def _sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(item, deep=True) for item in node.value)
    sequence.mark = to_mark(node.start_mark)
    sequence.item_marks = [to_mark(item.start_mark) for item in node.value]
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load(text: str) -> Any:
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass


def located(values: dict[str, Any], mark: Mark) -> LineDict:
    """A LineDict made in code (e.g. from a vocabulary entry) whose every key sits at `mark`."""
    mapping = LineDict(values)
    mapping.mark, mapping.key_marks = mark, dict.fromkeys(values, mark)
    return mapping


def located_list(items: list[Any], mark: Mark) -> LineList:
    sequence = LineList(items)
    sequence.mark, sequence.item_marks = mark, [mark] * len(items)
    return sequence


def mark_of(document: Any, path: list[Any]) -> Mark | None:
    """The mark of the deepest node along `path` (keys and list indexes) that has one."""
    node, mark = document, getattr(document, "mark", None)
    for step in path:
        if isinstance(node, LineDict) and step in node:
            mark, node = node.key_marks[step], node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            mark, node = node.item_marks[step], node[step]
        else:
            break
    return mark
