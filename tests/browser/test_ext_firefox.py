"""firefox-esr: the same extension tree installs and hints a textarea, a contenteditable and a Lexical
editor, a fix from the card reaches the field, and typing after it lands in place; the whole-post
rewrite is one undo step; underlines stay while
typing, Escape stays ours, pages cannot reach the UI, the pre-publish check holds a post, and managed
storage applies. Our UI is read from its closed shadow roots through WebDriver BiDi, which serialises
them for the test and for nothing else."""
import json
import time
from pathlib import Path

import pytest
from drafts import SPAMMY, first_fix
from harness.firefox import BiDiFirefox
from harness.hints import STATE_SCRIPT, span_texts
from harness.service import StubService

CENTRE_OF = """(selector) => {
  const rect = document.querySelector(selector).getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}"""
HINTS_SHOWN = f"(shadowOf) => {{ const shown = ({STATE_SCRIPT})(shadowOf); return shown.badges.length ? shown : null; }}"
STATE = f"(shadowOf) => ({STATE_SCRIPT})(shadowOf)"
MODEL_IS = "(text) => window.fixtureModelText() === text"
ESCAPE, CONTROL, ENTER = "\ue00c", "\ue009", "\ue007"
MANAGED = Path(__file__).resolve().parents[2] / "docs" / "managed"
PAGES = ["textarea.html", "contenteditable.html", "lexical.html"]


@pytest.fixture(scope="module")
def firefox(service):
    with BiDiFirefox() as browser:
        browser.install_extension(service.url)
        yield browser


@pytest.fixture
def tab(firefox):
    context = firefox.call("browsingContext.create", type="tab")["context"]
    yield context
    firefox.call("browsingContext.close", context=context)


def type_into_composer(firefox: BiDiFirefox, tab: str, page_url: str, text: str) -> dict:
    """Opens the page, clicks its composer, types; returns the hints once the badge shows."""
    firefox.call("browsingContext.navigate", context=tab, url=page_url, wait="complete")
    firefox.click(tab, CENTRE_OF, "#composer, #editor[contenteditable]")
    firefox.type_text(tab, text)
    shown = firefox.ui_wait_for(tab, HINTS_SHOWN)
    assert shown, "no hint in Firefox"
    return shown


@pytest.mark.parametrize("page", PAGES)
def test_firefox_hints(firefox, tab, site, service, page):
    shown = type_into_composer(firefox, tab, site.page(page), SPAMMY)
    expected = service.lint(SPAMMY)
    assert (shown["lines"], shown["badges"]) == (span_texts(expected), [str(len(expected))])


@pytest.mark.parametrize("page", PAGES)
def test_firefox_fix_reaches_the_field(firefox, tab, site, service, page):
    type_into_composer(firefox, tab, site.page(page), SPAMMY)
    finding, replacement = first_fix(service.lint(SPAMMY))
    firefox.click_ui(tab, ".line", finding["matched"])
    firefox.click_ui(tab, ".card .suggestion", replacement)

    start, end = finding["offset"], finding["offset"] + finding["length"]
    assert firefox.wait_for(tab, MODEL_IS, SPAMMY[:start] + replacement + SPAMMY[end:])
    firefox.type_text(tab, "!")  # the caret sits right after the replacement
    assert firefox.wait_for(tab, MODEL_IS, SPAMMY[:start] + replacement + "!" + SPAMMY[end:])


@pytest.mark.parametrize("page", PAGES)
def test_firefox_rewrite_whole_post_is_one_undo_step(firefox, tab, site, service, page):
    type_into_composer(firefox, tab, site.page(page), SPAMMY)
    first, after = service.lint(SPAMMY)[0], service.rewrite(SPAMMY)
    firefox.click_ui(tab, ".line", first["matched"])
    time.sleep(1.1)  # past the editors' own merging of quick edits into one undo step
    firefox.click_ui(tab, ".card .rewrite-post")
    assert firefox.wait_for(tab, MODEL_IS, after)
    firefox.type_text(tab, "!")  # the caret sits at the end of the rewrite
    assert firefox.wait_for(tab, MODEL_IS, after + "!")
    seen = []
    for _ in range(2):
        firefox.press(tab, CONTROL, "z")
        time.sleep(0.15)
        seen.append(firefox.evaluate(tab, "window.fixtureModelText()"))
    assert SPAMMY in seen, seen
    assert all(text in (after, SPAMMY) for text in seen[:seen.index(SPAMMY)]), seen  # no half-undone rewrite


