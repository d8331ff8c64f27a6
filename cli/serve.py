"""`rapport serve`: the local service for the browser extension, or a team server."""
from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from rules import load_pack
from server.config import DEFAULT_PORT, Config

from .options import EXIT_USAGE, rules_option

LOOPBACK = tuple(host.strip("[]") for host in Config.ALLOWED_HOSTS or ())  # as bound: ::1, not [::1]


def add_command(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the local lint service for the browser extension")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s, loopback only)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: %(default)s)")
    rules_option(serve, "rules file (default: %(default)s)")
    serve.add_argument("--team", action="store_true",
                       help="team server: several workers, any bind address, pairing token required")
    serve.add_argument("--workers", type=int, default=2, help="worker processes with --team (default: %(default)s)")
    serve.add_argument("--token", default=Config.TOKEN, help="pairing token (default: $RAPPORT_TOKEN)")
    serve.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    from server.serving import (  # the HTTP server is loaded only to serve
        check_port_free,
        serve,
    )

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
    overrides: dict[str, Any] = {"RULES_PATH": args.rules, "TOKEN": args.token}
    if args.team:
        overrides["ALLOWED_HOSTS"] = None  # reached by its own name: the token, required above, guards it
    workers = args.workers if args.team else 1
    mode = f"team server, {workers} workers," if args.team else "serving"
    print(f"rapport: {mode} {args.rules} ({version}) on http://{args.host}:{args.port}", file=sys.stderr, flush=True)
    serve(overrides, args.host, args.port, workers)
    return 0
