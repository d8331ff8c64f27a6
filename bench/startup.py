"""Start-up: `rapport lint` on one draft against `python -c pass`, both run by this interpreter, best of N."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from server.child_process import RAPPORT, ROOT


def _run(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def _best(argv: list[str], runs: int) -> tuple[float, float]:
    _run(argv)  # warm: the OS's file cache and Rapport's shape and pack caches, as a second run in a hook finds them
    timings = [_run(argv) for _ in range(runs)]
    return min(wall for wall, _ in timings), min(cpu for _, cpu in timings)


# The packages `rapport lint` imports, compiled as pip compiles an installed wheel: a checkout run with
# PYTHONDONTWRITEBYTECODE set (as on this project's machines) never writes its .pyc files, so every run
# would otherwise compile 50 modules again (about 110 ms) and time the compiler, not the start.
PACKAGES = ("rules", "cli", "server", "audit")


def measure(rules: Path, runs: int = 7) -> dict[str, float]:
    subprocess.run([sys.executable, "-m", "compileall", "-q", *(str(ROOT / name) for name in PACKAGES)],
                   cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    with tempfile.TemporaryDirectory() as directory:
        draft = Path(directory) / "draft.txt"
        draft.write_text("Thanks for coming along on Saturday, see you next week?\n", encoding="utf-8")
        python_wall, python_cpu = _best([sys.executable, "-c", "pass"], runs)
        lint_wall, lint_cpu = _best([*RAPPORT, "lint", "--rules", str(rules), str(draft)], runs)
    return {"runs": runs, "python_ms": round(1000 * python_wall, 1), "python_cpu_ms": round(1000 * python_cpu, 1),
            "lint_ms": round(1000 * lint_wall, 1), "lint_cpu_ms": round(1000 * lint_cpu, 1),
            "ratio": round(lint_wall / python_wall, 1) if python_wall else 0.0}
