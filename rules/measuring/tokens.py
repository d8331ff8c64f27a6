"""The language layer: a draft as tokens, each with its kind and matching form, in sentences and clauses.

Measured once per draft; phrase lists, patterns and features all read it. Kinds: word, number,
money (£50, $1.5m, 50p), percent, ordinal (50th), emoji, link (with or without a scheme:
example.com/path, bit.ly/x; never an e-mail address), email, mention (@name, @shop.name, @name@instance),
hashtag, and punct (one character). A hyphen inside a word splits it, so "award-winning" and
"award winning" read alike. Some tokens have an extra class: number and ordinal words ("three",
"first"), words in capitals (caps), a capitalised word with a possessive 's ("Bristol's", "Kent's":
possessive; not "It's" or "That's"), any other capitalised word inside a sentence (name), an ordinal of 100 or more
(hundredth: "500th", "1,000th"), reaction emoji (❤️ 👍 🔥 ...), pointing emoji (👇 👉 ...) and the
question mark of a name (the "?" of "Which? readers": name_mark).

Most white-space-delimited chunks of a draft are plain words, and are taken without a regex; the
others are split by one. A sentence ends at . ! ? … (the last of a run) before white space or the
end, and at a line break (not at a name's mark); a clause also ends at , ; : dashes, brackets and emoji.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from .text import Span, normalise

# Top-level domains a link without a scheme or a path may end in (with a path, any 2-6 letters do).
# Words that are also English (shop, news, live) are left out: "Visit.shop" is more often a typo.
_TLDS = ("com|org|net|io|co|uk|gov|edu|ac|ly|me|app|dev|ai|info|biz|us|ca|au|de|fr|ie|nz|eu|tv|fm|gg|xyz|fi|gl|"
         "nl|es|ch|se|dk|pl|pt|jp|sg|hk|za|br|mx|scot|example")
_EMOJI_CHAR = ("[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3"
               "\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07"
               "\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]")
_EMOJI_TAIL = "[\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]*"
_TRAILING = ".,;:!?)]}'\"’”»…"
# The tokens of one chunk that is not a plain word. Every alternative is linear: no nested repeats.
_CHUNK = re.compile(
    r"(?P<link>(?:https?://|www\.)[^\s<>\"]+)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    # Instagram and Threads handles hold dots (@pennywise.app): one mention, not a name and a word "app"
    r"|(?P<mention>@\w+(?:\.\w+)*(?:@[\w-]+(?:\.[\w-]+)+)?)"
    rf"|(?P<domain>(?:[a-z0-9][a-z0-9-]*\.)+(?:[a-z]{{2,6}}/[^\s<>\"]*|(?:{_TLDS})\b))"
    r"|(?P<hashtag>#\w*[^\W\d_]\w*)"
    r"|(?P<keycap>[0-9#*]\ufe0f?\u20e3)"
    r"|(?P<money>[£$€¥₹]\d[\d,]*(?:\.\d+)?(?:k|m|bn)?|\d[\d,]*(?:\.\d+)?p\b)"
    r"|(?P<percent>\d+(?:[.,]\d+)?%)"
    r"|(?P<ordinal>\d[\d,]*(?:st|nd|rd|th)\b)"  # "1,000th" is one ordinal, not "1,00" and "0th"
    r"|(?P<number>\d[\d,]*(?:\.\d+)?(?:[km]\b|\+)?(?![^\W\d_]))"
    r"|(?P<word>[^\W_](?:[^\W_]|['’-](?=[^\W_]))*)"
    rf"|(?P<emoji>[\U0001f1e6-\U0001f1ff]{{2}}|{_EMOJI_CHAR}{_EMOJI_TAIL}"
    rf"(?:\u200d{_EMOJI_CHAR}{_EMOJI_TAIL})*)"
    r"|(?P<punct>[^\w\s])",
    re.IGNORECASE,
)
_SENTENCE_END = frozenset(".!?…")
_CLAUSE_END = frozenset(",;:—–-()[]•|\"“”«»")
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty "
                         "hundred thousand million dozen".split())
ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth hundredth thousandth "
                          "millionth".split())
REACTION_EMOJI = frozenset("❤ 😍 👍 👎 😮 😢 😭 😡 😂 🤣 🔥 💯 👏 🙌 💕 💖 💗 💙 💚 💛 💜 🖤 🤍 🧡 💔 ⭐ 🌟 ✅ ❌ 🙋 ✋ 🤚 "
                           "🥰 😻 🤩 😱 😆 🥲 🤔 👀 ♥ ❣ 💓 💞 🩷 🩵 🤎 🤯 😊 😁 😀 🙏 💪 🫶 🤞".split())
POINTING_EMOJI = frozenset("👇 👉 👆 👈 ⬇ ➡ ⬆ ⤵ 🔽".split())
MIN_CAPS_LETTERS = 2  # "I" and "A" are no words in capitals


@dataclass(slots=True)
class Tokens:
    """A draft's tokens as parallel lists (cheaper than an object per token)."""

    norms: list[str]  # lower case, straight apostrophes, emoji without FE0F: what phrases match
    kinds: list[str]
    starts: list[int]  # code points
    ends: list[int]
    extra: dict[int, str]  # token index -> extra class
    sentence_starts: list[int]  # first token of each sentence, ascending
    clause_starts: list[int]

    def __len__(self) -> int:
        return len(self.norms)

    def span(self, first: int, end: int) -> Span:
        """The text covered by tokens first .. end - 1."""
        return _new_span(Span, (self.starts[first], self.ends[end - 1]))

    def token_spans(self, indices: Iterable[int]) -> list[Span]:
        """The text of each token listed."""
        starts, ends = self.starts, self.ends
        return [_new_span(Span, (starts[index], ends[index])) for index in indices]

    def spans(self, ranges: Iterable[tuple[int, int]]) -> list[Span]:
        """`span` of each (first, end), without a method call each: a long draft's matches run to thousands."""
        starts, ends = self.starts, self.ends
        return [_new_span(Span, (starts[first], ends[end - 1])) for first, end in ranges]

    def has_class(self, index: int, name: str) -> bool:
        return self.kinds[index] == name or self.extra.get(index) == name

    def sentence(self, index: int) -> int:
        return bisect_right(self.sentence_starts, index) - 1

    def clause(self, index: int) -> int:
        return bisect_right(self.clause_starts, index) - 1


