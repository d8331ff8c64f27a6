"""Saves docs/screenshots/hint-card.png: a real run of the extension on the Lexical fixture with a hint card open.

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
from harness.service import RapportService  # noqa: E402
from harness.site import FixtureSite, ensure_bundles  # noqa: E402

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "hint-card.png"


def main() -> None:
    ensure_bundles()
    site, service = FixtureSite(), RapportService()
    try:
        with sync_playwright() as playwright:
            browser = ExtensionBrowser(playwright)
            browser.reset(service.url)
            page = browser.context.new_page()
            page.goto(site.page("lexical.html"))
            page.locator('[contenteditable="true"]').click()
            page.keyboard.type(SPAMMY)
            expected = service.lint(SPAMMY)
            hints.expect_badge(page, str(len(expected)))
            finding, _ = first_fix(expected)
            hints.click_underline(page, finding["matched"])
            hints.card(page).wait_for()
            page.screenshot(path=OUTPUT, clip={"x": 20, "y": 20, "width": 640, "height": 520})
            browser.close()
    finally:
        service.close()
        site.close()
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
