"""The real service (`rapport serve`) as a child process: started in its own process group,
waited for until healthy, stopped with nothing of it left running. The tests, the benchmarks
and the soak all run it this way."""
from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

ROOT = Path(__file__).resolve().parent.parent  # the checkout (or site-packages): where `cli` imports from
RAPPORT = (sys.executable, "-m", "cli")  # the `rapport` command, run by this interpreter
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_service(*argv: str, **popen: Any) -> subprocess.Popen:
    """`rapport serve ARGV...` from the repository root, in its own process group so that
    stop_service also ends its workers; `popen` passes output and environment settings through."""
    popen.setdefault("stdout", subprocess.DEVNULL)
    popen.setdefault("stderr", subprocess.DEVNULL)
    popen.setdefault("cwd", ROOT)
    return subprocess.Popen([*RAPPORT, "serve", *argv], start_new_session=True, **popen)


def stop_service(process: subprocess.Popen, timeout: float = 10) -> int:
    """Asks the service to stop; returns its exit status, or raises TimeoutExpired if it does not
    stop within `timeout` (stopping is behaviour too). Either way nothing of it is left running."""
    process.terminate()
    try:
        return process.wait(timeout=timeout)
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def child_pids(pid: int) -> list[int]:
    """The direct children of a process (the service's workers), from /proc."""
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
        return [int(child) for child in children.read().split()]


def wait_until(check: Callable[[], T], seconds: float, interval: float = 0.1,
               ignore: tuple[type[BaseException], ...] = ()) -> T:
    """Calls `check` until it returns something truthy and returns that; exceptions of the types in
    `ignore` count as not yet. Raises TimeoutError after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if result := check():
                return result
        except ignore:
            pass
        time.sleep(interval)
    raise TimeoutError(f"not true within {seconds:g} s: {check.__doc__ or check}")


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Waits until the service on `port` answers GET /healthz with 200; raises RuntimeError if it exits first."""
    def healthy() -> bool:
        """the service answers GET /healthz"""
        if process.poll() is not None:
            raise RuntimeError(f"the service exited early: {_output(process)}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            return connection.getresponse().status == 200
        finally:
            connection.close()

    wait_until(healthy, timeout, ignore=(OSError,))


def _output(process: subprocess.Popen) -> str:
    stream = process.stderr or process.stdout
    if stream is None:
        return "see its log"
    output = stream.read()
    return output.decode(errors="replace") if isinstance(output, bytes) else output


@dataclass(frozen=True)
class RunningService:
    port: int
    pid: int


@contextmanager
def service(rules: Path | None = None, log: BinaryIO | None = None,
            ready_timeout: float = 60.0) -> Iterator[RunningService]:
    """Start the service on a free loopback port, yield where it runs, stop it afterwards.

    Its output goes to `log` when given (the soak reads it back), else stderr is kept for errors.
    """
    port = free_port()
    argv = ["--host", "127.0.0.1", "--port", str(port)]
    if rules is not None:
        argv += ["--rules", str(rules)]
    output = {"stdout": log, "stderr": subprocess.STDOUT} if log else {"stdout": subprocess.DEVNULL,
                                                                      "stderr": subprocess.PIPE}
    process = start_service(*argv, env={**os.environ, "PYTHONUNBUFFERED": "1"}, **output)
    try:
        wait_healthy(port, process, ready_timeout)
        yield RunningService(port, process.pid)
    finally:
        with suppress(subprocess.TimeoutExpired):
            stop_service(process)
