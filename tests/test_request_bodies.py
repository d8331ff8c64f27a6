"""Request bodies at the real service: stalled and slow clients, and bodies over the limit however sent.

The service runs with a short body bound (RAPPORT_BODY_TIMEOUT), so that waiting for it keeps the
suite fast; the default is 5 s.
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO

import pytest

from server.child_process import free_port, start_service, stop_service, wait_healthy
from tests.http_calls import EXTENSION_ORIGIN, post_head, stalled_post

BODY_TIMEOUT = 0.5
LIMIT = 512 * 1024  # MAX_CONTENT_LENGTH


def _start(port: int, log: IO[bytes] | None = None) -> subprocess.Popen:
    process = start_service("--port", str(port), env={**os.environ, "RAPPORT_BODY_TIMEOUT": str(BODY_TIMEOUT)},
                            stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT)
    wait_healthy(port, process, timeout=60)
    return process


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> Iterator[tuple[int, Path]]:
    port, log = free_port(), tmp_path_factory.mktemp("bodies") / "serve.log"
    with log.open("wb") as output:
        process = _start(port, output)
        yield port, log
        stop_service(process)


@pytest.fixture
def port(service) -> int:
    return service[0]


def _chunked(data: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(data[i:i + 65536]), data[i:i + 65536])
                    for i in range(0, len(data), 65536)) + b"0\r\n\r\n"


def _answer(connection: socket.socket) -> tuple[int, dict]:
    """Status and JSON of the answer on a raw connection."""
    response = http.client.HTTPResponse(connection)
    response.begin()
    return response.status, json.loads(response.read())


def _closed_by_service(connection: socket.socket) -> bool:
    try:
        return connection.recv(1) == b""
    except ConnectionResetError:
        return True


def _timed_probe(port: int, method: str, path: str) -> tuple[int, float]:
    """Status and seconds of one request from an ordinary client."""
    started = time.monotonic()
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        body = json.dumps({"text": "RT to win a voucher"}) if method == "POST" else None
        client.request(method, path, body=body, headers={"Origin": EXTENSION_ORIGIN,
                                                          "Content-Type": "application/json"})
        status = client.getresponse().status
    finally:
        client.close()
    return status, time.monotonic() - started


def test_stalled_bodies_get_408_and_delay_no_one_else(port):
    with ExitStack() as stack:
        stalled = [stack.enter_context(stalled_post(port)) for _ in range(4)]
        probes = [_timed_probe(port, method, path) for method, path in [("GET", "/healthz"), ("POST", "/v1/lint")] * 5]
        # Each is answered at once, not after a stalled body's bound: none of them waits behind one.
        assert [status for status, _ in probes] == [200] * 10
        assert max(seconds for _, seconds in probes) < BODY_TIMEOUT
        for connection in stalled:
            status, body = _answer(connection)
            assert (status, body["error"]["code"], _closed_by_service(connection)) == (408, "request_timeout", True)


def test_a_body_trickling_in_past_the_bound_is_cut_off(port):
    body = b'{"text": "RT to win a voucher, one byte at a time"}'
    with post_head(port, f"Content-Length: {len(body)}") as connection:
        started = time.monotonic()
        with pytest.raises(OSError):  # the service gives up on it and closes the connection
            for byte in body:
                connection.sendall(bytes([byte]))
                time.sleep(0.05)
        assert time.monotonic() - started < BODY_TIMEOUT + 1


def test_a_slow_body_within_the_bound_is_linted(port):
    first, rest = b'{"text": ', b'"RT to win a voucher"}'
    with post_head(port, f"Content-Length: {len(first + rest)}", first) as connection:
        time.sleep(BODY_TIMEOUT / 3)
        connection.sendall(rest)
        status, body = _answer(connection)
    assert status == 200 and "reward-for-sharing" in {f["rule"] for f in body["findings"]}


def _over_the_limit() -> bytes:
    """Valid JSON that ends exactly at the limit, then more bytes: a reader that stops at the limit
    without looking further sees a complete draft."""
    draft = json.dumps({"text": "RT to win a voucher", "padding": ""}).encode()
    padded = draft[:-2] + b" " * (LIMIT - len(draft)) + draft[-2:]
    return padded + b" " * 1024


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_a_body_over_the_limit_is_413_however_it_is_framed(port, chunked):
    body = _over_the_limit()
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(body)}"
    with post_head(port, framing) as connection:
        try:
            connection.sendall(_chunked(body) if chunked else body)
        except OSError:
            pass  # the service may answer, and close, before all of it is sent
        status, answer = _answer(connection)
    assert (status, answer["error"]["code"]) == (413, "request_entity_too_large")


def test_a_chunked_body_within_the_limit_is_linted(port):
    with post_head(port, "Transfer-Encoding: chunked", _chunked(b'{"text": "RT to win a voucher"}')) as connection:
        status, body = _answer(connection)
    assert status == 200 and "reward-for-sharing" in {f["rule"] for f in body["findings"]}


@pytest.mark.parametrize("framing", ["Content-Length: 1000", "Transfer-Encoding: chunked"])
def test_a_client_gone_mid_body_costs_no_traceback(service, framing):
    port, log = service
    with post_head(port, framing, b'9\r\n{"text": \r\n' if "chunked" in framing else b'{"text": '):
        time.sleep(BODY_TIMEOUT / 5)
    assert _timed_probe(port, "POST", "/v1/lint")[0] == 200
    assert "Traceback" not in log.read_text(errors="replace")  # nor from any request of this module before


def test_stop_is_bounded_while_clients_stall():
    port = free_port()
    process = _start(port)
    with ExitStack() as stack:
        for _ in range(3):
            stack.enter_context(stalled_post(port))
        idle = stack.enter_context(socket.create_connection(("127.0.0.1", port)))  # a keep-alive connection
        idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        idle.recv(4096)
        started = time.monotonic()
        assert stop_service(process, timeout=10) == 0
        assert time.monotonic() - started < 6
