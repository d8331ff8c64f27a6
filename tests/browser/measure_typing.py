"""Measures, in real Chromium against the real service, what a person sees while typing in each editor:
the share of animation frames in which no underline shows although the draft has flagged words (it should
be 0), and the time from the last key to the hint for words typed last.

Run from the repo root: python tests/browser/measure_typing.py [--extension DIR]
(--extension another checkout's extension/ folder measures that version; the sampler reads both the old
open-shadow-root UI and the current closed one).
"""
import argparse
import random
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[2]))
from drafts import SPAMMY  # noqa: E402
from harness.chromium import EXTENSION, ExtensionBrowser  # noqa: E402
from harness.content_world import ContentWorld  # noqa: E402
from harness.service import RapportService  # noqa: E402
from harness.site import COMPOSER, EDITORS, FixtureSite, ensure_bundles  # noqa: E402

# Typed after SPAMMY, word by word as a person would; the last words are flagged themselves.
MORE = " and see you all there on Saturday at the pier, comments are off"
LAST_WORDS = "comments are off"

# Runs in the extension's world: every frame, which words are underlined; and when the last key went down.
SAMPLER = """() => {
  const visible = (el) => !el.closest("[hidden]") && getComputedStyle(el).visibility !== "hidden" && el.getClientRects().length > 0;
  const underlined = () => {
    const old = document.querySelector("rapport-ui")?.shadowRoot;  // the UI before the closed shadow roots
    if (old) return [...old.querySelectorAll(".mirror:not([hidden]) mark")].map((m) => m.textContent)
      .concat([...CSS.highlights].flatMap(([name, h]) => (name.startsWith("rapport-") ? [...h].map((r) => r.toString()) : [])));
    return [...document.querySelectorAll("rapport-overlay")].flatMap((host) =>
      [...chrome.dom.openOrClosedShadowRoot(host).querySelectorAll(".line")].filter(visible).map((line) => line.dataset.words));
  };
  const record = { frames: [], lastKey: 0 };
  addEventListener("keydown", (event) => { if (event.isTrusted) record.lastKey = performance.now(); }, true);
  const tick = (now) => { record.frames.push([now, underlined().join(" | ")]); if (!record.stop) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  globalThis.__typingRecord = record;
}"""
RESULT = """() => { const r = globalThis.__typingRecord; r.stop = true; return { frames: r.frames, lastKey: r.lastKey }; }"""


def measure(page, ui, site, editor: str, rng: random.Random) -> tuple[float, float]:
    page.goto(site.page(f"{editor}.html"))
    page.locator(COMPOSER).first.click()
    page.keyboard.type(SPAMMY)
    ui.wait_for("() => Boolean(document.querySelector('rapport-ui, rapport-overlay'))")
    page.wait_for_timeout(1500)  # the draft's hints are shown
    ui.evaluate(SAMPLER)
    started = ui.evaluate("() => performance.now()")
    for index, word in enumerate(MORE.split(" ")[1:]):
        for char in " " + word:
            page.keyboard.type(char)
            page.wait_for_timeout(rng.uniform(60, 200))  # about 60-70 words a minute, unevenly
        if index % 3 == 2:
            page.wait_for_timeout(rng.uniform(350, 900))  # a thinking pause: the service answers meanwhile
    page.wait_for_timeout(1500)
    record = ui.evaluate(RESULT)
    typing = [(t, words) for t, words in record["frames"] if started <= t <= record["lastKey"]]
    missing = sum(1 for _, words in typing if not words) / len(typing)
    hinted = next(t for t, words in record["frames"] if t > record["lastKey"] and LAST_WORDS in words.lower())
    return missing, hinted - record["lastKey"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extension", type=Path, default=EXTENSION)
    extension = parser.parse_args().extension.resolve()
    ensure_bundles()
    site, service = FixtureSite(), RapportService()
    rng = random.Random(16)
    try:
        with sync_playwright() as playwright:
            browser = ExtensionBrowser(playwright, extension=extension)
            browser.reset(service.url)
            print(f"{extension}\n{'editor':<16}{'no underline while typing':>28}{'last key -> hint':>20}")
            latencies = []
            for editor in EDITORS:
                page = browser.context.new_page()
                ui = ContentWorld(page)
                missing, latency = measure(page, ui, site, editor, rng)
                latencies.append(latency)
                print(f"{editor:<16}{missing:>27.0%}{latency:>17.0f} ms")
                page.close()
            print(f"typing-to-hint median {statistics.median(latencies):.0f} ms, range {min(latencies):.0f}-{max(latencies):.0f} ms")
            browser.close()
    finally:
        service.close()
        site.close()


if __name__ == "__main__":
    main()
