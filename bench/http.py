"""Rapport over HTTP on loopback: the real service (`python -m server serve`) as a subprocess,
timed from client threads that each keep one connection open, as the extension's does."""
from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .timing import Latency

ORIGIN = "chrome-extension://benchbenchbenchbenchbenchbenchbe"
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
    command = [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if rules is not None:
        command += ["--rules", str(rules)]
    output = {"stdout": log, "stderr": subprocess.STDOUT} if log else {"stdout": subprocess.DEVNULL,
                                                                      "stderr": subprocess.PIPE}
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"}, **output)
    try:
        _wait_ready(port, process, ready_timeout)
        yield RunningService(port, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stderr.read().decode(errors="replace") if process.stderr else "see its log"
            raise RuntimeError(f"the service exited early: {output}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the service did not answer on port {port} within {timeout:.0f} s")


class Client:
    """One keep-alive connection posting drafts to /v1/lint."""

    def __init__(self, port: int) -> None:
        self._connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self._headers = {"Origin": ORIGIN, "Content-Type": "application/json"}

    def lint(self, text: str) -> dict:
        self._connection.request("POST", "/v1/lint", body=json.dumps({"text": text}), headers=self._headers)
        response = self._connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"/v1/lint answered {response.status}: {body[:200]!r}")
        return json.loads(body)

    def close(self) -> None:
        self._connection.close()


def measure(port: int, texts: list[str], threads: int, requests: int) -> Latency:
    """`requests` drafts spread over `threads` client threads; round trips timed one by one."""
    durations: list[list[float]] = [[] for _ in range(threads)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(threads + 1)

    def work(index: int) -> None:
        client = Client(port)
        try:
            client.lint("warm up")
            barrier.wait()
            clock = time.perf_counter
            for n in range(index, requests, threads):
                before = clock()
                client.lint(texts[n % len(texts)])
                durations[index].append(clock() - before)
        except BaseException as error:  # noqa: BLE001 - reported after the run
            errors.append(error)
        finally:
            client.close()

    workers = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(threads)]
    for worker in workers:
        worker.start()
    barrier.wait()
    started = time.perf_counter()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise errors[0]
    return Latency.of([d for per_thread in durations for d in per_thread], elapsed)
