"""How the app is served: granian, a Rust HTTP server, running the Flask app in worker processes.

The Rust side accepts connections, parses HTTP and queues requests without holding the GIL;
each worker runs the app on one Python thread. Lints are serialised by the engine lock anyway,
so more Python threads would only contend for the GIL (docs/benchmarks.md has the figures
that chose one thread). The Flask app is served over RSGI (server/rsgi_bridge.py), so that a
request reaches that thread only once its body is complete. A worker that dies is replaced. The
app is built inside each worker, so the engine, the rules watcher and their threads belong to
that process.

The local service runs one worker on loopback. A team server runs several behind a required
token; it is reachable from other machines, so the Host check (a loopback defence) gives way
to the token.
"""
from __future__ import annotations

import os
import signal
import socket
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from granian import Granian
from granian.constants import Interfaces
from granian.log import LogLevels

from .app import create_serving_app
from .rsgi_bridge import RsgiBridge

PYTHON_THREADS_PER_WORKER = 1
# On a stop, a worker still busy after this many seconds is killed: requests in flight finish
# (a body may take BODY_TIMEOUT to arrive, a lint well under a second), nothing waits longer.
STOP_SECONDS = 10


def serve(overrides: Mapping[str, Any], host: str, port: int, workers: int = 1,
          tls: tuple[Path, Path] | None = None) -> None:
    """Serve until stopped; over HTTPS (granian's TLS, 1.3 at least) with `tls` = (certificate, key)."""
    cert, key = tls or (None, None)
    server = Granian(
        "rapport",  # a label only: the app comes from the loader below
        address=host, port=port, interface=Interfaces.RSGI, workers=workers,
        blocking_threads=PYTHON_THREADS_PER_WORKER,
        respawn_failed_workers=True, respawn_interval=0.5, workers_kill_timeout=STOP_SECONDS,
        log_level=LogLevels.warning, log_access=False,  # no request lines: nothing of a draft reaches a log
        ssl_cert=cert, ssl_key=key,
    )
    _keep_stops_for_new_workers()
    server.serve(target_loader=partial(_load_app, dict(overrides)), wrap_loader=False)


def _load_app(overrides: dict[str, Any]) -> RsgiBridge:
    return RsgiBridge(create_serving_app(overrides))


_STOPS = {signal.SIGTERM, signal.SIGINT}


def _block_stops() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)


def _unblock_stops() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


def _stop_outright_in_new_worker() -> None:
    for stop in _STOPS:
        signal.signal(stop, signal.SIG_DFL)
    _unblock_stops()  # a stop that came since the fork, held pending, ends the worker now


def _keep_stops_for_new_workers() -> None:
    """A new worker inherits the supervisor's stop handlers, which only flag the supervisor's copy
    of its state: a stop sent while the worker loads the app (a second or two) would be lost, and
    the worker, and the service waiting for it, would never exit. Stops are held across the fork
    and the worker starts with the default action (exit), until granian installs the worker's own
    handlers once the app is loaded."""
    if hasattr(os, "register_at_fork"):  # POSIX; elsewhere workers are spawned afresh
        os.register_at_fork(before=_block_stops, after_in_parent=_unblock_stops,
                            after_in_child=_stop_outright_in_new_worker)


def check_port_free(host: str, port: int) -> None:
    """Raise OSError when something already listens there.

    granian's listener may share a port with another one, so a second `rapport serve` would
    start quietly and take half the requests; a plain bind tells the user instead.
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        if os.name != "nt":  # a port whose old connections are still closing is free to listen on
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
