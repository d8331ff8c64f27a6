"""`python -m eval.train_signal`: train the per-family signal on the corpus dev split and the probe sets, write signal.json.

One logistic regression per family over the n-grams of rules.measuring.signal, trained with AdaGrad
and a little L2 on the dev split only (the test split is never seen) of the corpus and of eval/ordinary/, and on
the probe sets of eval/probes/ named in TRAINING_PROBES (tuning sets, never measured as evidence). A draft is a positive for a
family that its `flag` lists and a negative for one its `clean` lists; arguable drafts are left out.
N-grams seen in fewer than MIN_DOCUMENTS training drafts are not learned, and tiny weights are
dropped, so the file stays small. Deterministic: the same corpus gives the same file.
"""
from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from pathlib import Path

from rules import BROADCAST_FAMILIES
from rules.measuring.signal import SIGNAL_FEATURE_NAMES, WEIGHTS, ngrams
from rules.measuring.tokens import tokenize

from . import labelled

# The probe sets the shipped signal learns from; the sets written after it was trained (probes5-7) stay out,
# so that they measure it blind (see docs/benchmarks.md).
TRAINING_PROBES = ("probes1-", "probes2-", "probes3-", "probes4-")
MIN_DOCUMENTS = 2
EPOCHS = 30
LEARNING_RATE = 0.2
L2 = 1e-4
MIN_WEIGHT = 0.02


def train(examples: list[tuple[set[str], int]], vocabulary: set[str], seed: int = 0) -> tuple[dict[str, float], float]:
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    order = list(examples)
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for grams, label in order:
            present = [gram for gram in grams if gram in vocabulary]
            total = bias + sum(weights.get(gram, 0.0) for gram in present)
            error = 1 / (1 + math.exp(-max(-30.0, min(30.0, total)))) - label
            for gram in present:
                gradient = error + L2 * weights.get(gram, 0.0)
                squares[gram] = squares.get(gram, 1e-8) + gradient * gradient
                weights[gram] = weights.get(gram, 0.0) - LEARNING_RATE * gradient / math.sqrt(squares[gram])
            bias_square += error * error
            bias -= LEARNING_RATE * error / math.sqrt(bias_square)
    return weights, bias


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_signal", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights (default: %(default)s)")
    args = parser.parse_args(argv)
    # Ordinary people's texts are negatives for every family: they teach the model what is not an organisation.
    # The probe sets are tuning data already, and their phrasing is the variety the corpus lacks.
    drafts = labelled.corpus("dev") + labelled.corpus("dev", labelled.ORDINARY) + labelled.every_draft(labelled.PROBES, TRAINING_PROBES)
    grams = [ngrams(tokenize(draft.text)) for draft in drafts]
    counts = Counter(gram for found in grams for gram in found)
    vocabulary = {gram for gram, count in counts.items() if count >= MIN_DOCUMENTS}
    columns, biases = [], []
    for family in BROADCAST_FAMILIES:
        examples = [(found, int(family in draft.flag)) for draft, found in zip(drafts, grams)
                    if family in draft.flag or family in draft.clean]
        weights, bias = train(examples, vocabulary)
        columns.append(weights)
        biases.append(round(bias, 4))
        print(f"{family}: {len(examples)} drafts, {sum(abs(w) >= MIN_WEIGHT for w in weights.values())} weights")
    kept = sorted(gram for gram in vocabulary if any(abs(column.get(gram, 0.0)) >= MIN_WEIGHT for column in columns))
    data = {"families": list(BROADCAST_FAMILIES), "features": list(SIGNAL_FEATURE_NAMES), "bias": biases, "trained_on": f"{len(drafts)} dev and probe drafts",
            "weights": {gram: [round(column.get(gram, 0.0), 3) for column in columns] for gram in kept}}
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                        encoding="utf-8")
    print(f"wrote {len(kept)} n-grams to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
