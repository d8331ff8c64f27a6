"""The soak run in quick mode: concurrent clients, rules rewritten under them, every answer checked."""
from __future__ import annotations

from bench import soak


def test_quick_soak_has_no_errors_no_wrong_answers_and_reloads():
    # --quick's 4 clients for 5 s, rewriting the rules every 2 s so two reloads land inside the run.
    result = soak.run(**soak.QUICK, reload_every=2.0, log=lambda *_: None)
    assert result.requests > 0
    assert result.errors == 0, result.samples
    assert result.wrong == 0, result.samples
    assert result.reloads_seen >= 1, result
    assert result.rules_errors_seen == 0
    assert set(result.versions_answered) <= set(soak.VERSIONS)
    assert not result.marker_in_log
