"""LanguageTool's /v2 API over Rapport's rules, so LanguageTool clients that take a server URL show its hints.

`POST /v2/check` takes LanguageTool's form fields (`text`, `language`, `disabledRules`,
`enabledRules` with `enabledOnly`, `disabledCategories`, `enabledCategories`) and Rapport's own
optional `platform`; `GET /v2/languages` lists what `language` accepts. The answers' shapes are in
contract.py. Host, Origin and token are checked for /v2 as for /v1 (security.py).
"""
from __future__ import annotations

from importlib.metadata import version

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict

from rules import RulePack

from . import contract
from .api import draft_text, live_rules, platform_of
from .errors import ApiError

v2 = Blueprint("v2", __name__, url_prefix="/v2")

# The default pack's phrases and readability are English; the variants are accepted as English.
LANGUAGES = [("English", "en", "en"), ("English (US)", "en", "en-US"), ("English (GB)", "en", "en-GB"),
             ("English (Canada)", "en", "en-CA"), ("English (Australia)", "en", "en-AU")]
AUTO = "auto"
SOFTWARE = {"name": "Rapport", "version": version("rapport-lint"), "apiVersion": 1, "premium": False, "status": ""}


@v2.get("/languages")
def languages() -> ResponseReturnValue:
    return jsonify(contract.languagetool_languages(LANGUAGES))


@v2.post("/check")
def check() -> ResponseReturnValue:
    form = request.form
    text = draft_text(form)
    language = _language(form.get("language"))
    with live_rules().lease() as linter:
        result = linter.lint(text, platform_of(form, linter), _disabled(form, linter.pack))
    return jsonify(contract.languagetool_answer(result, language, SOFTWARE))


def _language(code: str | None) -> tuple[str, str]:
    """(name, code) of the language asked for; `auto` is English, the only language the rules know."""
    if not code:
        raise ApiError(400, "missing_language", 'the request needs a "language" field, such as en-US or auto')
    if code.lower() == AUTO:
        return LANGUAGES[0][0], LANGUAGES[0][1]
    for name, _, long_code in LANGUAGES:
        if code.lower() == long_code.lower():
            return name, long_code
    raise ApiError(400, "unsupported_language",
                   f"language must be {AUTO} or one of: {', '.join(long for _, _, long in LANGUAGES)}")


def _disabled(form: MultiDict[str, str], pack: RulePack) -> frozenset[str]:
    """The rules the request turns off, by id or category; with enabledOnly, all but those it enables."""
    off, off_categories = _names(form, "disabledRules"), _names(form, "disabledCategories")
    disabled = {rule.id for rule in pack.rules if rule.id in off or rule.category in off_categories}
    if form.get("enabledOnly", "false").lower() == "true":
        on, on_categories = _names(form, "enabledRules"), _names(form, "enabledCategories")
        if not on and not on_categories:
            raise ApiError(400, "nothing_enabled", "enabledOnly=true needs enabledRules or enabledCategories")
        disabled |= {rule.id for rule in pack.rules if rule.id not in on and rule.category not in on_categories}
    return frozenset(disabled)


def _names(form: MultiDict[str, str], field: str) -> set[str]:
    return {name.strip() for name in form.get(field, "").split(",") if name.strip()}
