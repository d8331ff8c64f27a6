"""Cost against the number of rules: the default pack, and packs of 10x and 100x its rules.

The copies are the default rules with new ids (`<id>-copy<n>`), so every copy keeps its own
examples valid and fires exactly when its original does.
"""
from __future__ import annotations

import copy
import time
from pathlib import Path

import yaml

from .inprocess import make_linter, measure
from .timing import Latency


COPIES_PER_FILE = 30  # copies of the default pack's rules one file holds: well inside a rules file's 4 MiB


def multiplied_rules_file(source: Path, factor: int, directory: Path) -> Path:
    """Write a rules file that, with the files it extends, holds `factor` copies of every rule of `source`;
    return its path. The copies are spread over a chain of files, each extending the one before (the first
    extends `source`), so no file passes the size a rules file may have."""
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    originals = document["rules"]
    path = source.resolve()
    copies = range(1, factor)
    for part in range(0, len(copies), COPIES_PER_FILE):
        rules = []
        for n in copies[part:part + COPIES_PER_FILE]:
            for rule in originals:
                twin = copy.deepcopy(rule)
                twin["id"] = f"{rule['id']}-copy{n}"
                rules.append(twin)
        layer = {"version": document["version"], "extends": str(path), "rules": rules}
        path = directory / f"rules-x{factor}-{part // COPIES_PER_FILE + 1}.yaml"
        path.write_text(yaml.safe_dump(layer, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


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
