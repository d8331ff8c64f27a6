"""`python -m eval.rewrites [FILE ...] [--rules FILE] [--split dev|test] [--show N]`: how well the
rewrites fix what they flag.

Over the flagged drafts (a `flag` label and at least one finding of a flagged family) of the corpus
split and of each labelled JSONL FILE given (such as ../shared/eval/social_dev.jsonl), applies the
first suggestion of every hint, right to left, lints the result again and reports:

- fixed: the share of drafts free of their flagged families afterwards;
- kept: the share that still hold every link and money amount they had;
- reuse: the share of span rewrites that reuse a content word of the text they replace (plurals
  read as their singular); fixes that only drop words are counted apart, as deletions.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rules import DEFAULT_PACK, Linter, apply_first, content_words, hints, kept_tokens, load_pack, warm_up

from . import labelled
from .labelled import Draft

FIXED, KEPT, REUSE = 0.90, 0.95, 0.80  # the targets


@dataclass
class RewriteScores:
    name: str
    drafts: int = 0  # flagged drafts
    fixed: int = 0
    kept: int = 0
    spans: int = 0  # span rewrites applied (deletions aside)
    deletions: int = 0  # span fixes that drop the words (contest hashtags, a mechanic said twice)
    reusing: int = 0
    unfixed: list[tuple[Draft, str]] = field(default_factory=list)

    def shares(self) -> tuple[float, float, float]:
        return (self.fixed / self.drafts if self.drafts else 1.0, self.kept / self.drafts if self.drafts else 1.0,
                self.reusing / self.spans if self.spans else 1.0)


def measure(linter: Linter, name: str, drafts: Sequence[Draft]) -> RewriteScores:
    scores = RewriteScores(name)
    for draft in drafts:
        result = linter.lint(draft.text, draft.platform)
        if not draft.flag & {finding.rule.category for finding in result.findings}:
            continue
        scores.drafts += 1
        rewritten, replaced = apply_first(result.text, hints(result))
        after = {finding.rule.category for finding in linter.lint(rewritten, draft.platform).findings}
        if after.isdisjoint(draft.flag):
            scores.fixed += 1
        else:
            scores.unfixed.append((draft, rewritten))
        scores.kept += not (Counter(kept_tokens(draft.text, ("link", "money"))) - Counter(kept_tokens(rewritten, ("link", "money"))))
        for before, after_text in replaced:
            if not after_text.strip():
                scores.deletions += 1  # words dropped, not rewritten: nothing to reuse
                continue
            scores.spans += 1
            scores.reusing += bool(content_words(before) & content_words(after_text))
    return scores


def table(results: Sequence[RewriteScores]) -> str:
    lines = ["| set | flagged drafts | free of their families | links and money kept | span rewrites reusing a word "
             "| deletions |", "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        fixed, kept, reuse = r.shares()
        lines.append(f"| {r.name} | {r.drafts} | {100 * fixed:.1f}% ({r.fixed}) | {100 * kept:.1f}% ({r.kept}) | "
                     f"{100 * reuse:.1f}% ({r.reusing}/{r.spans}) | {r.deletions} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.rewrites", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", type=Path, nargs="*", help="labelled JSONL files of the corpus's shape")
    parser.add_argument("--rules", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--split", choices=labelled.SPLITS, default="test", help="corpus split (default: test)")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="also print up to N drafts left unfixed per set")
    args = parser.parse_args(argv)
    warm_up()
    linter = Linter(load_pack(args.rules))
    try:
        sets = {f"corpus ({args.split})": labelled.corpus(args.split)} | {path.name: labelled.read(path) for path in args.files}
        results = [measure(linter, name, drafts) for name, drafts in sets.items()]
    finally:
        linter.close()
    print(table(results))
    for result in results:
        fixed, kept, reuse = result.shares()
        print(f"{result.name}: fixed {'met' if fixed >= FIXED else 'MISSED'}, kept {'met' if kept >= KEPT else 'MISSED'},"
              f" reuse {'met' if reuse >= REUSE else 'MISSED'}")
        for draft, rewritten in result.unfixed[:args.show]:
            print(f"  unfixed: {draft.text!r}\n       -> {rewritten!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
