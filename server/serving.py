"""Team server mode: several worker processes under gunicorn, a pairing token required.

One laptop's service serves one person on loopback. A team server is reachable from other
machines, so the Host check (a loopback defence) gives way to the token, which every /v1
request must carry. gunicorn replaces a worker that dies; each worker loads and watches the
rules itself, so an edit reaches every worker within the watcher's poll.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication


THREADS_PER_WORKER = 4


class TeamServer(BaseApplication):
    def __init__(self, overrides: Mapping[str, Any], bind: str, workers: int) -> None:
        self.overrides, self.bind, self.workers = dict(overrides), bind, workers
        super().__init__()

    def load_config(self) -> None:
        self.cfg.set("bind", [self.bind])
        self.cfg.set("workers", self.workers)
        self.cfg.set("worker_class", "gthread")
        self.cfg.set("threads", THREADS_PER_WORKER)
        self.cfg.set("accesslog", None)  # request lines are not needed, and stay out of logs
        self.cfg.set("control_socket_disable", True)  # no file under ~: a read-only home must not matter

    def load(self) -> Flask:
        # Runs in each worker after the fork: the engine and the watcher thread belong to that process.
        from . import create_serving_app

        return create_serving_app(self.overrides)


def team_overrides(rules: Any, token: str) -> dict[str, Any]:
    return {"RULES_PATH": rules, "TOKEN": token, "ALLOWED_HOSTS": None}
