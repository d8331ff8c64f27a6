"""The audit as text for a terminal: the headline figures, the families, the most frequent findings
with an example each, and a line per month. Drawn from the JSON document (render_json.py)."""
from __future__ import annotations

import re
from typing import Any

EXAMPLE_WIDTH = 160


def report_text(document: dict[str, Any]) -> str:
    posts = document["posts"]
    lines = [*_heading(document), "",
             _figure("posts written", posts, f"reposts {document['reposts']:,} (not linted), "
                                             f"{document['without_text']:,} without text"),
             _figure("replies", document["replies"], f"reply share {_of(document['replies'], posts)}"),
             _figure("invite a reply", document["inviting"], f"{_of(document['inviting'], posts)} of posts"),
             _figure("flagged", document["flagged"], f"{_of(document['flagged'], posts)} of posts"),
             _figure("broadcast", document["broadcast"], f"{_of(document['broadcast'], posts)} of posts"),
             _figure("conversation", document["conversation"], f"{_of(document['conversation'], posts)} of posts"),
             *_left_out(document), "", "Families (posts flagged):"]
    lines += [f"  {family:<22}{count:>8,}  {_of(count, posts)}" for family, count in document["families"].items()]
    if document["top_findings"]:
        lines += ["", "Most frequent findings:"]
        for top in document["top_findings"]:
            example = top["example"]
            lines += [f"  {top['rule']} ({top['category']}, {top['severity']}): {_many(top['posts'], 'post')}, "
                      + _percent(top["share"]),
                      f"    e.g. {example['where']} ({example['month'] or 'undated'}): {_quote(example['text'])}",
                      f"    rewrite: {_quote(example['rewrite'])}"]
    if document["months"]:
        lines += ["", "Per month:", (f"  {'month':<8}{'posts':>8}{'replies':>9}{'reply%':>8}{'invite%':>9}"
                                    f"{'broadcast%':>12}{'flagged':>9}{'reposts':>9}")]
        lines += [f"  {m['month']:<8}{m['posts']:>8,}{m['replies']:>9,}{_of(m['replies'], m['posts']):>8}"
                  f"{_of(m['inviting'], m['posts']):>9}{_of(m['broadcast'], m['posts']):>12}"
                  f"{m['flagged']:>9,}{m['reposts']:>9,}" for m in document["months"]]
    return "\n".join(lines) + "\n"


def _heading(document: dict[str, Any]) -> list[str]:
    period = document["period"]
    first, last = period["since"] or period["first_month"], period["until"] or period["last_month"]
    span = f", {first or '…'} to {last or '…'}" if first or last else ""
    files, version = _many(len(document["sources"]), "file"), document["ruleset"]["version"]
    lines = [f"Rapport audit of {files}{span} (rules {version})"]
    return lines + [f"  {s['format']:<18} {s['file']}: {_many(s['items'], 'item')}" for s in document["sources"]]


def _left_out(document: dict[str, Any]) -> list[str]:
    bounded = document["period"]["since"] or document["period"]["until"]
    notes = []
    if document["outside_period"]:
        notes.append(f"  left out: {document['outside_period']:,} items outside the period")
    if document["undated"]:
        where = "left out (they cannot be placed in the period)" if bounded else "counted, in no month"
        notes.append(f"  {document['undated']:,} items without a date: {where}")
    return notes


def _many(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"


def _figure(label: str, count: int, note: str) -> str:
    return f"{label:<16}{count:>10,}   {note}"


def _percent(fraction: float) -> str:
    return f"{100 * fraction:.1f}%"


def _of(part: int, whole: int) -> str:
    return _percent(part / whole) if whole else "-"


def _quote(text: str) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return '"' + (flat if len(flat) <= EXAMPLE_WIDTH else flat[:EXAMPLE_WIDTH - 1] + "…") + '"'
