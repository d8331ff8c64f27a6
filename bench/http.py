"""Rapport over HTTP on loopback: the real service (server/child_process.py), timed from client threads
that each keep one connection open, as the extension's does."""
from __future__ import annotations

import http.client
import json
import threading
import time

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
