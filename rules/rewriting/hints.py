"""One hint per problem: findings of several rules on the same or overlapping words become one hint.

A hint is what a person sees (an underline, a card, one count on the badge); it keeps every rule
whose findings it merged, the most relevant first, and offers that rule's suggestions. What makes a
finding more relevant: a broadcast family over advice (readability, platform), a rule that does not
already flag an earlier hint (there, it is often the first sentence's echo), a one-click fix over
advice, a template with a place for every amount, a rule that reads the words over one that reads
the statistical signal, a higher severity, a fix that keeps more of the draft's own words, more of
the hint's words covered, then text order.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..deciding.conditions import leaves
from ..linting import Finding, LintResult, Replacement, filled_from, sentence_wide
from ..measuring.features import SIGNAL_FEATURES, Features
from ..measuring.text import Span
from ..model import BROADCAST_FAMILIES, Rule
from .applying import content_words, deletion_span, fit, invites_replies
from .slots import AMOUNT, Slots
from .templates import fill

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
_OPENERS = "".join(chr(c) for c in (*range(0x2600, 0x27c0), *range(0x1f000, 0x1fb00))) + " \ufe0f\u200d•-*→"


@dataclass(frozen=True, slots=True)
class Hint:
    findings: tuple[Finding, ...]  # most relevant first; every rule merged here appears once
    span: Span  # what is underlined and what a replacement replaces (code points)
    scope: str  # "span" or "draft"
    suggestions: tuple[Replacement, ...]  # the most relevant finding's, fitted to `span`

    @property
    def primary(self) -> Finding:
        return self.findings[0]

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(finding.rule.id for finding in self.findings)

    @property
    def severity(self) -> str:
        return max((finding.severity for finding in self.findings), key=SEVERITY_RANK.__getitem__)


def hints(result: LintResult) -> list[Hint]:
    """The draft's problems, in text order; draft-wide hints last."""
    text, sentences = result.text, result.features.sentences
    # Each finding with the words its hint covers: its own, or the sentences its fix rewrites.
    placed = sorted(((_covered(f, sentences), f) for f in result.findings if f.scope == "span"),
                    key=lambda pair: (pair[0].start, -pair[0].end))
    groups: list[list[tuple[Span, Finding]]] = []
    for span, finding in placed:
        if groups and _joins(text, groups[-1], span, finding):
            groups[-1].append((span, finding))
        else:
            groups.append([(span, finding)])
    # Draft-wide findings of the broadcast families all say "nothing here to answer": one problem.
    wide: dict[str, list[tuple[Span, Finding]]] = {}
    for finding in result.findings:
        if finding.scope == "draft":
            family = finding.rule.category
            wide.setdefault("broadcast" if family in BROADCAST_FAMILIES else family, []).append((finding.span, finding))
    used: set[str] = set()  # a rule of one hint gives way in the next: "RT to win! Hurry, ends today!"
    # Each hint and, beside others, the same hint without its invitation: what echoes are compared by,
    # and what all but the last of the fixes that invite replies become (a post asks once, at its end).
    # One hint asks nothing twice.
    both = [_hint_pair(text, result.features, group, _ranked(text, result.features, group, used), len(groups) > 1)
            for group in groups]
    built = [hint for hint, _ in both]
    quiet = [hint for _, hint in both if hint is not None]
    if quiet:
        built = _echoes_dropped(text, built, quiet)
    inviting = [index for index, hint in enumerate(built) if invites_replies(hint)]
    for index in inviting[:-1]:
        built[index] = quiet[index]
    return built + [_draft_hint(text, result.features, group, used) for group in wide.values()]



