"""`rapport explain` and POST /v1/explain: per rule, fired or not, the values read, and where it lives."""
from __future__ import annotations

from cli.main import main
from rules import DEFAULT_PACK, load_pack
from tests.conftest import EXTENSION_ORIGIN, rule_named
from tests.teams import write_team

SPAM = "RT to win a voucher!"


def _explain(client, **body: object):
    return client.post("/v1/explain", json=body, headers={"Origin": EXTENSION_ORIGIN})


def test_cli_explains_each_rule_with_its_location_and_values(capsys):
    share = rule_named(load_pack(DEFAULT_PACK), "reward-for-sharing")
    assert main(["explain", SPAM]) == 0
    out = capsys.readouterr().out
    assert f"FIRED reward-for-sharing  ({DEFAULT_PACK}:{share.line})\n    yes pattern [fillers? spread_actions|" in out
    assert "… rewards] within sentence at clause start at_least 1: 1\n" in out
    assert "quiet replies-closed" in out
    # the statistical signal's test names the n-grams that raised it
    assert "signal_spammy at_least 60: " in out and "(most from: 'rt' +" in out


def test_cli_explain_with_a_team_file_and_platform(tmp_path, capsys):
    team = write_team(tmp_path)
    assert main(["explain", "Hi #a #b #c", "--platform", "linkedin", "--rules", str(team)]) == 0
    out = capsys.readouterr().out
    assert f"FIRED linkedin-hashtags  ({team}:17)\n    yes platform is linkedin: linkedin\n" \
           "    yes hashtags more_than 2: 3" in out
    assert "giveaway-hashtags" not in out  # disabled by the team


def test_cli_explain_refuses_an_unknown_platform(capsys):
    assert main(["explain", SPAM, "--platform", "myspace"]) == 2


def test_api_explain_agrees_with_lint(client, lint):
    answer = _explain(client, text=SPAM, platform="x")
    assert answer.status_code == 200
    body = answer.get_json()
    fired = {rule["rule"] for rule in body["rules"] if rule["fired"]}
    assert fired == {finding["rule"] for finding in lint(SPAM, platform="x")["findings"]}
    share = next(rule for rule in body["rules"] if rule["rule"] == "reward-for-sharing")
    assert share["file"] == str(DEFAULT_PACK) and share["line"] == rule_named(load_pack(DEFAULT_PACK), "reward-for-sharing").line
    first = share["tests"][0]
    assert first["feature"].startswith("pattern [fillers? spread_actions|") and first["feature"].endswith("at clause start")
    assert (first["test"], first["value"], first["holds"], first["contributors"]) == ("at_least 1", 1, True, [])
    signal = next(test for rule in body["rules"] for test in rule["tests"] if test["feature"] == "signal_spammy")
    assert signal["holds"] and signal["contributors"][0]["weight"] > 0
    assert body["ruleset"]["version"].startswith("2026.12+")


def test_api_explain_checks_its_input(client):
    assert _explain(client, platform="x").get_json()["error"]["code"] == "missing_text"
    assert _explain(client, text="hi", platform="myspace").get_json()["error"]["code"] == "unknown_platform"
