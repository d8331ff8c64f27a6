"""`rapport serve` as a child process, as users run it. Each runs in its own process group, so
stopping it also ends any worker a failing test would otherwise leave running (and holding CPU)."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from typing import Any


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_service(*argv: str, **popen: Any) -> subprocess.Popen:
    """`python -m server serve ARGV...`; `popen` passes output and environment settings through."""
    popen.setdefault("stdout", subprocess.DEVNULL)
    popen.setdefault("stderr", subprocess.DEVNULL)
    return subprocess.Popen([sys.executable, "-m", "server", "serve", *argv], start_new_session=True, **popen)


def stop_service(process: subprocess.Popen, timeout: float = 10) -> int:
    """Asks the service to stop; returns its exit status, or raises TimeoutExpired if it does not
    stop within `timeout` (stopping is behaviour too). Either way nothing of it is left running."""
    process.terminate()
    try:
        return process.wait(timeout=timeout)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
