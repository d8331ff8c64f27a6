"""A statistical signal per family: how much a draft reads like the labelled examples of it.

A linear model (logistic regression) over the draft's token n-grams and token classes, trained by
`python -m eval.train_signal` on the dev split of the labelled corpus (eval/corpus/) and shipped as
signal.json. It is scored here in plain Python: the sum of the weights of the n-grams present.
It decides nothing by itself: each family's score (0-100) is a feature rules may test, beside the
structural cues that keep it honest, and `explain` shows the n-grams that moved it most.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .tokens import Tokens

WEIGHTS = Path(__file__).with_name("signal.json")
SIGNAL_FEATURE_NAMES = ("signal_spammy", "signal_campaign", "signal_noreply")  # one per family, as trained
# Token kinds read as their class, so "£50" and "£200" are one feature.
_CLASSES = {"money": "<money>", "percent": "<percent>", "link": "<link>", "emoji": "<emoji>", "hashtag": "<hashtag>",
            "mention": "<mention>", "number": "<number>", "email": "<email>", "ordinal": "<ordinal>"}
_KEPT_PUNCT = frozenset("?!=")  # punctuation that carries meaning; the rest only breaks bigrams
_BREAK = "<p>"


def ngrams(tokens: Tokens) -> set[str]:
    """The model's features: token unigrams and bigrams (classes for numbers, links, emoji ...), and markers
    for capitals, an opening @mention, the number of questions and the length."""
    grams: set[str] = set()
    previous = "<s>"
    for norm, kind in zip(tokens.norms, tokens.kinds):
        if kind == "punct" and norm not in _KEPT_PUNCT:
            previous = _BREAK
            continue
        gram = _CLASSES.get(kind, norm)
        grams.add(gram)
        grams.add(f"{previous} {gram}")
        previous = gram
    if "caps" in tokens.extra.values():  # only words have it
        grams.add("<caps>")
    if tokens.kinds and tokens.kinds[0] == "mention":
        grams.add("<opens:mention>")
    # How many questions, and how long: a post that asks twice, or runs long, reads differently.
    grams.add(f"<questions:{min(tokens.norms.count('?'), 2)}>")
    grams.add(f"<length:{min(len(tokens) // 10, 6)}>")
    return grams


@dataclass(frozen=True, slots=True)
class Signal:
    families: tuple[str, ...]
    feature_names: tuple[str, ...]  # the feature each family's score is measured as
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # n-gram -> one weight per family

    def scores(self, grams: set[str]) -> tuple[float, ...]:
        """0-100 per family: the model's probability that the draft belongs to it."""
        totals = list(self.bias)
        # The draft's known n-grams' weights looked up in one pass, then each family's added in the same
        # order as gram by gram (so every score is the same float), with no enumerate per n-gram.
        found = [weights for weights in map(self.weights.get, grams) if weights is not None]
        for family, total in enumerate(totals):
            for weights in found:
                total += weights[family]
            totals[family] = total
        return tuple(round(100 / (1 + math.exp(-max(-30.0, min(30.0, total)))), 1) for total in totals)

    def contributions(self, grams: set[str], family: str, count: int = 5) -> list[tuple[str, float]]:
        """The n-grams that raised this family's score most."""
        column = self.families.index(family)
        found = [(gram, self.weights[gram][column]) for gram in grams if gram in self.weights]
        return sorted((item for item in found if item[1] > 0), key=lambda item: -item[1])[:count]


@cache
def load_signal(path: Path = WEIGHTS) -> Signal:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != SIGNAL_FEATURE_NAMES:
        raise ValueError(f"{path} scores {data['features']}, not {SIGNAL_FEATURE_NAMES}: retrain it")
    return Signal(tuple(data["families"]), tuple(data["features"]), tuple(data["bias"]),
                  {gram: tuple(weights) for gram, weights in data["weights"].items()})
