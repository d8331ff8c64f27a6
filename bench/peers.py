"""Peer linters on the same corpus: proselint (PyPI) in this process, the npm ones (those in PEERS of
bench/peers/run.mjs) in one Node process. Nothing is downloaded here; `python -m bench setup` installs them."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .timing import Latency, time_calls

PEERS_DIR = Path(__file__).resolve().parent / "peers"
NPM_PEERS = "npm peers"  # the row standing for all of them when Node cannot run them


def setup() -> int:
    """Install the peers: proselint with pip, the npm ones with `npm ci` from the committed lock file; and
    Debian's wrk, the HTTP load generator (bench/http.py), when it is missing."""
    steps = [[sys.executable, "-m", "pip", "install", "proselint>=0.16,<0.17"],
             ["npm", "ci", "--no-audit", "--no-fund"]]
    if shutil.which("wrk") is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        steps += [[*sudo, "apt-get", "update", "-qq"], [*sudo, "apt-get", "install", "-y", "-qq", "wrk"]]
    for step in steps:
        print("bench setup:", " ".join(step), flush=True)
        if subprocess.run(step, cwd=PEERS_DIR).returncode != 0:
            return 1
    return 0


def measure_proselint(texts: list[str], warm: int = 50) -> Latency | str:
    """proselint's own API (LintFile.lint with its default checks), one draft at a time."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return "not installed (run: python -m bench setup)"
    CheckRegistry().register_many(__register__)
    return time_calls(lambda text: LintFile("<draft>", text).lint(), texts, warm)


def measure_node(texts: list[str]) -> dict[str, Latency | str]:
    """The npm peers, timed inside Node (start-up and set-up excluded) by bench/peers/run.mjs, keyed by the
    names it prints; one "npm peers" entry saying why when Node could not run them at all."""
    if shutil.which("node") is None:
        return {NPM_PEERS: "node not found"}
    if not (PEERS_DIR / "node_modules").is_dir():
        return {NPM_PEERS: "not installed (run: python -m bench setup)"}
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump(texts, handle)
    try:
        done = subprocess.run(["node", str(PEERS_DIR / "run.mjs"), handle.name], cwd=PEERS_DIR,
                              capture_output=True, text=True, timeout=3600)
    finally:
        Path(handle.name).unlink()
    if done.returncode != 0:
        return {NPM_PEERS: f"failed: {done.stderr.strip()[-300:]}"}
    return {name: _node_result(row) for name, row in json.loads(done.stdout).items()}


def _node_result(row: dict[str, Any]) -> Latency | str:
    """One peer's entry from run.mjs: its timing, or why it could not be loaded or run."""
    if "error" in row:
        return f"failed: {row['error'].splitlines()[0][:200]}"
    return Latency(int(row["count"]), float(row["seconds"]), float(row["p50_ms"]), float(row["p99_ms"]))
