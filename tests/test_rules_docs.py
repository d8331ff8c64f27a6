"""docs/rules.md covers every feature, default phrase list and condition form, and its example works."""
from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from cli.main import main
from rules import DEFAULT_PACK, load_pack
from rules.deciding.conditions import OPERATORS
from rules.measuring.features import BUILTIN_FEATURES

DOC = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
DOCUMENTED = set(re.findall(r"`([a-z_]+)`", DOC))


@pytest.mark.parametrize("name", sorted(BUILTIN_FEATURES))
def test_every_builtin_feature_is_documented(name):
    assert name in DOCUMENTED


@pytest.mark.parametrize("name", sorted(load_pack(DEFAULT_PACK).plan.phrase_lists))
def test_every_default_phrase_list_is_documented(name):
    assert name in DOCUMENTED


def test_every_condition_form_is_documented():
    for form in ["{all:", "{any:", "{not:", "{has:", "at_least: 2}", "{near:", "within:", *OPERATORS]:
        assert form in DOC, form


def _worked_example(tmp_path: Path, old: str = "", new: str = "") -> Path:
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", DOC, re.S) if 'version: "acme-1"' in b)
    text = textwrap.dedent(block).replace("../rapport/rules.yaml", os.path.relpath(DEFAULT_PACK, tmp_path))
    path = tmp_path / "acme.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_worked_example_passes_check_rules(tmp_path, capsys):
    assert main(["check-rules", str(_worked_example(tmp_path))]) == 0
    assert "ok   linkedin-two-hashtags (2/2 examples)" in capsys.readouterr().out


def test_worked_example_typo_is_reported_as_documented(tmp_path, capsys):
    path = _worked_example(tmp_path, "- platform: linkedin", "- platfrom: linkedin")
    assert main(["check-rules", str(path)]) == 2
    expected = re.search(r"`acme\.yaml(:\d+: rule 'linkedin-two-hashtags': when: unknown feature 'platfrom')", DOC)
    assert f"{path}{expected.group(1)}" in capsys.readouterr().err
