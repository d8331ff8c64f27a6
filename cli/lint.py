"""`rapport lint`: drafts from files or standard input, one finding a line (or one JSON object a draft)."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from rules import LintResult
from server import contract

from .drafts import Draft, DraftFileError, read_drafts
from .options import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    linter_for_platform,
    platform_option,
    rules_option,
)


def add_command(commands: Any) -> None:
    lint = commands.add_parser("lint", help="lint drafts from files: one per line, .jsonl or .csv (text column)")
    lint.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="files to read; - for stdin")
    platform_option(lint, "the drafts are")
    lint.add_argument("--format", choices=("text", "json"), default="text")
    rules_option(lint)
    lint.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    if (linter := linter_for_platform(args)) is None:
        return EXIT_USAGE
    worst_is_error = False
    try:
        for draft in _drafts(args.files):
            result = linter.lint(draft.text, args.platform)
            worst_is_error |= any(f.severity == "error" for f in result.findings)
            _report(draft, result, args.format, sys.stdout)
    except (OSError, DraftFileError) as error:
        print(f"rapport: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_FINDINGS if worst_is_error else 0


def _drafts(files: Iterable[str]) -> Iterable[Draft]:
    for name in files:
        if name == "-":
            yield from read_drafts("<stdin>", sys.stdin)
            continue
        with open(name, encoding="utf-8", newline="") as stream:
            yield from read_drafts(name, stream)


def _report(draft: Draft, result: LintResult, output_format: str, out: TextIO) -> None:
    answer = contract.lint_result(result)
    if output_format == "json":
        out.write(json.dumps({"source": draft.source, "line": draft.line} | answer) + "\n")
        return
    for finding in answer["findings"]:
        replacement = next((s["replacement"] for s in finding["suggestions"] if "replacement" in s), None)
        hint = f' -> "{replacement}"' if replacement else ""
        out.write(f"{draft.source}:{draft.line}:{finding['offset'] + 1}: {finding['severity']} "
                  f"[{finding['rule']}] {finding['message']}{hint}\n")
