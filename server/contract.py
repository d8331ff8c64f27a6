"""Every JSON shape Rapport gives: the HTTP API's answers and `rapport lint --format json`.

Offsets leave here in UTF-16 code units, as JavaScript strings count them; Python counts code
points, so every offset is converted in this one place. No Flask here: the command line uses it too.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from rules import Finding, Hint, LintResult, Problem, Replacement, Rule, RuleExplanation, RulePack, hints, whole_post

JSON = dict[str, Any]
STATS = ("characters", "limit", "over_limit", "words", "sentences", "questions", "reading_ease", "grade", "language")


class Utf16Offsets:
    """Converts code-point offsets in one text to UTF-16 code-unit offsets in O(log n)."""

    def __init__(self, text: str) -> None:
        # Code points above U+FFFF take two UTF-16 units; remember where they are.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def __call__(self, index: int) -> int:
        return index + bisect_right(self._astral, index - 1) if self._astral else index


def finding(item: Finding, utf16: Utf16Offsets) -> JSON:
    """One rule's finding: what every rule fired, as clients before hints read it."""
    start, end = utf16(item.span.start), utf16(item.span.end)
    return {
        "rule": item.rule.id, "category": item.rule.category, "severity": item.severity,
        "message": item.message, "offset": start, "length": end - start, "scope": item.scope, "link": item.link,
        "suggestions": suggestions(item.suggestions),
    }


def suggestions(items: Iterable[Replacement]) -> list[JSON]:
    return [{"message": s.message} | ({"replacement": s.text} if s.text is not None else {}) for s in items]


def hint(item: Hint, utf16: Utf16Offsets) -> JSON:
    """One problem: a finding's fields, taken from its most relevant rule (`rule`, `category`,
    `message`, `suggestions`), the worst severity, the underline of all, every rule merged, and the
    policy the first of them that names one rests on."""
    start, end = utf16(item.span.start), utf16(item.span.end)
    primary = item.primary
    return {
        "rule": primary.rule.id, "rules": list(item.rules), "category": primary.rule.category,
        "severity": item.severity, "message": primary.message, "offset": start, "length": end - start,
        "scope": item.scope, "link": next((f.link for f in item.findings if f.link), None),
        "suggestions": suggestions(item.suggestions),
    }


def lint_result(result: LintResult) -> JSON:
    """Hints, findings, the whole-post rewrite and stats of one draft: a line of `rapport lint --format json`."""
    utf16 = Utf16Offsets(result.text)
    values = result.features.values
    problems = hints(result)
    after = whole_post(result.text, problems)
    # Rules that do not read the draft's language did not judge it: say so, so no client shows it as clean.
    not_checked = [{"reason": "language", "language": values["language"], "rules": len(result.not_in_language)}
                   ] if result.not_in_language else []
    return {"hints": [hint(item, utf16) for item in problems],
            "rewrite": {"before": result.text, "after": after} if after is not None else None,
            "findings": findings(result, utf16),
            "stats": {name: values[name] for name in STATS}, "not_checked": not_checked}


def findings(result: LintResult, utf16: Utf16Offsets | None = None) -> list[JSON]:
    """Every finding of one draft, as `findings` in the answers."""
    utf16 = utf16 or Utf16Offsets(result.text)
    return [finding(item, utf16) for item in result.findings]


def ruleset(pack: RulePack) -> JSON:
    return {"version": pack.version}


def lint_answer(result: LintResult, pack: RulePack) -> JSON:
    """POST /v1/lint."""
    return lint_result(result) | {"ruleset": ruleset(pack)}


def explain_answer(explanations: list[RuleExplanation], pack: RulePack) -> JSON:
    """POST /v1/explain."""
    return {"ruleset": ruleset(pack), "rules": [
        {"rule": e.rule.id, "fired": e.fired, "file": e.rule.file, "line": e.rule.line,
         "tests": [{"feature": t.feature, "test": t.test, "value": t.value, "holds": t.holds,
                    "contributors": [{"ngram": gram, "weight": weight} for gram, weight in t.contributors]}
                   for t in e.tests]}
        for e in explanations]}


