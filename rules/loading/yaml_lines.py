"""YAML loading that remembers where things are, so problems can name a line and column.

Mappings load as `LineDict` and sequences as `LineList`, each carrying the 1-based mark
(line, column) of the node and of every key or item. Duplicate keys are an error (PyYAML
keeps the last), and so are aliases, nesting deeper than MAX_NESTING and more than MAX_VALUES values.
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


# Lists and mappings inside each other; the default pack needs 9. PyYAML composes nodes recursively,
# so a file nested a few hundred deep would otherwise end in RecursionError.
MAX_NESTING = 64
# Values (scalars, lists, mappings) in one file. PyYAML builds each in Python, about 25 us apiece:
# a 4 MiB list of one-letter items (two million values) took about a minute. 100,000 phrases fit.
MAX_VALUES = 200_000


class Refused(yaml.MarkedYAMLError):
    """YAML that parses, but that a rules file may not use."""


try:
    # libyaml's scanner and parser, in C. PyYAML's own, in Python, look ahead over every open flow
    # collection for each token: 123 KiB of lines nested 60 deep in [...] took 18.5 s to read.
    from yaml.cyaml import CParser as _Parser
except ImportError:  # a PyYAML built without libyaml
    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class _LineLoader(yaml.composer.Composer, _Parser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """Events from the parser; nodes composed here, in Python, so that aliases and depth are checked
    as they come (libyaml's own composer would expand neither, but check neither)."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._depth = self._values = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            # Aliases share one node, so a few hundred bytes of them can stand for millions of
            # conditions ("billion laughs"); every later step would walk each copy.
            raise Refused(None, None, f"aliases (*{event.anchor}) are not allowed in a rules file; "
                          "write the value out", event.start_mark)
        if self._depth == MAX_NESTING:
            raise Refused(None, None, f"nested more than {MAX_NESTING} levels deep", event.start_mark)
        self._values += 1
        if self._values > MAX_VALUES:
            raise Refused(None, None, f"more than {MAX_VALUES:,} values in one file", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


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


_STR = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
_SCALAR, _ALIAS, _SEQUENCE_END, _MAPPING_END = yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceEndEvent, yaml.MappingEndEvent


class _Unusual(Exception):
    """Something the direct reading leaves to the composer: an anchor, an alias, a tag on a list or mapping, a
    limit passed. (A merge key or any other failure raises its own error, and is left to it too.)"""


class _DirectLoader(_LineLoader):
    """Builds LineDicts, LineLists and strings straight from the parser's events, without PyYAML's nodes:
    composing a node and then constructing it in Python were 85% of reading a 2.3 MB rules file. It reads
    only what it gives the same answer for as _LineLoader; anything else raises _Unusual."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}  # a plain scalar's tag depends on its text alone: keys repeat

    def read(self) -> Any:
        self.get_event()  # stream start
        document = None
        if not isinstance(self.peek_event(), yaml.StreamEndEvent):
            self.get_event()  # document start
            document = self._value()
            self.get_event()  # document end
        if not isinstance(self.get_event(), yaml.StreamEndEvent):
            raise _Unusual  # a second document: _LineLoader reports it
        return document

    def _value(self) -> Any:
        event = self.get_event()
        kind = type(event)
        self._values += 1
        if event.anchor is not None or kind is _ALIAS or self._depth == MAX_NESTING or self._values > MAX_VALUES:
            raise _Unusual
        if kind is _SCALAR:
            tag = event.tag
            if tag is None or tag == "!":  # untagged: only a plain scalar may be other than a string
                tag = self._plain_tag(event.value) if event.implicit[0] else _STR
            if tag == _STR:
                return event.value
            return self.construct_object(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                                                         event.style), deep=True)
        if event.tag not in (None, "!"):
            raise _Unusual
        self._depth += 1
        collection = self._sequence() if kind is yaml.SequenceStartEvent else self._mapping()
        self._depth -= 1
        collection.mark = to_mark(event.start_mark)
        return collection

    def _plain_tag(self, value: str) -> str:
        tag = self._plain_tags.get(value)
        if tag is None:
            tag = self._plain_tags[value] = self.resolve(yaml.ScalarNode, value, (True, False))
        return tag

    def _sequence(self) -> LineList:
        sequence, marks = LineList(), []
        while type(event := self.peek_event()) is not _SEQUENCE_END:
            marks.append(to_mark(event.start_mark))
            sequence.append(self._value())
        self.get_event()
        sequence.item_marks = marks
        return sequence

    def _mapping(self) -> LineDict:
        mapping = LineDict()
        mapping.key_marks = {}
        while type(event := self.peek_event()) is not _MAPPING_END:
            key = self._value()
            if key in mapping:
                raise _Unusual
            mapping[key] = self._value()
            mapping.key_marks[key] = to_mark(event.start_mark)
        self.get_event()
        return mapping


def load(text: str) -> Any:
    loader = _DirectLoader(text)
    try:
        return loader.read()
    except Exception:  # noqa: BLE001 - whatever went wrong, _LineLoader reads it again and says what
        pass
    finally:
        loader.dispose()
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
