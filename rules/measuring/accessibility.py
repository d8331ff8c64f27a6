"""What screen readers stumble on, measured: hashtags of several words run together in lower case
(read as one long word), hashtags in capitals (often spelt out letter by letter), and letters in
pseudo-fonts (Unicode's mathematical bold, italic, script, ..., which are read as "mathematical
bold capital N" or skipped), and emoji read by name: runs of them, and emoji as bullets. Emoji in
place of words are a token pattern in the pack.

The fixes a suggestion may apply (`fix:` in a rules file) live here too: a hashtag in CamelCase,
styled letters as plain ones.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from .text import Span
from .tokens import Tokens
from .word_frequencies import whole

MIN_RUN_TOGETHER = 6  # letters: shorter tags are words or acronyms (#tbt, #ootd)
MIN_CAPS_HASHTAG = 5  # letters: #NHS, #USA, #NASA are acronyms, read well in capitals
EMOJI_RUN = 3  # emoji in a row
MAX_WORD = 20  # letters in one word of a hashtag
MAX_SPLIT = 40  # letters in a hashtag worth splitting; with MAX_SPLIT_TAGS, bounds the work per draft
MAX_SPLIT_TAGS = 100  # hashtags split per draft
WORD_PENALTY_CB = 100  # what each extra word costs: "weekend" stays one word, not "week end"
# The rarest a word of a split may be, in centibels: one or two letters only if very common (a, i, is,
# we: not the "wr" and "tf" of a split of "#nanowrimo"), longer ones if not rarer than about 1 in 4 million.
MAX_SHORT_RARITY_CB = 300
MAX_RARITY_CB = 560
# Mathematical alphanumerics, full-width letters and digits, circled letters: NFKC gives the plain ones.
_STYLED = "\U0001d400-\U0001d7ff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u24b6-\u24e9"
_STYLED_RUN = re.compile(rf"[{_STYLED}](?:[^\w\n]*[{_STYLED}])*")  # styled words and what is between them
_HASHTAG_WORD = re.compile(r"#([^\W\d_]+)\b")


def measure(text: str, tokens: Tokens) -> dict[str, list[Span]]:
    run_together: list[Span] = []
    caps: list[Span] = []
    splits = 0
    for index, kind in enumerate(tokens.kinds):
        if kind != "hashtag":
            continue
        start, end = tokens.starts[index], tokens.ends[index]
        body = text[start + 1:end]
        if not body.isalpha():
            continue
        if body.isupper() and len(body) >= MIN_CAPS_HASHTAG:
            caps.append(Span(start, end))
        elif body.islower() and MIN_RUN_TOGETHER <= len(body) <= MAX_SPLIT and splits < MAX_SPLIT_TAGS:
            splits += 1
            if len(words_of(body)) > 1:
                run_together.append(Span(start, end))
    plain = text.isascii()
    styled = [] if plain else [Span(m.start(), m.end()) for m in _STYLED_RUN.finditer(text)]
    runs, bullets = ([], []) if plain else _emoji_layout(tokens)
    return {"run_together_hashtags": run_together, "caps_hashtags": caps, "styled_letters": styled,
            "emoji_runs": runs, "emoji_bullets": bullets}


def _emoji_layout(tokens: Tokens) -> tuple[list[Span], list[Span]]:
    """Runs of EMOJI_RUN emoji or more, and emoji that start a sentence or line before a word."""
    kinds, starts, ends = tokens.kinds, tokens.starts, tokens.ends
    runs: list[Span] = []
    first = None  # where the current run of emoji began
    for index, kind in enumerate((*kinds, "")):
        if kind == "emoji":
            first = index if first is None else first
            continue
        if first is not None and index - first >= EMOJI_RUN:
            runs.append(Span(starts[first], ends[index - 1]))
        first = None
    bullets = [Span(starts[i], ends[i]) for i in tokens.sentence_starts
               if i + 1 < len(kinds) and kinds[i] == "emoji" and kinds[i + 1] == "word"]
    return runs, bullets


def warm_up() -> None:
    whole("en")


@lru_cache(maxsize=4096)
def words_of(body: str) -> tuple[str, ...]:
    """The English words a lower-case hashtag body is made of, most likely first (wordfreq's
    frequencies, Viterbi); the body alone when it is one word or cannot be split into words."""
    frequencies = whole("en")
    if body in frequencies or len(body) > MAX_SPLIT:
        return (body,)
    # best[i]: the cheapest split of body[:i] as (cost, words)
    best: list[tuple[int, tuple[str, ...]] | None] = [(0, ())] + [None] * len(body)
    for end in range(1, len(body) + 1):
        for start in range(max(0, end - MAX_WORD), end):
            before, word = best[start], body[start:end]
            rarity = frequencies.get(word, MAX_RARITY_CB + 1)
            if before is None or rarity > (MAX_SHORT_RARITY_CB if len(word) <= 2 else MAX_RARITY_CB):
                continue
            cost = before[0] + rarity + WORD_PENALTY_CB
            if best[end] is None or cost < best[end][0]:
                best[end] = (cost, (*before[1], word))
    found = best[-1]
    return found[1] if found else (body,)


def camel_case(text: str) -> str:
    """Every hashtag in `text` in CamelCase: #socialmediatips -> #SocialMediaTips, #NEWDROP -> #NewDrop."""
    return _HASHTAG_WORD.sub(lambda m: "#" + "".join(w.capitalize() for w in words_of(m.group(1).lower())), text)


def plain_letters(text: str) -> str:
    """Pseudo-font letters as the plain letters they stand for (compatibility normalisation)."""
    return unicodedata.normalize("NFKC", text)


FIXES: dict[str, Callable[[str], str]] = {"camel_case": camel_case, "plain_letters": plain_letters}