def _echoes_dropped(text: str, built: list[Hint], quiet: list[Hint]) -> list[Hint]:
    """A hint whose fix says nothing that another hint's fix does not already say ("WIN a hamper! To
    enter, like and follow."; "Don't miss it!" beside a sentence whose fix keeps the date and asks)
    is the same problem told twice: its fix is to drop those words. Of two fixes word for word alike,
    the one whose words hold less of it goes ("🎁 GIVEAWAY 🎁" before the sentence with the hamper),
    else the later one. What the fixes say is read from `quiet`, the same hints without invitations."""
    fixes = [next((s.text for s in hint.suggestions if s.text), "") for hint in quiet]
    words = [content_words(fix) for fix in fixes]
    # a fix with no words ("!" for "!!!") says nothing another could echo
    said = [_sentences(fix) if found else frozenset() for fix, found in zip(fixes, words)]
    own = [len(found & content_words(text[h.span.start:h.span.end])) for found, h in zip(words, built)]
    for index, hint in enumerate(built):
        first = next((s for s in hint.suggestions if s.text), None)
        if first is None or not any(other and _said_in(said[index], other) and (
                not _said_in(other, said[index]) or (own[at], -at) > (own[index], -index))
                for at, other in enumerate(said) if at != index):
            continue
        built[index] = Hint(hint.findings, deletion_span(text, hint.span), hint.scope,
                            (Replacement(first.message, ""), *(s for s in hint.suggestions if s is not first)))
        said[index] = frozenset()
    return built


def _said_in(mine: frozenset[str], other: frozenset[str]) -> bool:
    """Every sentence of `mine` is one of `other`'s, or the start of one that goes on after a comma
    ("We've got £100 for one of you." in "We've got £100 for one of you, once they spend £1,000.")."""
    return bool(mine) and all(s in other or any(o.startswith(s[:-1] + ",") for o in other) for s in mine)


def _sentences(fix: str) -> frozenset[str]:
    """The sentences of a fix, without the emoji that open it (each vote line keeps its own) and the
    @mentions put back at its end."""
    words = re.sub(r"(?:\s+@\w+)+$", "", fix.strip().lstrip(_OPENERS))
    return frozenset(sentence for sentence in re.split(r"(?<=[.!?])\s+", words) if sentence)


def _covered(finding: Finding, sentences: Sequence[Span]) -> Span:
    if not sentence_wide(finding.rule):
        return finding.span
    covering = [s for s in sentences if s.start < finding.span.end and finding.span.start < s.end] or [finding.span]
    return Span(covering[0].start, covering[-1].end)


def _joins(text: str, group: list[tuple[Span, Finding]], span: Span, finding: Finding) -> bool:
    """Overlapping words are one problem; so is one rule's run of findings with only spaces between
    (a row of contest hashtags)."""
    end = max(member.end for member, _ in group)
    if span.start < end:
        return True
    between = text[end:span.start]
    return not between.strip() and finding.rule.underline != "sentence" and not sentence_wide(finding.rule) and any(
        member.rule is finding.rule for _, member in group)


def _ranked(text: str, features: Features, group: Sequence[tuple[Span, Finding]], used: set[str]) -> list[Finding]:
    """The group's findings, the most relevant first, each rule once; their rules join `used`."""
    span = _extent(group)
    ordered = sorted(group, key=lambda pair: _relevance(text, features, pair, span, used), reverse=True)
    unique: dict[str, Finding] = {}
    for _, finding in ordered:
        unique.setdefault(finding.rule.id, finding)
    used.update(unique)
    return list(unique.values())


def _draft_hint(text: str, features: Features, group: Sequence[tuple[Span, Finding]], used: set[str]) -> Hint:
    """The hint of draft-wide findings: the most relevant one's advice, as the lint filled it for the draft."""
    ranked = _ranked(text, features, group, used)
    return Hint(tuple(ranked), _extent(group), "draft", ranked[0].suggestions)


def _extent(group: Sequence[tuple[Span, Finding]]) -> Span:
    return Span(min(s.start for s, _ in group), max(s.end for s, _ in group))


def _hint_pair(text: str, features: Features, group: Sequence[tuple[Span, Finding]], ranked: list[Finding],
               quiet: bool) -> tuple[Hint, Hint | None]:
    """The hint of one group, whose findings `_ranked` ordered, and (with `quiet`) the same hint
    without its invitation: both filled from one reading of the slots, which does not depend on it."""
    span = _extent(group)
    primary = ranked[0]
    own = [s for s, f in group if f.rule is primary.rule]  # a run of hashtags: all of them
    inner = Span(min(s.start for s in own), max(s.end for s in own))
    slots = Slots(primary.rule, text, features, inner, [f for _, f in group if f.rule is not primary.rule])
    return (_fitted(text, ranked, span, inner, _filled(primary, slots)),
            _fitted(text, ranked, span, inner, _filled(primary, slots, asked=True)) if quiet else None)


