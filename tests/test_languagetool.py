"""The LanguageTool-compatible /v2 API: the real `language-tool-python` client pointed at the running
service, and the same Host, Origin and token rules as /v1."""
from __future__ import annotations

import socket
from collections.abc import Iterator

import language_tool_python
import pytest
from language_tool_python.download_lt import LocalLanguageTool

from server.app import create_app
from server.child_process import service
from tests.http_calls import EXTENSION_ORIGIN

SPAM = "RT to win a voucher!"
FRIENDLY = "Thanks Jo, what time suits you?"
EMOJI_SPAM = f"Café 😀 news. {SPAM}"


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with service() as running:
        yield running.port


@pytest.fixture
def tool(port, monkeypatch) -> Iterator[language_tool_python.LanguageTool]:
    """The client as a user sets it up for a custom server; it may reach nothing but this machine's
    loopback, and must not fetch LanguageTool itself."""
    connect = socket.socket.connect

    def loopback_only(sock: socket.socket, address: object) -> None:
        assert isinstance(address, tuple) and address[0] in ("127.0.0.1", "::1"), f"network used: {address}"
        connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", loopback_only)
    monkeypatch.setattr(LocalLanguageTool, "download", lambda self: pytest.fail("LanguageTool download attempted"))
    with language_tool_python.LanguageTool("en-US", remote_server=f"http://127.0.0.1:{port}") as client:
        assert client.is_remote
        yield client


def test_client_shows_the_finding_at_its_place_with_the_rewrite(tool):
    matches = tool.check(EMOJI_SPAM)
    match = next(m for m in matches if m.rule_id == "reward-for-sharing")
    # The client turns the UTF-16 offsets back into Python's code points, so the emoji must count twice.
    assert EMOJI_SPAM[match.offset:match.offset + match.error_length] == SPAM
    assert match.category == "spammy-incentive" and match.rule_issue_type == "style"
    # The context's offset stays in UTF-16 units, as LanguageTool's own are; the client leaves it so.
    assert _utf16_slice(match.context, match.offset_in_context, match.error_length) == SPAM
    assert match.replacements and match.message.startswith("Paying people to share")
    assert SPAM not in tool.correct(EMOJI_SPAM)


def test_client_passes_friendly_text(tool):
    assert tool.check(FRIENDLY) == []


def test_client_disables_rules_and_categories(tool):
    text = f"{SPAM} Comments are off."
    assert {"reward-for-sharing", "replies-closed"} <= {m.rule_id for m in tool.check(text)}
    tool.disabled_rules = {"reward-for-sharing"}
    tool.disabled_categories = {"no-reply-intent"}
    left = {m.rule_id for m in tool.check(text)}
    assert "reward-for-sharing" not in left and "replies-closed" not in left


def test_client_enabled_only(tool):
    tool.enabled_rules = {"replies-closed"}
    tool.enabled_rules_only = True
    assert [m.rule_id for m in tool.check(f"{SPAM} Comments are off.")] == ["replies-closed"]


def _utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * offset:2 * (offset + length)].decode("utf-16-le")


def _check(client, headers: dict[str, str] | None = None, **form: str):
    return client.post("/v2/check", data={"language": "en-US", "text": SPAM} | form,
                       headers={"Origin": EXTENSION_ORIGIN} | (headers or {}))


def test_answer_has_languagetool_fields_and_utf16_offsets(client):
    answer = _check(client, text=EMOJI_SPAM).get_json()
    match = next(m for m in answer["matches"] if m["rule"]["id"] == "reward-for-sharing")
    assert (match["offset"], match["length"]) == (len("Café 😀 news. ") + 1, len(SPAM))
    assert match["rule"]["category"] == {"id": "spammy-incentive", "name": "Spammy incentive"}
    assert match["shortMessage"] and match["rule"]["description"] == "Reward for sharing"
    assert match["sentence"] == SPAM and [set(r) for r in match["replacements"]] == [{"value"}]
    context = match["context"]
    assert _utf16_slice(context["text"], context["offset"], context["length"]) == SPAM
    assert answer["language"]["code"] == "en-US" and answer["software"]["name"] == "Rapport"


def test_context_is_cut_around_the_match(client):
    text = "I went to the shop to buy some bread and milk today. " * 3 + "Comments are off."
    match = next(m for m in _check(client, text=text).get_json()["matches"] if m["rule"]["id"] == "replies-closed")
    context = match["context"]
    assert context["text"].startswith("...") and len(context["text"]) < len(text)
    assert context["text"][context["offset"]:context["offset"] + context["length"]] == text[match["offset"]:][:match["length"]]


def test_languages_lists_english_and_auto_is_accepted(client):
    languages = client.get("/v2/languages", headers={"Origin": EXTENSION_ORIGIN}).get_json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in languages
    assert _check(client, language="auto").get_json()["language"]["code"] == "en"


@pytest.mark.parametrize(("form", "status", "code"), [
    ({"language": ""}, 400, "missing_language"),
    ({"language": "de-DE"}, 400, "unsupported_language"),
    ({"enabledOnly": "true"}, 400, "nothing_enabled"),
    ({"text": "x" * (64 * 1024 + 1)}, 413, "draft_too_large"),
    ({"platform": "myspace"}, 400, "unknown_platform"),
])
def test_bad_requests_get_clear_errors(client, form, status, code):
    response = _check(client, **form)
    assert (response.status_code, response.get_json()["error"]["code"]) == (status, code)


def test_missing_text_is_refused(client):
    response = client.post("/v2/check", data={"language": "en-US"}, headers={"Origin": EXTENSION_ORIGIN})
    assert (response.status_code, response.get_json()["error"]["code"]) == (400, "missing_text")


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"},
    {"Origin": None, "Sec-Fetch-Site": "cross-site"},  # a page's form post without an Origin
])
def test_pages_may_not_post_drafts(client, headers):
    response = client.post("/v2/check", data={"language": "en-US", "text": SPAM},
                           headers={k: v for k, v in headers.items() if v is not None})
    assert (response.status_code, response.get_json()["error"]["code"]) == (403, "forbidden_origin")


def test_rebound_host_is_refused(client):
    response = _check(client, headers={"Host": "evil.example:8719"})
    assert (response.status_code, response.get_json()["error"]["code"]) == (403, "forbidden_host")


def test_token_is_required_when_set():
    client = create_app({"TESTING": True, "TOKEN": "s3cret"}).test_client()
    assert _check(client).get_json()["error"]["code"] == "bad_token"
    assert client.get("/v2/languages").status_code == 401
    assert _check(client, headers={"X-Rapport-Token": "s3cret"}).status_code == 200


def test_preflight_answers_the_extension_only(client):
    ask = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "X-Rapport-Token"}
    allowed = client.options("/v2/check", headers=ask | {"Origin": EXTENSION_ORIGIN})
    assert allowed.headers.get("Access-Control-Allow-Origin") == EXTENSION_ORIGIN
    refused = client.options("/v2/check", headers=ask | {"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_one_match_per_problem_as_the_extension_shows(client):
    text = "RT and follow to WIN a £50 voucher!!! Hurry, today only #giveaway #win #free #contest"
    lint = client.post("/v1/lint", json={"text": text}, headers={"Origin": EXTENSION_ORIGIN}).get_json()
    matches = _check(client, text=text).get_json()["matches"]
    assert len(lint["findings"]) > len(lint["hints"])  # several rules on the same words
    assert [(m["rule"]["id"], m["offset"], m["length"]) for m in matches] == \
        [(h["rule"], h["offset"], h["length"]) for h in lint["hints"]]
