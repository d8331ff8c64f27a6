"""Rapport over HTTP on loopback: the real service (server/child_process.py) loaded by wrk (Debian's, installed
by `python -m bench setup`) at several connections, or, without wrk, by Python client threads that each
keep one connection open, as the extension's does (those measure the client as much as the service)."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from server.child_process import child_pids

from .timing import Latency

ORIGIN = "chrome-extension://benchbenchbenchbenchbenchbenchbe"


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


def service_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the service and its workers so far, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for process in (pid, *child_pids(pid)):
        fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def measure_wrk(port: int, pid: int, texts: list[str], connections: int, seconds: float) -> dict[str, float] | None:
    """wrk at `connections` connections for `seconds`: requests/s, p50 and p99, and the service's CPU per
    request; None when wrk is not installed."""
    if shutil.which("wrk") is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as bodies:
        bodies.writelines(json.dumps({"text": text}) + "\n" for text in texts)
    script = Path(__file__).with_name("wrk_lint.lua")
    env = {**os.environ, "RAPPORT_BENCH_BODIES": bodies.name, "RAPPORT_BENCH_ORIGIN": ORIGIN}
    try:
        cpu_before = service_cpu_seconds(pid)
        done = subprocess.run(["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds:g}s",
                               "-s", str(script), f"http://127.0.0.1:{port}/"], env=env, capture_output=True,
                              text=True, timeout=seconds + 60, check=True)
        cpu = service_cpu_seconds(pid) - cpu_before
    finally:
        Path(bodies.name).unlink()
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if figures["errors"]:
        raise RuntimeError(f"wrk saw {figures['errors']} failed requests: {done.stdout[-500:]}")
    requests = figures["requests"]
    return {"connections": connections, "requests": requests, "per_second": round(requests / figures["seconds"], 1),
            "p50_ms": round(figures["p50_us"] / 1000, 3), "p99_ms": round(figures["p99_us"] / 1000, 3),
            "service_cpu_ms": round(1000 * cpu / requests, 4) if requests else 0.0}
