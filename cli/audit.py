"""`rapport audit`: an account's history, from the platform's own export, as a report."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .options import EXIT_USAGE, linter_for_platform, platform_option, rules_option


def add_command(commands: Any) -> None:
    audit = commands.add_parser("audit", help="audit an account's history from its export (folder, .zip or file)")
    audit.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                       help="an export folder, its .zip or .tar.gz, or single files")
    audit.add_argument("--html", type=Path, metavar="REPORT", help="also write a self-contained HTML report here")
    audit.add_argument("--format", choices=("text", "json"), default="text", help="what to print (default: text)")
    platform_option(audit, "plain .txt, .csv and .jsonl files are")
    audit.add_argument("--since", type=_month, metavar="YYYY-MM", help="first month to include")
    audit.add_argument("--until", type=_month, metavar="YYYY-MM", help="last month to include")
    rules_option(audit)
    audit.set_defaults(command=run)


def _month(value: str) -> str:
    from audit.posts import MONTH_RE  # like the rest of audit, loaded only for an audit

    if not MONTH_RE.fullmatch(value):
        raise argparse.ArgumentTypeError(f"expected a month as YYYY-MM, got {value!r}")
    return value


def run(args: argparse.Namespace) -> int:
    # Loaded only for an audit, so that the other commands start as fast as before.
    from audit.aggregate import Audit, Period
    from audit.errors import ExportError
    from audit.pipeline import audit_paths
    from audit.progress import Progress
    from audit.render_json import report_json
    from audit.render_text import report_text

    if args.since and args.until and args.since > args.until:
        print(f"rapport: --since {args.since} is after --until {args.until}", file=sys.stderr)
        return EXIT_USAGE
    if args.html and not args.html.resolve().parent.is_dir():  # said now, not after reading the whole export
        print(f"rapport: cannot write {args.html}: no folder {args.html.resolve().parent}", file=sys.stderr)
        return EXIT_USAGE
    if (linter := linter_for_platform(args)) is None:
        return EXIT_USAGE
    audit = Audit(linter, args.platform, Period(args.since, args.until))
    try:
        with Progress(enabled=sys.stderr.isatty()) as progress:
            audit_paths(args.paths, audit, progress)
    except ExportError as error:
        print(f"rapport: {error}\nNothing was written.", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"rapport: cannot read {error.filename or 'the input'}: {error.strerror or error}\n"
              "Nothing was written.", file=sys.stderr)
        return EXIT_USAGE
    document = report_json(audit.report())
    if args.html:
        from audit.html_report import report_html  # the template engine is loaded only for the HTML report
        try:
            args.html.write_text(report_html(document), encoding="utf-8")
        except OSError as error:
            print(f"rapport: cannot write {args.html}: {error.strerror or error}", file=sys.stderr)
            return EXIT_USAGE
        print(f"rapport: wrote {args.html}", file=sys.stderr)
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n" if args.format == "json"
                     else report_text(document))
    return 0
