"""What the extension shows in a page (or frame): underlines, badges and the card, read from the DOM."""
from playwright.sync_api import Frame, Page, expect

STATE_SCRIPT = """() => {  // also evaluated in Firefox over BiDi
  const root = document.querySelector("rapport-ui")?.shadowRoot;
  const unique = (texts) => [...new Set(texts)].sort();
  const visible = (el) => el && !el.hidden && el.getClientRects().length > 0;
  return {
    highlights: unique([...CSS.highlights].flatMap(([name, highlight]) =>
      name.startsWith("rapport-") ? [...highlight].map((range) => range.toString()) : [])),
    marks: unique(root ? [...root.querySelectorAll(".mirror:not([hidden]) mark")].map((m) => m.textContent) : []),
    badges: root ? [...root.querySelectorAll(".badge")].filter(visible).map((b) => b.textContent) : [],
  };
}"""

UNDERLINE_CENTRE_SCRIPT = """(text) => {
  const root = document.querySelector("rapport-ui").shadowRoot;
  const mark = [...root.querySelectorAll(".mirror mark")].find((m) => m.textContent === text);
  const range = mark ? null : [...CSS.highlights].flatMap(([, h]) => [...h]).find((r) => r.toString() === text);
  const rect = (mark ?? range).getClientRects()[0];
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}"""


def state(target: Page | Frame) -> dict:
    return target.evaluate(STATE_SCRIPT)


def span_texts(findings: list[dict]) -> list[str]:
    """The distinct texts the findings underline (several rules often flag the same words)."""
    return sorted({f["matched"] for f in findings if f["scope"] == "span" and f["length"] > 0})


def wait_for_underlines(target: Page | Frame, expected: list[str], kind: str, timeout: float = 10_000) -> None:
    """Waits until the underlined texts (`kind` "highlights" or "marks") are exactly `expected`."""
    target.wait_for_function(
        f"([expected, kind]) => JSON.stringify(({STATE_SCRIPT})()[kind]) === JSON.stringify(expected)",
        arg=[sorted(expected), kind],
        timeout=timeout,
    )


def badge(target: Page | Frame):
    return target.locator("rapport-ui .badge:visible")


def card(target: Page | Frame):
    return target.locator("rapport-ui .card")


def click_underline(page: Page, text: str) -> None:
    """Clicks the middle of an underlined text, as a user would to open its card."""
    point = page.evaluate(UNDERLINE_CENTRE_SCRIPT, text)
    page.mouse.click(point["x"], point["y"])


def expect_badge(target: Page | Frame, text: str) -> None:
    expect(badge(target)).to_have_text(text, timeout=10_000)
