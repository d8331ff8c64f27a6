"""The hint card's before/after preview, and its two rewrites ("Apply" on a hint, "Rewrite whole post")
through each editor's own input path: the editor's model takes the text, one undo step takes it back,
typing after it lands right after the rewrite; a card on a sentence with several problems never covers
its words in a laptop-sized window, wherever the words sit in it."""
import pytest
from drafts import ACTIONS, SEVERAL_PROBLEMS, SPAMMY, assert_one_undo_step, first_fix, rewrite_button, rewritten
from harness import hints
from harness.geometry import CARD_SCROLL, LAPTOP, PLACES, ROOM_TO_SCROLL, WORD_RECTS, assert_card_by_words
from harness.site import COMPOSER, EDITORS, UNDO_MERGE_S

MODEL_IS = "text => window.fixtureModelText() === text"


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
    page.wait_for_timeout(UNDO_MERGE_S * 1000)  # so the typing before cannot share the rewrite's undo step
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


def word_boxes(page, ui, words: str) -> list[dict]:
    """Where the page has `words`, or for a textarea, where the extension underlines them."""
    page_rects = page.evaluate(f"([selector, words]) => ({WORD_RECTS})(selector, words)", [COMPOSER, words])
    return page_rects or [box for box in hints.state(ui)["lineBoxes"] if box["words"] == words]


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
    page.evaluate(ROOM_TO_SCROLL)
    for height, where in PLACES.items():
        top = height * LAPTOP["height"]
        page.evaluate("y => scrollTo(0, y)", words_at - top)
        hints.wait_for(ui, lambda shown: shown["lineBoxes"] and abs(underline(shown) - top) < 5)  # the words at `height`
        hints.click_underline(ui, hint["matched"])
        card = hints.expect_card(ui)
        assert card["findings"] == [hint["rule"]]
        words = word_boxes(page, ui, hint["matched"])
        assert_card_by_words(where, card["box"], words, ui.evaluate(hints.in_chromium(CARD_SCROLL)))
        page.keyboard.press("Escape")
        hints.wait_for(ui, lambda shown: shown["card"] is None)
