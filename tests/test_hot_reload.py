"""Editing the rules under a running service: valid edits apply within 2 s, broken ones never serve."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from rules import DEFAULT_PACK, warm_up
from server import contract
from server.app import create_app
from server.child_process import ROOT, free_port, start_service, stop_service, wait_healthy, wait_until
from server.live_rules import LiveRules
from tests.http_calls import get_json, post_json
from tests.teams import TEAM, save, team_text, write_team

# A poll (0.5 s), the stability wait, and loading the default pack (about a second on a busy 2-core VM).
RELOAD_SECONDS = 5.0
SYNERGY = "Real synergy with our customers"
NEW_WORD = TEAM.replace("  - avoid: synergy", "  - avoid: leverage\n    prefer: use\n  - avoid: synergy")
TAG_BAIT = "Tag someone who needs a coffee right now"
TYPO = TEAM.replace("severity: info", "severity: infoo")
DEEP = TEAM.replace("disable: [giveaway-hashtags]", f"disable:\n  {'- ' * 1000}giveaway-hashtags")  # nested on line 16


def wait_for(condition: Callable[[], object], seconds: float = RELOAD_SECONDS) -> object:
    return wait_until(condition, seconds, interval=0.02)


def _error(live: LiveRules) -> list[dict] | None:
    """What GET /v1/rules/status would say is wrong with the files on disk."""
    return [contract.problem(item) for item in live.problems] or None


def _rules_fired(live: LiveRules, text: str) -> set[str]:
    with live.lease() as linter:
        return {finding.rule.id for finding in linter.lint(text).findings}


@pytest.fixture
def team(tmp_path) -> Path:
    warm_up()  # as a serving app does: the first lint of a process would otherwise load textstat's dictionary
    return write_team(tmp_path)


@pytest.fixture
def watched(team) -> Iterator[LiveRules]:
    live = LiveRules(team)
    live.watch(interval=0.05)
    yield live
    live.stop_watching()


def _text(team: Path, template: str) -> str:
    return team_text(team.parent, template)


def test_valid_save_applies_and_a_typo_keeps_the_last_good_set(team, watched):
    version = watched.current.linter.pack.version
    save(team, _text(team, NEW_WORD))
    wait_for(lambda: "house-leverage" in _rules_fired(watched, "We leverage data"))
    assert watched.current.linter.pack.version != version and _error(watched) is None

    good = watched.current.linter.pack.version
    save(team, _text(team, TYPO))
    error = wait_for(lambda: _error(watched))
    assert error == [{"file": str(team), "line": 12, "column": 5, "rule": "house-synergy",
                      "message": "vocabulary.1.severity: 'infoo' is not one of ['info', 'warning', 'error']"}]
    assert watched.current.linter.pack.version == good
    assert "house-leverage" in _rules_fired(watched, "We leverage data")  # still the previous rules


def test_deleted_and_truncated_files_keep_the_last_good_set(team, watched):
    good = watched.current.linter.pack.version
    team.unlink()
    assert "cannot read" in wait_for(lambda: _error(watched))[0]["message"]
    team.write_text("", encoding="utf-8")  # an editor that truncates, then dies before writing
    wait_for(lambda: (_error(watched) or [{}])[0].get("message", "").startswith("expected a mapping"))
    assert watched.current.linter.pack.version == good
    assert "house-customers" in _rules_fired(watched, SYNERGY)
    save(team, _text(team, NEW_WORD))
    wait_for(lambda: _error(watched) is None)


def test_a_save_extending_a_fifo_is_reported_and_later_saves_still_apply(team, watched):
    fifo = team.parent / "pipe.yaml"
    os.mkfifo(fifo)
    try:
        save(team, 'version: "team"\nextends: pipe.yaml\n')
        error = wait_for(lambda: _error(watched))  # it used to wait, for ever, for a writer to open the FIFO
        assert [(item["line"], item["message"]) for item in error] == [
            (2, f"extends: cannot read {fifo}: not a regular file")]
        save(team, _text(team, NEW_WORD))
        wait_for(lambda: "house-leverage" in _rules_fired(watched, "We leverage data"))
    finally:
        with suppress(OSError):  # a reader still waiting in open() gets end of file, so the watcher can stop
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_a_save_that_pauses_mid_write_is_never_served_half_way(team, watched):
    full = _text(team, NEW_WORD)
    torn = full[:full.index("  - avoid: synergy")]  # loads on its own: a pack without the rules below
    served = set()
    with team.open("w", encoding="utf-8") as writer:  # in place, as some editors and scripts save
        writer.write(torn)
        writer.flush()
        pause = time.monotonic() + 1.0  # twenty polls of the watcher
        while time.monotonic() < pause:
            served.add(frozenset(rule.id for rule in watched.current.linter.pack.rules))
            time.sleep(0.01)
        writer.write(full[len(torn):])
    wait_for(lambda: "house-leverage" in _rules_fired(watched, "We leverage data"))
    assert all("linkedin-hashtags" in rules for rules in served), "the torn half was served"
    assert {"house-synergy", "linkedin-hashtags"} <= {rule.id for rule in watched.current.linter.pack.rules}


WRITER_RACE = """
import sys, threading, time
from pathlib import Path
from rules import being_written
path, stop, seen = Path(sys.argv[1]), threading.Event(), set()
def reopen():
    while not stop.is_set():
        with path.open("a"):
            pass
threading.Thread(target=reopen, daemon=True).start()
end = time.monotonic() + 1
while time.monotonic() < end:
    seen.add(being_written(path))
