"""The audit as JSON (`rapport audit --format json`), schema "rapport-audit/1", documented in the README.

The text and HTML reports are drawn from this same document, so the three always agree.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from .aggregate import AuditReport, Example, Tally

SCHEMA = "rapport-audit/1"
TOP_FINDINGS = 10
JSON = dict[str, Any]


def share(part: int, whole: int) -> float:
    """part / whole as a fraction rounded to 4 places; 0 when there is no whole."""
    return round(part / whole, 4) if whole else 0.0


def report_json(report: AuditReport) -> JSON:
    total = report.total
    families = sorted({rule.category for rule in report.rules.values()})
    months = list(report.months)
    top = [rule_id for rule_id, _ in _ranked(total.rules)[:TOP_FINDINGS]]
    return {
        "schema": SCHEMA,
        "ruleset": report.ruleset,
        "period": {"since": report.period.since, "until": report.period.until,
                   "first_month": months[0] if months else None, "last_month": months[-1] if months else None},
        "sources": [{"file": s.file, "format": s.format, "items": s.items} for s in report.sources],
        **_counts(total),
        "reply_share": share(total.replies, total.posts),
        "inviting_share": share(total.inviting, total.posts),
        "flagged_share": share(total.flagged, total.posts),
        "undated": report.undated,
        "outside_period": report.outside_period,
        "families": dict(_ranked(Counter({family: total.families[family] for family in families}))),
        "rules": dict(_ranked(Counter({rule_id: total.rules[rule_id] for rule_id in report.rules}))),
        "months": [{"month": month, **_counts(tally), "families": dict(_ranked(tally.families)),
                    "rules": dict(_ranked(tally.rules))} for month, tally in report.months.items()],
        "top_findings": [_top_finding(report, rule_id) for rule_id in top],
        "worst_posts": [_example(example) for example in report.worst],
    }


def _counts(tally: Tally) -> JSON:
    return {"posts": tally.posts, "replies": tally.replies, "reposts": tally.reposts,
            "without_text": tally.without_text, "inviting": tally.inviting, "flagged": tally.flagged,
            "broadcast": tally.broadcast, "conversation": tally.conversation}


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _top_finding(report: AuditReport, rule_id: str) -> JSON:
    rule, posts, example = report.rules[rule_id], report.total.rules[rule_id], report.examples[rule_id]
    message = next(f["message"] for f in example.findings if f["rule"] == rule_id)  # placeholders filled in
    return {"rule": rule_id, "category": rule.category, "severity": rule.severity, "message": message,
            "posts": posts, "share": share(posts, report.total.posts), "example": _example(example)}


def _example(example: Example) -> JSON:
    post = example.post
    return {"where": post.where, "month": post.month, "platform": example.platform, "url": post.url,
            "text": post.text, "score": example.score, "findings": example.findings, "rewrite": example.rewrite}
