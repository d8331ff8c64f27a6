"""The values a suggestion template's slots take, read from the draft around one finding or hint.

Slots read the replaced span first and the whole draft when the span has nothing (a deadline is often
in the next sentence). Every value is text of the draft as written, except `asked`, `promise` and
`when`, which rephrase it, and words in capitals, which come back in ordinary case.

| slot | value |
|---|---|
| a capture (`{reward}`, `{action}`, ...) | what the rule's pattern captured under that name in the span |
| a phrase list (`{rewards}`, ...) | its longest match in the span |
| `offer` | what is offered: "a £50 voucher" in "RT to win a £50 voucher for our cafe" |
| `promise` | what is promised once a count is reached: "bring back the winter menu"; else "give away" + offer |
| `asked` | the question behind engagement bait: "Do you love Fridays?", "Who needs a coffee?", "Pancakes or waffles?"; else the draft's own question |
| `question` | the draft's first sentence with a question mark |
| `aside` | the clauses of the replaced words the rule found nothing in ("... sees it 🐶 Our microchipping day is on Saturday") |
| `words` | the replaced words themselves, words in capitals in ordinary case |
| `rest` | the span without what the rule is about (its captures, and the matches of the first phrase list it tests), the other rules' captures and flagged hashtags: the facts left once the pressure is gone |
| `act` | the verb the rule caught (its `call` or `action` capture's first word): "book", "share" |
| `topic` | what a closure is about: "individual complaints" in "We can't discuss individual complaints here" |
| `subject` | the product or event: "our winter menu", "the spring fair" |
| `channel` | where replies go, named in the plural: "Comments", "Replies", "DMs", "Messages" |
| `link`, `email`, `money` | the first link, address or amount |
| `date`, `when` | a date or deadline ("Friday", "14 June", "midnight"); `when` with its preposition ("on Friday", "by midnight", "today") |
| `mentions` | the @mentions, except those the rule asked for ("tag @a friend") |
| `hashtags` | up to two hashtags that no other rule of the hint flagged |
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ..deciding.conditions import leaves
from ..measuring.features import Features
from ..measuring.text import Span
from ..measuring.tokens import Tokens, tokenize
from ..model import Rule
from .applying import STOPWORDS, content_words, kept_tokens

if TYPE_CHECKING:
    from ..linting import Finding

BUILTIN_SLOTS = ("offer", "promise", "asked", "question", "rest", "aside", "words", "act", "topic", "subject", "channel", "link",
                 "email", "money", "date", "when", "mentions", "hashtags")
MAX_OFFER_TOKENS = 6
_OFFER_VERBS = frozenset("win wins won winning get gets getting receive receives earn earns unlock unlocks bag score "
                         "claim grab snag collect bagging scoring ship send sends give gives giving sending".split())
_OFFER_NOUNS = frozenset("free voucher vouchers hamper prize prizes gift gifts ticket tickets code codes discount "
                         "coupon coupons tote bag box pair set bundle reward rewards".split())
_OFFER_STOPS = frozenset("for when if to and or by who that with this so from just every each until till at in on via "
                         "before after plus = + & → if you we".split())
_DETERMINERS = frozenset("a an the one two three four five ten your our some free".split())
_FUTURE = ("we'll", "we will", "we're going to", "we are going to", "i'll", "i will", "we'd")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_DATE = re.compile(
    rf"\b(?:(?:this|next|on|by|until|till|from|before|ends?|closes?)\s+)?"
    rf"(?:(?:{_WEEKDAYS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:{_MONTHS}))?)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|today|tonight|tomorrow|this weekend|next week|midnight|the weekend|end of the month)\b", re.IGNORECASE)
_PREPOSITIONS = ("on", "by", "until", "till", "from", "before", "this", "next")
_SUBJECT_STARTS = frozenset("our the this my new".split())
_SUBJECT_STOPS = frozenset("is are was were be has have will can and or but to for of in on at with from by now "
                           "today here there that which who".split())


class Slots:
    """The slot values for one rule over `span` of a draft; each is worked out when first asked for.

    `others` are the findings of other rules in the same hint: what they are about goes from `rest`,
    and hashtags they flagged are not kept."""

    def __init__(self, rule: Rule, text: str, features: Features, span: Span, others: Sequence[Finding] = ()) -> None:
        self.rule, self.text, self.features, self.span, self.others = rule, text, features, span, others
        self._cache: dict[str, str | None] = {}

    def __call__(self, name: str) -> str | None:
        if name not in self._cache:
            self._cache[name] = self._value(name)
        return self._cache[name]

    def _value(self, name: str) -> str | None:
        if name in self._captures:
            return _plain(self._slice(self._captures[name]))
        if name in BUILTIN_SLOTS:
            return getattr(self, f"_{name}")()
        inside = [span for span in self.features.spans.get(name, ()) if self._inside(span)]
        return _plain(self._slice(max(inside, key=lambda s: s.end - s.start, default=None)))

    # -- what the rule matched

    @cached_property
    def _captures(self) -> dict[str, Span]:
        found: dict[str, Span] = {}
        for leaf in leaves(self.rule.condition):
            for match in self.features.captures.get(leaf.feature, ()):
                for name, where in match.items():
                    if self._inside(where):
                        found.setdefault(name, where)
        return found

    @cached_property
    def _matched(self) -> list[Span]:
        """What the rule is about in the span (its captures, and the matches of the first phrase list it
        tests: "hurry" for urgency-pressure, not the sale it also asks for), and the other rules' captures."""
        spans = [*self._about(self.rule, own_list=True), *(s for f in self.others for s in self._about(f.rule))]
        return [s for s in spans if self._inside(s)]

    def _about(self, rule: Rule, own_list: bool = False) -> list[Span]:
        """A rule's captures and, with `own_list`, the matches of the first phrase list it tests (the
        other rules of a hint often test a list only as support: shouting looks for "sale" too)."""
        tested = leaves(rule.condition)
        own = next((leaf.feature for leaf in tested if leaf.positive and leaf.feature in self.features.spans
                    and not leaf.feature.startswith(("pattern_", "near_")) and leaf.feature not in _BUILTIN_SPANS),
                   None) if own_list else None
        captured = [where for leaf in tested for match in self.features.captures.get(leaf.feature, ())
                    for where in match.values()]
        return [*(self.features.spans.get(own, []) if own else []), *captured]

    # -- the draft's tokens

    @cached_property
    def _tokens(self) -> Tokens:
        return tokenize(self.text)

    def _token_range(self, span: Span) -> range:
        tokens = self._tokens
        return range(next((i for i, end in enumerate(tokens.ends) if end > span.start), len(tokens)),
                     next((i for i, start in enumerate(tokens.starts) if start >= span.end), len(tokens)))

    # -- builtin slots

    def _offer(self) -> str | None:
        """In the span, else in the draft: "To enter, like and follow" offers what the sentence before said."""
        return self._offer_in(self._token_range(self.span)) or self._offer_in(range(len(self._tokens)))

    def _offer_in(self, within: range) -> str | None:
        tokens = self._tokens
        start = next((i + 1 for i in within if tokens.norms[i] in _OFFER_VERBS and i + 1 in within), None)
        if start is None:
            noun = next((i for i in within if tokens.kinds[i] in ("money", "percent")),
                        next((i for i in within if tokens.norms[i] in _OFFER_NOUNS), None))
            if noun is None:
                return None
            start = noun
            while start - 1 in within and (tokens.norms[start - 1] in _DETERMINERS or tokens.kinds[start - 1] in ("money", "number")):
                start -= 1
        end = start
        while (end in within and end - start < MAX_OFFER_TOKENS and tokens.kinds[end] in ("word", "money", "number", "percent")
               and tokens.norms[end] not in _OFFER_STOPS):
            end += 1
        if end == start or all(tokens.norms[i] in _DETERMINERS for i in range(start, end)):
            return None
        return _plain(self.text[tokens.starts[start]:tokens.ends[end - 1]])

    def _promise(self) -> str | None:
        lowered = self.text[self.span.start:self.span.end].lower().replace("’", "'")
        for marker in _FUTURE:
            at = lowered.find(marker + " ")
            if at >= 0:
                tail = self.text[self.span.start + at + len(marker) + 1:self.span.end]
                words = re.split(r"[.!?,;:()\n]|\s[#@]|\s-\s", tail, maxsplit=1)[0].strip()
                if words:
                    return _plain(re.sub(r"^(?:all\s+)?", "", words))
        offer = self._offer()
        return f"give away {offer}" if offer else None

    def _asked(self) -> str | None:
        replaced = self.text[self.span.start:self.span.end]
        for pattern, opening in _ASKED:
            if match := pattern.search(replaced):
                words = _plain(_clause(match.group("rest")))
                if words:
                    return f"{opening} {words}?" if opening else f"{words[0].upper()}{words[1:]}?"
        options = [_plain(o) for o in map(_clause, _options(replaced)) if o]
        if len(options) == 1:  # "like for jeans. RT for joggers.": one option a sentence
            options = [_plain(o) for o in map(_clause, _options(self.text)) if o]
        if len(options) >= 2:
            return f"{options[0][0].upper()}{options[0][1:]} or {' or '.join(options[1:])}?"
        return self._question()

    def _question(self) -> str | None:
        return self._slice(self._first(self.features.spans.get("questions", ()), span=False))

    def _rest(self) -> str | None:
        start = self.span.start
        chars = list(self.text[start:self.span.end])
        tags = [f.span for f in self.others if self.text.startswith("#", f.span.start)]  # flagged by another rule
        keep = [s for name in ("links", "money", "emails") for s in self.features.spans.get(name, ())]
        for span in (*self._matched, *tags):
            for index in range(span.start, span.end):
                if not any(k.start <= index < k.end for k in keep):
                    chars[index - start] = " "
        rest = re.sub(r"\s+", " ", "".join(chars))
        rest = re.sub(r"\s+([,.!?;:])", r"\1", rest)
        rest = re.sub(r"([,;:])(?:\s*[,;:.!?])+", r"\1", rest)
        rest = re.sub(r"\b(a|an|the|our|your|my|and|or)\s*,\s*", r"\1 ", rest, flags=re.IGNORECASE)
        rest = _LOOSE_ENDS.sub("", _symbols_off(rest)).strip(" ,;:-–—!?.")
        return _plain(rest) if len(content_words(rest)) >= 2 else None

    def _aside(self) -> str | None:
        tokens, within = self._tokens, self._token_range(self.span)
        found = [s for leaf in leaves(self.rule.condition) if leaf.positive for s in self.features.spans.get(leaf.feature, ())
                 if leaf.feature not in _BUILTIN_SPANS and self._inside(s)]
        starts = [i for i in tokens.clause_starts if i in within]
        clauses = [(tokens.starts[first], tokens.ends[end - 1]) for first, end in zip(starts, [*starts[1:], within.stop])]
        free = [self.text[a:b] for a, b in clauses if not any(s.start < b and a < s.end for s in found)]
        aside = _symbols_off(" ".join(free)).strip(" ,;:-–—.!")
        return _plain(aside) if len(content_words(aside)) >= 3 else None

    def _words(self) -> str | None:
        return _plain(self.text[self.span.start:self.span.end].lower() if _shouted(self.text[self.span.start:self.span.end])
                      else self.text[self.span.start:self.span.end])

    def _act(self) -> str | None:
        where = self._captures.get("call") or self._captures.get("action")
        word = self.text[where.start:where.end].split()[0] if where else ""
        return word.lower() if word.isalpha() else None

    def _topic(self) -> str | None:
        tokens, within = self._tokens, self._token_range(self.span)
        negations = [i for i in within if tokens.norms[i] in _NEGATIONS or tokens.norms[i].endswith("n't")]
        if not negations:
            return None
        index, skipped = negations[0] + 1, 0
        while index in within and skipped < 5 and (tokens.norms[index] in STOPWORDS or tokens.norms[index] in _TOPIC_VERBS
                                                  or tokens.norms[index].endswith(("ing", "ed"))):
            index, skipped = index + 1, skipped + 1
        end = index
        while (end in within and end - index < 4 and tokens.kinds[end] == "word"
               and tokens.norms[end] not in STOPWORDS and tokens.norms[end] not in _TOPIC_STOPS):
            end += 1
        return _plain(self.text[tokens.starts[index]:tokens.ends[end - 1]]) if end > index else None

    def _subject(self) -> str | None:
        tokens = self._tokens
        for index, norm in enumerate(tokens.norms):
            if norm in _SUBJECT_STARTS and tokens.kinds[index] == "word":
                end = index + 1
                while (end < len(tokens) and end - index <= 3 and tokens.kinds[end] == "word"
                       and tokens.norms[end] not in _SUBJECT_STOPS and tokens.norms[end] not in _SUBJECT_STARTS):
                    end += 1
                if end - index >= 2:
                    found = _plain(self.text[tokens.starts[index]:tokens.ends[end - 1]])
                    return found and found[0].lower() + found[1:]  # "Our winter menu" inside a sentence
        return None

    def _link(self) -> str | None:
        return self._slice(self._first(self.features.spans.get("links", ())))

    def _email(self) -> str | None:
        return self._slice(self._first(self.features.spans.get("emails", ())))

    def _money(self) -> str | None:
        return self._slice(self._first(self.features.spans.get("money", ())))

    def _date(self) -> str | None:
        found = self._date_match()
        return found and _DATE_LEAD.sub("", found)

    def _when(self) -> str | None:
        found = self._date_match()
        if found is None:
            return None
        lead = found.split()[0].lower()
        if lead in _PREPOSITIONS:
            return found
        if lead in ("ends", "end", "closes", "close"):
            return "until " + found.split(None, 1)[1]
        if lead in ("today", "tonight", "tomorrow", "midnight"):
            return ("until " if lead == "midnight" else "") + found
        return "on " + found

    def _date_match(self) -> str | None:
        for where in (self.text[self.span.start:self.span.end], self.text):
            if match := _DATE.search(where):
                found = _plain(match.group()) or ""
                return found[0].lower() + found[1:] if not re.match(_WEEKDAYS + "|" + _MONTHS, found, re.I) else found
        return None

    def _mentions(self) -> str | None:
        # "tag @sam": a mention right after (or inside) what the rule captured was asked for by the mechanic
        asked = list(self._captures.values())
        mentions = [s for s in self.features.spans.get("mentions", ()) if self._inside(s)
                    and not any(a.start <= s.start <= a.end + 1 for a in asked)]
        return " ".join(self.text[s.start:s.end] for s in mentions) or None

    def _channel(self) -> str | None:
        found = _CHANNEL.search(self.text[self.span.start:self.span.end])
        return _CHANNELS[found.group(1).lower().rstrip("s")] if found else None

    def _hashtags(self) -> str | None:
        tags = [s for s in self.features.spans.get("hashtags", ()) if self._inside(s)
                and not any(f.span == s for f in self.others)]  # another rule flagged this very tag
        return " ".join(self._slice(s) for s in tags[:2]) or None

    # -- what a rewrite keeps

    def kept(self) -> list[str]:
        """The links, addresses, amounts and @mentions in the span (but mentions the mechanic asked
        for), as written: what a rewrite of it must still hold."""
        spans = [s for name in ("links", "emails", "money") for s in self.features.spans.get(name, ())
                 if self._inside(s) and s != self.span]  # a fix of that very link ("(link in bio)") replaces it
        found = [self.text[s.start:s.end] for s in sorted(spans, key=lambda s: s.start)]
        return found + (self._mentions() or "").split()

    def completed(self, rewrite: str) -> str:
        """`rewrite` with what it dropped of `kept()` added at its end: a link as "Details: <link>",
        anything else in brackets."""
        missing = Counter(self.kept()) - Counter(kept_tokens(rewrite) + re.findall(r"@\w+", rewrite))
        if not missing or not rewrite:
            return rewrite
        links = [item for item in missing.elements() if not item.startswith("@") and not _AMOUNT.match(item)]
        others = [item for item in missing.elements() if item not in links]
        return " ".join([rewrite.rstrip(), *([f"({' '.join(others)})"] if others else []),
                         *([f"Details: {' '.join(links)}"] if links else [])])

    # -- helpers

    def _inside(self, span: Span) -> bool:
        return self.span.start <= span.start and span.end <= self.span.end

    def _first(self, spans: Sequence[Span], span: bool = True, draft: bool = True) -> Span | None:
        """The first of `spans` inside the replaced span, else (with `draft`) in the draft, outside it."""
        inside = next((s for s in spans if self._inside(s)), None) if span else None
        return inside or (next((s for s in spans if not self._inside(s)), None) if draft else None)

    def _slice(self, span: Span | None) -> str | None:
        return self.text[span.start:span.end] if span else None


