"""The Flask app behind granian's RSGI interface: a request reaches the app only with its whole body.

Over WSGI, granian hands a request to the worker's one Python thread once its headers are in, and
the app then blocks reading the body: a client that stalled mid-body held the worker, /healthz
included, for as long as it kept the connection open. Here the body is awaited on the worker's
event loop, where a wait holds no thread, for at most BODY_TIMEOUT seconds and MAX_CONTENT_LENGTH
bytes, however it is framed (Content-Length or chunked). Then the WSGI app runs as before, on that
one thread. A body that is late or too large reaches the app as a stream that raises the HTTP error
saying so (408, 413) when read, so the app's own checks and error answers apply, and the connection
is closed after the answer, since the rest of that body was never read.

The extension's request, POST /v1/lint, is answered here without Flask's request machinery, which cost
the running service more CPU per request than the lint: the same checks, answer and headers, from the
functions the app uses (server/security.py, server/api.py); whatever would not be a clean answer goes to
the app as every other request does.
"""
from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from flask import Flask
from granian.rsgi import ProtocolClosed
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge, RequestTimeout

from . import api, security

Headers = list[tuple[str, str]]
LINT_PATH = "/v1/lint"  # the extension's request, nearly every one the service gets


class RsgiBridge:
    def __init__(self, app: Flask) -> None:
        self.app = app
        self.timeout: float = app.config["BODY_TIMEOUT"]
        self.limit: int = app.config["MAX_CONTENT_LENGTH"]

    async def __rsgi__(self, scope: Any, protocol: Any) -> None:
        try:
            body, refusal = await self._body(scope, protocol)
        except ProtocolClosed:  # the client went away mid-body: no one to answer
            return
        answered = self._lint(scope, body) if refusal is None and _is_lint(scope) else None
        status, headers, content = answered or self._call_app(_environ(scope, body, refusal))
        if refusal is not None:
            headers = [*headers, ("Connection", "close")]
        protocol.response_bytes(status, headers, content)

    async def _body(self, scope: Any, protocol: Any) -> tuple[bytes, HTTPException | None]:
        declared = _declared_length(scope)
        if declared is None and scope.http_version.startswith("1") and "transfer-encoding" not in scope.headers:
            return b"", None  # HTTP/1 framing says there is no body (RFC 9112, 6.3), as for a GET
        if declared is not None and declared > self.limit:
            return b"", RequestEntityTooLarge()
        try:
            async with asyncio.timeout(self.timeout):
                # A declared length is within the limit (HTTP/1.1 stops the body there): read it whole.
                body = await (protocol() if declared is not None else self._read_chunked(protocol))
        except TimeoutError:
            return b"", RequestTimeout(f"the request body did not arrive within {self.timeout:g} s")
        if len(body) > self.limit:
            return b"", RequestEntityTooLarge()
        return body, None

    async def _read_chunked(self, protocol: Any) -> bytes:
        """A body of no declared length, or its first MAX_CONTENT_LENGTH + 1 bytes: enough to refuse it."""
        chunks, size = [], 0
        async for chunk in protocol:
            chunks.append(chunk)
            size += len(chunk)
            if size > self.limit:
                break
        return b"".join(chunks)

    def _lint(self, scope: Any, body: bytes) -> tuple[int, Headers, bytes] | None:
        """POST /v1/lint's answer, or None to leave the request to the app (see above). A refused or bad
        request pays for its checks twice, never for a lint: they all come before it."""
        header = partial(_header, scope)
        with self.app.app_context():
            if security.refusal("POST", LINT_PATH, _host(scope), header) is not None:
                return None
            try:
                answer = api.lint_answer(header("Content-Type"), lambda: body)
                # The app's JSON, as jsonify writes it outside debug mode; the length is hyper's to set.
                content = f"{self.app.json.dumps(answer)}\n".encode()
            except Exception:  # noqa: BLE001 - ApiError or worse: the app's error handlers answer (and log) it
                return None
            cors = security.cors_headers("POST", LINT_PATH, header)
        return 200, [("Content-Type", self.app.json.mimetype), *cors], content

    def _call_app(self, environ: dict[str, Any]) -> tuple[int, Headers, bytes]:
        started: list[Any] = []

        def start_response(status: str, headers: Headers, exc_info: Any = None) -> Callable[[bytes], None]:
            started[:] = [int(status.split(" ", 1)[0]), headers]
            return _no_write

        answer: Iterable[bytes] = self.app(environ, start_response)
        try:
            content = b"".join(answer)
        finally:
            if hasattr(answer, "close"):
                answer.close()
        return started[0], started[1], content


def _is_lint(scope: Any) -> bool:
    return scope.method == "POST" and scope.path == LINT_PATH


def _header(scope: Any, name: str) -> str | None:
    """A request header as the app reads it from the environ below, None when absent."""
    name = name.lower()
    return _joined(scope, name) if name in scope.headers else None


def _joined(scope: Any, name: str) -> str:
    """All lines of a header in one value, as a WSGI environ carries it."""
    return (";" if name == "cookie" else ",").join(scope.headers.get_all(name))


def _host(scope: Any) -> str:
    host = _header(scope, "host")
    return (scope.authority or "") if host is None else host  # HTTP/2 sends it as :authority


def _no_write(data: bytes) -> None:
    raise NotImplementedError("the app answers through its return value")


def _declared_length(scope: Any) -> int | None:
    try:
        return int(scope.headers.get("content-length"))
    except (TypeError, ValueError):  # absent (chunked, or no body) or not a number
        return None


class _Refused(io.RawIOBase):
    """A body that was not read: reading it raises the HTTP error that says why."""

    def __init__(self, error: HTTPException) -> None:
        self.error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise self.error


def _environ(scope: Any, body: bytes, refusal: HTTPException | None) -> dict[str, Any]:
    """PEP 3333's environ for an RSGI scope: the body complete, or a stream that raises `refusal`."""
    server_host, _, server_port = scope.server.rpartition(":")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope.method,
        "SCRIPT_NAME": "",
        # RSGI decodes the path as UTF-8; WSGI carries its bytes as latin-1.
        "PATH_INFO": scope.path.encode("utf-8").decode("latin-1"),
        "QUERY_STRING": scope.query_string,
        "SERVER_NAME": server_host.strip("[]"),
        "SERVER_PORT": server_port,
        "SERVER_PROTOCOL": f"HTTP/{scope.http_version}",
        "REMOTE_ADDR": scope.client.rpartition(":")[0].strip("[]"),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.scheme,
        "wsgi.input": _Refused(refusal) if refusal else io.BytesIO(body),
        "wsgi.input_terminated": True,  # the stream ends where the body does, with or without a length
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if refusal is None:
        environ["CONTENT_LENGTH"] = str(len(body))
    for name in scope.headers:  # each name once, lower case
        key = name.upper().replace("-", "_")
        if key != "CONTENT_LENGTH":  # the body's real length is set above
            environ[key if key == "CONTENT_TYPE" else f"HTTP_{key}"] = _joined(scope, name)
    environ["HTTP_HOST"] = _host(scope)
    return environ
