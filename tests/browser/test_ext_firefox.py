"""firefox-esr: the same extension tree installs and hints every supported editor (textarea,
contenteditable, Draft.js, Lexical, Quill, ProseMirror); a fix from the card and the whole-post rewrite
each reach the editor's model as one undo step, and typing after them lands in place; a card on a
sentence with several problems never covers its words in a laptop-sized window; underlines stay while
typing, Escape stays ours, pages cannot reach the UI, the pre-publish check holds a post, and managed
storage applies. Our UI is read from its closed shadow roots through WebDriver BiDi, which serialises
them for the test and for nothing else."""
import json
import time
from pathlib import Path

import pytest
from drafts import ACTIONS, SEVERAL_PROBLEMS, SPAMMY, assert_one_undo_step, first_fix, rewrite_button, rewritten
from harness.firefox import BiDiFirefox
from harness.geometry import CARD_SCROLL, LAPTOP, PLACES, ROOM_TO_SCROLL, WORD_RECTS, assert_card_by_words
from harness.hints import STATE_SCRIPT, span_texts
from harness.service import StubService
from harness.site import COMPOSER, EDITORS, UNDO_MERGE_S

CENTRE_OF = """(selector) => {
  const rect = document.querySelector(selector).getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}"""
HINTS_SHOWN = f"(shadowOf) => {{ const shown = ({STATE_SCRIPT})(shadowOf); return shown.badges.length ? shown : null; }}"
STATE = f"(shadowOf) => ({STATE_SCRIPT})(shadowOf)"
MODEL_IS = "(text) => window.fixtureModelText() === text"
# The shown state once the underline of `words` has its top line at `top` (else null).
UNDERLINE_AT = f"""(shadowOf, words, top) => {{ const shown = ({STATE_SCRIPT})(shadowOf);
  const tops = shown.lineBoxes.filter((box) => box.words === words).map((box) => box.top);
  return tops.length && Math.abs(Math.min(...tops) - top) < 5 ? shown : null; }}"""
ESCAPE, CONTROL, ENTER = "\ue00c", "\ue009", "\ue007"
MANAGED = Path(__file__).resolve().parents[2] / "docs" / "managed"


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
    firefox.click(tab, CENTRE_OF, COMPOSER)
    firefox.type_text(tab, text)
    shown = firefox.ui_wait_for(tab, HINTS_SHOWN)
    assert shown, "no hint in Firefox"
    return shown


@pytest.mark.parametrize("editor", EDITORS)
def test_firefox_hints(firefox, tab, site, service, editor):
    shown = type_into_composer(firefox, tab, site.page(f"{editor}.html"), SPAMMY)
    expected = service.lint(SPAMMY)
    assert (shown["lines"], shown["badges"]) == (span_texts(expected), [str(len(expected))])


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("editor", EDITORS)
def test_firefox_rewrite_is_one_undo_step_and_typing_continues_after_it(firefox, tab, site, service, editor, action):
    type_into_composer(firefox, tab, site.page(f"{editor}.html"), SPAMMY)
    finding, replacement = first_fix(service.lint(SPAMMY))
    firefox.click_ui(tab, ".line", finding["matched"])
    time.sleep(UNDO_MERGE_S)  # so the typing before cannot share the rewrite's undo step
    firefox.click_ui(tab, *rewrite_button(action, replacement))
    after, caret = rewritten(action, finding, replacement, service.rewrite(SPAMMY))
    assert firefox.wait_for(tab, MODEL_IS, after)
    firefox.type_text(tab, "!")  # must land right after the rewrite, not where the caret was before
    typed_after = after[:caret] + "!" + after[caret:]
    assert firefox.wait_for(tab, MODEL_IS, typed_after)
    seen = []
    for _ in range(2):
        firefox.press(tab, CONTROL, "z")
        time.sleep(0.15)
        seen.append(firefox.evaluate(tab, "window.fixtureModelText()"))
    assert_one_undo_step(seen, after, typed_after)


def word_boxes(firefox: BiDiFirefox, tab: str, words: str) -> list[dict]:
    """Where the page has `words`, or for a textarea, where the extension underlines them."""
    page_rects = firefox.apply(tab, WORD_RECTS, (COMPOSER, words))
    return page_rects or [box for box in firefox.ui_apply(tab, STATE)["lineBoxes"] if box["words"] == words]


@pytest.mark.parametrize("editor", EDITORS)
def test_firefox_card_on_a_sentence_with_several_problems_never_covers_its_words(firefox, tab, site, service, editor):
    firefox.call("browsingContext.setViewport", context=tab, viewport=LAPTOP)
    type_into_composer(firefox, tab, site.page(f"{editor}.html"), SEVERAL_PROBLEMS)
    (hint, *_) = service.lint(SEVERAL_PROBLEMS)
    assert len(hint["rules"]) >= 2  # several rules, one problem: one card
    words = hint["matched"]
    assert len({round(box["top"]) for box in word_boxes(firefox, tab, words)}) >= 2  # the words wrap
    first_line = min(box["top"] for box in firefox.ui_apply(tab, STATE)["lineBoxes"] if box["words"] == words)
    firefox.evaluate(tab, f"({ROOM_TO_SCROLL})()")
    for height, where in PLACES.items():
        top = height * LAPTOP["height"]
        firefox.evaluate(tab, f"scrollTo(0, {first_line + LAPTOP['height'] - top})")
        assert firefox.ui_wait_for(tab, UNDERLINE_AT, words, top), f"no underline at {top}"
        firefox.click_ui(tab, ".line", words)
        card = firefox.ui_wait_for(tab, "(shadowOf) => (" + STATE_SCRIPT + ")(shadowOf).card")
        assert card["findings"] == [hint["rule"]]
        assert_card_by_words(where, card["box"], word_boxes(firefox, tab, words), firefox.ui_apply(tab, CARD_SCROLL))
        firefox.press(tab, ESCAPE)
        assert firefox.ui_wait_for(tab, "(shadowOf) => (" + STATE_SCRIPT + ")(shadowOf).card === null")


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
