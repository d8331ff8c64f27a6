"""docs/security.md names a test for each defence in its table, and every test it names exists."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
TEST_REFERENCE = re.compile(r"(tests/[\w/]+\.py)(?:::(\w+))?")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", DOC, re.MULTILINE | re.DOTALL)
    assert match, f"docs/security.md has no section '## {title}'"
    return match.group(1)


def _table_rows(section: str) -> list[list[str]]:
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]  # past header and rule


def _exists(path: str, test: str | None) -> bool:
    file = ROOT / path
    return file.is_file() and (test is None or re.search(rf"^def {test}\(", file.read_text(encoding="utf-8"), re.MULTILINE))


def test_every_defence_in_the_table_names_a_test():
    rows = _table_rows(_section("Defences and their tests"))
    assert len(rows) >= 20
    for threat, defence, tests in rows:
        assert TEST_REFERENCE.search(tests), f"no test named for: {threat} / {defence}"


@pytest.mark.parametrize(("path", "test"), sorted(set(TEST_REFERENCE.findall(DOC))))
def test_every_test_the_page_names_exists(path, test):
    assert _exists(path, test or None), f"{path}::{test}"
