"""`python -m eval [DIR] [--rules FILE] [--split dev|test] [--misses N]`: how well a pack detects.

Always measures the labelled corpus in eval/corpus/ (its test split unless told otherwise). DIR, if
given, holds third-party data (the CSV files described in ../shared/eval/README.md) and any labelled
JSONL files of the corpus's shape (such as social_dev.jsonl); each is measured too.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rules import BROADCAST_FAMILIES, DEFAULT_PACK, Linter, load_pack, warm_up

from . import labelled, targets
from .data import read_groups
from .rates import rates
from .rates import table as rates_table
from .scores import Scores, score
from .scores import table as scores_table


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    warm_up()
    linter = Linter(load_pack(args.rules))
    try:
        sets = {f"corpus ({args.split})": labelled.corpus(args.split),
                f"ordinary texts ({args.split})": labelled.corpus(args.split, labelled.ORDINARY)}
        if args.directory:
            sets |= {path.name: labelled.read(path) for path in sorted(args.directory.glob("*.jsonl"))}
        scored = [score(linter, name, drafts) for name, drafts in sets.items()]
        groups = read_groups(args.directory) if args.directory else {}
        third_party = [rates(linter, name, texts) for name, texts in groups.items()]
    finally:
        linter.close()
    print(scores_table(scored))
    if third_party:
        print("\n" + rates_table(third_party))
        print("\nno-reply-intent: none of these sets labels whether a text invites a reply, so its rates are"
              " only an estimate.")
    print("\ntargets:")
    for line in targets.report(scored, third_party):
        print(f"  {line}")
    for result in scored if args.misses else ():
        _print_misses(result, args.misses)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument("directory", type=Path, nargs="?", help="directory of third-party CSV and labelled JSONL files")
    parser.add_argument("--rules", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--split", choices=labelled.SPLITS, default="test", help="corpus split (default: test)")
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="also print up to N missed and N wrongly flagged drafts per family")
    return parser


def _print_misses(result: Scores, limit: int) -> None:
    print(f"\n## {result.name}")
    for family in BROADCAST_FAMILIES:
        tally = result.families[family]
        for label, drafts in (("missed", tally.misses), ("wrongly flagged", tally.false)):
            for draft in drafts[:limit]:
                print(f"  {family} {label}: [{draft.platform}] {draft.text!r}")
    for draft in result.dirtied[:limit]:
        print(f"  clean draft flagged: [{draft.platform}] {draft.text!r}")


if __name__ == "__main__":
    sys.exit(main())
