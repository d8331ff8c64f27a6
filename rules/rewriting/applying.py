"""Applying suggestions to a draft, and what a rewrite must keep.

A replacement is fitted to the words around it before anyone applies it, so the extension, the
command line and the audit insert it as it is: the emoji or bullet that opened the sentence stays,
the first letter takes the case the position needs, a sentence mark does not double up and the
next sentence keeps its space, and a deletion takes one of the spaces around it along.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..measuring.text import Span
from ..measuring.tokens import Tokens, tokenize
from .templates import invites

if TYPE_CHECKING:
    from .hints import Hint

_ENDS = ".!?…"
_MARKS = _ENDS + ",;:"

# Words too common to show that a rewrite kept anything of the text it replaced.
STOPWORDS = frozenset("""a an the and or but if so to of in on at for with by from as is are was were be been
being am do does did done have has had will would shall should can could may might must not no yes this that
these those it its it's i me my we us our you your they them their he she his her there here what which who whom
whose when where why how all any each every some more most just only very too than then now out up down off over
again also one get got let lets let's please today""".split())


def apply_first(text: str, hints: Sequence[Hint]) -> tuple[str, list[tuple[str, str]]]:
    """`text` with every hint's first one-click suggestion applied, right to left (one overlapping a
    hint already applied is skipped), and the (replaced, replacement) pairs of the span rewrites.
    A sentence to append is left out when a span rewrite already asks a question or invites replies."""
    replaced: list[tuple[str, str]] = []
    source, free_until = text, len(text)
    appends = []
    inviting = False
    for hint in sorted(hints, key=lambda h: (h.span.start, h.span.end), reverse=True):
        fix = next((s.text for s in hint.suggestions if s.text is not None), None)
        start, end = hint.span.start, hint.span.end
        if fix == "" and end > free_until and not source[free_until:end].strip():
            end = free_until  # two deletions side by side each took the space between them
        if fix is None or end > free_until:
            continue
        if hint.scope == "draft":
            appends.append(fix)
            continue
        replaced.append((text[start:end], fix))
        inviting = inviting or invites_replies(hint)
        free_until = start
        text = _spliced(text[:start] + fix, text[end:])
    if not inviting and not any("?" in fix for _, fix in replaced):
        text += "".join(appends)
    return _once(text), replaced


def _spliced(before: str, after: str) -> str:
    """`before` and `after` put together without a space doubled or opening the text."""
    if not before:
        return after.lstrip()
    if after[:1] in (" ", "\t") and before[-1] in " \t\n":
        return before + after[1:]
    return before + after


def _once(text: str) -> str:
    """`text` with a sentence that comes again later left out: hints of one rule on several sentences
    each end with the same question; the post asks it once, at the end."""
    sentences = re.split(r"(?<=[.!?])[ \t]+", text)
    seen = [sentence.casefold() for sentence in sentences]
    kept = [s for i, s in enumerate(sentences) if seen[i] not in seen[i + 1:]]
    return " ".join(kept) if len(kept) < len(sentences) else text


def invites_replies(hint: Hint) -> bool:
    """The hint's fix invites replies (its template's invitation; not a fix that drops the words)."""
    template = next((s.replace for s in hint.primary.rule.suggestions if s.replace is not None), None)
    fix = next((s.text for s in hint.suggestions if s.text is not None), None)
    return bool(template and fix and invites(template))


def whole_post(text: str, hints: Sequence[Hint]) -> str | None:
    """The whole-post rewrite: every hint's first fix at once; None when no hint has one."""
    rewritten, _ = apply_first(text, hints)
    return rewritten if rewritten != text else None


def content_words(text: str) -> set[str]:
    """The text's words that carry its content, plurals read as their singular."""
    return content_of(tokenize(text))


def content_of(tokens: Tokens) -> set[str]:
    """`content_words` of text already tokenized."""
    return {norm[:-3] + "y" if len(norm) > 4 and norm.endswith("ies") else
            norm[:-1] if len(norm) > 3 and norm.endswith("s") and not norm.endswith("ss") else norm
            for norm, kind in zip(tokens.norms, tokens.kinds)
            if kind in ("word", "money", "number", "percent", "link", "mention", "hashtag") and norm not in STOPWORDS}


