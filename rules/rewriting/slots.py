"""The values a suggestion template's slots take, read from the draft around one finding or hint.

Slots read the replaced span first and the whole draft when the span has nothing (a deadline is often
in the next sentence). Every value is text of the draft as written, except `asked`, `promise`,
`when`, `running`, `addressed` and `reached`, which rephrase it, and words in capitals, which come
back in ordinary case.

| slot | value |
|---|---|
| a capture (`{reward}`, `{action}`, ...) | what the rule's pattern captured under that name in the span |
| a phrase list (`{rewards}`, ...) | its longest match in the span |
| `offer` | what is offered: "a £50 voucher" in "RT to win a £50 voucher for our cafe", "free pizza for a year", "a session worth £350" |
| `promise` | what is promised once a count is reached: "bring back the winter menu"; else "give away" + offer |
| `asked` | the question behind engagement bait: "Do you love Fridays?", "Who needs a coffee?", "Pancakes or waffles?"; else the draft's own question |
| `question` | the draft's first sentence with a question mark |
| `aside` | the clauses of the replaced words the rule found nothing in ("... sees it 🐶 Our microchipping day is on Saturday") |
| `words` | the replaced words themselves, words in capitals in ordinary case |
| `rest` | the span without what the rule is about (its captures, and the matches of the first phrase list it tests), the other rules' captures and flagged hashtags, and the date when the template says `{when}` or `{date}`: the facts left once the pressure is gone |
| `act` | the verb the rule caught (its `call` or `action` capture's first word) when it names a decision: "book", "share"; not "hurry" or "grab" |
| `topic` | what a closure is about: "individual complaints" in "We can't discuss individual complaints here", "refunds" in "We can't answer queries about refunds"; not where or when ("DMs", "at weekends") |
| `subject` | the product or event: "our winter menu", "the spring fair" |
| `channel` | where replies go, named in the plural: "Comments", "Replies", "DMs", "Messages" |
| `addressed` | what a closure was said of: "to this account" in "This is an automated account", "on this thread" |
| `reached` | who a chain message goes to, as one of the reader's own: "a friend" in "send this to 10 friends" |
| `link`, `email`, `money` | the first link, address or amount |
| `running` | the deadline as a fact: "Our winter clearance runs until Sunday", "It runs ..." after the facts, "On until Sunday" |
| `date`, `when` | a date or deadline ("Friday", "14 June", "midnight"), not a day in a name ("Black Friday", "your Saturday run"); `when` with its preposition ("on Friday", "by midnight", "today") |
| `sold` | what a call to buy is about, when `rest` does not already say it: "your seat" in "Secure your seat at the ground now" |
| `praised` | what a claim praises, as ours: "our care" in "Best-in-class care", "our bakery" in "the award-winning bakery in town", "our planner app" in "Our planner app is #1 for budgeting" |
| `field` | what a claim says the thing is for: "budgeting" in "Our planner app is #1 for budgeting" |
| `place` | where the draft sends people, said as an action: "visit our website", "use the app", with the link that follows it |
| `mentions` | the @mentions, except those the rule asked for ("tag @a friend") |
| `hashtags` | up to two hashtags that no other rule of the hint flagged |
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ..deciding.conditions import leaves
from ..measuring.features import Features
from ..measuring.text import Span
from ..measuring.tokens import Tokens, tokenize
from ..model import Rule
from .applying import STOPWORDS, amount, content_of, content_words, kept_tokens
from .templates import slot_names

if TYPE_CHECKING:
    from ..linting import Finding

BUILTIN_SLOTS = ("offer", "promise", "asked", "question", "rest", "aside", "words", "act", "topic", "subject", "channel", "link",
                 "email", "money", "date", "when", "running", "field", "addressed", "reached", "mentions", "hashtags", "praised", "place", "sold")
MAX_OFFER_TOKENS = 6
_OFFER_VERBS = frozenset("win wins won winning get gets getting receive receives earn earns unlock unlocks bag score "
                         "claim grab snag collect bagging scoring ship send sends give gives giving sending fancy".split())
_OFFER_NOUNS = frozenset("free voucher vouchers hamper prize prizes gift gifts ticket tickets code codes discount "
                         "coupon coupons tote bag box pair set bundle reward rewards prize giveaway".split())
_NAMED_PRIZES = frozenset("prize prizes giveaway".split())  # words that name a prize without saying what it is
_OURS = frozenset("our your my".split())
_OFFER_STOPS = frozenset("for when if to and or by who that with this so from just every each until till at in on via "
                         "before after plus = + & → if you we once they them it is are was will can must which while as "
                         "worth".split())
# What an offer may go on with after a stop: "free pizza for a year", "a session worth £350"
_OFFER_TAIL = re.compile(r"\s+(?:for\s+(?:(?:a|an|one|a whole|\d+|two|three|six|twelve)\s+)?(?:days?|weeks?|months?|years?|life"
                         r"|lifetime)|for\s+(?:two|four|\d+)(?:\s+people)?|worth\s+[£$€¥₹]\d[\d,.]*[km]?)\b", re.IGNORECASE)
# What comes between an offer verb and the offer: "giving away a hamper", "get you a coffee"
_OFFER_SKIPS = frozenset("away you u yourself everyone everybody".split())
_DETERMINERS = frozenset("a an the one two three four five ten your our some free".split())
_FUTURE = ("we'll", "we will", "we're going to", "we are going to", "i'll", "i will", "we'd", " will")  # "the club will"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_DATE = re.compile(
    rf"\b(?:(?:this|next|on|by|until|till|from|before|ends?|closes?)\s+)?"
    rf"(?:(?:{_WEEKDAYS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:{_MONTHS}))?)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|today|tonight|tomorrow|this weekend|next week|midnight|the weekend|end of the month)\b", re.IGNORECASE)
_PREPOSITIONS = ("on", "by", "until", "till", "from", "before", "this", "next")
# A day that is part of a name or describes a thing is no date: "Black Friday", "your Saturday run"
_DAY_NAMES = frozenset("black cyber good giving easter palm ash shrove maundy holy super small throwback taco your our "
                       "my their the a".split())
# Verbs a reader decides on: "Anything you'd like to know before you book?"; not "before you hurry"
_DECISIONS = frozenset("book shop order buy try reserve join download upgrade switch start register enrol enroll apply "
                       "subscribe visit pre-order sign".split())
_SUBJECT_STARTS = frozenset("our the this my new".split())
_ENDING_VERBS = frozenset("ends end ending closes close finishes".split())
# Where the thing's name ends: verbs and adverbs of its arrival too ("New menu out now", "our range just dropped")
_SUBJECT_STOPS = frozenset("is are was were be has have will can and or but to for of in on at with from by now "
                           "today here there that which who out just finally officially back live soon coming "
                           "dropped dropping drops landed landing lands launched launching launches arrived "
                           "arriving arrives returns opens starts".split())


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
        own = self._own_list() if own_list else None
        captured = [where for leaf in tested for match in self.features.captures.get(leaf.feature, ())
                    for where in match.values()]
        return [*(self.features.spans.get(own, []) if own else []), *captured]

    def _own_list(self) -> str | None:
        """The first phrase list the rule tests: what it is about ("elsewhere" for sent-elsewhere)."""
        return next((leaf.feature for leaf in leaves(self.rule.condition) if leaf.positive and leaf.feature in self.features.spans
                     and not leaf.feature.startswith(("pattern_", "near_")) and leaf.feature not in _BUILTIN_SPANS), None)

    def asks_elsewhere(self) -> bool:
        """The draft asks a question outside the replaced words: a rewrite needs no invitation of its own.
        A question the rule itself matched ("Ready to grow your business?" before a hard sell) asks nothing;
        one that only supports it from anywhere in the draft ("Which wins?" beside a vote list) still asks."""
        matched = [s for leaf in leaves(self.rule.condition) if leaf.positive and leaf.feature not in _BUILTIN_SPANS
                   and leaf.feature not in self.features.draft_wide for s in self.features.spans.get(leaf.feature, ())]
        return any((q.end <= self.span.start or q.start >= self.span.end)
                   and not any(m.start < q.end and q.start < m.end for m in matched)
                   for q in self.features.spans.get("questions", ()))

    # -- the draft's tokens

    @property
    def _tokens(self) -> Tokens:
        return self.features.tokens

    def _token_range(self, span: Span) -> range:
        """The tokens that end after the span starts and start before it ends (both lists ascend)."""
        tokens = self._tokens
        return range(bisect_right(tokens.ends, span.start), bisect_left(tokens.starts, span.end))

    # -- builtin slots

    def _offer(self) -> str | None:
        """In the span, else in the draft: "To enter, like and follow" offers what the sentence before
        said. Elsewhere in the draft an amount is no prize unless it is won ("Tickets are £12 on the
        door. Tag someone you'd bring!" offers nothing)."""
        return self._offer_in(self._token_range(self.span)) or self._offer_in(range(len(self._tokens)), amounts=False)

    def _offer_in(self, within: range, amounts: bool = True) -> str | None:
        """After the first offer verb that names a prize ("win a £50 voucher"), else around an amount
        (with `amounts`) or a prize noun ("£5 off", "free dessert")."""
        tokens = self._tokens
        for verb in within:
            if verb + 1 in within and (tokens.norms[verb] in _OFFER_VERBS or (
                    tokens.norms[verb] in ("draw", "chance") and tokens.norms[verb + 1] == "for")):
                start = self._object_start(verb + 1, within)
                if start is not None and (found := self._offer_at(start, within)):
                    return found
        noun = next((i for i in within if amounts and tokens.kinds[i] in ("money", "percent")),
                    next((i for i in within if tokens.norms[i] in _OFFER_NOUNS), None))
        if noun is None:
            return None
        start = noun
        while start - 1 in within and (tokens.norms[start - 1] in _DETERMINERS or tokens.kinds[start - 1] in ("money", "number")):
            start -= 1
        ours = start < noun and tokens.norms[start] in _OURS
        if tokens.norms[noun] in _NAMED_PRIZES and (start == noun or ours):
            # "Prize: £100 in vouchers", "Our biggest giveaway yet: a weekend away": the prize is what follows
            named = next((i + 1 for i in range(noun, min(noun + 3, within.stop)) if tokens.norms[i] in (":", "-", "of")), None)
            return self._offer_at(named, within) if named is not None and named in within else None
        if ours:  # "Our hamper giveaway is here": one of them is on offer
            found = self._offer_at(start + 1, within)
            return found and re.sub(r"\s+giveaway$", "", f"{'an' if found[0].lower() in 'aeiou' else 'a'} {found}", flags=re.I)
        return self._offer_at(start, within)

    def _offer_at(self, start: int, within: range) -> str | None:
        """The offer that starts at token `start`: a few words, up to a small word, with the time or
        worth that follows ("for a year", "worth £350"); None for a count ("500 reposts")."""
        tokens = self._tokens
        end = start
        while end in within and end - start < MAX_OFFER_TOKENS and (
                tokens.kinds[end] in ("word", "money", "number", "percent") and tokens.norms[end] not in _OFFER_STOPS
                or tokens.norms[end] == "-" and end + 1 in within and tokens.starts[end] == tokens.ends[end - 1]
                and tokens.starts[end + 1] == tokens.ends[end]):
            end += 1
        if end == start or all(tokens.norms[i] in _DETERMINERS for i in range(start, end)) or any(
                tokens.norms[i] in _ENGAGEMENT for i in range(start, end)):
            return None
        if end - start == MAX_OFFER_TOKENS and "of" in tokens.norms[start + 1:end]:  # "a hamper of all my fave ..."
            end = tokens.norms.index("of", start + 1)
        last = tokens.ends[end - 1]
        tail = _OFFER_TAIL.match(self.text, last)
        if tail and tail.end() <= tokens.ends[within.stop - 1]:
            last = tail.end()
        found = self.text[tokens.starts[start]:last]
        return _plain(found.lower() if _shouted(found) else found)

    def _object_start(self, start: int, within: range) -> int | None:
        """Where the offer starts after its verb: past "away" or "you", and past who gets it
        ("giving one homeowner a free session")."""
        tokens = self._tokens
        if start in within and tokens.norms[start] == "to":
            return None  # "Text WIN to 80800": a keyword, and a number to send it to
        while start in within and tokens.norms[start] in _OFFER_SKIPS | {"for"}:
            start += 1
        for article in range(start + 1, min(start + 4, within.stop)):
            between = range(start, article)
            if any(tokens.norms[i] in _OFFER_NOUNS or tokens.kinds[i] in ("money", "percent") for i in between):
                break
            if (tokens.norms[article] in ("a", "an") or tokens.kinds[article] in ("number", "money") and all(
                    tokens.kinds[i] == "word" for i in between) and any(tokens.norms[i] not in _DETERMINERS for i in between)):
                start = article  # "a 3-night stay" after "one of you", "2 free tickets" after "every family"
                break
        return start if start in within else None

    def _promise(self) -> str | None:
        lowered = self.text[self.span.start:self.span.end].lower().replace("’", "'")
        for marker in _FUTURE:
            at = lowered.find(marker + " ")
            if at >= 0 and not lowered.startswith("be ", at + len(marker) + 1):  # "the winner will be picked"
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
                    words = _agreed(words) if not opening else words
                    return f"{opening} {words}?" if opening else f"{words[0].upper()}{words[1:]}?"
        if inverted := _inverted(replaced):
            return inverted
        options = [_plain(o) for o in map(_clause, _options(replaced)) if o]
        if len(options) == 1:  # "like for jeans. RT for joggers.": one option a sentence
            options = [_plain(o) for o in map(_clause, _options(self.text)) if o]
        if len(options) < 2 and _VOTE_LINE.search(replaced):  # "😍 Fixed rate\n😮 Variable": one option a line
            options = [_plain(_uncapped(o)) for o in map(_clause, _VOTE_LINE.findall(self.text)) if o]
        if len(options) >= 2:
            listed = f"{', '.join(options[:-1])} or {options[-1]}"
            return f"{listed[0].upper()}{listed[1:]}?"
        return self._question()

    def _question(self) -> str | None:
        return self._slice(self._first(self.features.spans.get("questions", ()), span=False))

    def _rest(self) -> str | None:
        start = self.span.start
        chars = list(self.text[start:self.span.end])
        tags = [f.span for f in self.others if self.text.startswith("#", f.span.start)]  # flagged by another rule
        tokens = self._tokens
        keep = [*(s for name in ("links", "money", "emails") for s in self.features.spans.get(name, ())),
                *(Span(tokens.starts[i], tokens.ends[i]) for i in self._token_range(self.span) if tokens.kinds[i] == "percent")]
        for span in (*self._matched, *tags, *self._dated()):
            own = _OWNER.search(self.text, span.start, span.end)  # "Grab a": the article is the box's
            for index in range(span.start, own.start() if own else span.end):
                if not any(k.start <= index < k.end for k in keep):
                    chars[index - start] = " "
            at = self._article_of_superlative(span, start)
            if at is not None:  # "the highest-rated school" is "a school"
                chars[at:at + 3] = "\x00  "  # the article, chosen once the words are known
        rest = re.sub(r"\s+", " ", "".join(chars))
        rest = re.sub(r"\x00\s*(?=(\w*))", _article, rest)
        rest = re.sub(r"\s+([,.!?;:])", r"\1", rest)
        rest = re.sub(r"([,;:])(?:\s*[,;:.!?])+", r"\1", rest)
        rest = re.sub(r"\b(a|an|the|our|your|my|and|or)\s*,\s*", r"\1 ", rest, flags=re.IGNORECASE)
        rest = _LOOSE_ENDS.sub("", _symbols_off(rest).strip(" ,;:-–—!?.")).strip(" ,;:-–—!?.")
        if rest and _symbols_off(self.text[start:self.span.end]).endswith("?"):
            rest += "?"  # the draft's question stays one: "Fancy a treat?"
        tokens = tokenize(rest)
        factual = any(kind in ("money", "percent") for kind in tokens.kinds)  # "80% off" says enough
        words = content_of(tokens)
        if not factual and self._asks_of_praised() and all(
                word.endswith(("'", "’")) for word in self._unpraised(words)):
            # "We are the leader in home insurance": the question says all it says, without the claim
            # and the place it claims to lead ("the region's")
            return None
        return _plain(rest) if factual or len(words) >= 2 else None

    def _article_of_superlative(self, span: Span, start: int) -> int | None:
        """Where, counted from `start`, the "the" of a superlative `span` is, whether it was matched too or not."""
        before = re.search(r"\bthe\s+$", self.text[start:span.start], re.IGNORECASE)
        if before:
            at, superlative = before.start(), span.start
        elif inner := re.match(r"the\s+", self.text[span.start:span.end], re.IGNORECASE):
            at, superlative = span.start - start, span.start + inner.end()
        else:
            return None
        return at if _SUPERLATIVE.match(self.text, superlative) else None

    def _unpraised(self, words: set[str]) -> set[str]:
        """`words` but the claim's, its speaker's and what the template's `praised` and `field` say."""
        return words - _CLAIM_NOUNS - _SPEAKING - content_words(f"{self._praised() or ''} {self._field() or ''}")

    def _asks_of_praised(self) -> bool:
        return any("praised" in slot_names(t) for s in self.rule.suggestions for t in (s.replace, s.append) if t)

    def _dated(self) -> list[Span]:
        """The replaced words' date, when the rule's fix says it anyway with `{when}`, `{date}` or
        `{running}` (which says what ends, too): "Our sale ends tonight, hurry" leaves nothing to
        `rest`, and `running` reads "Our sale runs until tonight"."""
        templates = [t for s in self.rule.suggestions for t in (s.replace, s.append) if t]
        names = {name for t in templates for name in slot_names(t)}
        if not names & {"when", "date", "running"}:
            return []
        replaced = self.text[self.span.start:self.span.end]
        found = next((m for m in _DATE.finditer(replaced) if not _named_day(replaced, m)), None)
        dated = [Span(self.span.start + found.start(), self.span.start + found.end())] if found else []
        thing = self._ending() if "running" in names else None
        return dated + ([thing] if thing else [])

    def _ending(self) -> Span | None:
        """What the replaced words say ends: "Our Black Friday sale" in "Our Black Friday sale ends
        tonight", "Offer" in "Offer ends Sunday"; the words before an ending verb, back to a small word."""
        tokens, within = self._tokens, self._token_range(self.span)
        verb = next((i for i in within if tokens.norms[i] in _ENDING_VERBS), None)
        if verb is None:
            return None
        start = verb
        while (start - 1 in within and verb - start < 5 and tokens.kinds[start - 1] == "word"
               and (tokens.norms[start - 1] not in STOPWORDS or tokens.norms[start - 1] in _SUBJECT_STARTS)):
            start -= 1
            if tokens.norms[start] in _SUBJECT_STARTS:
                break
        if all(tokens.norms[i] in _SUBJECT_STARTS for i in range(start, verb)):
            return None
        return Span(tokens.starts[start], tokens.ends[verb - 1])

    def _running(self) -> str | None:
        """The deadline as a plain fact: what ends, else "It" when the draft says what it is, runs
        until then; "On until Sunday" when nothing does. A deadline said outside the replaced words
        stays where it is: "It runs on Friday" after "Our menu starts on Friday" says it twice."""
        when = self._when(inside=True)
        if when is None:
            return None
        thing = self._ending()
        if thing is not None:
            name = _plain(self._slice(thing)) or ""
            if name.split()[0].lower() not in _SUBJECT_STARTS:
                name = "the " + name[0].lower() + name[1:]  # "Offer ends Sunday": the offer
            plural = name.endswith("s") and not name.endswith("ss")
            return f"{name} {'run' if plural else 'runs'} {when}"
        if self._rest() or self.text[:self.span.start].strip():
            return f"It runs {when}"
        return "On " + re.sub(r"^(?:on|by the)\s+", lambda m: "until the " if m.group().startswith("by") else "", when)

    def _aside(self) -> str | None:
        tokens, within = self._tokens, self._token_range(self.span)
        found = [s for leaf in leaves(self.rule.condition) if leaf.positive for s in self.features.spans.get(leaf.feature, ())
                 if leaf.feature not in _BUILTIN_SPANS and self._inside(s)]
        starts = [i for i in tokens.clause_starts if i in within]
        clauses = [(tokens.starts[first], tokens.ends[end - 1]) for first, end in zip(starts, [*starts[1:], within.stop])]
        replaced = self.text[self.span.start:self.span.end]
        asked = [Span(self.span.start + m.start(), self.span.start + m.end())
                 for m in (*(p.search(replaced) for p, _ in _ASKED), *_OPTION.finditer(replaced)) if m]
        free = [self.text[a:b] for a, b in clauses if not any(s.start < b and a < s.end for s in (*found, *asked))]
        aside = _symbols_off(" ".join(free)).strip(" ,;:-–—.!")
        return _plain(aside) if len(content_words(aside)) >= 3 else None

    def _words(self) -> str | None:
        return _plain(self.text[self.span.start:self.span.end].lower() if _shouted(self.text[self.span.start:self.span.end])
                      else self.text[self.span.start:self.span.end])

    def _act(self) -> str | None:
        where = self._captures.get("call") or self._captures.get("action")
        word = self.text[where.start:where.end].split()[0].lower() if where else ""
        return ("sign up" if word == "sign" else word) if word in _DECISIONS else None

    def _sold(self) -> str | None:
        where = self._captures.get("call") or self._captures.get("action")
        if where is None:
            return None
        tokens = self._tokens
        start = self._token_range(where).start + 1
        while start < len(tokens) and tokens.norms[start] in ("to", "up", "out"):
            start += 1
        end = start
        while (end < len(tokens) and end - start < 4 and tokens.kinds[end] in ("word", "number", "money", "percent")
               and tokens.norms[end] not in _OFFER_STOPS and tokens.norms[end] not in _PUSHES):
            end += 1
        words = self.text[tokens.starts[start]:tokens.ends[end - 1]] if end > start else ""
        found = content_words(words) - _PRONOUNS
        if not found or found <= content_words(self._rest() or ""):
            return None
        return _plain(words)

    def _topic(self) -> str | None:
        tokens, within = self._tokens, self._token_range(self.span)
        negations = [i for i in within if tokens.norms[i] in _NEGATIONS or tokens.norms[i].endswith("n't")]
        if not negations:
            return None
        index, skipped = negations[0] + 1, 0
        if tokens.norms[negations[0]] in ("cannot", "unable") or tokens.norms[negations[0]].endswith("n't"):
            index += 1  # "can't reserve tables": a verb comes first
        while index in within and skipped < 6 and (tokens.norms[index] in STOPWORDS or tokens.norms[index] in _TOPIC_VERBS
                                                  or tokens.norms[index] in _TOPIC_SKIPS or tokens.norms[index].endswith(("ing", "ed"))):
            index, skipped = index + 1, skipped + 1
        end = index
        while end in within and end - index < 4 and (
                tokens.kinds[end] == "word" and tokens.norms[end] not in STOPWORDS and tokens.norms[end] not in _TOPIC_STOPS
                or tokens.norms[end] == "-" and end > index and tokens.starts[end] == tokens.ends[end - 1]):  # "pile-on"
            end += 1
        # where or when replies are closed is no topic: "not monitored at night", "don't DM us"
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
                    # "Our winter menu" inside a sentence; "NEW menu" is "the new menu" there
                    return found and ("the " if norm == "new" else "") + norm + found[len(norm):]
        return None

    def _praised(self) -> str | None:
        """The thing the first claim in the span (else in the draft) praises, as ours."""
        claims = sorted(self._about(self.rule, own_list=True), key=lambda s: (not self._inside(s), s.start))
        for claim in claims:
            if found := self._noun_after(claim.end, claims):
                return f"our {found}"
        subject = self._subject()  # "Our app is #1 for productivity": what the claim is said of
        return subject if claims and subject and subject.startswith("our ") else None

    def _field(self) -> str | None:
        """What a claim says the thing is for: "productivity" in "Our app is #1 for productivity"."""
        tokens = self._tokens
        for claim in sorted(self._about(self.rule, own_list=True), key=lambda s: (not self._inside(s), s.start)):
            at = next((i for i, start in enumerate(tokens.starts) if start >= claim.end), len(tokens))
            at = next((i + 1 for i in range(at, min(at + 3, len(tokens))) if tokens.norms[i] == "for"), None)
            end = at
            while (end is not None and end < len(tokens) and end - at < 3 and tokens.kinds[end] == "word"
                   and self.text[tokens.starts[end]].islower() and tokens.norms[end] not in STOPWORDS):
                end += 1
            if end is not None and end > at:
                return self.text[tokens.starts[at]:tokens.ends[end - 1]]
        return None

    def _noun_after(self, index: int, claims: Sequence[Span]) -> str | None:
        """The words after `index`, past other claims and commas, up to a small word: "care" in
        "Best-in-class care in the region"; None for a name ("Café of the Year")."""
        tokens = self._tokens
        at = next((i for i, start in enumerate(tokens.starts) if start >= index), len(tokens))
        while at < len(tokens) and (tokens.norms[at] in (",", "and", "-") or any(c.start <= tokens.starts[at] < c.end for c in claims)):
            at += 1
        if at + 2 < len(tokens) and tokens.norms[at] in _CLAIM_NOUNS and tokens.norms[at + 1] in ("in", "of", "for", "at"):
            at += 2  # "the leader in home insurance": what it leads in
            while at < len(tokens) and tokens.norms[at] in ("the", "a", "an"):
                at += 1
        elif at + 1 < len(tokens) and tokens.norms[at] in ("in", "of") and any(
                c.end == tokens.ends[at - 1] and self.text[c.start:c.end].lower().split()[-1] in _CLAIM_NOUNS for c in claims):
            at += 1  # "the leading provider of garden furniture": the claim ends in its noun
        end, count = at, 0
        while end < len(tokens):
            if end > at and self.text[tokens.ends[end - 1]:tokens.starts[end]] == "-":
                end += 1  # "end-of-life care": a hyphened word is one, small words and all
            elif (count < 3 and tokens.kinds[end] in ("word", "number")
                  and tokens.norms[end] not in STOPWORDS and tokens.norms[end] not in _SUBJECT_STOPS):
                end, count = end + 1, count + 1
            else:
                break
        words = self.text[tokens.starts[at]:tokens.ends[end - 1]] if end > at else ""
        if not words or (words[0].isupper() and not _shouted(words)):
            return None
        return _plain(words.lower() if _shouted(words) else words)

    def _place(self) -> str | None:
        """Where the replaced words send people, as something to do, and the link after it: the rule's
        own words ("visit our website"), else where they point ("through the tenant portal"), else an
        address or a link."""
        own = self._own_list()
        named = [(_as_action(self._slice(s) or ""), s) for s in self.features.spans.get(own or "", ()) if self._inside(s)]
        place, where = next(((action, s) for action, s in named if action), (None, None))
        if place is None and (found := _SENT_TO.search(self.text, self.span.start, self.span.end)):
            place, where = _as_action(found.group()), Span(found.start(), found.end())
        link = self._first(self.features.spans.get("links", ()), draft=False)
        if link and place and where and link.start >= where.end:
            return f"{place} at {self._linked(link)}"
        email = self._first(self.features.spans.get("emails", ()), draft=False)
        return place or (f"email {self._slice(email)}" if email else f"see {self._linked(link)}" if link else None)

    def _link(self) -> str | None:
        return self._linked(self._first(self.features.spans.get("links", ())))

    def _linked(self, link: Span | None) -> str | None:
        """A link as written, with the path the tokens leave out after a long domain ("x.example/book")."""
        if link is None:
            return None
        path = _PATH.match(self.text, link.end)
        return self.text[link.start:path.end() if path else link.end].rstrip(".,;:!?)]}'\"’”»…")

    def _email(self) -> str | None:
        return self._slice(self._first(self.features.spans.get("emails", ())))

    def _money(self) -> str | None:
        return self._slice(self._first(self.features.spans.get("money", ())))

    def _date(self) -> str | None:
        found = self._date_match()
        return found and _DATE_LEAD.sub("", found)

    def _when(self, inside: bool = False) -> str | None:
        found = self._date_match(inside)
        if found is None:
            return None
        lead = found.split()[0].lower()
        if lead in _PREPOSITIONS:
            return found
        if found.lower().startswith("end of"):
            return "by the " + found
        if lead in ("ends", "end", "closes", "close"):
            return "until " + found.split(None, 1)[1]
        if lead in ("today", "tonight", "tomorrow", "midnight"):
            return ("until " if lead == "midnight" else "") + found
        return "on " + found

    def _date_match(self, inside: bool = False) -> str | None:
        """The replaced words' date, else (unless only `inside` will do) the draft's."""
        for where in (self.text[self.span.start:self.span.end], *(() if inside else (self.text,))):
            for match in _DATE.finditer(where):
                if _named_day(where, match) or where is self.text and self._ends_there(match.start()):
                    continue
                found = _plain(match.group()) or ""
                return found[0].lower() + found[1:] if not re.match(_WEEKDAYS + "|" + _MONTHS, found, re.I) else found
        return None

    def _ends_there(self, index: int) -> bool:
        """The sentence at `index` of the draft is the rule's too, and the fix says what ends then
        ("Last chance! Offer ends Sunday!"): that sentence's fix says its date, this one does not."""
        if not any("running" in slot_names(t) for s in self.rule.suggestions for t in (s.replace, s.append) if t):
            return False
        own = self.features.spans.get(self._own_list() or "", ())
        return any(s.start <= index < s.end and not (s.start < self.span.end and self.span.start < s.end)
                   and any(s.start <= m.start < s.end for m in own) for s in self.features.sentences)

    def _mentions(self) -> str | None:
        # "tag @sam": a mention right after (or inside) what the rule captured was asked for by the mechanic
        asked = list(self._captures.values())
        mentions = [s for s in self.features.spans.get("mentions", ()) if self._inside(s)
                    and not any(a.start <= s.start <= a.end + 1 for a in asked)]
        return " ".join(self.text[s.start:s.end] for s in mentions) or None

    def _addressed(self) -> str | None:
        """Where the closed words were said of, with what a reply takes there: "to this account" in
        "This is an automated account", "on this thread"; in the draft when the words do not say it
        ("This is an automated account. Replies are not read." is one closure, said twice)."""
        found = _ADDRESSED.search(self.text, self.span.start, self.span.end) or _ADDRESSED.search(self.text)
        if not found:
            return None
        noun = found.group("noun").lower()
        on = noun in ("post", "thread", "tweet", "video") or self._channel() == "Comments"
        return f"{'on' if on else 'to'} this {noun}"

    def _reached(self) -> str | None:
        """Who a chain message is to be sent to, as one of the reader's own: "a friend" in "send this
        to 10 friends"; None for people in general ("10 people", "everyone you know")."""
        found = _REACHED.search(self.text, self.span.start, self.span.end)
        return f"a {_SINGULAR.get(found.group(1).lower(), found.group(1).lower()[:-1])}" if found else None

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
        spans = sorted(((s.start, name, s) for name in ("links", "emails", "money") for s in self.features.spans.get(name, ())
                        if self._inside(s) and s != self.span), key=lambda found: found[0])  # a fix of that very link ("(link in bio)") replaces it
        found = [amount(self._slice(s) or "") if name == "money" else self._slice(s) or "" for _, name, s in spans]
        return found + (self._mentions() or "").split()

    def missing(self, rewrite: str) -> Counter[str]:
        """What of `kept()` the rewrite leaves out."""
        kept = self.kept()
        if not kept:  # nothing to leave out: the rewrite need not be tokenized
            return Counter()
        return Counter(kept) - Counter(kept_tokens(rewrite) + re.findall(r"@\w+", rewrite))

    def completed(self, rewrite: str) -> str:
        """`rewrite` with what it dropped of `kept()` added: an amount with the words that go with it
        in the draft, in the sentence that says the offer ("..., once they spend £100."), a link as
        "Details: <link>", then the @mentions as a post ends with them."""
        missing = self.missing(rewrite)
        if not missing or not rewrite:
            return rewrite
        mentions = [item for item in missing.elements() if item.startswith("@")]
        amounts = [item for item in missing.elements() if AMOUNT.match(item)]
        written = {self._slice(s): self._linked(s) for s in self.features.spans.get("links", ())}
        links = [written.get(item, item) for item in missing.elements() if item not in mentions and item not in amounts]
        for written in amounts:  # one the rewrite says already (the draft says it twice) goes back as it is
            terms = None if written in kept_tokens(rewrite) else self._terms(written)
            rewrite = _joined(rewrite, terms or f"({written})")
        return " ".join([rewrite.rstrip(), *([f"Details: {' '.join(links)}"] if links else []), *mentions])

    def _terms(self, written: str) -> str | None:
        """The words of the replaced span that go with the amount `written`: from the word that links it to the
        sentence ("once they spend £100", "up to £5,000") to the end of its clause."""
        tokens, within = self._tokens, self._token_range(self.span)
        at = next((i for i in within if tokens.kinds[i] == "money" and self.text[tokens.starts[i]:tokens.ends[i]].rstrip(",") == written), None)
        if at is None:
            return None
        clause = tokens.clause(at)
        back = [i for i in range(at - 1, within.start - 1, -1) if tokens.clause(i) == clause]
        lead = next((i for i in reversed(back) if tokens.norms[i] in _SUBORDINATORS), None)
        lead = lead if lead is not None else next((i for i in back if tokens.norms[i] in _LINKS), None)
        if lead is None:
            return None
        end = at
        while (end + 1 in within and tokens.clause(end + 1) == clause and not self.text[tokens.ends[end] - 1] in ",;:"
               and tokens.kinds[end + 1] in ("word", "money", "number", "percent")):
            end += 1
        return _plain(self.text[tokens.starts[lead]:tokens.ends[end]].rstrip(",.;:"))

    # -- helpers

    def _inside(self, span: Span) -> bool:
        return self.span.start <= span.start and span.end <= self.span.end

    def _first(self, spans: Sequence[Span], span: bool = True, draft: bool = True) -> Span | None:
        """The first of `spans` inside the replaced span, else (with `draft`) in the draft, outside it."""
        inside = next((s for s in spans if self._inside(s)), None) if span else None
        return inside or (next((s for s in spans if not self._inside(s)), None) if draft else None)

    def _slice(self, span: Span | None) -> str | None:
        return self.text[span.start:span.end] if span else None


# Where what a mechanic asks for ends: "in one emoji", "below", "and we'll guess it"
_ASKED_END = r"(?=\s+(?:in|with|below|using|as|and|if|to|for|here)\b|\s*[.!?,;:()\n]|\s*$)"
_ASKED: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bif (?:you're|you are|ur|u r)\s+(?P<rest>.+)", re.IGNORECASE), "Are you"),
    (re.compile(r"\bif (?:you've|you have)\s+(?P<rest>.+)", re.IGNORECASE), "Have you"),
    (re.compile(r"\bif (?:you'd|you would)\s+(?P<rest>.+)", re.IGNORECASE), "Would you"),
    (re.compile(r"\bif (?:you|u)\s+(?P<rest>.+)", re.IGNORECASE), "Do you"),
    (re.compile(r"\b(?:someone|somebody|a friend|a mate|the person|the friend|the one|that friend|a person|anyone|a colleague"
                r"|(?:\d+|two|three|four|five|some|your) (?:friends|mates|people|pals|colleagues))"
                r"\s+(?P<rest>(?:who|that)(?:'d|'s|\s).+)", re.IGNORECASE), ""),
    # "Tag someone you'd bring": who that would be
    (re.compile(r"\b(?:tag|mention)\s+(?:someone|somebody|a friend|a mate|the friend|the person|the one)\s+(?:you'd|you would|you’d)"
                r"\s+(?P<rest>.+)", re.IGNORECASE), "Who would you"),
    # "Tag your brunch buddy": who that is; "comment your dream destination in one emoji": what it is
    (re.compile(r"\b(?:tag|mention)\s+(?:your|ur)\s+(?P<rest>.+?)" + _ASKED_END, re.IGNORECASE), "Who's your"),
    (re.compile(r"\b(?:comment|drop|type|post|share|leave|tell us|reply with)\s+(?:your|ur)\s+(?P<rest>.+?)" + _ASKED_END,
                re.IGNORECASE), "What's your"),
    (re.compile(r"\b(?:quote|reply to|reply|comment on|respond to)\s+(?:this|it)\s+with\s+(?P<rest>(?:the|your)\s.+)",
                re.IGNORECASE), "What's"),
]
# One vote option a line, after its emoji: "😍 Fixed rate"
_VOTE_LINE = re.compile(r"^[^\S\n]*(?:[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f\u200d]*)+[^\S\n]*(?:[=:\-–][^\S\n]*)?"
                        r"([^\W\d][^\n]{0,40})$", re.MULTILINE)
_OPTION = re.compile(r"(?:^|[\s,])(?:for|=)\s+([^,\n]+?)(?=,|\n|$|\s(?:[^\w\s]|\w+\s(?:for|=)\s))", re.IGNORECASE)
_NOT_AGREED = frozenset("would could can will should might must may did had was".split())
_SUPERLATIVE = re.compile(r"\w*(?:est\b|most\b|best\b|leading\b|(?:number one|no\.? ?1|#1|top)(?!\w))", re.IGNORECASE)
_ENGAGEMENT = frozenset("like likes share shares repost reposts retweet retweets rt rts follower followers follow follows "
                        "comment comments view views sub subs subscribers entry entries vote votes tag tags".split())
_CLAIM_NOUNS = frozenset("leader leaders champion champions winner winners benchmark pioneer pioneers experts "
                         "specialists favourite provider providers supplier suppliers manufacturer manufacturers "
                         "retailer retailers maker makers".split())
_SPEAKING = frozenset("we're we've i'm".split())  # who is speaking, in a claim's frame: "We're the ..."
_PATH = re.compile(r"/[^\s<>\"]+")
_PUSHES = frozenset("now today tonight here online instore store while".split())
_PRONOUNS = frozenset("yours mine ours".split())
_PLACE_VERBS = frozenset("visit see go use call contact check complete fill email ring phone read head message".split())
_FORMS = frozenset("form forms page pages centre center details portal section".split())
# Where words point people: "through the tenant portal", "in the highlights", "online only"
_SENT_TO = re.compile(r"\b(?:(?:via|through|using|on|in)\s+(?:the|our|your)\s+[^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*){0,3}?"
                      r"(?=\s*(?:[.,;:!?()]|$)|\s+(?:within|please|not|or|and|to|for|if|only|here|instead)\b)|online(?=\s+only))",
                      re.IGNORECASE)
_DATE_LEAD = re.compile(r"^(?:on|by|until|till|from|before|ends?|closes?)\s+", re.IGNORECASE)
AMOUNT = re.compile(r"[£$€¥₹]?\d")
# What ties an amount to its sentence: "once they spend £100", "up to £5,000", "worth £350"
_SUBORDINATORS = frozenset("once when if after until unless".split())
_LINKS = frozenset("up for worth from with at of over under".split())
_NEGATIONS = frozenset("not no never cannot unable".split())
_TOPIC_VERBS = frozenset("respond reply answer discuss accept handle process take see access issue log read monitor "
                         "consider help book register give arrange deal use sort change cancel refund report post share "
                         "send able be receive get".split())
# "questions about refunds" is about refunds
_TOPIC_SKIPS = frozenset("question questions query queries enquiry enquiries about regarding concerning re longer".split())
_TOPIC_STOPS = frozenset("here via through online please regarding concerning about matter thread post page account tweet platform site channel dm dms message messages comment comments reply replies inbox "
                         "night nights weekend weekends evening evenings tonight".split())
_ADDRESSED = re.compile(r"\b(?:this|our)\s+(?:is\s+an?\s+)?(?:(?:automated|unmonitored|official|social)\s+)?"
                        r"(?P<noun>account|page|inbox|mailbox|feed|profile|thread|post|tweet|video)\b", re.IGNORECASE)
_REACHED = re.compile(r"\b(?:\d+|all (?:of )?your|your|every one of your)\s+(friends|mates|colleagues|contacts|family|followers|neighbours)\b",
                      re.IGNORECASE)
_SINGULAR = {"family": "family member", "neighbours": "neighbour"}
_CHANNEL = re.compile(r"\b(comments?|replies|reply|dms?|direct messages?|messages?|inbox|mailbox)\b", re.IGNORECASE)
_CHANNELS = {"comment": "Comments", "replie": "Replies", "reply": "Replies", "dm": "DMs", "direct message": "Messages",
             "message": "Messages", "inbox": "Messages", "mailbox": "Messages"}
# Words left hanging at either end once the pressure words are gone: "Only [3 days left] to grab ..."
_OWNER = re.compile(r"(?<=\s)(?:a|an|the|your|our)$", re.IGNORECASE)
_LOOSE_ENDS = re.compile(r"^(?:(?:only|just|to|and|or|but|so|now|up)\s+)+"
                         r"|(?:\s+(?:only|just|to|and|or|but|so|now|the|a|are|is|in))+$", re.IGNORECASE)
_BUILTIN_SPANS = frozenset({"questions", "hashtags", "mentions", "links", "emails", "money", "emoji", "exclamations",
                            "caps_words"})


def _joined(rewrite: str, terms: str) -> str:
    """`terms` at the end of the rewrite's first sentence that holds an amount, else its first
    statement, else as a sentence after it; an amount alone in brackets."""
    sentences = re.split(r"(?<=[.!?])\s+", rewrite.strip())
    if terms.startswith("("):
        return f"{rewrite.rstrip()} {terms}"
    at = next((i for i, s in enumerate(sentences) if AMOUNT.search(s) and s[-1:] in ".!?"),
              next((i for i, s in enumerate(sentences) if s.endswith(".")), None))
    if at is None:
        return f"{rewrite.rstrip()} {terms[0].upper()}{terms[1:]}."
    sentences[at] = f"{sentences[at][:-1]}, {terms}{sentences[at][-1]}"
    return " ".join(sentences)


def _article(placeholder: re.Match) -> str:
    """"a" or "an" for the word that follows; none before a small word ("the best in town" leaves no noun)."""
    word = placeholder.group(1).lower()
    if not word or word in STOPWORDS:
        return ""
    return "an " if word[0] in "aeiou" else "a "


def _as_action(phrase: str) -> str | None:
    """Words that say where to go, as something to do: "via the app" as "use the app"."""
    first, _, remainder = phrase.partition(" ")
    lead = first.lower()
    if lead in _PLACE_VERBS and remainder.split(" ", 1)[0].lower() in _FORMS:
        return f"use the {phrase}"  # "contact form" names a thing, not to contact a form
    if lead in _PLACE_VERBS:
        return lead + (" " + remainder if remainder else "")
    if lead == "online" and not remainder:
        return "go online"
    if lead in ("via", "through", "using", "on", "in") and remainder:
        return ("use " if lead in ("via", "through", "using") else "see ") + remainder
    return f"see {phrase}" if lead in ("our", "the") else None


def _named_day(text: str, match: re.Match[str]) -> bool:
    """A weekday that names or describes something rather than dates it: "Black Friday" (a capital
    word before it that opens no sentence, or a word of _DAY_NAMES), "your Saturday run"."""
    if not re.match(_WEEKDAYS, match.group(), re.IGNORECASE):
        return False
    before = re.search(r"(?:^|(?<=\s))(\S+)\s+$", text[:match.start()])
    if not before:
        return False
    word = before.group(1)
    opener = text[:before.start()].rstrip()
    return word.lower() in _DAY_NAMES or (word.isalpha() and word[0].isupper() and bool(opener) and opener[-1] not in ".!?:\n"
                                           and word.lower() not in _PREPOSITIONS)


# "if this view makes you smile": what the bait says of something other than the reader
_IF_SAID = re.compile(r"\bif\s+(?P<det>this|that|these|those|the|your|ur|today|it)\s+(?P<words>[^\n]+)", re.IGNORECASE)
_ALONE = frozenset("this that it today".split())  # a subject on its own: "if this made your day"
_AUXILIARIES = frozenset("is are was were has have can could will would should does did do".split())
_PAST = {"made": "make", "brought": "bring", "gave": "give", "got": "get", "took": "take", "kept": "keep",
         "felt": "feel", "left": "leave", "sent": "send"}


def _inverted(text: str) -> str | None:
    """Bait about something other than the reader as the question it stands for: "if this view
    makes you smile" as "Does this view make you smile?", "if this made your day" as "Did this make
    your day?", "if these cookies look good" as "Do these cookies look good?"."""
    match = _IF_SAID.search(text)
    if not match:
        return None
    det, words = match["det"].lower(), _clause(match["words"]).split()
    # the verb: right after a subject that stands alone, else after one or two words of its noun
    at = 0 if det in _ALONE and words and _verb_like(words[0]) else next(
        (i for i in (1, 2) if i < len(words) - 1 and _verb_like(words[i]) or det in ("these", "those") and i == 1 < len(words) - 1), None)
    if at is None or at + 1 >= len(words):
        return None
    subject = " ".join(["your" if det == "ur" else det, *words[:at]])
    verb, rest = words[at].lower(), _plain(" ".join(words[at + 1:]))
    plural = det in ("these", "those") or (at and words[at - 1].lower().endswith("s") and not words[at - 1].lower().endswith("ss"))
    if verb in _AUXILIARIES:
        asked = f"{verb} {subject} {rest}"
    elif verb in _PAST or verb.endswith("ed"):
        asked = f"did {subject} {_PAST.get(verb) or _unpast(verb)} {rest}"
    elif verb.endswith("s") and not plural:
        base = verb[:-3] + "y" if verb.endswith("ies") else verb[:-2] if verb.endswith(("ches", "shes", "sses", "xes", "oes")) else verb[:-1]
        asked = f"does {subject} {base} {rest}"
    else:
        asked = f"do {subject} {verb} {rest}"
    return asked[0].upper() + asked[1:] + "?"


def _verb_like(word: str) -> bool:
    lowered = word.lower()
    return lowered in _AUXILIARIES or lowered in _PAST or len(lowered) > 4 and lowered.endswith("ed") or (
        lowered.endswith("s") and not lowered.endswith(("ss", "'s", "’s")) and len(lowered) > 2)


def _unpast(verb: str) -> str:
    """A regular past as its base: "reminded" as "remind", "loved" as "love", "missed" as "miss"."""
    stem = verb[:-2]
    return stem + "e" if stem.endswith(("v", "c", "g", "z", "at", "ur", "us", "is", "ok")) and not stem.endswith("ss") else stem


def _uncapped(words: str) -> str:
    """A line's option in the case it takes in a sentence: "Fixed rate" as "fixed rate", not "Team Blue"."""
    rest = words.split()[1:]
    return words[0].lower() + words[1:] if all(w[:1].islower() for w in rest) and words[1:2].islower() else words


def _agreed(words: str) -> str:
    """"who need this" as "who needs this": the question asks about one person."""
    match = re.match(r"((?:who|that) )([a-z]+)\b", words)
    if not match or match.group(2) in _NOT_AGREED or match.group(2).endswith("s"):
        return words
    verb = {"have": "has", "are": "is", "were": "was"}.get(match.group(2), match.group(2) + "s")
    return match.group(1) + verb + words[match.end():]


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

