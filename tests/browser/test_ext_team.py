"""A team server: an https address (or loopback http) and token in the options, its origin asked for at
run time; and managed settings (chrome.storage.managed) that set and lock the address, the token and
the pre-publish check, from the example policies in docs/managed/."""
import json
from pathlib import Path

import pytest
from harness import hints
from harness.chromium import ExtensionBrowser
from harness.content_world import ContentWorld
from harness.policy import PolicyChromium, namespaces_work
from playwright.sync_api import expect

MANAGED = Path(__file__).resolve().parents[2] / "docs" / "managed"


@pytest.mark.parametrize(("address", "valid"), [
    ("https://rapport.team.test", True),
    ("http://127.0.0.1:8719", True),
    ("http://localhost:9000", True),
    ("http://rapport.team.test", False),  # a team server over plain http would send drafts in the clear
    ("ftp://rapport.team.test", False),
])
def test_the_options_accept_https_or_loopback_addresses(chromium, address, valid):
    options = chromium.context.new_page()
    options.goto(chromium.url("options/options.html"))
    options.fill("#service-url", address)
    assert options.eval_on_selector("#service-url", "(input) => input.checkValidity()") is valid
    options.close()


def test_saving_a_team_server_asks_for_its_origin_first(chromium, stub):
    chromium.reset(stub.url)
    options = chromium.context.new_page()
    options.goto(chromium.url("options/options.html"))
    options.fill("#service-url", "https://rapport.team.test")
    options.click("#connection button[type=submit]")
    # The browser's prompt is up; headless Chromium has no way to answer it. Until it is granted, nothing changes.
    expect(options.locator("#saved")).to_contain_text("Waiting for your permission")
    assert chromium.storage()["serviceUrl"] == stub.url
    options.close()


def test_a_team_server_without_permission_says_so(page, ui, site, chromium):
    chromium.reset("https://rapport.team.test")
    popup = chromium.context.new_page()
    popup.goto(chromium.url("popup/popup.html"))
    expect(popup.locator("#status")).to_have_attribute("data-state", "needs-permission")
    expect(popup.locator("#grant")).to_be_visible()
    popup.close()
    page.goto(site.page("textarea.html"))
    page.click("#composer")
    page.keyboard.type("Hello")
    hints.expect_badge(ui, "Rapport: allow access")


def chromium_policy(service_url: str) -> dict:
    policy = json.loads((MANAGED / "chromium-policy.json").read_text(encoding="utf-8"))
    for settings in policy["3rdparty"]["extensions"].values():
        settings["serviceUrl"] = service_url  # the documented example, pointed at the test's service
    return policy


@pytest.mark.skipif(not namespaces_work(), reason="needs root and unshare(1) to give one Chromium its own policy")
def test_managed_settings_in_chromium(playwright, site, stub):
    policy = PolicyChromium(chromium_policy(stub.url))
    browser = ExtensionBrowser(playwright, executable=str(policy.executable))
    try:
        browser.control.evaluate("() => chrome.storage.local.set({ serviceUrl: 'http://127.0.0.1:9', token: 'mine', prePublish: 'off' })")
        page = browser.context.new_page()
        page.goto(site.page("textarea.html"))
        page.click("#composer")
        page.keyboard.type("Hello there")
        hints.expect_badge(ContentWorld(page), "✓")
        assert stub.requests[-1]["headers"]["X-Rapport-Token"] == "replace-with-the-team-token"  # locked: the policy wins

        options = browser.context.new_page()
        options.goto(browser.url("options/options.html"))
        expect(options.locator("#service-url")).to_have_value(stub.url)
        expect(options.locator("#service-url")).to_be_disabled()
        expect(options.locator("#token")).to_be_disabled()
        expect(options.locator("#pre-publish")).to_have_value("review")
        expect(options.locator("#managed-note")).to_be_visible()
    finally:
        browser.close()
        policy.close()
