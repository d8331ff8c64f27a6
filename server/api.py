"""The HTTP API, shaped after LanguageTool's /v2/check: JSON in, findings with offsets out."""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from flask import Blueprint, Request, current_app, jsonify, request
from flask.typing import ResponseReturnValue
from werkzeug.http import parse_options_header

from rules import Linter
from rules import explain as explain_rules

from . import contract
from .errors import ApiError
from .live_rules import LiveRules

v1 = Blueprint("v1", __name__, url_prefix="/v1")
health = Blueprint("health", __name__)


def live_rules() -> LiveRules:
    return current_app.extensions["rapport"]


@v1.post("/lint")
def lint() -> ResponseReturnValue:
    return jsonify(lint_answer(request.content_type, _body_of(request)))


def lint_answer(content_type: str | None, read_body: Callable[[], bytes]) -> contract.JSON:
    """POST /v1/lint's answer to a body of that type, read only once the type is right; raises ApiError.
    The view's, and the RSGI bridge's when it answers the request itself (server/rsgi_bridge.py)."""
    body = _json_object(content_type, read_body)
    text = draft_text(body)
    disabled = body.get("disabled_rules", [])
    if not isinstance(disabled, list) or not all(isinstance(rule, str) for rule in disabled):
        raise ApiError(400, "bad_disabled_rules", "disabled_rules must be a list of rule ids")
    with live_rules().lease() as linter:
        result = linter.lint(text, platform_of(body, linter), frozenset(disabled))
    return contract.lint_answer(result, linter.pack)


@v1.post("/explain")
def explain() -> ResponseReturnValue:
    """For each rule: whether the engine fired it, the values its condition read, and where it is defined."""
    body = _json_object(request.content_type, _body_of(request))
    text = draft_text(body)
    with live_rules().lease() as linter:
        explanations = explain_rules(linter, text, platform_of(body, linter))
    return jsonify(contract.explain_answer(explanations, linter.pack))


@v1.get("/rules/status")
def rules_status() -> ResponseReturnValue:
    live = live_rules()
    current = live.current
    return jsonify(contract.rules_status(current.linter.pack, current.loaded_at, str(live.path), live.problems))


@v1.get("/rules")
def rules() -> ResponseReturnValue:
    return jsonify(contract.rules_listing(live_rules().current.linter.pack))


@health.get("/healthz")
def healthz() -> ResponseReturnValue:
    live = live_rules()
    return jsonify(contract.health(live.current.linter.pack, live.problems))


def _body_of(req: Request) -> Callable[[], bytes]:
    return partial(req.get_data, cache=False)


def _json_object(content_type: str | None, read_body: Callable[[], bytes]) -> dict[str, Any]:
    if not _is_json(content_type):
        raise ApiError(415, "unsupported_media_type", "send the draft as Content-Type: application/json")
    text = _utf8(read_body())
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        raise ApiError(400, "malformed_json", f"the body is not valid JSON: {error.msg} (line {error.lineno}, "
                       f"column {error.colno})") from None
    except ValueError:  # an integer of more digits than int() converts (4,300)
        raise ApiError(400, "malformed_json", "the body has a number too long to read") from None
    except RecursionError:
        raise ApiError(400, "malformed_json", "the body nests arrays or objects too deeply") from None
    if not isinstance(body, dict):
        raise ApiError(400, "malformed_request", 'expected a JSON object such as {"text": "..."}')
    return body


def _is_json(content_type: str | None) -> bool:
    """As Flask's `Request.is_json`: application/json or an application/*+json type, any parameters."""
    media_type = parse_options_header(content_type)[0].lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def _utf8(raw: bytes) -> str:
    """The body as UTF-8 text. json.loads would also take UTF-16, UTF-32, a byte-order mark and
    surrogates encoded as characters; the contract is UTF-8, so those are refused."""
    try:
        text = raw.decode("utf-8")  # strict: a surrogate's three bytes are refused
        if text.startswith("\ufeff") or "\x00" in text:  # NUL: ASCII in UTF-16 or UTF-32 is valid UTF-8
            raise UnicodeError
    except UnicodeError:
        raise ApiError(400, "malformed_json", "the body is not UTF-8") from None
    return text


def platform_of(body: Mapping[str, Any], linter: Linter) -> str:
    platform = body.get("platform", "generic")
    if platform not in linter.pack.platforms:
        raise ApiError(400, "unknown_platform", f"platform must be one of: {', '.join(linter.pack.platforms)}")
    return platform


def draft_text(body: Mapping[str, Any]) -> str:
    if "text" not in body:
        raise ApiError(400, "missing_text", 'the request needs a "text" field with the draft')
    text = body["text"]
    if not isinstance(text, str):
        raise ApiError(400, "bad_text", f'"text" must be a string, not {type(text).__name__}')
    limit = current_app.config["MAX_DRAFT_BYTES"]
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        raise ApiError(413, "draft_too_large", f"drafts are limited to {limit // 1024} KiB of UTF-8")
    return text
