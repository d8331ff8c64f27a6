"""A rules file and the chain of packs it `extends`, read base first.

`extends` is a path relative to the file that names it. Every file is parsed and
shape-checked on its own, so a problem names the file it is in.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Problem, RulesError
from .document import parse_document
from .sources import SourceFile, read_source
from .yaml_lines import LineDict, Mark

MAX_EXTENDS_DEPTH = 8


@dataclass(frozen=True, slots=True)
class Layer:
    path: Path
    raw: bytes
    document: LineDict

    @property
    def file(self) -> str:
        return str(self.path)


def read_chain(path: Path, sources: list[SourceFile]) -> list[Layer]:
    """The file and every pack it extends, base first; `sources` collects each file read."""
    chain: list[Layer] = []
    referrer: tuple[Layer, Mark] | None = None
    while True:
        data = _read(path, referrer, sources)
        layer = Layer(path, data, parse_document(data, str(path)))
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


def _read(path: Path, referrer: tuple[Layer, Mark] | None, sources: list[SourceFile]) -> bytes:
    try:
        return read_source(path, sources)
    except OSError as error:
        if referrer is None:
            problem = Problem(str(path), None, f"cannot read the rules file: {error.strerror}")
        else:
            problem = Problem.at(referrer[0].file, referrer[1], f"extends: cannot read {path}: {error.strerror}")
        raise RulesError([problem]) from None
