"""Fixtures for the extension's browser tests: one fixture site, one service and one Chromium with the
extension per session (starting Chromium costs ~4 s, its first managed-storage read included), a fresh
page and preferences per test; and a Chromium without the extension for pages that stand alone (the
audit report)."""
import pytest
from harness.chromium import ExtensionBrowser, plain_browser
from harness.content_world import ContentWorld
from harness.service import RapportService, StubService
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


@pytest.fixture(scope="session")
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


@pytest.fixture
def ui(page):
    """The extension's content-script world of `page`, where its closed shadow roots can be read."""
    world = ContentWorld(page)
    yield world
    world.detach()


@pytest.fixture
def stub():
    """A stand-in service that answers in the service's shapes and records what the extension sends."""
    service = StubService()
    yield service
    service.close()
