"""A rule's rewrite tested like the rule. On a flag example, every hint the rule is part of gets its
first one-click fix, as a person applying Rapport's suggestions would; linted again, the rewritten
words must not read as the rule's family any more (for a rule about the whole draft: nowhere), the
rule must not fire, and the draft must still hold every link, address, amount and @mention (but
mentions the mechanic asked for, as in "tag @a friend", and what the fix exists to replace, such as
a link Instagram cannot open)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..linting import Linter, LintResult
from ..measuring.text import Span
from ..model import Rule
from .applying import apply_first, kept_tokens
from .hints import hints
from .slots import Slots


@dataclass(frozen=True, slots=True)
class RewriteCheck:
    after: str  # the example with the fixes applied
    problem: str | None  # what is wrong with it; None when it passed


def check_rewrite(linter: Linter, rule: Rule, result: LintResult, platform: str) -> RewriteCheck | None:
    """The check of the fixes Rapport offers for `rule`'s findings on a draft; None when it offers none."""
    fixing = [hint for hint in hints(result) if rule.id in hint.rules and any(s.text is not None for s in hint.suggestions)]
    if not fixing:
        return None
    after, _ = apply_first(result.text, fixing)
    again = linter.lint(after, platform)
    start, end = _changed(result.text, after)
    left = sorted({f.rule.id for f in again.findings if f.rule.category == rule.category and (
        f.rule is rule or f.scope == "draft" and all(h.scope == "draft" for h in fixing)
        or f.span.start < end and start < f.span.end)})
    replaced = {result.text[h.span.start:h.span.end].strip() for h in fixing}
    required = [item for item in Slots(rule, result.text, result.features, Span(0, len(result.text))).kept()
                if item not in replaced]
    missing = Counter(required) - Counter(kept_tokens(after, ("link", "email", "money", "mention")))
    problems = ([f"still reads as {rule.category} ({', '.join(left)})"] if left else []) + (
        [f"drops {', '.join(missing.elements())}"] if missing else [])
    return RewriteCheck(after, "; ".join(problems) or None)


def _changed(before: str, after: str) -> tuple[int, int]:
    """Where `after` differs from `before`: between the text the two share at the start and the end."""
    limit = min(len(before), len(after))
    prefix = next((i for i in range(limit) if before[i] != after[i]), limit)
    suffix = next((i for i in range(limit - prefix) if before[-1 - i] != after[-1 - i]), limit - prefix)
    return prefix, len(after) - suffix
