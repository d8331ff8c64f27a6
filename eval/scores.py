"""Recall, precision and clean rate per family on labelled drafts."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rules import BROADCAST_FAMILIES, Linter

from .labelled import Draft


@dataclass
class FamilyScore:
    expected: int = 0  # drafts that must get the family
    found: int = 0  # ... and got it
    false_alarms: int = 0  # drafts that must not get it, and got it
    misses: list[Draft] = field(default_factory=list)
    false: list[Draft] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        flagged = self.found + self.false_alarms
        return self.found / flagged if flagged else 1.0


@dataclass
class Scores:
    name: str
    drafts: int
    families: dict[str, FamilyScore]
    clean: int = 0  # drafts that must get none of the families
    clean_kept: int = 0  # ... and got none
    dirtied: list[Draft] = field(default_factory=list)

    @property
    def clean_rate(self) -> float:
        return self.clean_kept / self.clean if self.clean else 1.0


def score(linter: Linter, name: str, drafts: Sequence[Draft]) -> Scores:
    result = Scores(name, len(drafts), {family: FamilyScore() for family in BROADCAST_FAMILIES})
    for draft in drafts:
        got = {finding.rule.category for finding in linter.lint(draft.text, draft.platform).findings}
        for family, tally in result.families.items():
            if family in draft.flag:
                tally.expected += 1
                if family in got:
                    tally.found += 1
                else:
                    tally.misses.append(draft)
            elif family in draft.clean and family in got:
                tally.false_alarms += 1
                tally.false.append(draft)
        if not draft.flag:
            result.clean += 1
            if got.isdisjoint(BROADCAST_FAMILIES):
                result.clean_kept += 1
            else:
                result.dirtied.append(draft)
    return result


def table(results: Sequence[Scores]) -> str:
    head = "| set | drafts | " + " | ".join(f"{f} recall | precision" for f in BROADCAST_FAMILIES) + " | clean kept clean |"
    lines = [head, "|---|---:|" + "---:|---:|" * len(BROADCAST_FAMILIES) + "---:|"]
    for r in results:
        cells = [f"{100 * r.families[f].recall:.1f}% ({r.families[f].found}/{r.families[f].expected}) | "
                 f"{100 * r.families[f].precision:.1f}%" for f in BROADCAST_FAMILIES]
        lines.append(f"| {r.name} | {r.drafts} | " + " | ".join(cells)
                     + f" | {100 * r.clean_rate:.1f}% ({r.clean_kept}/{r.clean}) |")
    return "\n".join(lines)