# A NamedTuple's own constructor is a Python function; tuple's makes the same Span in C, in half the time.
_new_span = tuple.__new__


def tokenize(text: str) -> Tokens:
    """Split at white space; a chunk that is a plain word (most are) is one token without a regex.

    Written as one loop over local lists: this runs for every draft, and a method call per token
    would triple its cost."""
    norms: list[str] = []
    kinds: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    extra: dict[int, str] = {}
    sentence_starts, clause_starts = [0], [0]
    pending = ""  # "sentence" or "clause" when the next token starts one
    lines = "\n" in text
    position = 0
    for chunk in text.split():
        start = text.find(chunk, position)
        if lines and text.count("\n", position, start):
            pending = "sentence"
        position = start + len(chunk)
        if chunk.isalpha():
            if pending:
                pending = _begin(pending, len(norms), sentence_starts, clause_starts)
            norm = _COUNTRIES.get(chunk) or chunk.lower()
            if norm in _COUNTING_WORDS:
                extra[len(norms)] = "number" if norm in NUMBER_WORDS else "ordinal"
            elif len(chunk) >= MIN_CAPS_LETTERS and chunk.isupper():  # is_caps, for a chunk of letters
                extra[len(norms)] = "caps"
            elif chunk[0].isupper() and len(norms) != sentence_starts[-1] and not _is_i(norm):
                extra[len(norms)] = "name"  # inside a sentence: its first word is capitalised whatever it is
            norms.append(norm)
            kinds.append("word")
            starts.append(start)
            ends.append(position)
            continue
        for norm, kind, first, last in _pieces(chunk, start, text):
            if pending:
                pending = _begin(pending, len(norms), sentence_starts, clause_starts)
            norms.append(norm)
            kinds.append(kind)
            starts.append(first)
            ends.append(last)
            if kind == "punct":
                if norm in _SENTENCE_END and (last == len(text) or text[last].isspace()):
                    if len(norms) > 1 and _marks_a_name(text, first, starts[-2], len(norms) - 2 > sentence_starts[-1]):
                        extra[len(norms) - 1] = NAME_MARK
                    else:
                        pending = "sentence"  # a run of marks ends a sentence at its last one
                elif norm in _CLAUSE_END:
                    pending = "clause"
                continue
            if kind == "emoji" and pending != "sentence":
                pending = "clause"  # "Big sale 🎉 RT to win": posts separate their clauses with emoji
            if kind in ("emoji", "ordinal") or norm in _COUNTING_WORDS or kind == "word":
                raw = text[first:last]
                if (label := _extra_class(norm, kind, raw)) is not None and (
                        label != "name" or len(norms) - 1 != sentence_starts[-1]):
                    extra[len(norms) - 1] = label
    return Tokens(norms, kinds, starts, ends, extra, sentence_starts, clause_starts)


