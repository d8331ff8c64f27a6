"""`rapport serve`: the local service for the browser extension, or a team server."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
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
    serve.add_argument("--tls-cert", type=Path, metavar="PEM", help="serve HTTPS with this certificate (chain)")
    serve.add_argument("--tls-key", type=Path, metavar="PEM", help="the private key of --tls-cert")
    serve.add_argument("--insecure-http", action="store_true",
                       help="let a team server on a non-loopback address speak plain HTTP, its token in clear")
    serve.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    import logging  # like the HTTP server, loaded only to serve

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
    if problem := _tls_problem(args):
        print(f"rapport: {problem}", file=sys.stderr)
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
    tls = (args.tls_cert, args.tls_key) if args.tls_cert else None
    print(f"rapport: {mode} {args.rules} ({version}) on {'https' if tls else 'http'}://{args.host}:{args.port}",
          file=sys.stderr, flush=True)
    serve(overrides, args.host, args.port, workers, tls)
    return 0


def _tls_problem(args: argparse.Namespace) -> str | None:
    """Why the TLS options cannot serve, if they cannot: a team server off loopback sends its token
    over the network, so it speaks HTTPS unless told otherwise (or a proxy in front does, see
    docs/security.md)."""
    if (args.tls_cert is None) != (args.tls_key is None):
        return "--tls-cert and --tls-key go together"
    if args.tls_cert is None:
        if args.team and args.host not in LOOPBACK and not args.insecure_http:
            return (f"a team server on {args.host} would send its token in clear: give --tls-cert and --tls-key, "
                    "or --insecure-http if a TLS proxy or a trusted network stands in front of it")
        return None
    import ssl  # only for the team server's TLS: every other command starts without it

    try:  # granian would fail only inside each worker; check the pair here, with a readable reason
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(args.tls_cert, args.tls_key)
    except ssl.SSLError as error:
        detail = f" ({error.reason.lower().replace('_', ' ')})" if error.reason else ""  # e.g. key values mismatch
        return (f"cannot serve HTTPS with {args.tls_cert} and {args.tls_key}: "
                f"expected a PEM certificate and its key{detail}")
    except OSError as error:
        return f"cannot serve HTTPS with {args.tls_cert} and {args.tls_key}: {error.strerror}"
    return None
