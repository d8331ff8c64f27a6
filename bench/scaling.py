"""Cost against the number of rules: the default pack, and packs of 5x and 20x its rules.

The copies are the default rules with new ids (`<id>-copy<n>`), so every copy keeps its own
examples valid and fires exactly when its original does.
"""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

from .inprocess import make_linter, measure
from .timing import Latency


def multiplied_rules_file(source: Path, factor: int, directory: Path) -> Path:
    """Write a rules file holding `factor` copies of every rule of `source`; return its path."""
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    originals = document["rules"]
    rules = list(originals)
    for n in range(1, factor):
        for rule in originals:
            twin = copy.deepcopy(rule)
            twin["id"] = f"{rule['id']}-copy{n}"
            rules.append(twin)
    document["rules"] = rules
    path = directory / f"rules-x{factor}.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def measure_scaling(source: Path, texts: list[str], factors: tuple[int, ...], directory: Path
                    ) -> list[tuple[int, int, Latency]]:
    """(factor, number of rules, in-process latency) for each factor."""
    results = []
    for factor in factors:
        path = source if factor == 1 else multiplied_rules_file(source, factor, directory)
        linter = make_linter(path)
        try:
            results.append((factor, len(linter.pack.rules), measure(linter, texts)))
        finally:
            linter.close()
    return results
