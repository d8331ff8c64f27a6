"""The self-contained HTML report (`rapport audit --html`): one file that opens offline and prints.

Charts are inline SVG (charts.py); styles and the table-sorting script are inline; a Content
Security Policy forbids the page to load anything, so it makes no network request.
"""
from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .charts import Layer, counts_per_month, month_range, ranking, stacked_shares

_TEMPLATES = Environment(loader=PackageLoader("audit", "templates"), autoescape=select_autoescape(default=True),
                         trim_blocks=True, lstrip_blocks=True)
_TEMPLATES.filters["number"] = "{:,}".format


def report_html(document: dict[str, Any]) -> str:
    return _TEMPLATES.get_template("report.html").render(report=document, charts=_charts(document),
                                                         percent=_percent, marked=_marked)


def _charts(document: dict[str, Any]) -> dict[str, Markup]:
    charts = {}
    if document["months"]:
        period = document["period"]
        months = month_range(period["first_month"], period["last_month"])
        by_month = {entry["month"]: entry for entry in document["months"]}

        def series(field: str) -> list[int]:
            return [by_month[month][field] if month in by_month else 0 for month in months]

        posts, broadcast, conversation = series("posts"), series("broadcast"), series("conversation")
        neither = [p - b - c for p, b, c in zip(posts, broadcast, conversation, strict=True)]
        charts["share"] = stacked_shares(
            "share", "Broadcast and conversation: share of each month's posts", months,
            [Layer("broadcast", "broadcast", broadcast), Layer("conversation", "conversation", conversation),
             Layer("neither", "neither", neither)], posts)
        charts["replies"] = counts_per_month("replies", "Replies per month", months,
                                             Layer("reply", "replies", series("replies")))
    if document["top_findings"]:
        charts["rules"] = ranking("rules", "Posts flagged by the most frequent rules",
                                  [(top["rule"], top["posts"]) for top in document["top_findings"]], "rule")
    return charts


def _percent(part: float, whole: int | None = None) -> str:
    """A fraction (or part of whole) as a percentage; an en dash when there is no whole."""
    if whole is not None:
        if not whole:
            return "–"
        part = part / whole
    return f"{100 * part:.1f}%"


def _marked(text: str, findings: list[dict[str, Any]]) -> Markup:
    """The post with the words its findings point at in <mark>; offsets are UTF-16, as the API gives them."""
    units = text.encode("utf-16-le")
    spans: list[list[Any]] = []
    for finding in findings:
        if finding["scope"] != "span":
            continue
        start, end = finding["offset"], finding["offset"] + finding["length"]
        if spans and start < spans[-1][1]:  # findings come sorted by offset; overlaps are merged
            spans[-1][1] = max(spans[-1][1], end)
            spans[-1][2].append(finding["rule"])
        else:
            spans.append([start, end, [finding["rule"]]])
    pieces, at = [], 0
    for start, end, rules in spans:
        pieces.append(escape(units[2 * at:2 * start].decode("utf-16-le")))
        pieces.append(Markup('<mark title="{}">{}</mark>').format(", ".join(dict.fromkeys(rules)),
                                                                  units[2 * start:2 * end].decode("utf-16-le")))
        at = end
    pieces.append(escape(units[2 * at:].decode("utf-16-le")))
    return Markup("").join(pieces)
