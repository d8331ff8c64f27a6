"""Applying suggestions to a draft, and what a rewrite must keep."""
from __future__ import annotations

from ..linting import LintResult
from ..measuring.tokens import tokenize

# Words too common to show that a rewrite kept anything of the text it replaced.
STOPWORDS = frozenset("""a an the and or but if so to of in on at for with by from as is are was were be been
being am do does did done have has had will would shall should can could may might must not no yes this that
these those it its it's i me my we us our you your they them their he she his her there here what which who whom
whose when where why how all any each every some more most just only very too than then now out up down off over
again also one get got let lets let's please today""".split())


def apply_first(result: LintResult) -> tuple[str, list[tuple[str, str]]]:
    """The draft with every finding's first one-click suggestion applied, right to left (a finding
    overlapping one already applied is skipped), and the (replaced, replacement) pairs of span rewrites."""
    text, replaced, free_until = result.text, [], len(result.text) + 1
    for finding in sorted(result.findings, key=lambda f: (f.span.start, f.span.end), reverse=True):
        fix = next((s.text for s in finding.suggestions if s.text is not None), None)
        if fix is None or finding.span.end > free_until and finding.scope == "span":
            continue
        start, end = finding.span.start, finding.span.end
        if finding.scope == "span":
            replaced.append((text[start:end], fix))
            free_until = start
        text = text[:start] + fix + text[end:]
    return text, replaced


def content_words(text: str) -> set[str]:
    tokens = tokenize(text)
    return {norm for norm, kind in zip(tokens.norms, tokens.kinds)
            if kind in ("word", "money", "number", "percent", "link", "mention", "hashtag") and norm not in STOPWORDS}


def kept_tokens(text: str) -> list[str]:
    """The links and money amounts of a text: what a rewrite must keep."""
    tokens = tokenize(text)
    return [norm for norm, kind in zip(tokens.norms, tokens.kinds) if kind in ("link", "money")]
