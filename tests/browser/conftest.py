"""Fixtures for the extension's browser tests: one fixture site and one service per session,
one Chromium with the extension per test module, a fresh page and preferences per test; and a
Chromium without the extension for pages that stand alone (the audit report)."""
import pytest
from harness.chromium import ExtensionBrowser, plain_browser
from harness.service import RapportService
from harness.site import FixtureSite, ensure_bundles
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def site():
    ensure_bundles()
    fixture_site = FixtureSite()
    yield fixture_site
    fixture_site.close()


@pytest.fixture(scope="session")
def service():
    rapport = RapportService()
    yield rapport
    rapport.close()


@pytest.fixture(scope="session")
def playwright():
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def chromium(playwright):
    browser = ExtensionBrowser(playwright)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def plain_chromium(playwright):
    browser = plain_browser(playwright)
    yield browser
    browser.close()


@pytest.fixture
def page(chromium, service):
    """A new tab, with the extension's preferences reset and pointed at the real service."""
    chromium.reset(service.url)
    tab = chromium.context.new_page()
    yield tab
    tab.close()