def test_firefox_underlines_stay_while_typing(firefox, tab, site, service):
    type_into_composer(firefox, tab, site.page("contenteditable.html"), SPAMMY)
    words = span_texts(service.lint(SPAMMY))
    assert firefox.ui_wait_for(tab, f"(shadowOf, words) => words.every((w) => ({STATE_SCRIPT})(shadowOf).lines.includes(w))", words)
    for char in " see you":
        firefox.type_text(tab, char)
        shown = firefox.ui_apply(tab, STATE)
        assert set(words) <= set(shown["lines"]), f"after {char!r}: {shown['lines']}"


def test_firefox_escape_closes_the_card_not_the_sites_dialog(firefox, tab, site, service):
    type_into_composer(firefox, tab, site.page("post-dialog.html"), SPAMMY)
    firefox.click_ui(tab, ".line", first_fix(service.lint(SPAMMY))[0]["matched"])
    assert firefox.ui_wait_for(tab, "(shadowOf) => (" + STATE_SCRIPT + ")(shadowOf).card")
    firefox.press(tab, ESCAPE)
    assert firefox.ui_wait_for(tab, "(shadowOf) => (" + STATE_SCRIPT + ")(shadowOf).card === null")
    assert firefox.evaluate(tab, "window.dialogClosed") is False


def test_firefox_pages_cannot_reach_the_ui(firefox, tab, site, service):
    type_into_composer(firefox, tab, site.page("textarea.html"), SPAMMY)
    hosts = json.loads(firefox.evaluate(tab, """JSON.stringify([...document.querySelectorAll("*")]
      .filter((e) => e.localName.startsWith("rapport-")).map((e) => e.shadowRoot))"""))
    assert hosts and all(root is None for root in hosts)
    firefox.evaluate(tab, "document.querySelectorAll('rapport-overlay').forEach((host) => host.click())")
    assert firefox.ui_apply(tab, STATE)["card"] is None
    html = firefox.evaluate(tab, "document.documentElement.outerHTML")
    assert not [f for f in service.lint(SPAMMY) if f["message"] in html]


def test_firefox_pre_publish_check_holds_the_post(firefox, tab, site, service):
    type_into_composer(firefox, tab, site.page("post-dialog.html"), SPAMMY)
    firefox.press(tab, CONTROL, ENTER)
    confirm = firefox.ui_wait_for(tab, "(shadowOf) => (" + STATE_SCRIPT + ")(shadowOf).confirm")
    assert confirm["buttons"] == ["Review", "Post anyway"]
    assert firefox.evaluate(tab, "window.posts.length") == 0
    firefox.click_ui(tab, ".confirm button", "Post anyway")
    assert firefox.wait_for(tab, "() => window.posts.length === 1")


def test_firefox_managed_storage_sets_and_locks_the_service(site):
    stub = StubService()
    managed = json.loads((MANAGED / "firefox-managed-storage.json").read_text(encoding="utf-8"))
    managed["data"]["serviceUrl"] = stub.url  # the documented example, pointed at the test's service
    try:
        with BiDiFirefox(managed=managed) as browser:
            browser.install_extension("http://127.0.0.1:9")  # the extension's own default: nothing there
            context = browser.call("browsingContext.create", type="tab")["context"]
            browser.call("browsingContext.navigate", context=context, url=site.page("textarea.html"), wait="complete")
            browser.click(context, CENTRE_OF, "#composer")
            browser.type_text(context, "Hello there")
            assert browser.ui_wait_for(context, "(shadowOf) => (" + STATE_SCRIPT + ")(shadowOf).badges[0] === '✓'")
            assert stub.requests[-1]["headers"]["X-Rapport-Token"] == managed["data"]["token"]
    finally:
        stub.close()
