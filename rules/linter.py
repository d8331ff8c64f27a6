"""Lint a draft: measure features, let the engine decide, turn fired rules into findings."""
from __future__ import annotations

from collections.abc import Collection
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .conditions import span_features
from .engine import CompiledRules
from .features import Features, extract
from .pack import Rule, RulePack
from .text import Span, Utf16Offsets, merge

MAX_FINDINGS_PER_RULE = 10


@dataclass(frozen=True, slots=True)
class Replacement:
    message: str
    text: str | None


@dataclass(frozen=True, slots=True)
class Finding:
    rule: Rule
    message: str
    span: Span  # code points; an empty span at the end for findings about the whole draft
    scope: str  # "span" or "draft"
    suggestions: tuple[Replacement, ...]

    def to_dict(self, utf16: Utf16Offsets) -> dict[str, object]:
        start, end = utf16(self.span.start), utf16(self.span.end)
        return {
            "rule": self.rule.id, "category": self.rule.category, "severity": self.rule.severity,
            "message": self.message, "offset": start, "length": end - start, "scope": self.scope,
            "suggestions": [{"message": s.message} | ({"replacement": s.text} if s.text is not None else {})
                            for s in self.suggestions],
        }


@dataclass(frozen=True, slots=True)
class LintResult:
    text: str
    findings: tuple[Finding, ...]
    features: Features
    fired: AbstractSet[str]  # ids of the rules the engine fired, before any request-level disabling

    def to_dict(self) -> dict[str, object]:
        utf16 = Utf16Offsets(self.text)
        values = self.features.values
        return {
            "findings": [finding.to_dict(utf16) for finding in self.findings],
            "stats": {name: values[name] for name in
                      ("characters", "limit", "over_limit", "words", "sentences", "questions", "reading_ease", "grade")},
        }


class Linter:
    """A rule pack compiled into the engine. Build once, lint many drafts; `close` frees it."""

    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self._engine = CompiledRules(pack.rules)

    def lint(self, text: str, platform: str = "generic", disabled: Collection[str] = ()) -> LintResult:
        features = extract(text, platform, self.pack.vocabulary)
        fired = self._engine.fired(features.values)
        findings = [finding for rule in self.pack.rules if rule.id in fired and rule.id not in disabled
                    for finding in _findings(rule, text, features)]
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.rule.id))
        return LintResult(text, tuple(findings), features, fired)

    def close(self) -> None:
        self._engine.close()


def _findings(rule: Rule, text: str, features: Features) -> list[Finding]:
    message = rule.message.format_map(features.values)
    spans = _underlined(rule, features)
    if not spans:
        end = Span(len(text), len(text))
        separator = "" if not text or text[-1].isspace() else " "
        suggestions = tuple(Replacement(s.message, separator + s.append if s.append else None)
                            for s in rule.suggestions)
        return [Finding(rule, message, end, "draft", suggestions)]
    suggestions = tuple(Replacement(s.message, s.replace) for s in rule.suggestions)
    return [Finding(rule, message, span, "span", suggestions) for span in spans[:MAX_FINDINGS_PER_RULE]]


def _underlined(rule: Rule, features: Features) -> list[Span]:
    if rule.underline == "none":
        return []
    spans = merge([span for name in span_features(rule.condition, features.values)
                   for span in features.spans.get(name, ())])
    if rule.underline == "sentence":
        spans = merge([sentence for sentence in features.sentences
                       if any(s.start < sentence.end and sentence.start < s.end for s in spans)])
    return spans
