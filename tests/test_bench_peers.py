"""bench/peers.py reports the npm peers that bench/peers/run.mjs names, without a list of its own."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bench import peers
from bench.timing import Latency


def test_npm_peers_are_the_names_run_mjs_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "node_modules").mkdir()
    monkeypatch.setattr(peers, "PEERS_DIR", tmp_path)
    printed = {"some-linter": {"count": 4, "seconds": 0.5, "p50_ms": 0.1, "p99_ms": 0.3, "findings": 2},
               "broken-linter": {"error": "Error: cannot load\n    at somewhere"}}
    monkeypatch.setattr(peers.subprocess, "run", lambda argv, **_: subprocess.CompletedProcess(
        argv, 0, stdout=json.dumps(printed), stderr=""))
    assert peers.measure_node(["a draft"]) == {"some-linter": Latency(4, 0.5, 0.1, 0.3),
                                               "broken-linter": "failed: Error: cannot load"}


def test_without_node_one_row_says_why(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(peers.shutil, "which", lambda name: None)
    assert peers.measure_node(["a draft"]) == {peers.NPM_PEERS: "node not found"}
