"""Only the extension may use the service: checks on Host, Origin, fetch metadata and token.

A service on 127.0.0.1 is reachable from every web page the user opens. A page can aim
requests at it directly (drive-by), or through a domain it re-points at 127.0.0.1 (DNS
rebinding); both are refused here before any view runs.
"""
from __future__ import annotations

import hmac

from flask import Flask, current_app, request
from flask_cors import CORS

from .errors import ApiError

TOKEN_HEADER = "X-Rapport-Token"
API_PREFIXES = ("/v1/", "/v2/")  # Rapport's API and the LanguageTool-compatible one (languagetool.py)


def install(app: Flask) -> None:
    CORS(app, resources={rf"{prefix}*": {"origins": _cors_origins(app)} for prefix in API_PREFIXES},
         allow_headers=["Content-Type", TOKEN_HEADER], methods=["GET", "POST"], max_age=600)
    app.before_request(_check_request)


def _cors_origins(app: Flask) -> list[str]:
    schemes = [rf"^{scheme.replace('-', '[-]')}[a-z0-9-]+$" for scheme in app.config["EXTENSION_SCHEMES"]]
    return schemes + list(app.config["ALLOWED_ORIGINS"])


def _check_request() -> None:
    config = current_app.config
    hosts = config["ALLOWED_HOSTS"]  # None in team mode, where the token stands in for it
    if hosts is not None and _host_name(request.host).lower() not in hosts:
        raise ApiError(403, "forbidden_host", f"requests must be addressed to {', '.join(hosts)}")
    origin = request.headers.get("Origin")
    if origin is not None and not origin_allowed(origin):
        raise ApiError(403, "forbidden_origin", "only the Rapport extension may call this service")
    if origin is None and request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
        # A page's no-cors request (an <img>, a form) carries no Origin on GET but says where it came from.
        raise ApiError(403, "forbidden_origin", "only the Rapport extension may call this service")
    token = config["TOKEN"]
    if token and request.path.startswith(API_PREFIXES) and request.method != "OPTIONS":
        if not hmac.compare_digest(request.headers.get(TOKEN_HEADER, "").encode(), token.encode()):
            raise ApiError(401, "bad_token", f"this service needs the pairing token in the {TOKEN_HEADER} header")


def _host_name(host: str) -> str:
    """The Host header without its port; IPv6 literals keep their brackets."""
    return host[:host.find("]") + 1] if host.startswith("[") else host.split(":", 1)[0]


def origin_allowed(origin: str) -> bool:
    config = current_app.config
    return origin.startswith(config["EXTENSION_SCHEMES"]) or origin in config["ALLOWED_ORIGINS"]
