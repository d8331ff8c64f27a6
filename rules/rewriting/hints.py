"""One hint per problem: findings of several rules on the same or overlapping words become one hint.

A hint is what a person sees (an underline, a card, one count on the badge); it keeps every rule
whose findings it merged, the most relevant first, and offers that rule's suggestions. What makes a
finding more relevant: a broadcast family over advice (readability, platform), a rule that does not
already lead an earlier hint (there, it is often the first sentence's echo), a one-click fix over
advice, a higher severity, a rule that reads the words over one that reads the statistical signal,
more of the hint's words covered, then the pack's order.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..deciding.conditions import leaves
from ..linting import Finding, LintResult, Replacement
from ..measuring.features import SIGNAL_FEATURES
from ..measuring.text import Span
from ..model import BROADCAST_FAMILIES, Rule
from .applying import deletion_span, fit

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True, slots=True)
class Hint:
    findings: tuple[Finding, ...]  # most relevant first; every rule merged here appears once
    span: Span  # what is underlined and what a replacement replaces (code points)
    scope: str  # "span" or "draft"
    suggestions: tuple[Replacement, ...]  # the most relevant finding's, fitted to `span`

    @property
    def primary(self) -> Finding:
        return self.findings[0]

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(finding.rule.id for finding in self.findings)

    @property
    def severity(self) -> str:
        return max((finding.rule.severity for finding in self.findings), key=SEVERITY_RANK.__getitem__)


def hints(result: LintResult) -> list[Hint]:
    """The draft's problems, in text order; draft-wide hints last."""
    text = result.text
    spans = sorted((f for f in result.findings if f.scope == "span"), key=lambda f: (f.span.start, -f.span.end))
    groups: list[list[Finding]] = []
    for finding in spans:
        if groups and _joins(text, groups[-1], finding):
            groups[-1].append(finding)
        else:
            groups.append([finding])
    # Draft-wide findings of the broadcast families all say "nothing here to answer": one problem.
    wide: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.scope == "draft":
            family = finding.rule.category
            wide.setdefault("broadcast" if family in BROADCAST_FAMILIES else family, []).append(finding)
    used: set[str] = set()  # a rule that leads one hint gives way in the next: "RT to win! Hurry, ends today!"
    built = [_hint(text, group, "span", used) for group in groups]
    return built + [_hint(text, group, "draft", used) for group in wide.values()]


def _joins(text: str, group: list[Finding], finding: Finding) -> bool:
    """Overlapping words are one problem; so is one rule's run of findings with only spaces between
    (a row of contest hashtags)."""
    end = max(member.span.end for member in group)
    if finding.span.start < end:
        return True
    between = text[end:finding.span.start]
    return not between.strip() and finding.rule.underline != "sentence" and any(
        member.rule is finding.rule for member in group)


def _hint(text: str, group: Sequence[Finding], scope: str, used: set[str]) -> Hint:
    span = Span(min(f.span.start for f in group), max(f.span.end for f in group))
    ordered = sorted(group, key=lambda f: _relevance(f, span, used), reverse=True)
    used.add(ordered[0].rule.id)
    unique: dict[str, Finding] = {}
    for finding in ordered:
        unique.setdefault(finding.rule.id, finding)
    primary = ordered[0]
    if scope == "draft":
        return Hint(tuple(unique.values()), span, scope, primary.suggestions)
    own = [f.span for f in group if f.rule is primary.rule]  # a run of hashtags: all of them
    inner = Span(min(s.start for s in own), max(s.end for s in own))
    first = next((s.text for s in primary.suggestions if s.text is not None), None)
    if first == "" and inner == span:
        span = inner = deletion_span(text, span)
    suggestions = tuple(Replacement(s.message, None if s.text is None else fit(text, span, inner, s.text))
                        for s in primary.suggestions)
    return Hint(tuple(unique.values()), span, scope, suggestions)


def _relevance(finding: Finding, span: Span, used: set[str]) -> tuple:
    rule = finding.rule
    covered = (finding.span.end - finding.span.start) / max(1, span.end - span.start)
    return (rule.category in BROADCAST_FAMILIES, rule.id not in used, any(s.text is not None for s in finding.suggestions),
            SEVERITY_RANK.get(rule.severity, 0), not reads_signal(rule), covered)


def reads_signal(rule: Rule) -> bool:
    """The rule tests the statistical signal: a backstop for what the specific rules miss."""
    return any(leaf.feature in SIGNAL_FEATURES for leaf in leaves(rule.condition))
