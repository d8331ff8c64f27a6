"""The `rapport` command: serve, lint files of drafts, check a rules file."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from rules import Linter, LintResult, RulesError, load_pack
from rules.examples import run_examples
from rules.explain import RuleExplanation, explain
from rules.junit import examples_report, problems_report
from rules.text import Utf16Offsets

from .config import DEFAULT_PORT, Config
from .drafts import Draft, DraftFileError, read_drafts

EXIT_FINDINGS, EXIT_USAGE = 1, 2
LOOPBACK = tuple(host.strip("[]") for host in Config.ALLOWED_HOSTS or ())  # as bound: ::1, not [::1]


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

    serve = commands.add_parser("serve", help="run the local lint service for the browser extension")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s, loopback only)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: %(default)s)")
    _rules_option(serve, "rules file (default: %(default)s)")
    serve.add_argument("--team", action="store_true",
                       help="team server: several workers, any bind address, pairing token required")
    serve.add_argument("--workers", type=int, default=2, help="worker processes with --team (default: %(default)s)")
    serve.add_argument("--token", default=Config.TOKEN, help="pairing token (default: $RAPPORT_TOKEN)")
    serve.set_defaults(command=_serve)

    lint = commands.add_parser("lint", help="lint drafts from files: one per line, .jsonl or .csv (text column)")
    lint.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="files to read; - for stdin")
    _platform_option(lint, "the drafts are")
    lint.add_argument("--format", choices=("text", "json"), default="text")
    _rules_option(lint)
    lint.set_defaults(command=_lint)

    check = commands.add_parser("check-rules", help="validate a rules file and run every rule's examples")
    check.add_argument("file", nargs="?", type=Path, default=Config.RULES_PATH)
    check.add_argument("--junit", type=Path, metavar="PATH", help="also write the results as JUnit XML for CI")
    check.set_defaults(command=_check_rules)

    why = commands.add_parser("explain", help="show, rule by rule, whether it fires on a draft and why")
    why.add_argument("text", help="the draft")
    _platform_option(why, "the draft is")
    _rules_option(why)
    why.set_defaults(command=_explain)
    return parser


def _rules_option(command: argparse.ArgumentParser, description: str | None = None) -> None:
    command.add_argument("--rules", type=Path, default=Config.RULES_PATH, help=description)


def _platform_option(command: argparse.ArgumentParser, drafts: str) -> None:
    command.add_argument("--platform", default="generic", help=f"platform {drafts} for (default: %(default)s)")


def _serve(args: argparse.Namespace) -> int:
    from .serving import check_port_free, serve

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.team and not args.token:
        print("rapport: --team needs a pairing token (--token or RAPPORT_TOKEN)", file=sys.stderr)
        return EXIT_USAGE
    if not args.team and args.host not in LOOPBACK:
        print(f"rapport: {args.host} is not a loopback address; a service reachable from other machines "
              "needs --team (which requires a token)", file=sys.stderr)
        return EXIT_USAGE
    version = load_pack(args.rules).version  # refuse a broken file before any worker starts
    try:
        check_port_free(args.host, args.port)
    except OSError as error:
        print(f"rapport: cannot listen on {args.host}:{args.port}: {error.strerror} "
              "(is another rapport serve running?)", file=sys.stderr)
        return EXIT_USAGE
    overrides = {"RULES_PATH": args.rules, "TOKEN": args.token}
    if args.team:
        overrides["ALLOWED_HOSTS"] = None  # reached by its own name: the token, required above, guards it
    workers = args.workers if args.team else 1
    mode = f"team server, {workers} workers," if args.team else "serving"
    print(f"rapport: {mode} {args.rules} ({version}) on http://{args.host}:{args.port}", file=sys.stderr, flush=True)
    serve(overrides, args.host, args.port, workers)
    return 0


def _lint(args: argparse.Namespace) -> int:
    if (linter := _linter_for_platform(args)) is None:
        return EXIT_USAGE
    worst_is_error = False
    try:
        for draft in _drafts(args.files):
            result = linter.lint(draft.text, args.platform)
            worst_is_error |= any(f.rule.severity == "error" for f in result.findings)
            _report(draft, result, args.format, sys.stdout)
    except (OSError, DraftFileError) as error:
        print(f"rapport: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_FINDINGS if worst_is_error else 0


def _linter_for_platform(args: argparse.Namespace) -> Linter | None:
    """The linter for `--rules`; None, once the user is told, when it has no such `--platform`."""
    linter = Linter(load_pack(args.rules))
    if args.platform in linter.pack.platforms:
        return linter
    print(f"rapport: --platform must be one of: {', '.join(linter.pack.platforms)}", file=sys.stderr)
    return None


def _drafts(files: Iterable[str]) -> Iterable[Draft]:
    for name in files:
        if name == "-":
            yield from read_drafts("<stdin>", sys.stdin)
            continue
        with open(name, encoding="utf-8", newline="") as stream:
            yield from read_drafts(name, stream)


def _report(draft: Draft, result: LintResult, output_format: str, out: TextIO) -> None:
    if output_format == "json":
        out.write(json.dumps({"source": draft.source, "line": draft.line} | result.to_dict()) + "\n")
        return
    utf16 = Utf16Offsets(draft.text)
    for finding in result.findings:
        replacement = next((s.text for s in finding.suggestions if s.text is not None), None)
        hint = f' -> "{replacement}"' if replacement else ""
        out.write(f"{draft.source}:{draft.line}:{utf16(finding.span.start) + 1}: {finding.rule.severity} "
                  f"[{finding.rule.id}] {finding.message}{hint}\n")


def _check_rules(args: argparse.Namespace) -> int:
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


def _explain(args: argparse.Namespace) -> int:
    if (linter := _linter_for_platform(args)) is None:
        return EXIT_USAGE
    for explanation in explain(linter, args.text, args.platform):
        print(_explanation_lines(explanation))
    return 0


def _explanation_lines(explanation: RuleExplanation) -> str:
    rule = explanation.rule
    head = f"{'FIRED' if explanation.fired else 'quiet'} {rule.id}  ({rule.location})"
    tests = [f"    {'yes' if t.holds else 'no '} {t.feature} {t.test}: {t.value}" for t in explanation.tests]
    return "\n".join([head, *tests])
