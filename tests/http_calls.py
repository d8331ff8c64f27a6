"""The one way tests call a running service over HTTP: JSON in, JSON out; and raw connections that
send a request's head and only part of its body."""
from __future__ import annotations

import json
import socket
import ssl
import urllib.request
from typing import Any

EXTENSION_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


def get_json(url: str, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - a local test server
        return json.load(response)


def post_json(url: str, body: Any, headers: dict[str, str] | None = None, tls: ssl.SSLContext | None = None) -> Any:
    """POST `body` as JSON (over HTTPS with `tls` for an https:// url); an error status raises
    urllib.error.HTTPError."""
    request = urllib.request.Request(url, json.dumps(body).encode(),
                                     {"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=10, context=tls) as response:  # noqa: S310
        return json.load(response)


def post_head(port: int, framing: str, body: bytes = b"", headers: dict[str, str] | None = None) -> socket.socket:
    """A connection that has sent the head of a POST to /v1/lint, framed by `framing` (its
    Content-Length or Transfer-Encoding header line), and `body`; it may send more."""
    fields = {"Host": "127.0.0.1", "Origin": EXTENSION_ORIGIN, "Content-Type": "application/json", **(headers or {})}
    head = "POST /v1/lint HTTP/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in fields.items())
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    connection.sendall(f"{head}{framing}\r\n\r\n".encode() + body)
    return connection


def stalled_post(port: int, headers: dict[str, str] | None = None) -> socket.socket:
    """A POST that declares 1000 bytes of body, sends 9, and waits."""
    return post_head(port, "Content-Length: 1000", b'{"text": ', headers)
