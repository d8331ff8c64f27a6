"""Configuration objects, after Flask's tutorial: defaults here, overrides from the CLI or a test."""
from __future__ import annotations

import os
from pathlib import Path

from rules import DEFAULT_PACK

DEFAULT_PORT = 8719
KIB = 1024


class Config:
    RULES_PATH: Path = Path(os.environ.get("RAPPORT_RULES", DEFAULT_PACK))
    # Host names a request may be addressed to; anything else is a DNS-rebinding attempt.
    ALLOWED_HOSTS: tuple[str, ...] | None = ("127.0.0.1", "localhost", "[::1]")
    # Origins that may call the service besides the extension schemes below.
    ALLOWED_ORIGINS: tuple[str, ...] = tuple(filter(None, os.environ.get("RAPPORT_ALLOWED_ORIGINS", "").split(",")))
    EXTENSION_SCHEMES: tuple[str, ...] = ("chrome-extension://", "moz-extension://")
    # When set, every /v1 and /v2 request must carry it in the X-Rapport-Token header.
    TOKEN: str | None = os.environ.get("RAPPORT_TOKEN") or None
    MAX_DRAFT_BYTES = 64 * KIB
    # JSON escapes can take 6 bytes per character, so the body may be larger than the draft.
    MAX_CONTENT_LENGTH = 8 * MAX_DRAFT_BYTES
    # Seconds a request's whole body may take to arrive once its headers are in (server/rsgi_bridge.py).
    BODY_TIMEOUT: float = float(os.environ.get("RAPPORT_BODY_TIMEOUT", "5"))
