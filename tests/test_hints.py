"""One hint per problem: what the API's `hints` and `rewrite` give for drafts where rules overlap."""
from __future__ import annotations

from tests.test_api import SPAMMY


def shown(text: str, item: dict) -> str:
    return text[item["offset"]:item["offset"] + item["length"]]


def test_rules_on_the_same_words_make_one_hint_that_keeps_every_rule_id(lint):
    answer = lint(SPAMMY, platform="x")
    assert len(answer["findings"]) >= 10
    spans = [hint for hint in answer["hints"] if hint["scope"] == "span"]
    assert [shown(SPAMMY, hint) for hint in spans] == [
        "RT and follow to WIN a £50 voucher!!!", "Hurry, today only #giveaway #win #free #contest"]
    first, second = spans
    assert first["rule"] == "reward-for-sharing" and first["rules"][0] == "reward-for-sharing"
    assert "reads-like-a-giveaway" in first["rules"]
    assert {"urgency-pressure", "giveaway-hashtags", "hashtag-stuffing"} <= set(second["rules"])
    assert second["rule"] != "reward-for-sharing"  # the second sentence gets a fix of its own
    merged = {rule for hint in answer["hints"] for rule in hint["rules"]}
    assert merged == {finding["rule"] for finding in answer["findings"]}
    # A hint is as severe as its worst finding on the draft's platform: X allows prizes for reposts
    # (a warning there); Meta forbids share-to-enter (an error on Facebook).
    assert first["severity"] == "warning"
    assert lint(SPAMMY, platform="facebook")["hints"][0]["severity"] == "error"


def test_a_row_of_contest_hashtags_is_one_hint_whose_removal_leaves_no_double_space(lint):
    text = "Big weekend coming #giveaway #win #contest"
    (hint,) = lint(text)["hints"]
    assert hint["rule"] == "giveaway-hashtags"
    assert hint["suggestions"][0]["replacement"] == ""
    assert shown(text, hint) == " #giveaway #win #contest"
    assert lint(text)["rewrite"]["after"] == "Big weekend coming"


def test_whole_draft_findings_of_the_broadcast_families_are_one_hint(lint):
    text = "Our spring report is out now: https://example.com/report"
    answer = lint(text)
    wide = [hint for hint in answer["hints"] if hint["scope"] == "draft"]
    assert len(wide) == 1 and len(wide[0]["rules"]) == len([f for f in answer["findings"] if f["scope"] == "draft"]) >= 2


def test_the_whole_post_rewrite_applies_every_hints_first_fix(lint):
    answer = lint(SPAMMY)
    after = answer["rewrite"]["after"]
    assert answer["rewrite"]["before"] == SPAMMY
    text = SPAMMY
    for hint in sorted((h for h in answer["hints"] if h["scope"] == "span"), key=lambda h: -h["offset"]):
        fix = hint["suggestions"][0]["replacement"]
        text = text[:hint["offset"]] + fix + text[hint["offset"] + hint["length"]:]
    assert after.startswith(text)
    assert lint("Thanks Sam, see you Friday!")["rewrite"] is None
