"""What several commands share: exit codes, the --rules and --platform options, and a linter for them."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rules import Linter, load_pack
from server.config import Config

EXIT_FINDINGS, EXIT_USAGE = 1, 2


def rules_option(command: argparse.ArgumentParser, description: str | None = None) -> None:
    command.add_argument("--rules", type=Path, default=Config.RULES_PATH, help=description)


def platform_option(command: argparse.ArgumentParser, drafts: str) -> None:
    command.add_argument("--platform", default="generic", help=f"platform {drafts} for (default: %(default)s)")


def linter_for_platform(args: argparse.Namespace) -> Linter | None:
    """The linter for `--rules`; None, once the user is told, when it has no such `--platform`."""
    linter = Linter(load_pack(args.rules))
    if args.platform in linter.pack.platforms:
        return linter
    print(f"rapport: --platform must be one of: {', '.join(linter.pack.platforms)}", file=sys.stderr)
    return None
