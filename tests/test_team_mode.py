"""`rapport serve --team`: workers behind a token, replaced when they die, reloading together."""
from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import ssl
import subprocess
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest

from rules import DEFAULT_PACK
from server.child_process import (
    RAPPORT,
    child_pids,
    free_port,
    start_service,
    stop_service,
    wait_until,
)
from tests.certificates import self_signed
from tests.http_calls import post_json, stalled_post
from tests.procfs import exited, holds_listener

TOKEN = "team-token-1234"


def _rules(answer: dict) -> set[str]:
    return {finding["rule"] for finding in answer["findings"]}


def _lint(port: int, token: str | None = TOKEN, address: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> dict:
    headers = {"Host": "rapport.team.example"} | ({"X-Rapport-Token": token} if token else {})
    url = f"{'https' if tls else 'http'}://{address}:{port}/v1/lint"
    return post_json(url, {"text": "RT to win a voucher"}, headers, tls)


def _workers(pid: int) -> set[int]:
    return set(child_pids(pid))


def _until(check, seconds: float = 20):
    return wait_until(check, seconds, ignore=(OSError,))


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> Iterator[tuple[int, subprocess.Popen, Path]]:
    rules = tmp_path_factory.mktemp("team") / "rules.yaml"
    shutil.copy(DEFAULT_PACK, rules)
    port = free_port()
    process = start_service("--team", "--workers", "2", "--port", str(port), "--rules", str(rules),
                            env={**os.environ, "RAPPORT_TOKEN": TOKEN})
    _until(lambda: _lint(port))
    yield port, process, rules
    stop_service(process, timeout=20)


def test_token_is_required_and_any_host_name_is_served(team):
    port, _, _ = team
    with pytest.raises(urllib.error.HTTPError) as refused:
        _lint(port, token=None)
    assert refused.value.code == 401
    assert "reward-for-sharing" in _rules(_lint(port))


def test_clients_stalling_with_the_token_do_not_take_the_team_server_down(team):
    port, _, _ = team
    # Three times as many stalled bodies as workers: before, two took every worker for as long as they lasted.
    stalled = [stalled_post(port, {"X-Rapport-Token": TOKEN}) for _ in range(6)]
    try:
        assert all("reward-for-sharing" in _rules(_lint(port)) for _ in range(7))
    finally:
        for connection in stalled:
            connection.close()


def test_a_killed_worker_is_replaced_and_service_keeps_answering(team):
    port, process, _ = team
    # Each worker listens on its own socket once its app is loaded; kill one only when both serve.
    before = _until(lambda: len(workers := _workers(process.pid)) == 2
                    and all(holds_listener(worker, port) for worker in workers) and workers)
    victim = min(before)
    os.kill(victim, signal.SIGKILL)
    _until(lambda: exited(victim))
    # A new connection already queued at the victim's own listening socket is reset; the extension
    # retries such a request. Every other is answered by the surviving worker.
    answers = [_rule_or_reset(port) for _ in range(20)]
    assert answers.count("reward-for-sharing") >= 19 and set(answers) <= {"reward-for-sharing", "reset"}
    after = _until(lambda: len(_workers(process.pid)) == 2 and _workers(process.pid))
    assert victim not in after
    assert all("reward-for-sharing" in _rules(_lint(port)) for _ in range(20))


def _rule_or_reset(port: int) -> str:
    try:
        return "reward-for-sharing" if "reward-for-sharing" in _rules(_lint(port)) else "other"
    except ConnectionResetError:
        return "reset"


def test_every_worker_reloads_an_edit(team):
    port, _, rules = team
    rules.write_text(re.sub(r'^version: ".*"$', 'version: "team-2"', rules.read_text(encoding="utf-8"), count=1,
                            flags=re.M),
                     encoding="utf-8")

    def all_workers_on_new_rules() -> bool:
        return all(_lint(port)["ruleset"]["version"].startswith("team-2") for _ in range(20))

    assert _until(all_workers_on_new_rules, seconds=10)


def test_team_mode_without_a_token_and_public_bind_without_team_are_refused():
    env = {key: value for key, value in os.environ.items() if key != "RAPPORT_TOKEN"}
    for argv, message in ((["--team"], "needs a pairing token"), (["--host", "0.0.0.0"], "needs --team")):
        done = subprocess.run([*RAPPORT, "serve", "--port", "0", *argv],
                              capture_output=True, text=True, timeout=60, env=env)
        assert done.returncode == 2 and message in done.stderr


# In 127.0.0.0/8, so traffic stays on this machine, but not a name the CLI takes for loopback:
# to `rapport serve` it is an address other machines could reach.
TEAM_ADDRESS = "127.0.0.2"


def _team_server(port: int, *argv: str) -> subprocess.Popen:
    return start_service("--team", "--workers", "1", "--host", TEAM_ADDRESS, "--port", str(port), *argv,
                         env={**os.environ, "RAPPORT_TOKEN": TOKEN})


def _serve(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([*RAPPORT, "serve", "--team", "--port", "0", *argv], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "RAPPORT_TOKEN": TOKEN}, check=False)


def test_a_team_server_serves_https_with_a_certificate(tmp_path):
    cert, key = self_signed(tmp_path, TEAM_ADDRESS)
    port = free_port()
    process = _team_server(port, "--tls-cert", str(cert), "--tls-key", str(key))
    try:
        tls = ssl.create_default_context(cafile=str(cert))  # verifies the certificate and its address
        assert "reward-for-sharing" in _rules(_until(lambda: _lint(port, address=TEAM_ADDRESS, tls=tls)))
        with pytest.raises((OSError, http.client.HTTPException)):  # the token is never accepted in clear
            _lint(port, address=TEAM_ADDRESS)
    finally:
        stop_service(process, timeout=20)


def test_a_team_server_off_loopback_needs_tls_or_insecure_http():
    done = _serve("--host", TEAM_ADDRESS)
    assert done.returncode == 2
    assert "would send its token in clear" in done.stderr and "--tls-cert" in done.stderr, done.stderr
    port = free_port()
    process = _team_server(port, "--insecure-http")
    try:
        assert "reward-for-sharing" in _rules(_until(lambda: _lint(port, address=TEAM_ADDRESS)))
    finally:
        stop_service(process, timeout=20)


@pytest.mark.parametrize(("argv", "message"), [
    (["--tls-cert", "cert.pem"], "--tls-cert and --tls-key go together"),
    (["--tls-cert", "{cert}", "--tls-key", "{cert}"], "cannot serve HTTPS with {cert} and {cert}:"),
])
def test_a_missing_or_unusable_key_is_refused_before_serving(tmp_path, argv, message):
    cert, _ = self_signed(tmp_path, TEAM_ADDRESS)
    done = _serve("--host", TEAM_ADDRESS, *(arg.format(cert=cert) for arg in argv))
    assert done.returncode == 2 and message.format(cert=cert) in done.stderr, done.stderr