def plain_word_norm(chunk: str) -> str:
    """The norm of the one token `tokenize` makes of a chunk of letters only (the loop above inlines it)."""
    return _COUNTRIES.get(chunk) or chunk.lower()


def _begin(pending: str, index: int, sentence_starts: list[int], clause_starts: list[int]) -> str:
    """Token `index` starts a new sentence or clause (none before the first token); nothing is pending after."""
    if index:
        if pending == "sentence":
            sentence_starts.append(index)
        clause_starts.append(index)
    return ""


def _pieces(chunk: str, start: int, text: str) -> list[tuple[str, str, int, int]]:
    """The tokens of a chunk that is not a plain word, as (norm, kind, start, end)."""
    body = chunk.rstrip(_TRAILING)
    if body.isalpha():  # a word and its punctuation, as in "day!" or "here:"
        end = start + len(body)
        return [(body.lower(), "word", start, end), *((text[i], "punct", i, i + 1) for i in range(end, start + len(chunk)))]
    pieces = []
    for match in _CHUNK.finditer(chunk):
        kind, raw = match.lastgroup or "punct", match.group()
        first = start + match.start()
        if kind in ("link", "domain"):
            link = raw.rstrip(_TRAILING)
            pieces.append((link.lower(), "link", first, first + len(link)))
            pieces.extend((text[i], "punct", i, i + 1) for i in range(first + len(link), first + len(raw)))
        elif kind == "word" and "-" in raw:
            for part in raw.split("-"):  # "award-winning" reads as "award winning"
                pieces.append((normalise(part).lower(), kind, first, first + len(part)))
                first += len(part) + 1
        elif kind in ("emoji", "keycap"):  # 1️⃣ is an emoji, though it starts with a digit
            pieces.append((raw.replace("\ufe0f", ""), "emoji", first, first + len(raw)))
        else:
            pieces.append((normalise(raw).lower(), kind, first, first + len(raw)))
    return pieces


def _marks_a_name(text: str, mark: int, word_start: int, mid_sentence: bool) -> bool:
    """A ? glued to a capitalised word inside a sentence, before a lower-case word, is part of a name
    ("voted best by Which? readers"): it ends no sentence and asks nothing."""
    return (mid_sentence and text[mark] == "?" and word_start < mark and text[mark - 1].isalpha()
            and text[word_start].isupper() and (following := _NEXT_WORD.match(text, mark + 1)) is not None
            and following.group(1).islower())


_NEXT_WORD = re.compile(r"\s+(\w)")
NAME_MARK = "name_mark"


def _extra_class(norm: str, kind: str, raw: str) -> str | None:
    if kind == "ordinal":  # a count worth marking: "our 500th wedding cake", "our 1,000th install"
        return "hundredth" if int(norm[:-2].replace(",", "")) >= 100 else None
    if kind == "emoji":
        return "reaction" if norm[0] in REACTION_EMOJI else "pointing" if norm[0] in POINTING_EMOJI else None
    if kind == "word":
        if norm in _COUNTING_WORDS:
            return "number" if norm in NUMBER_WORDS else "ordinal"
        if is_caps(raw):
            return "caps"
        if raw[0].isupper() and norm.endswith(("'s", "s'")) and norm not in _CONTRACTIONS:
            return "possessive"  # a place or a name owning something: "Bristol's favourite"
        if raw[0].isupper() and not _is_i(norm):
            return "name"  # a capitalised word, a name when it does not start a sentence
    return None


def _is_i(norm: str) -> bool:
    """"I", "I'm", "I've": capitalised always, so never a name (both of tokenize's paths ask this)."""
    return norm == "i" or norm.startswith(("i'", "i’"))


def is_caps(word: str) -> bool:
    """A word in capitals: what the caps class says of a word that is no number or ordinal word."""
    return word.isupper() and sum(ch.isalpha() for ch in word) >= MIN_CAPS_LETTERS


_COUNTING_WORDS = NUMBER_WORDS | ORDINAL_WORDS
# 's that is "is" or "us", not a possessive
_CONTRACTIONS = frozenset("it's that's what's there's here's let's he's she's who's where's how's when's why's".split())
# "US" in capitals is the country, not "us": read it as "u.s." so it never counts as a pronoun.
_COUNTRIES = {"US": "u.s."}
