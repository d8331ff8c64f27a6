"""YAML loading that remembers where things are, so problems can name a line.

Mappings load as `LineDict` and sequences as `LineList`, each carrying the 1-based line of
the node and of every key or item. Duplicate keys are an error (PyYAML keeps the last).
"""
from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict):
    line: int
    key_lines: dict[Any, int]


class LineList(list):
    line: int
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    pass


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line, mapping.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark, f"found the key {key!r} twice", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(item, deep=True) for item in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load(text: str) -> Any:
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass


def line_of(document: Any, path: list[Any]) -> int | None:
    """The line of the deepest node along `path` (keys and list indexes) that has one."""
    node, line = document, getattr(document, "line", None)
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line, node = node.key_lines[step], node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line, node = node.item_lines[step], node[step]
        else:
            break
    return line
