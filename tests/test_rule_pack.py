"""The default pack: every example runs through the real engine, and conversation passes clean."""
from __future__ import annotations

import pytest

from rules import BROADCAST_FAMILIES, DEFAULT_PACK, load_pack
from rules.testing import example_cases

PACK = load_pack(DEFAULT_PACK)


@pytest.mark.parametrize("example", example_cases(DEFAULT_PACK))
def test_rule_example(example):
    example.check()


@pytest.mark.parametrize("family", BROADCAST_FAMILIES)
def test_each_family_has_rules_with_suggestions(family):
    rules = [rule for rule in PACK.rules if rule.category == family]
    assert len(rules) >= 4
    assert all(rule.suggestions and rule.message for rule in rules)


def test_whole_draft_findings_offer_a_sentence_to_add(linter):
    for rule in PACK.rules:
        if rule.category in BROADCAST_FAMILIES and rule.underline == "none":
            finding = next(f for f in linter.lint(rule.flag_examples[0].text).findings if f.rule.id == rule.id)
            assert finding.scope == "draft" and any(s.text for s in finding.suggestions), rule.id


ORDINARY = [
    "Hi Maria, thanks for letting us know. I've refunded the delivery charge; it should reach your card in 3 days.",
    "Thank you to everyone who came to the beach clean on Sunday. 40 bags of rubbish gone!",
    "Sorry for the wait today, Dev. The machine is fixed now and we'll text you when your order is ready.",
    "What should we call the new puppy at the shelter? Best name gets a shout-out in our next post.",
    "Community notice: the library is closed on Monday for the bank holiday. Normal hours from Tuesday.",
    "Our team won the pub quiz at the Red Lion last night, first time in two years!",
    "Please share this notice with your neighbours: bins go out on Thursday next week.",
    "Congratulations to Aisha, who finished her first marathon today.",
    "Good morning all ☀️ How's everyone's week going?",
    "@jamie_k glad the new charger works! Shout if anything else comes up.",
    "Thanks for the kind review, Pat 🙏 We'll tell Chef you loved the risotto.",
    "Anyone know a good plumber in Leith? Asking for the café next door.",
]


@pytest.mark.parametrize("draft", ORDINARY)
def test_ordinary_conversation_passes_clean(linter, draft):
    findings = linter.lint(draft).findings
    assert [f.rule.id for f in findings] == []
