"""Saves docs/screenshots/audit-report.png: the HTML report of `rapport audit` on a made-up two-year
X archive, rendered by Debian's Chromium.

Run from the repo root: python tests/browser/audit_screenshot.py
"""
import contextlib
import io
import random
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(1, str(ROOT))
from harness.chromium import plain_browser

from bench.corpus import generate
from cli.main import main
from tests.exports import FRIENDLY, Item, at, x_archive

OUTPUT = ROOT / "docs" / "screenshots" / "audit-report.png"
REPLIES = [FRIENDLY, "So sorry about the wait, Sam. Can you DM us your order number?",
           "Thank you! We'll pass that on to the kitchen team.", "Good question: yes, the rye is vegan."]


def history(count: int = 1200, seed: int = 3) -> list[Item]:
    """Two years of an account that broadcasts less and answers more as time goes on."""
    rng, texts = random.Random(seed), generate(count, seed)
    items = []
    for number, text in enumerate(texts):
        month = number * 24 // count
        when = at(2023 + month // 12, month % 12 + 1, rng.randint(1, 28))
        if rng.random() < 0.1:
            items.append(Item(text, when, "repost"))
        elif rng.random() < 0.1 + 0.02 * month:
            items.append(Item(rng.choice(REPLIES), when, "reply"))
        else:
            items.append(Item(text, when))
    return items


def main_screenshot() -> None:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        archive = x_archive(Path(folder), history())
        with contextlib.redirect_stdout(io.StringIO()):  # the text report: not wanted here
            made = main(["audit", str(archive), "--html", str(report)])
        if made != 0:
            raise SystemExit("rapport audit failed")
        with sync_playwright() as playwright:
            browser = plain_browser(playwright)
            page = browser.new_page(viewport={"width": 1000, "height": 1500}, color_scheme="light")
            page.goto(report.as_uri())
            page.screenshot(path=OUTPUT, full_page=False)
            browser.close()
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main_screenshot()
