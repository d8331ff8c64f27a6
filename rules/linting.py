"""Lint a draft: measure features, let the engine decide, turn fired rules into findings."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .cycles import collection_paused
from .deciding.conditions import span_features
from .deciding.engine import CompiledRules
from .measuring.accessibility import FIXES
from .measuring.features import BUILTIN_FEATURES, Features, extract
from .measuring.language import UNDETERMINED
from .measuring.text import Span, merge
from .model import Rule, RulePack, RulesError, Suggestion
from .rewriting.slots import Slots
from .rewriting.templates import fill

MAX_FINDINGS_PER_RULE = 10


@dataclass(frozen=True, slots=True)
class Replacement:
    message: str
    text: str | None  # None: advice only, nothing to apply


@dataclass(frozen=True, slots=True)
class Finding:
    rule: Rule
    message: str
    span: Span  # code points; an empty span at the end for findings about the whole draft
    scope: str  # "span" or "draft"
    suggestions: tuple[Replacement, ...]
    severity: str = ""  # its severity on the draft's platform; left out, the rule's
    link: str | None = None  # the policy the finding rests on (on this platform), if the rule names one

    def __post_init__(self) -> None:
        if not self.severity:
            object.__setattr__(self, "severity", self.rule.severity)


@dataclass(frozen=True, slots=True)
class LintResult:
    text: str
    findings: tuple[Finding, ...]
    features: Features
    fired: AbstractSet[str]  # ids of the rules the engine fired, before any request-level disabling
    not_in_language: tuple[str, ...] = ()  # ids of the rules that do not judge drafts in the draft's language


class Linter:
    """A rule pack compiled into the engine. Build once, lint many drafts; `close` frees it."""

    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self._skipped: dict[str, tuple[str, ...]] = {}  # language -> its rules that do not judge it
        self._positions = {rule.id: (index, rule) for index, rule in enumerate(pack.rules)}
        try:
            with collection_paused():
                self._engine = CompiledRules(pack.rules)
        except RulesError as error:  # a rule the engine refuses: watch the same files as for any other problem
            raise RulesError(error.problems, pack.sources) from None

    def lint(self, text: str, platform: str = "generic", disabled: Collection[str] = ()) -> LintResult:
        with collection_paused():  # a long draft makes tens of thousands of objects, none in cycles
            return self._lint(text, platform, disabled)

    def _lint(self, text: str, platform: str, disabled: Collection[str]) -> LintResult:
        features = extract(text, platform, self.pack.plan)
        fired = self._engine.fired(features.values)
        # The fired rules in the pack's order, from the few that fired rather than by asking of every rule.
        rules = [rule for _, rule in sorted(map(self._positions.__getitem__, fired)) if rule.id not in disabled]
        findings = [finding for rule in rules for finding in _findings(rule, text, features)]
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.rule.id))
        return LintResult(text, tuple(findings), features, fired, self._not_judging(str(features.values["language"])))

    def _not_judging(self, language: str) -> tuple[str, ...]:
        """The rules that do not judge drafts in `language`: worked out once per language, not per draft."""
        if (skipped := self._skipped.get(language)) is None:
            skipped = self._skipped[language] = () if language == UNDETERMINED else tuple(
                rule.id for rule in self.pack.rules if rule.languages and language not in rule.languages)
        return skipped

    def close(self) -> None:
        self._engine.close()


def _findings(rule: Rule, text: str, features: Features) -> list[Finding]:
    message = rule.message.format_map(features.values)
    severity, link = rule.policy(str(features.values["platform"]))
    spans = _underlined(rule, features)
    if not spans:
        end = Span(len(text), len(text))
        return [Finding(rule, message, end, "draft", filled(rule, text, features, None), severity, link)]
    advice = tuple(Replacement(s.message, None) for s in rule.suggestions)
    return [Finding(rule, message, span, "span", advice if sentence_wide(rule) else filled(rule, text, features, span),
                    severity, link)
            for span in spans[:MAX_FINDINGS_PER_RULE]]


def filled(rule: Rule, text: str, features: Features, span: Span | None,
           others: Sequence[Finding] = (), asked: bool = False) -> tuple[Replacement, ...]:
    """The rule's suggestions with their templates' slots filled for `span` (None: the whole draft,
    whose suggestions append a sentence), or a measured fix of the underlined words; `others` are
    other rules' findings on these words; with `asked`, another fix asks for replies, so this one's
    invitation is left out."""
    slots = Slots(rule, text, features, span or Span(0, len(text)), others)
    if span is None:
        separator = "" if not text or text[-1].isspace() else " "
        return tuple(Replacement(s.message, separator + fill(s.append, slots) if s.append else None)
                     for s in rule.suggestions)
    return filled_from(slots, asked)


def filled_from(slots: Slots, asked: bool = False) -> tuple[Replacement, ...]:
    """`filled` for the span of `slots` from their values: a hint fills them twice, with and without
    its invitation, and reads the draft once."""
    underlined = slots.text[slots.span.start:slots.span.end]
    return tuple(Replacement(s.message, _replacement(s, underlined, slots, asked)) for s in slots.rule.suggestions)


def _replacement(suggestion: Suggestion, underlined: str, slots: Slots, asked: bool) -> str | None:
    if suggestion.fix:
        return FIXES[suggestion.fix](underlined)
    if suggestion.replace is None:
        return None
    return slots.completed(fill(suggestion.replace, slots, asked or slots.asks_elsewhere()))


def sentence_wide(rule: Rule) -> bool:
    """The rule's first one-click fix rewrites whole sentences: its findings are advice, and only
    hints (whose underline covers the sentences) offer the fix."""
    return next((s.over == "sentence" for s in rule.suggestions if s.replace is not None), False)


def _underlined(rule: Rule, features: Features) -> list[Span]:
    if rule.underline == "none":
        return []
    names = span_features(rule.condition, features.values)
    # Words the rule matched explain it better than a count that supports it ("£50" beside "hurry"):
    # counts such as hashtags or capitals are underlined only when nothing was matched in a sentence,
    # and patterns looked for in the whole draft ("we", a hashtag: who is speaking, not the claim)
    # only when there is nothing else ("!!!!" beside a "sale" somewhere is about the marks).
    names = [name for name in names if features.spans.get(name)]
    local = [name for name in names if name not in BUILTIN_FEATURES and name not in features.draft_wide]
    counted = [name for name in names if name in BUILTIN_FEATURES]
    spans = merge([span for name in local or counted or names for span in features.spans[name]])
    if rule.underline == "sentence":
        spans = merge([sentence for sentence in features.sentences if _overlaps(spans, sentence)])
    return spans


def _overlaps(merged: list[Span], span: Span) -> bool:
    """Whether any of `merged` (sorted, apart) overlaps `span`: the first that ends after it starts
    is the only one to check, found by bisecting rather than testing each (a 64 KiB draft has
    thousands of sentences and of spans)."""
    at = bisect_right(merged, span.start, key=_end)
    return at < len(merged) and merged[at].start < span.end


def _end(span: Span) -> int:
    return span.end
