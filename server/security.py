"""Only the extension may use the service: checks on Host, Origin, fetch metadata and token.

A service on 127.0.0.1 is reachable from every web page the user opens. A page can aim
requests at it directly (drive-by), or through a domain it re-points at 127.0.0.1 (DNS
rebinding); both are refused here before any view runs.
"""
from __future__ import annotations

import hmac
from collections.abc import Callable

from flask import Flask, Response, current_app, request

from .errors import ApiError

TOKEN_HEADER = "X-Rapport-Token"
API_PREFIXES = ("/v1/", "/v2/")  # Rapport's API and the LanguageTool-compatible one (languagetool.py)
# What a preflight from an allowed origin is told it may send, and for how many seconds to remember it.
CORS_METHODS = ("GET", "POST")
CORS_HEADERS = frozenset({"content-type", TOKEN_HEADER.lower()})  # header names are case-insensitive
CORS_MAX_AGE = "600"
Header = Callable[[str], "str | None"]  # a request's header by name, None when absent


def install(app: Flask) -> None:
    # The running service answers POST /v1/lint in server/rsgi_bridge.py, past these hooks: it calls
    # refusal() and cors_headers() itself, and any check added here must be added there too.
    app.before_request(_check_request)
    app.after_request(_allow_cors)


def _check_request() -> None:
    if error := refusal(request.method, request.path, request.host, request.headers.get):
        raise error


def _allow_cors(response: Response) -> Response:
    response.headers.extend(cors_headers(request.method, request.path, request.headers.get))
    return response


def refusal(method: str, path: str, host: str, header: Header) -> ApiError | None:
    """Why a request to `host` must not be served, if it must not; `header` reads its headers by name.
    For Flask's hook and for the RSGI bridge's POST /v1/lint alike (server/rsgi_bridge.py)."""
    config = current_app.config
    hosts = config["ALLOWED_HOSTS"]  # None in team mode, where the token stands in for it
    if hosts is not None and _host_name(host).lower() not in hosts:
        return ApiError(403, "forbidden_host", f"requests must be addressed to {', '.join(hosts)}")
    origin = header("Origin")
    if origin is not None and not origin_allowed(origin):
        return ApiError(403, "forbidden_origin", "only the Rapport extension may call this service")
    if origin is None and header("Sec-Fetch-Site") in ("cross-site", "same-site"):
        # A page's no-cors request (an <img>, a form) carries no Origin on GET but says where it came from.
        return ApiError(403, "forbidden_origin", "only the Rapport extension may call this service")
    token = config["TOKEN"]
    if token and path.startswith(API_PREFIXES) and method != "OPTIONS":
        if not hmac.compare_digest((header(TOKEN_HEADER) or "").encode(), token.encode()):
            return ApiError(401, "bad_token", f"this service needs the pairing token in the {TOKEN_HEADER} header")
    return None


def cors_headers(method: str, path: str, header: Header) -> list[tuple[str, str]]:
    """What lets the origins served above read the API's answers (errors included); a page gets none, so
    even an answer it provoked stays unreadable to it. By hand: flask-cors spent about 30 us of a 0.45 ms
    request (in-process) matching patterns to say the same."""
    origin = header("Origin")
    if origin is None or not path.startswith(API_PREFIXES) or not origin_allowed(origin):
        return []
    headers = [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
    if method == "OPTIONS" and (header("Access-Control-Request-Method") or "").upper() in CORS_METHODS:
        asked = (header("Access-Control-Request-Headers") or "").split(",")
        if granted := sorted(name for name in map(str.strip, asked) if name.lower() in CORS_HEADERS):
            headers.append(("Access-Control-Allow-Headers", ", ".join(granted)))
        headers += [("Access-Control-Allow-Methods", ", ".join(CORS_METHODS)), ("Access-Control-Max-Age", CORS_MAX_AGE)]
    return headers


def _host_name(host: str) -> str:
    """The Host header without its port; IPv6 literals keep their brackets."""
    return host[:host.find("]") + 1] if host.startswith("[") else host.split(":", 1)[0]


def origin_allowed(origin: str) -> bool:
    config = current_app.config
    return origin.startswith(config["EXTENSION_SCHEMES"]) or origin in config["ALLOWED_ORIGINS"]
