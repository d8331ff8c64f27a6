"""What several commands share: exit codes, the --rules and --platform options, and a linter for them."""
from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

from rules import SCHEMA_PATH, Linter, load_pack
from rules.cycles import collection_paused
from server.config import Config

EXIT_FINDINGS, EXIT_USAGE = 1, 2
# Lowest first, as the rules file's schema lists them.
SEVERITIES: tuple[str, ...] = tuple(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$defs"]["severity"]["enum"])


def rules_option(command: argparse.ArgumentParser, description: str | None = None) -> None:
    command.add_argument("--rules", type=Path, default=Config.RULES_PATH, help=description)


def platform_option(command: argparse.ArgumentParser, drafts: str) -> None:
    command.add_argument("--platform", default="generic", help=f"platform {drafts} for (default: %(default)s)")


def linter_for_platform(args: argparse.Namespace) -> Linter | None:
    """The linter for `--rules`; None, once the user is told, when it has no such `--platform`."""
    with collection_paused():
        linter = Linter(load_pack(args.rules))
        # The pack lasts as long as the command: collections need not walk its hundred thousand objects
        # again (the first walked them all, 5 ms to 15 ms of `rapport lint` on one draft).
        gc.freeze()
    if args.platform in linter.pack.platforms:
        return linter
    print(f"rapport: --platform must be one of: {', '.join(linter.pack.platforms)}", file=sys.stderr)
    return None
