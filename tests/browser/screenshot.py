"""Saves the screenshots in docs/screenshots/ from real runs of the extension in Chromium:
hint-card.png (a card on a Lexical composer), dark-card.png (the card on a dark page) and
keyboard-card.png (the card opened with Alt+Shift+H, focus on its first suggestion).

Run from the repo root: python tests/browser/screenshot.py
"""
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[2]))  # the repository root, for server.child_process
from drafts import SPAMMY, first_fix  # noqa: E402
from harness import hints  # noqa: E402
from harness.chromium import ExtensionBrowser  # noqa: E402
from harness.content_world import ContentWorld  # noqa: E402
from harness.service import RapportService  # noqa: E402
from harness.site import FixtureSite, ensure_bundles  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CLIP = {"x": 20, "y": 20, "width": 640, "height": 520}


def hinted(browser, site, service, fixture: str, composer: str):
    """A new tab on `fixture` with SPAMMY typed into `composer` and its hints shown."""
    page = browser.context.new_page()
    ui = ContentWorld(page)
    page.goto(site.page(fixture))
    page.locator(composer).first.click()
    page.keyboard.type(SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    return page, ui, first_fix(expected)[0]


def main() -> None:
    ensure_bundles()
    site, service = FixtureSite(), RapportService()
    try:
        with sync_playwright() as playwright:
            browser = ExtensionBrowser(playwright)
            browser.reset(service.url)

            page, ui, finding = hinted(browser, site, service, "lexical.html", '[contenteditable="true"]')
            hints.click_underline(ui, finding["matched"])
            hints.expect_card(ui)
            page.screenshot(path=SCREENSHOTS / "hint-card.png", clip=CLIP)

            page, ui, finding = hinted(browser, site, service, "dark.html", "#composer")
            hints.click_underline(ui, finding["matched"])
            hints.expect_card(ui)
            page.screenshot(path=SCREENSHOTS / "dark-card.png", clip=CLIP)

            page, ui, finding = hinted(browser, site, service, "textarea.html", "#composer")
            page.evaluate("at => document.querySelector('#composer').setSelectionRange(at, at)", finding["offset"])
            page.keyboard.press("Alt+Shift+H")
            hints.wait_for(ui, lambda shown: shown["card"] and shown["card"]["focused"])
            page.screenshot(path=SCREENSHOTS / "keyboard-card.png", clip=CLIP)
            browser.close()
    finally:
        service.close()
        site.close()
    print(f"wrote {SCREENSHOTS}/hint-card.png, dark-card.png, keyboard-card.png")


if __name__ == "__main__":
    main()
