"""`rapport lint`: drafts from files or standard input, reported as text, JSON or a CI format (cli/lint_formats.py)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from .drafts import Draft, DraftFileError, read_drafts
from .lint_formats import FORMATS, located
from .options import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    SEVERITIES,
    linter_for_platform,
    platform_option,
    rules_option,
)

NEVER = "none"


def add_command(commands: Any) -> None:
    lint = commands.add_parser("lint", help="lint drafts from files: one per line, .md paragraphs, .jsonl or .csv "
                                            "(text column)")
    lint.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="files to read; - for stdin")
    platform_option(lint, "the drafts are")
    lint.add_argument("--format", choices=tuple(FORMATS), default="text")
    lint.add_argument("--min-severity", choices=SEVERITIES, default=SEVERITIES[0],
                      help="report only findings at least this severe (default: %(default)s)")
    lint.add_argument("--fail-on", choices=(*SEVERITIES, NEVER), default="error",
                      help="exit 1 when a reported finding is at least this severe (default: %(default)s)")
    rules_option(lint)
    lint.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    if (linter := linter_for_platform(args)) is None:
        return EXIT_USAGE
    shown = _from(args.min_severity)
    failing = () if args.fail_on == NEVER else _from(args.fail_on)
    report = FORMATS[args.format](sys.stdout, linter.pack, failing)
    failed = False
    try:
        for draft in _drafts(args.files):
            answer, found = located(draft, linter.lint(draft.text, args.platform), shown)
            failed |= any(item.finding["severity"] in failing for item in found)
            report.add(draft, answer, found)
    except (OSError, DraftFileError) as error:
        print(f"rapport: {error}", file=sys.stderr)
        return EXIT_USAGE
    report.finish()
    return EXIT_FINDINGS if failed else 0


def _from(severity: str) -> tuple[str, ...]:
    return SEVERITIES[SEVERITIES.index(severity):]


def _drafts(files: Iterable[str]) -> Iterable[Draft]:
    for name in files:
        if name == "-":
            yield from read_drafts("<stdin>", sys.stdin)
            continue
        # utf-8-sig: spreadsheets start their CSV with a byte-order mark, which editors do not count as a column
        with open(name, encoding="utf-8-sig", newline="") as stream:
            yield from read_drafts(name, stream)
