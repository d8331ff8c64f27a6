"""Shared fixtures: the app on the default pack (pytest-flask's `app`), and rules files to break."""
from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from rules import DEFAULT_PACK, Linter, Rule, RulePack, RulesError, load_pack
from server.app import create_app
from tests.http_calls import EXTENSION_ORIGIN


def pytest_configure(config: pytest.Config) -> None:
    """The run's pack and shape caches live in a folder of its own, not in the user's ~/.cache: set before
    collection, which already loads packs."""
    folder = tempfile.mkdtemp(prefix="rapport-cache-")
    os.environ["RAPPORT_CACHE_DIR"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(load_pack(DEFAULT_PACK))


@pytest.fixture
def app() -> Flask:
    return create_app({"TESTING": True})


@pytest.fixture
def lint(client) -> Callable[..., dict]:
    """POST a draft the way the extension does and return the JSON answer."""
    def post(text: str, **fields: object) -> dict:
        response = client.post("/v1/lint", json={"text": text, **fields}, headers={"Origin": EXTENSION_ORIGIN})
        assert response.status_code == 200, response.get_json()
        return response.get_json()
    return post


MINIMAL_RULE = """\
  - id: shouty
    category: campaign-only
    severity: warning
    message: Too loud.
    when:
      exclamations: {at_least: 3}
    examples:
      flag: ["Wow!!!"]
      pass: ["Wow."]
"""


@pytest.fixture
def rules_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write a rules file from an indented YAML snippet; `rules:` entries default to MINIMAL_RULE."""
    def write(body: str = "", name: str = "rules.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(body) or f'version: "t"\nrules:\n{MINIMAL_RULE}', encoding="utf-8")
        return path
    return write


def rule_named(pack: RulePack, rule_id: str) -> Rule:
    return next(rule for rule in pack.rules if rule.id == rule_id)


def rules_problems(path: Path) -> list:
    """The problems that refuse the rules file at `path` (fails the test if it loads)."""
    with pytest.raises(RulesError) as caught:
        Linter(load_pack(path))
    return caught.value.problems
