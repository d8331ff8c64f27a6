"""The HTTP contract the extension relies on, and every kind of bad request."""
from __future__ import annotations

import json

import pytest

from rules import DEFAULT_PACK
from tests.conftest import EXTENSION_ORIGIN

SPAMMY = "RT and follow to WIN a £50 voucher!!! Hurry, today only #giveaway #win #free #contest"


def test_spammy_draft_gets_spans_and_suggestions(lint):
    answer = lint(SPAMMY, platform="x")
    rules = {finding["rule"] for finding in answer["findings"]}
    assert {"reward-for-sharing", "urgency-pressure", "giveaway-hashtags"} <= rules
    share = next(f for f in answer["findings"] if f["rule"] == "reward-for-sharing")
    assert share["category"] == "spammy-incentive" and share["severity"] == "warning"  # X allows prizes for reposts
    assert SPAMMY[share["offset"]:share["offset"] + share["length"]] == "RT and follow to WIN a £50 voucher!!!"
    assert share["suggestions"][0]["replacement"]
    assert answer["stats"]["limit"] == 280 and answer["stats"]["words"] > 5
    assert answer["ruleset"]["version"].startswith("2026.12+")
    urgency = {SPAMMY[f["offset"]:f["offset"] + f["length"]] for f in answer["findings"] if f["rule"] == "urgency-pressure"}
    assert urgency == {"Hurry", "today only"}  # the words that rush, not the price beside them


def test_ordinary_reply_is_clean(lint):
    assert lint("Thanks Sam, sorry about the delay. What time suits you for a call?")["findings"] == []


def test_offsets_count_utf16_units_with_emoji(lint):
    text = "🎉👩‍👩‍👧 Great news! RT to win a voucher"
    finding = next(f for f in lint(text)["findings"] if f["rule"] == "reward-for-sharing")
    # What JavaScript's text.substr(offset, length) shows, counting UTF-16 code units:
    units = text.encode("utf-16-le")
    shown = units[2 * finding["offset"]:2 * (finding["offset"] + finding["length"])].decode("utf-16-le")
    assert shown == "RT to win a voucher"
    assert finding["offset"] == len("🎉👩‍👩‍👧 Great news! ".encode("utf-16-le")) // 2 == 23


