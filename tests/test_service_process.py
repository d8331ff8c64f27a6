"""The real `rapport serve` process: loopback only, offline, and draft text never logged."""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from server.child_process import (
    RAPPORT,
    child_pids,
    free_port,
    start_service,
    stop_service,
    wait_healthy,
    wait_until,
)
from tests.http_calls import EXTENSION_ORIGIN, post_json
from tests.procfs import exited, listening_addresses

MARKER = "zebra-quartz-7781"  # a draft word that must never show up in the service's output


@pytest.fixture(scope="module")
def service() -> Iterator[tuple[int, subprocess.Popen]]:
    port = free_port()
    process = start_service("--port", str(port), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wait_healthy(port, process, timeout=30)
    yield port, process
    stop_service(process)


def _lint(port: int, text: str) -> dict:
    return post_json(f"http://127.0.0.1:{port}/v1/lint", {"text": text}, {"Origin": EXTENSION_ORIGIN})


def test_serves_on_loopback_only(service):
    port, _ = service
    assert _lint(port, "Do not reply to this.")["findings"][0]["rule"] == "replies-closed"
    assert listening_addresses(port) == {"127.0.0.1"}  # not 0.0.0.0, not another interface
    outward = [addr[4][0] for addr in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
               if not addr[4][0].startswith("127.")]
    for address in outward:  # and, where this machine has other addresses, nothing answers there
        with socket.socket() as probe, pytest.raises(OSError):
            probe.settimeout(1)
            probe.connect((address, port))


def test_a_second_service_on_the_same_port_is_refused_and_the_first_keeps_serving(service):
    port, _ = service
    second = subprocess.run([*RAPPORT, "serve", "--port", str(port)],
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in second.stderr
    assert _lint(port, "Do not reply to this.")["findings"][0]["rule"] == "replies-closed"


# POST /v1/lint as the extension, a page, a rebinding page and broken clients send it.
LINT_REQUESTS = [
    ({"Origin": EXTENSION_ORIGIN}, b'{"text": "RT to win a voucher", "platform": "x"}'),
    ({}, b'{"text": "Do not reply to this.", "disabled_rules": ["replies-closed"]}'),
    ({"Origin": "http://evil.example"}, b'{"text": "RT to win"}'),
    ({"Origin": EXTENSION_ORIGIN, "Host": "rebind.attacker.test"}, b'{"text": "RT to win"}'),
    ({"Origin": EXTENSION_ORIGIN, "Sec-Fetch-Site": "cross-site"}, b'{"text": "RT to win"}'),
    ({"Origin": EXTENSION_ORIGIN}, b'{"text": "RT to win"'),
    ({"Origin": EXTENSION_ORIGIN, "Content-Type": "text/plain"}, b'{"text": "RT to win"}'),
    ({"Origin": EXTENSION_ORIGIN}, b'{"text": 7}'),
    ({"Origin": EXTENSION_ORIGIN}, b'{"text": "hi", "platform": "myspace"}'),
]
SHOWN_HEADERS = ("Content-Type", "Access-Control-Allow-Origin", "Vary")


def _answer(status: int, headers: Any, body: bytes) -> tuple[int, dict[str, str | None], Any]:
    return status, {name: headers.get(name) for name in SHOWN_HEADERS}, json.loads(body)


@pytest.mark.parametrize(("headers", "body"), LINT_REQUESTS)
def test_the_service_answers_lint_requests_as_the_app_does(service, client, headers, body):
    port, _ = service
    headers = {"Content-Type": "application/json", **headers}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("POST", "/v1/lint", body, {"Host": f"127.0.0.1:{port}", **headers})
    served = connection.getresponse()
    over_http = _answer(served.status, served.headers, served.read())
    connection.close()
    in_app = client.post("/v1/lint", data=body, headers=headers)
    assert over_http == _answer(in_app.status_code, in_app.headers, in_app.data)


def test_a_service_with_a_token_refuses_lints_without_it(tmp_path):
    port = free_port()
    process = start_service("--port", str(port), env={**os.environ, "RAPPORT_TOKEN": "s3cret"})
    try:
        wait_healthy(port, process, timeout=30)
        url, draft = f"http://127.0.0.1:{port}/v1/lint", {"text": "RT to win"}
        for wrong in ({}, {"X-Rapport-Token": "s3cre"}):
            with pytest.raises(urllib.request.HTTPError) as refused:
                post_json(url, draft, {"Origin": EXTENSION_ORIGIN, **wrong})
            assert refused.value.code == 401 and json.load(refused.value)["error"]["code"] == "bad_token"
        assert "findings" in post_json(url, draft, {"Origin": EXTENSION_ORIGIN, "X-Rapport-Token": "s3cret"})
    finally:
        stop_service(process)


def test_stopping_the_service_while_its_worker_loads_the_rules_ends_it():
    process = start_service("--port", str(free_port()))
    wait_until(lambda: child_pids(process.pid), 30, interval=0.02)  # the worker is forked...
    # ...and still loading: a stop sent now used to be lost, leaving both running for good.
    assert stop_service(process) == 0


def test_draft_text_never_reaches_the_log(service):
    port, process = service
    _lint(port, f"RT to win {MARKER}")
    with pytest.raises(urllib.request.HTTPError):
        _lint(port, {"broken": MARKER})  # type: ignore[arg-type]
    process.terminate()
    output, _ = process.communicate(timeout=10)
    assert "serving" in output
    assert MARKER not in output


def test_lint_works_with_the_network_cut_off(tmp_path):
    drafts = tmp_path / "d.txt"
    drafts.write_text("Hello there, what do you think of the new menu?\n", encoding="utf-8")
    # Any connection attempt (textstat's nltk download, say) fails loudly instead of passing.
    guard = ("import socket, sys\n"
             "def refuse(*a, **k): raise SystemExit('network used: ' + repr(a))\n"
             "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
             "from cli.main import main\nsys.exit(main(['lint', sys.argv[1]]))\n")
    done = subprocess.run([sys.executable, "-c", guard, str(drafts)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")


def test_serves_when_home_and_temp_dirs_are_unusable(tmp_path):
    # The service writes nothing: with HOME, TMPDIR and the config dir unwritable (a path under
    # /dev/null, so even root gets ENOTDIR), it still starts and lints.
    unusable = "/dev/null/rapport"
    port = free_port()
    env = {**os.environ, "HOME": unusable, "TMPDIR": unusable, "XDG_CONFIG_HOME": unusable}
    process = start_service("--port", str(port), env=env)
    try:
        wait_healthy(port, process, timeout=30)
        assert _lint(port, "Do not reply.")["findings"][0]["rule"] == "replies-closed"
    finally:
        stop_service(process)


def _lint_on(connection: http.client.HTTPConnection) -> str:
    """The first rule that fires on a draft posted over this (keep-alive) connection."""
    connection.request("POST", "/v1/lint", body=json.dumps({"text": "Do not reply."}),
                       headers={"Origin": EXTENSION_ORIGIN, "Content-Type": "application/json"})
    return json.load(connection.getresponse())["findings"][0]["rule"]


def test_a_worker_crash_fails_the_next_request_of_each_keep_alive_connection_once():
    port = free_port()
    process = start_service("--port", str(port))
    connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(4)]
    try:
        wait_healthy(port, process, timeout=60)
        assert [_lint_on(connection) for connection in connections] == ["replies-closed"] * 4
        worker, = child_pids(process.pid)
        os.kill(worker, signal.SIGKILL)
        wait_until(lambda: exited(worker), 10)
        for connection in connections:  # each connection the worker held loses the request sent on it
            with pytest.raises((OSError, http.client.HTTPException)):
                _lint_on(connection)
            connection.close()
        wait_healthy(port, process, timeout=60)  # granian's replacement worker
        assert [_lint_on(connection) for connection in connections] == ["replies-closed"] * 4  # reconnected
    finally:
        for connection in connections:
            connection.close()
        stop_service(process)