def _fitted(text: str, ranked: list[Finding], span: Span, inner: Span, refilled: tuple[Replacement, ...]) -> Hint:
    first = next((s.text for s in refilled if s.text is not None), None)
    if first == "" and inner == span:
        span = inner = deletion_span(text, span)
    suggestions = tuple(Replacement(s.message, None if s.text is None else fit(text, span, inner, s.text))
                        for s in refilled)
    return Hint(tuple(ranked), span, "span", suggestions)


def _relevance(text: str, features: Features, pair: tuple[Span, Finding], span: Span, used: set[str]) -> _Lazy:
    covers, finding = pair
    rule = finding.rule
    return _Lazy((
        lambda: rule.category in BROADCAST_FAMILIES, lambda: rule.id not in used,
        lambda: any(s.replace is not None or s.append is not None or s.fix is not None for s in rule.suggestions),
        # a rule that read the words knows what to ask better than one that read the score, whatever their severities
        lambda: _places(text, features, rule, covers), lambda: not reads_signal(rule),
        lambda: SEVERITY_RANK.get(finding.severity, 0), lambda: _reuse(text, features, finding, covers),
        lambda: (covers.end - covers.start) / max(1, span.end - span.start)))


class _Lazy:
    """A tuple to sort by whose items are worked out when a comparison first needs them: filling a
    template to rank two findings is most of a hint's cost, and an earlier item mostly decides."""

    __slots__ = ("_items", "_known")

    def __init__(self, items: tuple[Callable[[], Any], ...]) -> None:
        self._items = items
        self._known: list[Any] = []

    def _item(self, index: int) -> Any:
        while len(self._known) <= index:
            self._known.append(self._items[len(self._known)]())
        return self._known[index]

    def __lt__(self, other: _Lazy) -> bool:
        """As tuples compare: by the first items that differ."""
        for index in range(len(self._items)):
            mine, theirs = self._item(index), other._item(index)
            if mine != theirs:
                return mine < theirs
        return False


def _places(text: str, features: Features, rule: Rule, covers: Span) -> bool:
    """The rule's template has a place for every amount of the covered words: "We've got a £50
    voucher for one of you" beats a fix that has to add the amount back ("Replies are open ...,
    for a £50 voucher"); a link or a mention ends a post as well as anywhere."""
    template = next((s.replace for s in rule.suggestions if s.replace is not None), None)
    if template is None:  # a sentence appended replaces nothing
        return any(s.append is not None for s in rule.suggestions)
    slots = Slots(rule, text, features, covers)
    if not any(AMOUNT.match(item) for item in slots.kept()):
        return True  # a fill leaves out only what the words keep: without an amount, none to leave out
    return not any(AMOUNT.match(item) for item in slots.missing(fill(template, slots)))


def _reuse(text: str, features: Features, finding: Finding, covers: Span) -> int:
    """How many content words of the covered text the rule's first fix keeps: a rewrite from the
    draft's own words beats a canned one."""
    fix = next((s.text for s in _filled(finding, Slots(finding.rule, text, features, covers)) if s.text), None)
    return len(content_words(fix) & content_words(text[covers.start:covers.end])) if fix else 0


def _filled(finding: Finding, slots: Slots, asked: bool = False) -> tuple[Replacement, ...]:
    """The finding's rule's suggestions filled from `slots`: the finding's own when the lint filled
    them so already (its own words, alone, nothing asked elsewhere; not a sentence-wide rule's advice,
    nor a whole-draft finding's, filled for the draft)."""
    if (slots.span == finding.span and not slots.others and not asked and finding.scope == "span"
            and not sentence_wide(finding.rule)):
        return finding.suggestions
    return filled_from(slots, asked)


def reads_signal(rule: Rule) -> bool:
    """The rule tests the statistical signal: a backstop for what the specific rules miss."""
    return any(leaf.feature in SIGNAL_FEATURES for leaf in leaves(rule.condition))
