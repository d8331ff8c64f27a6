"""The matchers as a rules file sees them: phrase lists with exceptions, and token patterns whose
first steps may match nothing."""
from __future__ import annotations

from rules import Linter, load_pack

PACK = """\
version: "t"
phrases:
  openers: [just, right now]
  prize: [win]
rules:
  - id: {id}
    category: c
    severity: info
    message: m
    when:
      pattern: {pattern}
      {anchor}
    examples: {{flag: ["win"], pass: ["hello"]}}
"""


def _underlined(rules_file, pattern: str, text: str, anchor: str = "") -> list[str]:
    linter = Linter(load_pack(rules_file(PACK.format(id="p", pattern=pattern, anchor=anchor))))
    return [text[f.span.start:f.span.end] for f in linter.lint(text).findings]


def test_a_match_starts_at_the_clause_its_optional_words_and_gap_reach_back_to(rules_file):
    pattern = "[{optional: true, list: openers}, {skip: 2}, {list: prize}]"
    text = "Oh, right now we all win"
    # "right now" (two tokens) and a gap of two: the match starts four tokens before "win".
    assert _underlined(rules_file, pattern, text, anchor="anchor: clause") == ["right now we all win"]


def test_a_match_that_opens_with_a_gap_starts_as_early_as_the_gap_allows(rules_file):
    text = "Hi. Oh we all win"
    assert _underlined(rules_file, "[{skip: 3}, {list: prize}]", text, anchor="anchor: sentence") == ["Oh we all win"]


def test_an_optional_first_step_of_a_token_class_reaches_back_its_token(rules_file):
    pattern = '[{optional: true, any: ["{emoji}"]}, {list: prize}]'
    assert _underlined(rules_file, pattern, "🎉 win big", anchor="anchor: sentence") == ["🎉 win"]


EXCEPTED = """\
version: "t"
phrases:
  amounts:
    phrases: [much]
    except: [thank you so much, so]
rules:
  - id: amounts
    category: c
    severity: info
    message: m
    when: {has: amounts}
    examples: {flag: ["so very much"], pass: ["thank you so much"]}
"""


def test_a_match_inside_a_long_exception_does_not_count_though_a_shorter_one_starts_nearer(rules_file):
    linter = Linter(load_pack(rules_file(EXCEPTED)))
    # "much" lies inside "thank you so much", not inside the "so" that starts after that exception.
    assert [f.rule.id for f in linter.lint("Thank you so much").findings] == []
    assert [f.rule.id for f in linter.lint("So much").findings] == ["amounts"]


def test_a_step_of_a_token_class_matches_by_kind_and_by_extra_class(rules_file):
    # "3" is a number by its kind, "three" a word whose extra class is number.
    for text, underlined in (("Win 3", "Win 3"), ("win three now", "win three")):
        assert _underlined(rules_file, '[{list: prize}, "{number}"]', text) == [underlined]


def test_a_possessive_is_a_capitalised_word_with_s_that_is_no_contraction(rules_file):
    pattern = '["{possessive}", =favourite]'
    assert _underlined(rules_file, pattern, "Kent's favourite and Wales’s favourite") == ["Kent's favourite", "Wales’s favourite"]
    # "It's" is "it is", and a small letter is no name
    assert _underlined(rules_file, pattern, "It's favourite, mum's favourite") == []


def test_a_name_is_a_capitalised_word_that_is_no_possessive_nor_in_capitals(rules_file):
    pattern = '[=at, "{name}"]'
    assert _underlined(rules_file, pattern, "Lunch at Rowan's, tea at Rowan, drinks at ROWAN") == ["at Rowan"]
    # a small letter is no name, nor is a number word, nor a sentence's first word
    assert _underlined(rules_file, pattern, "at home at Seven") == []
    assert _underlined(rules_file, '["{name}", =is]', "Rowan is here, and Rowan is there") == ["Rowan is"]
    # "I" is capitalised always, before a comma as before a word
    assert _underlined(rules_file, '[=and, "{name}"]', "Sam and I, and I agree, and I'm in") == []


def test_a_hundredth_is_an_ordinal_of_a_hundred_or_more_and_a_thousandth_is_one_token(rules_file):
    pattern = '[=our, "{hundredth}"]'
    assert _underlined(rules_file, pattern, "our 500th, our 1,000th and our 99th") == ["our 500th", "our 1,000th"]
    assert _underlined(rules_file, '[=our, "{ordinal}", =tree]', "our 50,000th tree") == ["our 50,000th tree"]


def test_a_handle_with_dots_is_one_mention_so_its_last_part_is_no_word(rules_file):
    # Instagram and Threads handles hold dots: "@pennywise.app" is a mention, not "@pennywise" and "app".
    assert _underlined(rules_file, '["{mention}", =only]', "DMs from @pennywise.app only.") == ["@pennywise.app only"]
    assert _underlined(rules_file, '["{mention}", =only]', "@sam. only then") == []


QUESTIONS_PACK = """\
version: "t"
rules:
  - id: asks
    category: c
    severity: info
    message: m
    when: {questions: {at_least: 1}}
    examples: {flag: ["Any news?"], pass: ["hello"]}
"""


def test_a_question_mark_inside_a_name_asks_nothing_and_ends_no_sentence(rules_file):
    linter = Linter(load_pack(rules_file(QUESTIONS_PACK)))
    named = linter.lint("Rated the best by Which? readers this year.")
    assert not named.findings
    # the same mark before a capital, or opening the sentence, is a question
    assert linter.lint("Rated by Which? Readers say so.").findings
    assert linter.lint("Really? no way").findings


def test_a_long_drafts_phrase_matches_are_a_short_drafts_repeated():
    """From _GROUP_SINGLES tokens on, one-word phrases are gathered by form apart from the longer phrases:
    the matches must be the ones made one by one, in order of start, exceptions applied."""
    from rules.measuring.phrases import _GROUP_SINGLES, PhraseBook
    from rules.measuring.tokens import tokenize

    book = PhraseBook({"offer": ["free", "free entry", "win", "{number} days", "days"], "you": ["you"]},
                      exceptions={"offer": ["win win"]})
    short = "Free entry to win, win win in 3 days, you know. "
    width = len(tokenize(short))
    repeats = _GROUP_SINGLES // width + 1
    once, long = book.matches(tokenize(short)), book.matches(tokenize(short * repeats))
    assert once["offer"] == [(0, 1), (0, 2), (3, 4), (8, 10), (9, 10)]  # not the "win win"
    repeated = {name: [(first + width * repeat, end + width * repeat) for repeat in range(repeats)
                       for first, end in found] for name, found in once.items()}
    # the same matches, in order of start (the order of two at one start is nobody's business)
    assert {name: sorted(found) for name, found in long.items()} == repeated
    assert all([first for first, _ in found] == [first for first, _ in repeated[name]] for name, found in long.items())


def test_the_longest_match_at_a_start_is_chosen_whatever_order_the_ones_there_come_in():
    """non_overlapping reads the matches in order of start only: among those at one start the longest
    wins, and a match overlapping a chosen one is left out, though it is longer."""
    from rules.measuring.phrases import non_overlapping

    assert non_overlapping([(0, 1), (0, 3), (0, 2), (2, 6), (3, 4), (4, 5), (4, 7)]) == [(0, 3), (3, 4), (4, 7)]
    assert non_overlapping([(0, 3), (0, 1), (1, 2), (5, 6)]) == [(0, 3), (5, 6)]
    assert non_overlapping([]) == []
