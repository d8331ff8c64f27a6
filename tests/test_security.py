"""Web pages cannot use the service: Host, Origin, fetch metadata and token checks."""
from __future__ import annotations

import pytest

from server import security
from server.app import create_app
from tests.conftest import EXTENSION_ORIGIN

DRAFT = {"text": "RT to win a voucher"}


@pytest.mark.parametrize("origin", [EXTENSION_ORIGIN, "moz-extension://6f1a2b3c-0000-4000-8000-123456789abc"])
def test_extension_origins_are_served(client, origin):
    assert client.post("/v1/lint", json=DRAFT, headers={"Origin": origin}).status_code == 200


def test_no_origin_is_a_local_tool_and_is_served(client):
    assert client.post("/v1/lint", json=DRAFT).status_code == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:8000", "chrome-extension:/x"])
def test_web_page_origins_get_no_findings(client, origin):
    response = client.post("/v1/lint", json=DRAFT, headers={"Origin": origin})
    assert response.status_code == 403
    assert response.get_json() == {"error": {"code": "forbidden_origin",
                                             "message": "only the Rapport extension may call this service"}}


def test_text_plain_simple_request_from_a_page_is_refused(client):
    response = client.post("/v1/lint", data='{"text": "x"}', content_type="text/plain",
                           headers={"Origin": "http://evil.example"})
    assert response.status_code == 403


def test_no_cors_get_from_a_page_is_refused(client):
    response = client.get("/v1/rules", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"})
    assert response.status_code == 403


@pytest.mark.parametrize(("origin", "allowed"), [(EXTENSION_ORIGIN, True), ("http://evil.example", False)])
def test_preflight_answers_only_allowed_origins(client, origin, allowed):
    response = client.options("/v1/lint", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert (response.headers.get("Access-Control-Allow-Origin") == origin) is allowed


def test_the_extensions_preflight_is_granted_its_headers_and_methods_and_a_pages_nothing(client):
    # As Chrome asks before the extension's POST with a pairing token: lower case, no spaces.
    ask = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-rapport-token"}
    granted = client.options("/v1/lint", headers=ask | {"Origin": EXTENSION_ORIGIN}).headers
    assert granted.get("Access-Control-Allow-Headers") == "content-type, x-rapport-token"
    assert granted.get("Access-Control-Allow-Methods") == "GET, POST"
    assert granted.get("Access-Control-Max-Age") == "600"
    assert granted.get("Vary") == "Origin"
    asked_more = ask | {"Access-Control-Request-Headers": "Content-Type, X-Other"}
    assert client.options("/v1/lint", headers=asked_more | {"Origin": EXTENSION_ORIGIN}).headers.get(
        "Access-Control-Allow-Headers") == "Content-Type"
    refused = client.options("/v1/lint", headers=ask | {"Origin": "http://evil.example"}).headers
    assert not [name for name in refused.keys() if name.startswith("Access-Control-")]


def test_the_extension_can_read_error_answers_and_health_carries_no_cors(client):
    headers = {"Origin": EXTENSION_ORIGIN}
    error = client.post("/v1/lint", data="{", content_type="application/json", headers=headers)
    assert error.status_code == 400 and error.headers.get("Access-Control-Allow-Origin") == EXTENSION_ORIGIN
    assert "Access-Control-Allow-Origin" not in client.get("/healthz", headers=headers).headers


@pytest.mark.parametrize("host", ["evil.example", "rebind.attacker.test:8719", "192.168.1.5:8719"])
def test_dns_rebinding_host_is_refused(client, host):
    response = client.get("/healthz", headers={"Host": host})
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "forbidden_host"


@pytest.mark.parametrize("host", ["127.0.0.1:8719", "localhost:8719", "[::1]:8719", "LOCALHOST"])
def test_loopback_hosts_are_served(client, host):
    assert client.get("/healthz", headers={"Host": host}).status_code == 200


def test_configured_origin_is_allowed():
    app = create_app({"TESTING": True, "ALLOWED_ORIGINS": ("https://studio.example",)})
    response = app.test_client().post("/v1/lint", json=DRAFT, headers={"Origin": "https://studio.example"})
    assert response.status_code == 200


def test_token_when_configured():
    client = create_app({"TESTING": True, "TOKEN": "s3cret"}).test_client()
    headers = {"Origin": EXTENSION_ORIGIN}
    assert client.post("/v1/lint", json=DRAFT, headers=headers).get_json()["error"]["code"] == "bad_token"
    assert client.post("/v1/lint", json=DRAFT, headers=headers | {"X-Rapport-Token": "s3cret"}).status_code == 200


def test_every_request_hook_is_one_the_rsgi_bridge_also_applies(app):
    """The running service answers POST /v1/lint in server/rsgi_bridge.py past Flask's hooks, calling
    security.refusal and security.cors_headers itself: a hook added to the app would not guard that path."""
    hooks = {name: [hook.__name__ for hook in funcs[None]] for name, funcs in
             (("before", app.before_request_funcs), ("after", app.after_request_funcs))}
    assert hooks == {"before": [security._check_request.__name__], "after": [security._allow_cors.__name__]}
