"""Share of each group's texts that each family of the pack flags."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rules import BROADCAST_FAMILIES, Linter


@dataclass
class GroupRates:
    group: str
    texts: int
    flagged: dict[str, int] = field(default_factory=dict)  # family -> texts with a finding of it
    campaign_or_spam: int = 0  # texts flagged as campaign-only or spammy-incentive

    def share(self, family: str) -> float:
        return self.flagged.get(family, 0) / self.texts if self.texts else 0.0

    @property
    def campaign_or_spam_share(self) -> float:
        return self.campaign_or_spam / self.texts if self.texts else 0.0


def families_flagged(linter: Linter, text: str) -> set[str]:
    return {finding.rule.category for finding in linter.lint(text).findings}


def rates(linter: Linter, group: str, texts: Iterable[str]) -> GroupRates:
    result = GroupRates(group, 0, dict.fromkeys(BROADCAST_FAMILIES, 0))
    for text in texts:
        result.texts += 1
        found = families_flagged(linter, text)
        for family in BROADCAST_FAMILIES:
            result.flagged[family] += family in found
        result.campaign_or_spam += bool(found & {"campaign-only", "spammy-incentive"})
    return result


def table(results: list[GroupRates]) -> str:
    lines = ["| group | texts | spammy-incentive | campaign-only | no-reply-intent (estimate) | campaign or spammy |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r.group} | {r.texts:,} | " + " | ".join(f"{100 * r.share(f):.1f}%" for f in BROADCAST_FAMILIES)
                     + f" | {100 * r.campaign_or_spam_share:.1f}% |")
    return "\n".join(lines)
