"""What the extension shows in a page or frame, read from its closed shadow roots, and real clicks on it.
`ui` is a ContentWorld (Chromium). The scripts take `shadowOf(host)` first: chrome.dom in Chromium's
content-script world; in Firefox, closed roots handed over by WebDriver BiDi (harness.firefox)."""
import time

from playwright.sync_api import Page

from .content_world import ContentWorld

COMMON = """
  const roots = (name) => [...document.querySelectorAll(`rapport-${name}`)].map((host) => shadowOf(host)).filter(Boolean);
  const shown = (el) => Boolean(el) && !el.closest("[hidden]") && getComputedStyle(el).visibility !== "hidden"
    && el.getClientRects().length > 0;
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const panel = (name, selector) => roots(name).map((root) => root.querySelector(selector)).find(shown) ?? null;
  const focusedIn = (el) => el?.getRootNode().activeElement ?? null;
"""

STATE_SCRIPT = f"""(shadowOf) => {{ {COMMON}
  const overlays = roots("overlay");
  // What shows of a line: its box cut by the layer that clips it to the composer.
  const clipped = (line) => {{
    const a = box(line), c = box(line.parentElement);
    return {{ left: Math.max(a.left, c.left), top: Math.max(a.top, c.top), right: Math.min(a.right, c.right), bottom: Math.min(a.bottom, c.bottom) }};
  }};
  const lines = overlays.flatMap((root) => [...root.querySelectorAll(".line")]).filter(shown)
    .filter((line) => {{ const r = clipped(line); return r.right > r.left && r.bottom > r.top; }});
  const badges = overlays.flatMap((root) => [...root.querySelectorAll(".badge")]).filter(shown);
  const describe = (el) => el && {{
    text: el.textContent, role: el.getAttribute("role"), box: box(el),
    label: el.getAttribute("aria-label") ?? el.querySelector(".title")?.textContent ?? null,
    findings: [...el.querySelectorAll(".finding")].map((f) => f.dataset.rule),
    buttons: [...el.querySelectorAll("button")].map((b) => b.textContent),
    focused: focusedIn(el)?.textContent ?? null,
  }};
  return {{
    lines: [...new Set(lines.map((line) => line.dataset.words))].sort(),
    lineBoxes: lines.map((line) => ({{ words: line.dataset.words, severity: line.dataset.severity, ...clipped(line) }})),
    badges: badges.map((badge) => badge.textContent),
    badgeBoxes: badges.map(box),
    live: overlays.map((root) => root.querySelector(".live")?.textContent ?? ""),
    card: describe(panel("card", ".card")),
    toast: describe(panel("notice", ".toast")),
    confirm: describe(panel("notice", ".confirm")),
  }};
}}"""

# The centre of the first element of ours matching `selector` whose text (or data-words) contains `text`.
CENTRE_SCRIPT = f"""(shadowOf, selector, text) => {{ {COMMON}
  const all = ["overlay", "card", "notice"].flatMap((name) => roots(name)).flatMap((root) => [...root.querySelectorAll(selector)]);
  const words = (e) => e.dataset.words ?? e.textContent;
  const candidates = all.filter(shown);  // the element with exactly these words, else one containing them
  const el = candidates.find((e) => !text || words(e) === text) ?? candidates.find((e) => words(e).includes(text));
  if (!el) return null;
  el.scrollIntoView({{ block: "nearest" }}); // as a person scrolls a long card to reach its last button
  const r = el.getBoundingClientRect();
  return {{ x: r.left + r.width / 2, y: r.top + r.height / 2 }};
}}"""


def in_chromium(script: str) -> str:
    """`script` with chrome.dom's reach into closed roots as its `shadowOf`."""
    return f"(...args) => ({script})((host) => chrome.dom.openOrClosedShadowRoot(host), ...args)"


def state(ui: ContentWorld, frame: str | None = None) -> dict:
    return ui.evaluate(in_chromium(STATE_SCRIPT), frame=frame)


def span_texts(findings: list[dict]) -> list[str]:
    """The distinct texts the findings underline (several rules often flag the same words)."""
    return sorted({f["matched"] for f in findings if f["scope"] == "span" and f["length"] > 0})


def wait_for(ui: ContentWorld, check, frame: str | None = None, timeout: float = 10) -> dict:
    """Polls the shown state until `check(state)` holds; returns that state, or fails showing the last one."""
    deadline = time.monotonic() + timeout
    while True:
        shown = state(ui, frame)
        if check(shown):
            return shown
        if time.monotonic() > deadline:
            raise AssertionError(f"not shown within {timeout} s; last state: {shown}")
        ui.page.wait_for_timeout(50)


def wait_for_lines(ui: ContentWorld, expected: list[str], frame: str | None = None, timeout: float = 10) -> dict:
    return wait_for(ui, lambda shown: shown["lines"] == sorted(expected), frame, timeout)


def expect_badge(ui: ContentWorld, text: str, frame: str | None = None, timeout: float = 10) -> dict:
    return wait_for(ui, lambda shown: shown["badges"] == [text], frame, timeout)


def expect_card(ui: ContentWorld, frame: str | None = None) -> dict:
    return wait_for(ui, lambda shown: shown["card"] is not None, frame)["card"]


def centre(ui: ContentWorld, selector: str, text: str = "", frame: str | None = None) -> dict:
    return ui.wait_for(in_chromium(CENTRE_SCRIPT), selector, text, frame=frame)


FRAME_ORIGIN = "(f) => { const r = f.getBoundingClientRect(); return { x: r.left + f.clientLeft, y: r.top + f.clientTop }; }"


def click(ui: ContentWorld, selector: str, text: str = "", frame: str | None = None) -> None:
    """A real click on our element (closed shadow root), as a person would make it."""
    point = centre(ui, selector, text, frame)
    origin = ui.page.frame(url=frame).frame_element().evaluate(FRAME_ORIGIN) if frame else {"x": 0, "y": 0}
    ui.page.mouse.click(origin["x"] + point["x"], origin["y"] + point["y"])


def click_underline(ui: ContentWorld, words: str) -> None:
    click(ui, ".line", words)


def click_badge(ui: ContentWorld) -> None:
    click(ui, ".badge")


def click_suggestion(ui: ContentWorld, replacement: str) -> None:
    click(ui, ".card .suggestion", replacement)


def type_into(page: Page, selector: str, text: str) -> None:
    page.locator(selector).first.click()
    page.keyboard.type(text)
