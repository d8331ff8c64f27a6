"""The extension when the service is down, paused, or configured: badge states, what it sends, the popup,
the options page, and the stable id from the manifest key."""
from pathlib import Path

import pytest
from drafts import SPAMMY
from harness import hints
from harness.chromium import extension_id_from_key
from harness.service import RefusingService, StubService
from playwright.sync_api import expect

from rules import Problem

DOCS = Path(__file__).resolve().parents[2] / "docs" / "extension.md"


@pytest.fixture
def refusing():
    service = RefusingService()
    yield service
    service.close()


@pytest.fixture
def stub():
    service = StubService()
    yield service
    service.close()


def test_offline_badge_without_request_storm_then_recovers(page, site, service, chromium, refusing):
    chromium.reset(refusing.url)
    page.goto(site.page("textarea.html"))
    page.click("#composer")
    page.keyboard.type("RT and follow")
    hints.expect_badge(page, "Rapport offline")
    page.keyboard.type(" to WIN a £50 voucher", delay=80)  # ~2 s of typing while the service is down
    page.wait_for_timeout(300)
    assert refusing.connections <= 3, f"{refusing.connections} connection attempts while offline"

    chromium.control.evaluate("url => chrome.storage.local.set({ serviceUrl: url })", service.url)
    text = "RT and follow to WIN a £50 voucher"
    hints.expect_badge(page, str(len(service.lint(text))))  # without further typing


def test_pause_on_site_stops_hints_and_requests(page, site, service, chromium, stub):
    page.goto(site.page("textarea.html"))
    page.click("#composer")
    page.keyboard.type(SPAMMY)
    hints.expect_badge(page, str(len(service.lint(SPAMMY))))
    hints.badge(page).click()
    hints.card(page).locator("button.pause").click()

    expect(hints.badge(page)).to_have_count(0)
    assert hints.state(page)["marks"] == []
    assert chromium.storage()["pausedSites"] == ["127.0.0.1"]

    chromium.control.evaluate("url => chrome.storage.local.set({ serviceUrl: url })", stub.url)
    page.click("#composer")
    page.keyboard.type(" more text")
    page.wait_for_timeout(1000)
    assert stub.requests == []
    expect(hints.badge(page)).to_have_count(0)


def test_options_token_and_disabled_rules_reach_the_service(page, site, chromium, stub):
    chromium.reset(stub.url)
    chromium.control.evaluate("() => chrome.storage.local.set({ disabledRules: ['reward-for-sharing'] })")
    options = chromium.context.new_page()
    options.goto(chromium.url("options/options.html"))
    options.fill("#service-url", stub.url)
    options.fill("#token", "s3cret")
    options.click("button[type=submit]")
    expect(options.locator("#saved")).to_have_text("Saved")
    expect(options.locator("#disabled-rules")).to_contain_text("reward-for-sharing")
    options.close()

    page.goto(site.page("textarea.html"))
    page.click("#composer")
    page.keyboard.type("Hello there")
    hints.expect_badge(page, "✓")
    sent = stub.requests[-1]
    assert sent["path"] == "/v1/lint"
    assert sent["headers"]["X-Rapport-Token"] == "s3cret"
    assert sent["headers"]["Origin"] == f"chrome-extension://{chromium.id}"
    assert sent["headers"]["Content-Type"] == "application/json"
    assert sent["json"] == {"text": "Hello there", "platform": "generic", "disabled_rules": ["reward-for-sharing"]}


@pytest.fixture
def broken_rules():
    service = StubService([Problem("rules.yaml", 3, "severity: 'infoo' is not one of info, warning, error")])
    yield service
    service.close()


@pytest.mark.parametrize("state", ["connected", "unreachable", "rules-error"])
def test_popup_shows_service_state(chromium, service, refusing, broken_rules, state):
    url = {"connected": service.url, "unreachable": refusing.url, "rules-error": broken_rules.url}[state]
    chromium.reset(url)
    popup = chromium.context.new_page()
    popup.goto(chromium.url("popup/popup.html"))
    status = popup.locator("#status")
    expect(status).to_have_attribute("data-state", state)
    expected_text = {"connected": "Connected", "unreachable": "unreachable", "rules-error": "severity: 'infoo' is not"}[state]
    expect(status).to_contain_text(expected_text)
    popup.close()


def test_extension_id_comes_from_manifest_key_and_is_documented(chromium):
    assert chromium.id == extension_id_from_key()
    assert chromium.id in DOCS.read_text()