stop.set()
print(sorted(seen))
"""


def test_asking_whether_a_file_is_being_written_never_ends_the_process(tmp_path):
    # The check takes a read lease for an instant; a writer opening the file then breaks it, and the
    # kernel signals the lease holder: with the default signal, SIGIO, that ended this process in 0.3 s.
    path = tmp_path / "rules.yaml"
    path.write_text("x", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", WRITER_RACE, str(path)], capture_output=True, text=True,
                          timeout=30, cwd=ROOT, check=False)
    assert (done.returncode, done.stdout) == (0, "[False, True]\n"), done.stderr


def test_editing_the_extended_pack_reloads_too(tmp_path):
    base = tmp_path / "base.yaml"
    shutil.copy(DEFAULT_PACK, base)
    live = LiveRules(write_team(tmp_path, base=base))
    live.watch(interval=0.05)
    try:
        assert "engagement-bait" in _rules_fired(live, TAG_BAIT)
        save(base, base.read_text(encoding="utf-8").replace("  - id: engagement-bait", "  - id: asking-for-reach"))
        wait_for(lambda: "asking-for-reach" in _rules_fired(live, TAG_BAIT))
    finally:
        live.stop_watching()


def test_a_save_between_loading_and_watching_is_still_applied(team):
    # A service (or team worker) starting up reads the rules, then starts its watcher a moment later.
    live = LiveRules(team)
    save(team, _text(team, NEW_WORD))
    live.watch(interval=0.05)
    try:
        wait_for(lambda: "house-leverage" in _rules_fired(live, "We leverage data"))
    finally:
        live.stop_watching()


def test_a_save_that_starts_extending_a_pack_reloads_once(tmp_path, monkeypatch):
    team = tmp_path / "team.yaml"
    shutil.copy(DEFAULT_PACK, team)  # a pack of its own: nothing extended yet
    live, reloads = LiveRules(team), []
    reload = live.reload
    monkeypatch.setattr(live, "reload", lambda: reloads.append(1) or reload())
    live.watch(interval=0.05)
    try:
        save(team, _text(team, TEAM))  # now extends the default pack: one more file watched
        wait_for(lambda: "house-customers" in _rules_fired(live, SYNERGY))
        time.sleep(0.5)  # ten more polls: none may take the newly watched file for a change
        assert len(reloads) == 1
    finally:
        live.stop_watching()


def _pack_with_bound(bound: str) -> str:
    return f"""version: "base"
rules:
  - id: many-tags
    category: campaign-only
    severity: info
    message: Lots of tags.
    when:
      all: [{{hashtags: {{at_least: 3}}}}, {{reading_ease: {{less_than: {bound}}}}}]
    examples:
      flag: ["#a #b #c"]
      pass: ["#a"]
"""


def test_fixing_a_newly_extended_pack_the_engine_refused_is_applied(tmp_path):
    # The loader accepts a bound of 1e308; durable-rules refuses it (error 204). The refusal must still
    # say which files were read, or the fix to the pack would wait for the team file's next save.
    team, base = tmp_path / "team.yaml", tmp_path / "base.yaml"
    shutil.copy(DEFAULT_PACK, team)
    base.write_text(_pack_with_bound("1.0e+308"), encoding="utf-8")
    live = LiveRules(team)
    live.watch(interval=0.05)
    try:
        save(team, 'version: "team"\nextends: base.yaml\n')
        assert "durable-rules refused" in wait_for(lambda: _error(live))[0]["message"]
        save(base, _pack_with_bound("1000"))
        wait_for(lambda: "many-tags" in _rules_fired(live, "#a #b #c"))
        assert _error(live) is None
    finally:
        live.stop_watching()


def test_a_deeply_nested_save_is_reported_with_its_line_in_status_and_health(team):
    # It used to raise RecursionError inside the loader: reported, if at all, with no line.
    app = create_app({"TESTING": True, "RULES_PATH": team})
    live = app.extensions["rapport"].watch(interval=0.05)
    try:
        client, good = app.test_client(), live.current.linter.pack.version
        save(team, _text(team, DEEP))
        error = wait_for(lambda: client.get("/v1/rules/status").get_json()["error"])
        assert [(item["line"], item["message"]) for item in error] == [(16, "YAML: nested more than 64 levels deep")]
        health = client.get("/healthz").get_json()
        assert health["rules_error"]["message"] == f"{team}:16: YAML: nested more than 64 levels deep"
        assert health["ruleset"]["version"] == good
    finally:
        live.stop_watching()


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


@pytest.fixture
def service(team, tmp_path) -> Iterator[str]:
    port, log = free_port(), (tmp_path / "serve.log").open("w")
    process = start_service("--port", str(port), "--rules", str(team), stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(port, process, timeout=30)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_service(process)
        log.close()


def test_running_service_picks_up_edits_and_reports_typos(team, service, tmp_path):
    secret = "Our customers' private launch plan"

    def lint_rules(text: str) -> set[str]:
        return {f["rule"] for f in post_json(f"{service}/v1/lint", {"text": text})["findings"]}

    assert "house-customers" in lint_rules(secret)
    save(team, _text(team, NEW_WORD))
    wait_for(lambda: "house-leverage" in lint_rules("We leverage data"))

    version = get_json(f"{service}/v1/rules/status")["version"]
    save(team, _text(team, TYPO))
    error = wait_for(lambda: get_json(f"{service}/v1/rules/status")["error"])
    assert error[0]["file"] == str(team) and error[0]["line"] == 12
    assert get_json(f"{service}/healthz")["rules_error"]["problems"] == error
    assert get_json(f"{service}/v1/rules/status")["version"] == version
    assert "house-leverage" in lint_rules(secret + " leverage")  # the last good rules keep serving
    log = (tmp_path / "serve.log").read_text()
    assert f"{team}:12:" in log and "infoo" in log and "private launch" not in log

    save(team, _text(team, TEAM))
    wait_for(lambda: get_json(f"{service}/healthz")["rules_error"] is None)