def kept_tokens(text: str, kinds: tuple[str, ...] = ("link", "email", "money")) -> list[str]:
    """The links, addresses and money amounts of a text, as written: what a rewrite must keep."""
    tokens = tokenize(text)
    return [amount(text[start:end]) if kind == "money" else text[start:end]
            for kind, start, end in zip(tokens.kinds, tokens.starts, tokens.ends) if kind in kinds]


def amount(written: str) -> str:
    """A money token without the comma that ends its clause ("£500," in "pays in £500, you get")."""
    return written.rstrip(",")


def deletion_span(text: str, span: Span) -> Span:
    """`span` with the spaces before it (or, at the start of a line, after it; a whole line with a
    line break), so that deleting it leaves one space between its neighbours."""
    start = span.start
    while start and text[start - 1] in " \t":
        start -= 1
    glued = span.end < len(text) and not text[span.end].isspace() and text[span.end] not in _MARKS
    if start < span.start and not glued and (start == 0 or text[start - 1] != "\n"):
        return Span(start, span.end)
    end = span.end
    while end < len(text) and text[end] in " \t":
        end += 1
    if (span.start == 0 or text[span.start - 1] == "\n") and text[end:end + 1] in ("\n", ""):
        # a whole line goes with the line break before it (the first line, with the one after it)
        return Span(span.start - 1, end) if span.start else Span(0, min(end + 1, len(text)))
    return Span(span.start, end)


def fit(text: str, outer: Span, inner: Span, replacement: str) -> str:
    """What to put over `outer` so that `inner` (inside it) reads `replacement` among its neighbours."""
    before, after = text[outer.start:inner.start], text[inner.end:outer.end]
    if not replacement:
        if before.endswith((" ", "\t")) and (not after or after[0] in " \t" + _MARKS):
            before = before.rstrip(" \t")
        return before + after
    replaced = text[inner.start:inner.end]
    opener, closer = _symbols(replaced), _symbols(replaced[::-1])[::-1]
    if opener == replaced:
        opener = closer = ""  # the span was only symbols: the replacement is meant for them
    core = replacement
    if opener and not core.startswith(opener.strip()):
        core = opener + core
    if closer and closer.strip() not in core:
        core = core + (closer if closer[0].isspace() else " " + closer)
    core = _cased(core, _starts_sentence(text, inner.start))
    following = text[inner.end:inner.end + 1]
    if core[-1] in _ENDS and following in tuple(_MARKS) and core.strip(_MARKS):
        core = core.rstrip(_ENDS)  # the text's own mark follows
    elif core[-1] in _ENDS and following and following.isalnum():
        core += " "
    return before + core + after


def _symbols(text: str) -> str:
    """The emoji, bullets and spaces that open `text` ("=" in "❤️ = summer" pairs the emoji with a vote)."""
    end = 0
    while end < len(text) and (text[end].isspace() or unicodedata.category(text[end])[0] == "S" and text[end] != "="
                               or text[end] in "\ufe0f\u200d\u20e3"):
        end += 1
    return text[:end]


def _starts_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in _ENDS or "\n" in text[len(before):index] or _symbols(before[::-1]) == before[::-1]


def _cased(text: str, sentence_start: bool) -> str:
    """`text` with its first letter upper case at a sentence start; lower case elsewhere unless the
    word is in capitals or is "I"."""
    index = next((i for i, ch in enumerate(text) if ch.isalpha()), None)
    word = text[index:].split(" ", 1)[0] if index is not None else ""
    if index is None or text[index - 1:index] in ("#", "@") or tokenize(word).kinds[:1] in (["link"], ["email"]):
        return text
    if sentence_start:  # "80% off" opens with its number
        return text if any(ch.isdigit() for ch in text[:index]) else text[:index] + text[index].upper() + text[index + 1:]
    if word in ("I", "I'm", "I'll", "I've", "I'd") or (len(word) > 1 and word[1].isupper()):
        return text
    return text[:index] + text[index].lower() + text[index + 1:]
