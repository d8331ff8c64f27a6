"""The reading ease and grade a draft's stats report are textstat's own figures."""
from __future__ import annotations

import textstat
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rules.measuring.readability import flesch

# Pieces that exercise each of textstat's counting rules: contraction apostrophes (kept) and other
# quotes (deleted), sentence ends, two-word runs (not counted as sentences), hyphens, digits,
# upper-case contractions (textstat's endings are lower case), letters lower() turns into two.
PIECES = ["don't", "DON'T", "we'll", "they've", "you're", "she'd", "'quoted'", "rock'n'roll", "o'", "'", "’",
          ".", "!", "?", "...", " ", "\n", "Hi.", "Thanks so much!", "well-known", "e-mail", "2024", "50%", "#tag", "@name",
          "İstanbul", "ﬃ", "naïve", "café", "x", "Read this.", "Supercalifragilistic", "rhythm", "_", "—"]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map(" ".join)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(texts)
@example("")
@example("...")
@example("Hi there. Ok. We can't wait to see you at the shop's new café!")
def test_flesch_matches_textstat(text: str) -> None:
    assert flesch(text) == (textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text))


# Made-up words are outside the pronouncing dictionary, so their syllables come from hyphenation
# points: long ones, odd letters and the patterns' dots at both ends all count.
made_up_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéïßİ", min_size=1, max_size=24)


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.lists(made_up_words, min_size=1, max_size=4).map(" ".join))
@example("Zorblaxification quizzingly")
def test_syllables_of_unknown_words_match_textstat(text: str) -> None:
    assert flesch(text) == (textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text))