def test_draft_scope_finding_inserts_at_the_end(lint):
    text = "https://example.com/spring 🌷"
    finding = next(f for f in lint(text)["findings"] if f["rule"] == "link-without-conversation")
    assert finding["scope"] == "draft"
    assert (finding["offset"], finding["length"]) == (len(text.encode("utf-16-le")) // 2, 0)
    assert finding["suggestions"][0]["replacement"].startswith(" ")


def test_disabled_rules_are_not_reported(lint):
    rules = {f["rule"] for f in lint(SPAMMY, disabled_rules=["reward-for-sharing"])["findings"]}
    assert "reward-for-sharing" not in rules and "giveaway-hashtags" in rules


def test_rules_listing_and_health(client):
    listing = client.get("/v1/rules").get_json()
    assert len(listing["rules"]) >= 24 and listing["platforms"]["x"] == 280
    lines = DEFAULT_PACK.read_text(encoding="utf-8").splitlines()
    for rule in listing["rules"]:  # each location is the default pack's line where the rule starts
        file, line = rule["location"].rsplit(":", 1)
        assert file == str(DEFAULT_PACK) and lines[int(line) - 1].strip() == f"- id: {rule['id']}"
    health = client.get("/healthz").get_json()
    assert health["status"] == "ok" and health["rules_error"] is None


def _post(client, data, content_type="application/json"):
    return client.post("/v1/lint", data=data, content_type=content_type, headers={"Origin": EXTENSION_ORIGIN})


@pytest.mark.parametrize(("data", "status", "code"), [
    ('{"text": "hi"', 400, "malformed_json"),
    (b'{"text": "\xff"}', 400, "malformed_json"),
    ('["hi"]', 400, "malformed_request"),
    ('{"draft": "hi"}', 400, "missing_text"),
    ('{"text": 42}', 400, "bad_text"),
    ('{"text": null}', 400, "bad_text"),
    ('{"text": "hi", "platform": "myspace"}', 400, "unknown_platform"),
    ('{"text": "hi", "disabled_rules": "reward-for-sharing"}', 400, "bad_disabled_rules"),
])
def test_bad_requests_get_json_errors(client, data, status, code):
    response = _post(client, data)
    assert response.status_code == status
    assert response.get_json()["error"]["code"] == code


def test_malformed_json_says_where(client):
    message = _post(client, '{"text": "hi').get_json()["error"]["message"]
    assert message == "the body is not valid JSON: Unterminated string starting at (line 1, column 10)"


def test_unknown_platform_lists_valid_ones(client):
    message = _post(client, '{"text": "hi", "platform": "myspace"}').get_json()["error"]["message"]
    assert "linkedin" in message and "mastodon" in message


def test_wrong_content_type_is_415(client):
    response = _post(client, "text=hi", content_type="text/plain")
    assert response.status_code == 415 and response.get_json()["error"]["code"] == "unsupported_media_type"


def test_wrong_method_and_path_are_json(client):
    wrong_method = client.get("/v1/lint")
    assert wrong_method.status_code == 405 and wrong_method.is_json
    assert client.get("/nowhere").get_json()["error"]["code"] == "not_found"


def test_draft_over_64_kib_is_413(client):
    response = _post(client, json.dumps({"text": "a" * (64 * 1024 + 1)}))
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "draft_too_large"


def test_body_far_over_limit_is_413_json(client):
    response = _post(client, json.dumps({"text": "a" * (1024 * 1024)}))
    assert response.status_code == 413 and response.is_json


@pytest.mark.parametrize("text", ["?", "Share", "RT", "Follow", "#share"])
def test_a_draft_of_one_word_a_pattern_starts_with_is_answered(lint, text):
    # Anchored patterns read back from where they land to a clause start: from the first token, nowhere.
    assert lint(text)["findings"] == []


def test_64_kib_of_emoji_and_lone_surrogates_are_answered(client):
    text = "🎉" * 16000 + ". \ud800 RT to win"
    response = _post(client, json.dumps({"text": text}))
    assert response.status_code == 200
    finding = next(f for f in response.get_json()["findings"] if f["category"] == "spammy-incentive")
    assert finding["offset"] >= 32000


DRAFT_JSON = '{"text": "RT to win a voucher"}'


@pytest.mark.parametrize("data", [
    '{"text": "hi", "n": ' + "1" * 5000 + "}",  # past Python's 4,300-digit limit for int()
    '{"text": "hi", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",  # past the decoder's recursion limit
], ids=["5000-digit integer", "nested 100000 deep"])
def test_json_past_the_decoders_limits_is_400_without_a_traceback(client, caplog, data):
    response = _post(client, data)
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "malformed_json"
    assert [record for record in caplog.records if record.levelname == "ERROR"] == []


@pytest.mark.parametrize("data", [
    DRAFT_JSON.encode("utf-16-le"), DRAFT_JSON.encode("utf-16"), DRAFT_JSON.encode("utf-32-be"),
    DRAFT_JSON.encode("utf-32"), DRAFT_JSON.encode("utf-8-sig"),
    b'{"text": "RT to win \xed\xa0\x80"}',  # a surrogate encoded as if it were a character
], ids=["utf-16-le", "utf-16 with BOM", "utf-32-be", "utf-32 with BOM", "utf-8 with BOM", "raw surrogate"])
def test_bodies_that_are_not_plain_utf8_are_400(client, data):
    response = _post(client, data)
    assert response.status_code == 400
    assert response.get_json()["error"] == {"code": "malformed_json", "message": "the body is not UTF-8"}
