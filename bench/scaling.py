"""Cost against the number of rules: the default pack, and packs of 10x and 100x its rules.

The copies are the default rules with new ids (`<id>-copy<n>`), so every copy keeps its own
examples valid and fires exactly when its original does.
"""
from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

import yaml

from rules.loading.sources import MAX_FILE_BYTES
from rules.loading.yaml_lines import MAX_VALUES

from .inprocess import make_linter, measure
from .timing import Latency


def multiplied_rules_file(source: Path, factor: int, directory: Path) -> Path:
    """Write a rules file that, with the files it extends, holds `factor` copies of every rule of `source`;
    return its path. The copies are spread over a chain of files, each extending the one before (the first
    extends `source`), so no file passes the size a rules file may have."""
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    originals = document["rules"]
    path = source.resolve()
    copies = range(1, factor)
    per_file = _copies_per_file(originals)
    for part in range(0, len(copies), per_file):
        rules = []
        for n in copies[part:part + per_file]:
            for rule in originals:
                twin = copy.deepcopy(rule)
                twin["id"] = f"{rule['id']}-copy{n}"
                rules.append(twin)
        layer = {"version": document["version"], "extends": str(path), "rules": rules}
        path = directory / f"rules-x{factor}-{part // per_file + 1}.yaml"
        path.write_text(yaml.safe_dump(layer, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _copies_per_file(rules: list[Any]) -> int:
    """How many copies of `rules` one file holds within nine tenths of the values and the bytes a rules file
    may have: few files, since a chain of them may be only MAX_EXTENDS_DEPTH deep, and none refused as the
    default pack grows (a fixed 30 copies passed the values' limit once the pack reached 43 rules)."""
    size = len(yaml.safe_dump({"rules": rules}, sort_keys=False, allow_unicode=True).encode())
    return max(1, min(MAX_VALUES * 9 // 10 // _values(rules), MAX_FILE_BYTES * 9 // 10 // size))


def _values(node: Any) -> int:
    """Values as the loader counts them: every scalar, list and mapping, keys included."""
    if isinstance(node, dict):
        return 1 + sum(1 + _values(value) for value in node.values())
    if isinstance(node, list):
        return 1 + sum(map(_values, node))
    return 1


def measure_scaling(source: Path, texts: list[str], factors: tuple[int, ...], directory: Path
                    ) -> list[tuple[int, int, float, Latency]]:
    """(factor, number of rules, seconds to load and compile the pack, in-process latency) for each factor."""
    results = []
    for factor in factors:
        path = source if factor == 1 else multiplied_rules_file(source, factor, directory)
        started = time.perf_counter()
        linter = make_linter(path)
        loaded = time.perf_counter() - started
        try:
            results.append((factor, len(linter.pack.rules), loaded, measure(linter, texts)))
        finally:
            linter.close()
    return results
