"""Editing the rules under a running service: valid edits apply within 2 s, broken ones never serve."""
from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.service import free_port, start_service, stop_service, wait_until
from server.config import DEFAULT_RULES
from server.live_rules import LiveRules
from server.rules_watcher import RulesWatcher
from tests.teams import TEAM, save, team_text, write_team

RELOAD_SECONDS = 2.0
SYNERGY = "Real synergy with our customers"
NEW_WORD = TEAM.replace("  - avoid: synergy", "  - avoid: leverage\n    prefer: use\n  - avoid: synergy")
FOLLOW = "Follow us and you could win a year of free coffee"
TYPO = TEAM.replace("severity: info", "severity: infoo")


def wait_for(condition: Callable[[], object], seconds: float = RELOAD_SECONDS) -> object:
    return wait_until(condition, seconds, interval=0.02)


def _rules_fired(live: LiveRules, text: str) -> set[str]:
    with live.lease() as linter:
        return {finding.rule.id for finding in linter.lint(text).findings}


@pytest.fixture
def team(tmp_path) -> Path:
    return write_team(tmp_path)


@pytest.fixture
def watched(team) -> Iterator[LiveRules]:
    live = LiveRules(team)
    watcher = RulesWatcher(live, interval=0.05).start()
    yield live
    watcher.stop()


def _text(team: Path, template: str) -> str:
    return team_text(team.parent, template)


def test_valid_save_applies_and_a_typo_keeps_the_last_good_set(team, watched):
    version = watched.status()["version"]
    save(team, _text(team, NEW_WORD))
    wait_for(lambda: "house-leverage" in _rules_fired(watched, "We leverage data"))
    assert watched.status()["version"] != version and watched.status()["error"] is None

    good = watched.status()["version"]
    save(team, _text(team, TYPO))
    error = wait_for(lambda: watched.status()["error"])
    assert error == [{"file": str(team), "line": 12, "column": 5, "rule": "house-synergy",
                      "message": "vocabulary.1.severity: 'infoo' is not one of ['info', 'warning', 'error']"}]
    assert watched.status()["version"] == good
    assert "house-leverage" in _rules_fired(watched, "We leverage data")  # still the previous rules


def test_deleted_and_truncated_files_keep_the_last_good_set(team, watched):
    good = watched.status()["version"]
    team.unlink()
    assert "cannot read" in wait_for(lambda: watched.status()["error"])[0]["message"]
    team.write_text("", encoding="utf-8")  # an editor that truncates, then dies before writing
    wait_for(lambda: (watched.status()["error"] or [{}])[0].get("message", "").startswith("expected a mapping"))
    assert watched.status()["version"] == good
    assert "house-customers" in _rules_fired(watched, SYNERGY)
    save(team, _text(team, NEW_WORD))
    wait_for(lambda: watched.status()["error"] is None)


def test_editing_the_extended_pack_reloads_too(tmp_path):
    base = tmp_path / "base.yaml"
    shutil.copy(DEFAULT_RULES, base)
    live = LiveRules(write_team(tmp_path, base=base))
    watcher = RulesWatcher(live, interval=0.05).start()
    try:
        assert "follow-to-win" in _rules_fired(live, FOLLOW)
        save(base, base.read_text(encoding="utf-8").replace("  - id: follow-to-win", "  - id: follow-for-prizes"))
        wait_for(lambda: "follow-for-prizes" in _rules_fired(live, FOLLOW))
    finally:
        watcher.stop()


def test_a_save_between_loading_and_watching_is_still_applied(team):
    # A service (or team worker) starting up reads the rules, then starts its watcher a moment later.
    live = LiveRules(team)
    save(team, _text(team, NEW_WORD))
    watcher = RulesWatcher(live, interval=0.05).start()
    try:
        wait_for(lambda: "house-leverage" in _rules_fired(live, "We leverage data"))
    finally:
        watcher.stop()


def test_a_save_that_starts_extending_a_pack_reloads_once(tmp_path, monkeypatch):
    team = tmp_path / "team.yaml"
    shutil.copy(DEFAULT_RULES, team)  # a pack of its own: nothing extended yet
    live, reloads = LiveRules(team), []
    reload = live.reload
    monkeypatch.setattr(live, "reload", lambda: reloads.append(1) or reload())
    watcher = RulesWatcher(live, interval=0.05).start()
    try:
        save(team, _text(team, TEAM))  # now extends the default pack: one more file watched
        wait_for(lambda: "house-customers" in _rules_fired(live, SYNERGY))
        time.sleep(0.5)  # ten more polls: none may take the newly watched file for a change
        assert len(reloads) == 1
    finally:
        watcher.stop()


def test_a_request_keeps_its_rule_set_across_a_reload(team):
    live = LiveRules(team)
    with live.lease() as old:
        save(team, _text(team, NEW_WORD))
        assert live.reload()
        # The old set is retired but not freed while this request still lints with it.
        assert {f.rule.id for f in old.lint(SYNERGY).findings} >= {"house-customers", "house-synergy"}
    with live.lease() as new:
        assert new is not old and "house-leverage" in {r.id for r in new.pack.rules}


def test_linting_threads_never_see_a_half_loaded_or_freed_set(team):
    live, wrong, stop = LiveRules(team), [], threading.Event()

    def lint_forever() -> None:
        while not stop.is_set():
            if "house-customers" not in _rules_fired(live, SYNERGY):
                wrong.append(1)

    threads = [threading.Thread(target=lint_forever) for _ in range(4)]
    for thread in threads:
        thread.start()
    for template in [NEW_WORD, TEAM] * 10:
        save(team, _text(team, template))
        assert live.reload()
    stop.set()
    for thread in threads:
        thread.join()
    assert wrong == []


# -- the real service, as `rapport serve` runs it


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local test server
        return json.load(response)


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        return json.load(response)


@pytest.fixture
def service(team, tmp_path) -> Iterator[str]:
    port, log = free_port(), (tmp_path / "serve.log").open("w")
    process = start_service("--port", str(port), "--rules", str(team), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            return _get(f"{url}/healthz")["status"] == "ok"
        except OSError:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            return False

    try:
        wait_for(up, seconds=30)
        yield url
    finally:
        stop_service(process)
        log.close()


def test_running_service_picks_up_edits_and_reports_typos(team, service, tmp_path):
    secret = "Our customers' private launch plan"

    def lint_rules(text: str) -> set[str]:
        return {f["rule"] for f in _post(f"{service}/v1/lint", {"text": text})["findings"]}

    assert "house-customers" in lint_rules(secret)
    started = time.monotonic()
    save(team, _text(team, NEW_WORD))
    wait_for(lambda: "house-leverage" in lint_rules("We leverage data"))
    assert time.monotonic() - started < RELOAD_SECONDS

    version = _get(f"{service}/v1/rules/status")["version"]
    save(team, _text(team, TYPO))
    error = wait_for(lambda: _get(f"{service}/v1/rules/status")["error"])
    assert error[0]["file"] == str(team) and error[0]["line"] == 12
    assert _get(f"{service}/healthz")["rules_error"]["problems"] == error
    assert _get(f"{service}/v1/rules/status")["version"] == version
    assert "house-leverage" in lint_rules(secret + " leverage")  # the last good rules keep serving
    log = (tmp_path / "serve.log").read_text()
    assert f"{team}:12:" in log and "infoo" in log and "private launch" not in log

    save(team, _text(team, TEAM))
    wait_for(lambda: _get(f"{service}/healthz")["rules_error"] is None)