_ASKED: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bif (?:you're|you are|ur|u r)\s+(?P<rest>.+)", re.IGNORECASE), "Are you"),
    (re.compile(r"\bif (?:you've|you have)\s+(?P<rest>.+)", re.IGNORECASE), "Have you"),
    (re.compile(r"\bif (?:you'd|you would)\s+(?P<rest>.+)", re.IGNORECASE), "Would you"),
    (re.compile(r"\bif (?:you|u)\s+(?P<rest>.+)", re.IGNORECASE), "Do you"),
    (re.compile(r"\b(?:someone|somebody|a friend|a mate|the person|the friend|the one|that friend|a person|anyone|a colleague)"
                r"\s+(?P<rest>(?:who|that)(?:'d|'s|\s).+)", re.IGNORECASE), ""),
]
_OPTION = re.compile(r"(?:^|[\s,])(?:for|=)\s+([^,\n]+?)(?=,|\n|$|\s(?:[^\w\s]|\w+\s(?:for|=)\s))", re.IGNORECASE)
_DATE_LEAD = re.compile(r"^(?:on|by|until|till|from|before|ends?|closes?)\s+", re.IGNORECASE)
_AMOUNT = re.compile(r"[£$€¥₹]?\d")
_NEGATIONS = frozenset("not no never cannot unable".split())
_TOPIC_VERBS = frozenset("respond reply answer discuss accept handle process take see access issue log read monitor "
                         "consider help book register give arrange deal use sort change cancel refund report post share "
                         "send able be receive get".split())
