"""The posts linted one by one and counted as they go: memory stays bounded however long the history.

Kept: counters for the whole period and for each month, the shortest flagged post of each rule as
its example, and the WORST_POSTS posts with the heaviest findings. Nothing else of a post is kept.

Definitions (documented in the README):
- posts: what the account wrote itself (replies included); reposts and posts without words apart.
- a reply answers someone else; a thread continuing the account's own post is not a reply.
- a post invites a reply when it asks a question or uses one of the pack's invitation phrases
  (the `questions` feature and the `invitations` phrase list).
- broadcast: flagged by one of BROADCAST_FAMILIES; conversation: a reply, or a post that invites
  one, and not broadcast. Every other post is neither.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rules import BROADCAST_FAMILIES, Finding, Linter, LintResult, Rule
from server import contract

from .posts import Post
from .rewrite import rewrite

INVITING_FEATURES = ("questions", "invitations")
SEVERITY_WEIGHT = {"error": 3, "warning": 2, "info": 1}
WORST_POSTS = 20


@dataclass(frozen=True)
class Period:
    since: str | None = None  # "YYYY-MM", inclusive
    until: str | None = None

    @property
    def bounded(self) -> bool:
        return bool(self.since or self.until)

    def holds(self, month: str) -> bool:
        return (self.since is None or month >= self.since) and (self.until is None or month <= self.until)


@dataclass
class Tally:
    """Counts for the whole audit or one month."""

    posts: int = 0
    replies: int = 0
    reposts: int = 0
    without_text: int = 0
    inviting: int = 0
    flagged: int = 0
    broadcast: int = 0
    conversation: int = 0
    families: Counter[str] = field(default_factory=Counter)  # family -> posts with a finding of it
    rules: Counter[str] = field(default_factory=Counter)  # rule id -> posts it flagged

    def count(self, reply: bool, inviting: bool, broadcast: bool, conversation: bool,
              families: Iterable[str] = (), rules: Iterable[str] = ()) -> None:
        self.posts += 1
        self.replies += reply
        self.inviting += inviting
        self.broadcast += broadcast
        self.conversation += conversation
        if rules:
            self.flagged += 1
            for family in families:  # plain increments: Counter.update costs more for a set of one or two
                self.families[family] += 1
            for rule in rules:
                self.rules[rule] += 1


@dataclass(frozen=True)
class Example:
    """A flagged post as the report shows it: its findings (the API's JSON shape) and a rewrite."""

    post: Post
    platform: str  # the platform it was linted for
    findings: list[dict[str, Any]]
    rewrite: str
    score: int


@dataclass(frozen=True)
class Source:
    file: str
    format: str
    items: int


@dataclass
class AuditReport:
    ruleset: dict[str, Any]
    rules: dict[str, Rule]  # every rule of the pack, by id
    period: Period
    total: Tally
    months: dict[str, Tally]  # in month order
    undated: int
    outside_period: int
    sources: list[Source]
    examples: dict[str, Example]  # rule id -> the shortest post it flagged, rewritten for that rule
    worst: list[Example]  # heaviest findings first


class Audit:
    """Feed it posts with `add`; `report` gives the counts so far."""

    def __init__(self, linter: Linter, platform: str = "generic", period: Period = Period()) -> None:
        self.linter, self.platform, self.period = linter, platform, period
        self.total = Tally()
        self.months: dict[str, Tally] = {}
        self.undated = self.outside_period = 0
        self.sources: list[Source] = []
        self._examples: dict[str, Example] = {}
        self._worst: list[tuple[int, int, Example]] = []  # a min-heap of (score, -arrival, example)
        self._arrivals = 0

    def add(self, post: Post) -> None:
        if post.month is None:
            self.undated += 1
            if self.period.bounded:
                return  # it cannot be shown to fall inside the period
            tallies = (self.total,)
        elif not self.period.holds(post.month):
            self.outside_period += 1
            return
        else:
            month = self.months.get(post.month) or self.months.setdefault(post.month, Tally())
            tallies = (self.total, month)
        if post.kind == "repost" or post.kind == "empty":
            for tally in tallies:
                tally.reposts += post.kind == "repost"
                tally.without_text += post.kind == "empty"
            return
        platform = post.platform or self.platform
        self._count(post, platform, self.linter.lint(post.text, platform), tallies)

    def _count(self, post: Post, platform: str, result: LintResult, tallies: tuple[Tally, ...]) -> None:
        values = result.features.values
        inviting = any(values.get(name) for name in INVITING_FEATURES)
        reply = post.kind == "reply"
        if not result.findings:  # most posts: nothing more to count or keep
            for tally in tallies:
                tally.count(reply, inviting, False, reply or inviting)
            return
        fired = {finding.rule.id: finding.rule for finding in result.findings}
        families = {rule.category for rule in fired.values()}
        broadcast = not families.isdisjoint(BROADCAST_FAMILIES)
        conversation = not broadcast and (reply or inviting)
        for tally in tallies:
            tally.count(reply, inviting, broadcast, conversation, families, fired)
        self._keep_examples(Sample(post, platform, result), fired)

    def _keep_examples(self, sample: Sample, fired: dict[str, Rule]) -> None:
        self._arrivals += 1
        score = sum(SEVERITY_WEIGHT.get(rule.severity, 1) for rule in fired.values())
        if len(self._worst) < WORST_POSTS or score > self._worst[0][0]:
            entry = (score, -self._arrivals, sample.example(score, sample.result.findings))
            (heapq.heappush if len(self._worst) < WORST_POSTS else heapq.heapreplace)(self._worst, entry)
        for rule_id in fired:
            current = self._examples.get(rule_id)
            if current is None or len(sample.post.text) < len(current.post.text):
                own = [finding for finding in sample.result.findings if finding.rule.id == rule_id]
                self._examples[rule_id] = sample.example(score, own)

    def report(self) -> AuditReport:
        worst = [example for _, _, example in sorted(self._worst, key=lambda entry: (-entry[0], -entry[1]))]
        return AuditReport(contract.ruleset(self.linter.pack), {rule.id: rule for rule in self.linter.pack.rules},
                           self.period, self.total, dict(sorted(self.months.items())), self.undated,
                           self.outside_period, list(self.sources), dict(self._examples), worst)


@dataclass(frozen=True, slots=True)
class Sample:
    """A flagged post with its lint, before it is known whether the report keeps it."""

    post: Post
    platform: str
    result: LintResult

    def example(self, score: int, rewritten_for: Sequence[Finding]) -> Example:
        findings = contract.findings(self.result)  # the hints and whole-post rewrite are not shown
        return Example(self.post, self.platform, findings, rewrite(self.post.text, rewritten_for), score)
