"""Light and dark: the card, badge and underlines follow the page's own background (or, where the page
paints none, the reader's prefers-color-scheme), and every text reaches WCAG AA contrast (4.5:1) and
every underline 3:1 against what is behind it, in both themes."""
import re

import pytest
from drafts import SPAMMY
from harness import hints

COLOURS = """(shadowOf) => {
  const opaque = (colour) => !/^rgba\\(.*, 0\\)$|^transparent$/.test(colour);
  const behind = (el) => { for (let n = el; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor; if (opaque(c)) return c; } return null; };
  const roots = (name) => [...document.querySelectorAll(`rapport-${name}`)].map((h) => shadowOf(h));
  const card = roots("card").map((r) => r.querySelector(".card")).find((c) => !c.hidden);
  const texts = [...card.querySelectorAll("*")].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.data.trim()))
    .map((e) => ({ text: e.textContent.slice(0, 40), colour: getComputedStyle(e).color, background: behind(e) }));
  const overlay = roots("overlay")[0];
  const badge = overlay.querySelector(".badge");
  return {
    theme: card.closest(".root").dataset.theme,
    texts,
    badge: { colour: getComputedStyle(badge).color, background: behind(badge) },
    lines: [...overlay.querySelectorAll(".line")].map((l) => getComputedStyle(l).borderBottomColor),
  };
}"""
# What is behind the composer's text, from the page's side.
PAGE_BACKGROUND = """(selector) => {
  for (let n = document.querySelector(selector); n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor; if (!/^rgba\\(.*, 0\\)$/.test(c)) return c; }
  return matchMedia("(prefers-color-scheme: dark)").matches ? "rgb(18, 18, 18)" : "rgb(255, 255, 255)";
}"""


def rgb(colour: str) -> tuple[float, ...]:
    return tuple(float(v) for v in re.findall(r"[\d.]+", colour)[:3])


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(("fixture", "scheme", "theme"), [
    ("textarea.html", "light", "light"),
    ("dark.html", "light", "dark"),  # the page is dark whatever the reader prefers
    ("scheme.html", "dark", "dark"),  # the page paints nothing and allows a dark canvas
    ("scheme.html", "light", "light"),
])
def test_theme_and_contrast(page, ui, site, service, fixture, scheme, theme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site.page(fixture))
    page.click("#composer")
    page.keyboard.type(SPAMMY)
    hints.expect_badge(ui, str(len(service.lint(SPAMMY))))
    hints.click_badge(ui)
    hints.expect_card(ui)
    shown = ui.evaluate(hints.in_chromium(COLOURS))
    assert shown["theme"] == theme
    low = [(t["text"], round(contrast(t["colour"], t["background"]), 2)) for t in shown["texts"] if contrast(t["colour"], t["background"]) < 4.5]
    assert not low, low
    assert contrast(shown["badge"]["colour"], shown["badge"]["background"]) >= 4.5, shown["badge"]
    behind = page.evaluate(PAGE_BACKGROUND, "#composer")
    assert shown["lines"] and all(contrast(line, behind) >= 3 for line in shown["lines"]), (shown["lines"], behind)
