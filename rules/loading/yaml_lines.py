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
    __slots__ = ("mark", "key_marks")  # no attribute dict each: 4,800 rules are 300,000 lists and mappings
    mark: Mark
    key_marks: dict[Any, Mark]

    @property
    def line(self) -> int:
        return self.mark[0]


class LineList(list):
    __slots__ = ("mark", "item_marks")
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
_MAPPING_START = yaml.MappingStartEvent


class _Unusual(Exception):
    """Something the direct reading leaves to the composer: an anchor, an alias, a tag on a list or mapping, a
    limit passed. (A merge key or any other failure raises its own error, and is left to it too.)"""


class _DirectLoader(_LineLoader):
    """Builds LineDicts, LineLists and strings straight from the parser's events, without PyYAML's nodes:
    composing a node and then constructing it in Python were 85% of reading a 2.3 MB rules file. It reads
    only what it gives the same answer for as _LineLoader; anything else raises _Unusual."""

    def read(self) -> Any:
        self.get_event()  # stream start
        document = None
        if not isinstance(self.peek_event(), yaml.StreamEndEvent):
            self.get_event()  # document start
            document = self._tree()
            self.get_event()  # document end
        if not isinstance(self.get_event(), yaml.StreamEndEvent):
            raise _Unusual  # a second document: _LineLoader reports it
        return document

    def _tree(self) -> Any:
        """The document's value, read in one loop over the parser's events with the lists and mappings open
        around the current one on a stack: a call per value, and a look-up of the parser's methods in each,
        were a fifth of reading a 2.5 MB file. A scalar's mark is made only where it is kept (a key's, an item's)."""
        get, plain = self.get_event, _PlainValues(self)
        stack: list[tuple[Any, Any, bool]] = []  # each open list or mapping, its marks, whether a mapping
        top: Any = None  # the innermost of them, its marks, whether a mapping
        marks: Any = None
        in_mapping = False
        key: Any = _NO_KEY  # in a mapping, the key whose value comes next
        key_mark: Mark = (0, 0)
        values = 0
        while True:
            event = get()
            kind = type(event)
            if kind is _SCALAR:
                values += 1
                if event.anchor is not None or values > MAX_VALUES:
                    raise _Unusual
                value = plain[event.value] if event.tag is None and event.implicit[0] else self._scalar(event)
                if in_mapping and key is _NO_KEY:
                    if value in top:
                        raise _Unusual  # a key twice: _LineLoader says which
                    start = event.start_mark
                    key, key_mark = value, (start.line + 1, start.column + 1)
                    continue
            elif kind is _SEQUENCE_END or kind is _MAPPING_END:
                stack.pop()
                if not stack:
                    return top
                top, marks, in_mapping = stack[-1]
                continue
            else:
                values += 1
                # Scalars are not checked for depth: a list or mapping that could hold one too deep is left
                # to _LineLoader, as is one used as a key.
                if values > MAX_VALUES or len(stack) >= MAX_NESTING - 1 or (in_mapping and key is _NO_KEY):
                    raise _Unusual
                value = _collection(event, kind)
            if in_mapping:
                top[key] = value
                marks[key] = key_mark
                key = _NO_KEY
            elif top is not None:
                top.append(value)
                start = event.start_mark
                marks.append((start.line + 1, start.column + 1))
            elif kind is _SCALAR:
                return value  # the document is one scalar
            if kind is not _SCALAR:
                top, in_mapping = value, kind is _MAPPING_START
                marks = value.key_marks if in_mapping else value.item_marks
                stack.append((top, marks, in_mapping))

    def plain_value(self, text: str) -> Any:
        """An untagged plain scalar's value (a string, or what its text resolves to: a number, true, null...)."""
        tag = self.resolve(yaml.ScalarNode, text, (True, False))
        return text if tag == _STR else self.construct_object(yaml.ScalarNode(tag, text), deep=True)

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        """A scalar's value; quoted or tagged ones are not remembered by their text."""
        tag = event.tag
        if tag is None or tag == "!":  # untagged: only a plain scalar may be other than a string
            if event.implicit[0]:
                return self.plain_value(event.value)
            tag = _STR
        if tag == _STR:
            return event.value
        return self.construct_object(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                                                     event.style), deep=True)


_NO_KEY = object()


def _collection(event: yaml.Event, kind: type) -> LineDict | LineList:
    """An empty LineDict or LineList for the event that starts it."""
    if kind is _ALIAS or event.anchor is not None or event.tag not in (None, "!"):
        raise _Unusual
    collection: LineDict | LineList
    if kind is _MAPPING_START:
        collection = LineDict()
        collection.key_marks = {}
    else:
        collection = LineList()
        collection.item_marks = []
    collection.mark = to_mark(event.start_mark)
    return collection


class _PlainValues(dict):
    """Plain scalars' values by their text: the value (a string, a number, true, null) depends on the text
    alone and is never changed once made, and keys and feature names repeat on every rule."""

    def __init__(self, loader: _DirectLoader) -> None:
        super().__init__()
        self._loader = loader

    def __missing__(self, text: str) -> Any:
        value = self[text] = self._loader.plain_value(text)
        return value


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