def rules_listing(pack: RulePack) -> JSON:
    """GET /v1/rules."""
    return {"ruleset": ruleset(pack), "platforms": pack.plan.limits, "rules": [
        {"id": rule.id, "category": rule.category, "severity": rule.severity, "message": rule.message,
         "underline": rule.underline, "location": rule.location, "link": rule.link,
         "per_platform": {p.platform: {"severity": p.severity, "link": p.link} for p in rule.per_platform},
         "languages": list(rule.languages),
         "suggestions": [{"message": s.message} for s in rule.suggestions]}
        for rule in pack.rules]}


def problem(item: Problem) -> JSON:
    return {"file": item.file, "line": item.line, "column": item.column, "rule": item.rule, "message": item.message}


def rules_status(pack: RulePack, loaded_at: float, path: str, problems: list[Problem]) -> JSON:
    """GET /v1/rules/status: the set being served, and what is wrong with the last edit, if anything."""
    return {"version": pack.version, "loaded_at": loaded_at, "file": path,
            "error": [problem(item) for item in problems] or None}


def health(pack: RulePack, problems: list[Problem]) -> JSON:
    """GET /healthz."""
    # The popup shows `message`: each problem as `file:line: rule 'id': what is wrong`, as the CLI prints it.
    error = {"message": "; ".join(map(str, problems)),
             "problems": [problem(item) for item in problems]} if problems else None
    return {"status": "ok", "ruleset": ruleset(pack), "rules_error": error}


# LanguageTool's /v2 API (server/languagetool.py), so its clients show Rapport's findings.
CONTEXT = 40  # code points of the draft each side of a match in its `context`, as LanguageTool gives


def languagetool_languages(languages: list[tuple[str, str, str]]) -> list[JSON]:
    """GET /v2/languages: (name, code, longCode) of each language accepted."""
    return [{"name": name, "code": code, "longCode": long_code} for name, code, long_code in languages]


def languagetool_answer(result: LintResult, language: tuple[str, str], software: JSON) -> JSON:
    """POST /v2/check."""
    utf16 = Utf16Offsets(result.text)
    name, code = language
    return {"software": software, "warnings": {"incompleteResults": False},
            "language": {"name": name, "code": code,
                         "detectedLanguage": {"name": name, "code": code, "confidence": 1.0}},
            "matches": [_languagetool_match(item, result, utf16) for item in hints(result)]}


def _languagetool_match(item: Hint, result: LintResult, utf16: Utf16Offsets) -> JSON:
    """One match per problem, as the extension shows it: the hint's words, led by its most relevant rule."""
    shape = hint(item, utf16)
    sentence = next((result.text[s.start:s.end] for s in result.features.sentences
                     if s.start <= item.span.start < s.end), "")
    return {"message": shape["message"], "shortMessage": _label(item.primary.rule.category),
            "replacements": [{"value": s["replacement"]} for s in shape["suggestions"] if "replacement" in s],
            "offset": shape["offset"], "length": shape["length"], "context": _context(result.text, item),
            "sentence": sentence, "type": {"typeName": "Other"}, "rule": _languagetool_rule(item.primary.rule),
            "ignoreForIncompleteSentence": False, "contextForSureMatch": 0}


def _languagetool_rule(rule: Rule) -> JSON:
    return {"id": rule.id, "description": _label(rule.id), "issueType": "style",
            "category": {"id": rule.category, "name": _label(rule.category)}}


def _label(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def _context(text: str, item: Hint) -> JSON:
    """Up to CONTEXT code points each side of the match, "..." where the text goes on; offsets in UTF-16."""
    start, end = max(0, item.span.start - CONTEXT), min(len(text), item.span.end + CONTEXT)
    before = ("..." if start else "") + text[start:item.span.start]
    context = before + text[item.span.start:item.span.end] + text[item.span.end:end] + ("..." if end < len(text) else "")
    utf16 = Utf16Offsets(context)
    offset = utf16(len(before))
    return {"text": context, "offset": offset, "length": utf16(len(before) + item.span.end - item.span.start) - offset}


def error(code: str, message: str) -> JSON:
    """Every error answer, with a 4xx or 5xx status."""
    return {"error": {"code": code, "message": message}}
