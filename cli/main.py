"""The `rapport` command: serve, lint files of drafts, check a rules file, explain a draft, audit an account."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rules import RulesError

from . import audit, check_rules, explain, lint, serve
from .options import EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except RulesError as error:
        print(f"rapport: the rules file is broken, nothing was done:\n{error}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rapport", description="Lint social-media drafts for broadcast habits.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for command in (serve, lint, check_rules, explain, audit):
        command.add_command(commands)
    return parser
