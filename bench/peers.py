"""Peer linters on the same corpus: proselint (PyPI) in this process, write-good and alex (npm)
in one Node process. Nothing is downloaded here; `python -m bench setup` installs them."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .timing import Latency, time_calls

PEERS_DIR = Path(__file__).resolve().parent / "peers"


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
    """write-good and alex, timed inside Node (start-up excluded) by bench/peers/run.mjs."""
    names = ("write-good", "alex")
    if shutil.which("node") is None:
        return dict.fromkeys(names, "node not found")
    if not (PEERS_DIR / "node_modules").is_dir():
        return dict.fromkeys(names, "not installed (run: python -m bench setup)")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump(texts, handle)
    try:
        done = subprocess.run(["node", str(PEERS_DIR / "run.mjs"), handle.name], cwd=PEERS_DIR,
                              capture_output=True, text=True, timeout=3600)
    finally:
        Path(handle.name).unlink()
    if done.returncode != 0:
        return dict.fromkeys(names, f"failed: {done.stderr.strip()[-300:]}")
    raw = json.loads(done.stdout)
    return {name: Latency(int(r["count"]), float(r["seconds"]), float(r["p50_ms"]), float(r["p99_ms"]))
            for name, r in raw.items()}
