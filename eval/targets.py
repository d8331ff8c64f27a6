"""The detection targets, and whether a run met them."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from rules import BROADCAST_FAMILIES

from .data import ORDINARY
from .rates import GroupRates
from .scores import Scores

RECALL = 0.95  # per family, on the corpus test split and on each labelled set
CLEAN = 0.97  # share of clean drafts left free of the three families
ORDINARY_FLAGGED = 0.01  # ordinary third-party messages flagged campaign-only or spammy-incentive
HEADLINES_FLAGGED = 0.005
PRIZE_SPAM = 0.80  # SMS spam offering a prize, flagged spammy-incentive


def report(scored: Sequence[Scores], third_party: Sequence[GroupRates]) -> Iterator[str]:
    for result in scored:
        for family in BROADCAST_FAMILIES:
            if not result.families[family].expected:
                continue  # a set of clean texts only
            recall = result.families[family].recall
            yield _line(f"{result.name}: {family} recall {100 * recall:.1f}%", f">= {100 * RECALL:.0f}%",
                        recall >= RECALL)
        yield _line(f"{result.name}: clean drafts kept clean {100 * result.clean_rate:.1f}%",
                    f">= {100 * CLEAN:.0f}%", result.clean_rate >= CLEAN)
    by_group = {group.group: group for group in third_party}
    limits = {name: ORDINARY_FLAGGED for name in ORDINARY} | {"news headlines": HEADLINES_FLAGGED}
    for name, limit in limits.items():
        if name in by_group:
            share = by_group[name].campaign_or_spam_share
            yield _line(f"{name}: {100 * share:.2f}% flagged campaign-only or spammy-incentive",
                        f"< {100 * limit:.1f}%", share < limit)
    if prize := by_group.get("SMS spam offering a prize"):
        share = prize.share("spammy-incentive")
        yield _line(f"SMS spam offering a prize: {100 * share:.1f}% flagged spammy-incentive",
                    f">= {100 * PRIZE_SPAM:.0f}%", share >= PRIZE_SPAM)


def _line(measured: str, target: str, met: bool) -> str:
    return f"{measured} (target {target}): {'met' if met else 'MISSED'}"
