"""`python -m eval DIR [--rules FILE] [--examples N]`: per-family flag rates on the labelled sets."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rules import DEFAULT_PACK, Linter, load_pack, warm_up

from .data import ORDINARY, read_groups
from .rates import rates, table

FALSE_POSITIVE_LIMIT = 0.02
PRIZE_RECALL_TARGET = 0.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument("directory", type=Path, help="directory holding the labelled CSV files")
    parser.add_argument("--rules", type=Path, default=DEFAULT_PACK)
    args = parser.parse_args(argv)
    groups = read_groups(args.directory)
    if not groups:
        print(f"eval: no labelled CSV files found in {args.directory}", file=sys.stderr)
        return 2
    warm_up()
    linter = Linter(load_pack(args.rules))
    try:
        results = [rates(linter, name, texts) for name, texts in groups.items()]
    finally:
        linter.close()
    print(table(results))
    print("\nno-reply-intent: none of these sets labels whether a text invites a reply, so its rates are"
          " only an estimate.")
    by_group = {r.group: r for r in results}
    print("\ntargets:")
    for name in ORDINARY:
        if name in by_group:
            share = by_group[name].campaign_or_spam_share
            print(f"  {name}: {100 * share:.2f}% flagged campaign-only or spammy-incentive "
                  f"(target < {100 * FALSE_POSITIVE_LIMIT:.0f}%): {'met' if share < FALSE_POSITIVE_LIMIT else 'MISSED'}")
    prize = by_group.get("SMS spam offering a prize")
    if prize:
        share = prize.share("spammy-incentive")
        print(f"  SMS spam offering a prize: {100 * share:.1f}% flagged spammy-incentive "
              f"(target >= {100 * PRIZE_RECALL_TARGET:.0f}%): {'met' if share >= PRIZE_RECALL_TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