_TOPIC_STOPS = frozenset("here via through online please".split())
_CHANNEL = re.compile(r"\b(comments?|replies|reply|dms?|direct messages?|messages?|inbox|mailbox)\b", re.IGNORECASE)
_CHANNELS = {"comment": "Comments", "replie": "Replies", "reply": "Replies", "dm": "DMs", "direct message": "Messages",
             "message": "Messages", "inbox": "Messages", "mailbox": "Messages"}
# Words left hanging at either end once the pressure words are gone: "Only [3 days left] to grab ..."
_LOOSE_ENDS = re.compile(r"^(?:(?:only|just|to|and|or|but|so|the|a|now)\s+)+|(?:\s+(?:only|just|to|and|or|but|so|now|the|a))+$",
                         re.IGNORECASE)
_BUILTIN_SPANS = frozenset({"questions", "hashtags", "mentions", "links", "emails", "money", "emoji", "exclamations",
                            "caps_words"})


def _options(text: str) -> list[str]:
    return [match.group(1) for match in _OPTION.finditer(text)]


def _clause(text: str) -> str:
    """`text` up to the end of its clause, without emoji or hashtags."""
    words = re.split(r"[.!?,;:()\n]|\s[#@]|\s-\s|[\U0001f000-\U0001faff\u2600-\u27bf]", text, maxsplit=1)[0]
    return words.strip().strip("'\"")


def _symbols_off(text: str) -> str:
    """`text` without the emoji at its ends (the fitted replacement keeps the draft's own)."""
    return re.sub(r"^[\W\s]*?(?=[\w#@£$€])|[^\w.!?)\]]+$", "", text.strip())


def _shouted(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > len(letters) / 2


def _plain(text: str | None) -> str | None:
    """Words in capitals in ordinary case (an offer in shouting is still shouting)."""
    if not text:
        return None
    return " ".join(word.lower() if word.isalpha() and word.isupper() and len(word) > 1 else word
                    for word in text.split(" ")).strip() or None

