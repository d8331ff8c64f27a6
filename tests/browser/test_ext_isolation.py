"""Pages cannot reach the extension: they see no findings and cannot press its buttons, their forged
events do nothing, and the background refuses any message of the wrong shape, size or sender, and
more drafts from one tab than a person could type."""
import pytest
from drafts import SPAMMY
from harness import hints
from harness.content_world import ContentWorld

PAGE_VIEW = """() => ({
  hosts: [...document.querySelectorAll("*")].filter((e) => e.localName.startsWith("rapport-")).map((e) => e.shadowRoot),
  html: document.documentElement.outerHTML,
  highlights: CSS.highlights.size,
})"""
SEND = "(message) => chrome.runtime.sendMessage(message)"


def test_the_page_sees_no_findings_and_cannot_press_our_buttons(page, ui, site, service, chromium):
    page.goto(site.page("textarea.html"))
    page.click("#composer")
    page.keyboard.type(SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))

    # What a page can forge: clicks on our hosts, a click where an underline is, our shortcut.
    page.evaluate("""(point) => {
      for (const host of document.querySelectorAll("rapport-overlay, rapport-card, rapport-notice")) host.click();
      const composer = document.getElementById("composer");
      composer.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: point.x, clientY: point.y }));
      composer.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: "H", code: "KeyH", altKey: true, shiftKey: true }));
    }""", hints.centre(ui, ".line"))
    page.wait_for_timeout(300)
    assert hints.state(ui)["card"] is None

    hints.click_badge(ui)
    hints.expect_card(ui)  # with every message and "Off everywhere" button in it
    view = page.evaluate(PAGE_VIEW)
    assert view["hosts"] and all(root is None for root in view["hosts"])  # closed roots
    assert view["highlights"] == 0
    assert not [f for f in expected if f["message"] in view["html"] or f["rule"] in view["html"]]
    page.evaluate("""() => document.getElementById("composer").dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: "Escape" }))""")
    page.wait_for_timeout(300)
    assert hints.state(ui)["card"] is not None  # a forged Escape does not close it either
    assert chromium.storage().get("disabledRules", []) == [] and chromium.storage().get("pausedSites", []) == []


def test_page_script_edits_and_events_do_not_make_it_lint(page, ui, site, chromium, stub):
    chromium.reset(stub.url)
    page.goto(site.page("textarea.html"))
    page.evaluate("""() => {
      const composer = document.getElementById("composer");
      composer.value = "text of the page's choosing";
      composer.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
      composer.focus();  // focus events are trusted even when a script calls focus()
    }""")
    page.wait_for_timeout(1000)
    assert stub.requests == []
    page.keyboard.type("!")  # a person types: now the draft is checked
    hints.expect_badge(ui, "✓")
    assert [r["json"]["text"] for r in stub.requests] == ["text of the page's choosing!"]


BAD_MESSAGES = [
    {"type": "lint", "text": "x" * (64 * 1024 + 1), "edited": True},  # over the service's limit
    {"type": "lint", "text": "é" * (33 * 1024), "edited": True},  # under it in characters, over it in UTF-8
    {"type": "lint", "text": "hi", "edited": True, "platform": "x"},  # the platform is the background's to decide
    {"type": "lint", "text": 42, "edited": True},
    {"type": "pause", "host": "victim.example"},  # the site is the sender's, never named by the message
    {"type": "disable-rule", "rule": "<img src=x>", "scope": "site"},
    {"type": "disable-rule", "rule": "reward-for-sharing", "scope": "galaxy"},
    {"type": "count", "count": -1},
    {"type": "health"},  # extension pages only
    {"type": "open-the-pod-bay-doors"},
]


@pytest.mark.parametrize("message", BAD_MESSAGES, ids=lambda m: m["type"])
def test_the_background_refuses_malformed_and_foreign_messages(page, ui, site, chromium, stub, message):
    chromium.reset(stub.url)
    page.goto(site.page("textarea.html"))
    reply = ui.evaluate(SEND, message)
    assert reply["ok"] is False and reply["error"]["code"] == "bad_message", reply
    assert stub.requests == [] and chromium.storage().get("pausedSites", []) == []


def test_drafts_only_come_from_content_scripts(chromium, stub):
    chromium.reset(stub.url)
    reply = chromium.control.evaluate(SEND, {"type": "lint", "text": "hi", "edited": True})
    assert reply["error"]["code"] == "bad_message" and stub.requests == []


def test_lint_requests_are_rate_limited_per_tab(page, ui, site, chromium, stub):
    chromium.reset(stub.url)
    page.goto(site.page("textarea.html"))
    replies = ui.evaluate("(n) => Promise.all([...Array(n).keys()].map((i) => chrome.runtime.sendMessage({ type: 'lint', text: `draft ${i}`, edited: false })))", 60)
    limited = [r for r in replies if not r["ok"] and r["error"]["code"] == "rate_limited"]
    assert len(limited) >= 30 and len(stub.requests) <= 25, (len(limited), len(stub.requests))

    other = page.context.new_page()  # another tab has its own allowance
    try:
        other.goto(site.page("textarea.html"))
        assert ContentWorld(other).evaluate(SEND, {"type": "lint", "text": "hello", "edited": False})["ok"] is True
    finally:
        other.close()
