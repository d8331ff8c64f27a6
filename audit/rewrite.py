"""A post rewritten with the one-click suggestions its findings carry, as the extension would apply them."""
from __future__ import annotations

from collections.abc import Iterable

from rules import Finding


def rewrite(text: str, findings: Iterable[Finding]) -> str:
    """`text` with the first replacement of each rule's first finding applied (the same fix twice would
    read oddly); of overlapping spans only the first is replaced."""
    edits, appended, rules = [], [], set()
    for finding in findings:
        replacement = next((s.text for s in finding.suggestions if s.text is not None), None)
        if replacement is None or finding.rule.id in rules:
            continue
        rules.add(finding.rule.id)
        if finding.scope == "draft":
            appended.append(replacement)  # a sentence to add at the end, its leading space included
        else:
            edits.append((finding.span.start, finding.span.end, replacement))
    kept, reached = [], 0
    for start, end, replacement in sorted(edits):
        if start >= reached:
            kept.append((start, end, replacement))
            reached = end
    for start, end, replacement in reversed(kept):  # from the end, so earlier offsets stay valid
        text = text[:start] + replacement + text[end:]
    return text + "".join(appended)
