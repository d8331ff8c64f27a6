"""A rules file and the chain of packs it `extends`, read base first.

`extends` is a path relative to the file that names it. Every file is parsed and
shape-checked on its own, so a problem names the file it is in.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .document import parse_document
from .pack import Problem, RulesError, Stamp, stamp_of
from .yaml_lines import LineDict, Mark

MAX_EXTENDS_DEPTH = 8


@dataclass(frozen=True, slots=True)
class Layer:
    path: Path
    raw: bytes
    stamp: Stamp
    document: LineDict

    @property
    def file(self) -> str:
        return str(self.path)


def read_chain(path: Path, tried: list[Path]) -> list[Layer]:
    """The file and every pack it extends, base first; `tried` collects each path read."""
    chain: list[Layer] = []
    referrer: tuple[Layer, Mark] | None = None
    while True:
        tried.append(path)
        data, stamp = _read(path, referrer)
        layer = Layer(path, data, stamp, parse_document(data, str(path)))
        chain.append(layer)
        if "extends" not in layer.document:
            return chain[::-1]
        mark = layer.document.key_marks["extends"]
        path, referrer = _target(layer), (layer, mark)
        _check_link(chain, path, layer, mark)


def _target(layer: Layer) -> Path:
    return Path(os.path.normpath(layer.path.parent / layer.document["extends"]))


def _check_link(chain: list[Layer], target: Path, layer: Layer, mark: Mark) -> None:
    if any(target.resolve() == seen.path.resolve() for seen in chain):
        cycle = " -> ".join([*(str(seen.path) for seen in chain), str(target)])
        raise RulesError([Problem.at(layer.file, mark, f"extends: packs extend each other in a cycle: {cycle}")])
    if len(chain) >= MAX_EXTENDS_DEPTH:
        raise RulesError([Problem.at(layer.file, mark, f"extends: more than {MAX_EXTENDS_DEPTH} packs deep")])


def _read(path: Path, referrer: tuple[Layer, Mark] | None) -> tuple[bytes, Stamp]:
    """The file's bytes and its stamp taken from the open file, so a watcher compares with what was read."""
    try:
        with path.open("rb") as file:
            stamp = stamp_of(os.fstat(file.fileno()))
            return file.read(), stamp
    except OSError as error:
        if referrer is None:
            problem = Problem(str(path), None, f"cannot read the rules file: {error.strerror}")
        else:
            problem = Problem.at(referrer[0].file, referrer[1], f"extends: cannot read {path}: {error.strerror}")
        raise RulesError([problem]) from None
