"""The one way tests call a running service over HTTP: JSON in, JSON out."""
from __future__ import annotations

import json
import urllib.request
from typing import Any

EXTENSION_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


def get_json(url: str, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - a local test server
        return json.load(response)


def post_json(url: str, body: Any, headers: dict[str, str] | None = None) -> Any:
    """POST `body` as JSON; an error status raises urllib.error.HTTPError."""
    request = urllib.request.Request(url, json.dumps(body).encode(),
                                     {"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.load(response)
