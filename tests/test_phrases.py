"""Phrase lists: the needle pre-check that skips most regexes must never hide a match."""
from __future__ import annotations

import random

import pytest

from rules.measuring.features import FeaturePlan, extract
from rules.measuring.phrases import PhraseList
from rules.measuring.text import normalise


@pytest.mark.parametrize("seed", range(3))
def test_phrase_prefilter_never_hides_a_match(seed):
    """The needle look-up in `extract` counts what the bare regex finds, on awkward text."""
    rng = random.Random(seed)
    phrases = ["win", "prize*", "tag {n} friends", "you've won", "{n}% off", "#giveaway", "y'all", "sign-up now"]
    plist = PhraseList("t", phrases)
    plan = FeaturePlan({"t": plist}, (), {"generic": 0})
    pieces = ["WIN", "prizes", "tag 3 friends", "You’ve won", "20% OFF", "#Giveaway", "Y'ALL", "sign up now",
              "winner", "reprize", "ſign-up now", "İ", "w", "-", " ", ".", "@win", "x"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "-", "!"]) for _ in range(rng.randint(1, 6)))
        assert list(extract(text, "generic", plan).spans["t"]) == plist.find(normalise(text)), text


def test_draft_needles_never_hide_a_match_of_the_default_lists(linter):
    """The per-draft needle look-up in `extract` counts what the bare regexes count."""
    plan = linter.pack.plan
    words = sorted({word for plist in plan.phrase_lists.values() for phrase in plist.phrases
                    for word in phrase.replace("{n}", "3").replace("*", "s").split()})
    rng = random.Random(5)
    for _ in range(300):
        text = " ".join(rng.choice(words).upper() if rng.random() < 0.2 else rng.choice(words)
                        for _ in range(rng.randint(1, 12)))
        values = extract(text, "generic", plan).values
        for name, plist in plan.phrase_lists.items():
            assert values[name] == len(plist.find(normalise(text))), (name, text)
