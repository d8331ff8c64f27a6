"""`rapport check-rules`: validate a rules file and run every rule's examples through the engine."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rules import Linter, RulesError, load_pack, run_examples
from server.config import Config

from .options import EXIT_FINDINGS


def add_command(commands: Any) -> None:
    check = commands.add_parser("check-rules", help="validate a rules file and run every rule's examples")
    check.add_argument("file", nargs="?", type=Path, default=Config.RULES_PATH,
                       help="rules file (default: the default pack, %(default)s)")
    check.add_argument("--junit", type=Path, metavar="PATH", help="also write the results as JUnit XML for CI")
    check.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    from .junit import examples_report, problems_report  # XML, loaded by this command only, not by lint

    try:
        linter = Linter(load_pack(args.file))
    except RulesError as error:
        if args.junit:
            problems_report(args.file, error.problems).write(args.junit, encoding="utf-8", xml_declaration=True)
        raise
    results = list(run_examples(linter))
    if args.junit:  # written before printing, so CI has it even if the terminal goes away
        examples_report(args.file, results).write(args.junit, encoding="utf-8", xml_declaration=True)
    failures = [result for result in results if not result.passed]
    for rule in linter.pack.rules:
        own = [result for result in results if result.rule is rule]
        failed = sum(not result.passed for result in own)
        print(f"{'FAIL' if failed else 'ok  '} {rule.id} ({len(own) - failed}/{len(own)} examples)")
    for failure in failures:
        print(f"  {failure.describe()}")
    print(f"{len(linter.pack.rules)} rules, {len(results) - len(failures)} passed, {len(failures)} failed")
    return EXIT_FINDINGS if failures else 0
