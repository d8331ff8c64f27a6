"""The hint card's before/after preview, and its two rewrites ("Apply" on a hint, "Rewrite whole post")
through each editor's own input path: the editor's model takes the text, one undo step takes it back,
typing after it lands right after the rewrite; a card on a sentence with several problems never covers
its words in a laptop-sized window, wherever the words sit in it."""
import pytest
from drafts import ACTIONS, SPAMMY, assert_one_undo_step, first_fix, rewrite_button, rewritten
from harness import hints
from harness.site import COMPOSER, EDITORS

MODEL_IS = "text => window.fixtureModelText() === text"
# One hint that merges several rules (sharing for a prize, chain forwarding, bait, ...) on words long enough
# to run over three lines of every fixture's composer: the card on it is about 400 px tall.
SEVERAL_PROBLEMS = ("Thanks for a lovely week with all of you here and see you soon. Like and share this post with all "
                    "your friends and family for your chance to win a brand new bike!!!")
LAPTOP = {"width": 1366, "height": 650}
UNDO_MERGE_MS = 1100  # longer than any fixture editor's merging of quick edits into one undo step


def typed(page, site, editor: str, text: str) -> None:
    page.goto(site.page(f"{editor}.html"))
    page.locator(COMPOSER).first.click()
    page.keyboard.type(text)
    page.wait_for_function(MODEL_IS, arg=text)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("editor", EDITORS)
def test_a_rewrite_is_one_undo_step_and_typing_continues_after_it(page, ui, site, service, editor, action):
    typed(page, site, editor, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.wait_for_lines(ui, hints.span_texts(expected))
    hints.expect_badge(ui, str(len(expected)))
    finding, replacement = first_fix(expected)
    hints.click_underline(ui, finding["matched"])
    card = hints.expect_card(ui)
    assert finding["message"] in card["text"]
    assert f"{finding['matched']} → {replacement}" in card["text"]  # the preview: before and after
    assert "Rewrite whole post" in card["buttons"]
    page.wait_for_timeout(UNDO_MERGE_MS)  # so the typing before cannot share the rewrite's undo step
    hints.click(ui, *rewrite_button(action, replacement))
    after, caret = rewritten(action, finding, replacement, service.rewrite(SPAMMY))
    page.wait_for_function(MODEL_IS, arg=after)
    page.keyboard.type("!")  # must land right after the rewrite, not where the caret was before
    typed_after = after[:caret] + "!" + after[caret:]
    page.wait_for_function(MODEL_IS, arg=typed_after)
    hints.wait_for_lines(ui, hints.span_texts(service.lint(typed_after)))  # the hints follow the new text

    seen = []
    for _ in range(2):
        page.keyboard.press("Control+z")
        page.wait_for_timeout(150)
        seen.append(page.evaluate("() => window.fixtureModelText()"))
    assert_one_undo_step(seen, after, typed_after)


# Where the flagged words are, as the page lays them out: a range over the editor's own text nodes (a
# textarea has none: there the underline the extension draws over them stands for them).
WORD_RECTS = """([selector, words]) => {
  const root = document.querySelector(selector);
  if (!root.isContentEditable) return null;
  const nodes = [], walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = "";
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  const at = (offset) => { const [node, base] = nodes.findLast(([, base]) => base <= offset); return [node, offset - base]; };
  const range = document.createRange(), start = text.indexOf(words);
  range.setStart(...at(start));
  range.setEnd(...at(start + words.length));
  return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
}"""
# Where the words sit in the window (top of their first line), and where the card must go there: at
# mid-height it fits on neither side of them, so it takes the roomier one and scrolls inside itself.
PLACES = {0.2: "below", 0.8: "above", 0.5: "scrolls"}
# How far the card's content runs past its box, and whether a person can scroll it to the rest.
CARD_SCROLL = """(shadowOf) => { const card = [...document.querySelectorAll("rapport-card")].map((h) => shadowOf(h).querySelector(".card"))[0];
  return [card.scrollHeight - card.clientHeight, ["auto", "scroll"].includes(getComputedStyle(card).overflowY)]; }"""


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def word_boxes(page, ui, words: str) -> list[dict]:
    underlined = [box for box in hints.state(ui)["lineBoxes"] if box["words"] == words]
    return page.evaluate(WORD_RECTS, [COMPOSER, words]) or underlined


def placement(card: dict, words: list[dict], scroll: list) -> str:
    """How the card sits by its words: below or above them, or cut short and scrolling inside itself."""
    room, scrollable = scroll
    if room > 0:
        return "scrolls" if scrollable else "cut short"
    if card["top"] >= max(box["bottom"] for box in words):
        return "below"
    return "above" if card["bottom"] <= min(box["top"] for box in words) else "on the words"


@pytest.mark.parametrize("editor", EDITORS)
def test_a_card_on_a_sentence_with_several_problems_never_covers_its_words(page, ui, site, service, editor):
    page.set_viewport_size(LAPTOP)
    typed(page, site, editor, SEVERAL_PROBLEMS)
    (hint, *_) = found = service.lint(SEVERAL_PROBLEMS)
    assert len(hint["rules"]) >= 2  # several rules, one problem: one card
    hints.expect_badge(ui, str(len(found)))
    assert len({round(box["top"]) for box in word_boxes(page, ui, hint["matched"])}) >= 2  # the words wrap
    underline = lambda shown: min(box["top"] for box in shown["lineBoxes"] if box["words"] == hint["matched"])
    words_at = underline(hints.state(ui)) + LAPTOP["height"]  # in the page, once a window's height of room is above it
    page.evaluate(f"() => {{ document.body.style.padding = '{LAPTOP['height']}px 0'; }}")  # room to scroll either way
    for height, where in PLACES.items():
        top = height * LAPTOP["height"]
        page.evaluate("y => scrollTo(0, y)", words_at - top)
        hints.wait_for(ui, lambda shown: shown["lineBoxes"] and abs(underline(shown) - top) < 5)  # the words at `height`
        hints.click_underline(ui, hint["matched"])
        card = hints.expect_card(ui)
        assert card["findings"] == [hint["rule"]]
        words = word_boxes(page, ui, hint["matched"])
        box = card["box"]
        assert not [w for w in words if overlaps(box, w)], (where, box, words)
        assert box["top"] >= 0 and box["bottom"] <= LAPTOP["height"], (where, box)
        scroll = ui.evaluate(hints.in_chromium(CARD_SCROLL))
        assert placement(box, words, scroll) == where, (box, scroll, words)
        page.keyboard.press("Escape")
        hints.wait_for(ui, lambda shown: shown["card"] is None)
