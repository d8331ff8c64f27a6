"""The hint card's before/after preview, and "Rewrite whole post" through each editor's own input
path: one undo step, typing after it lands at the end; a card on a sentence with several problems
never covers its words in a laptop-sized window."""
import pytest
from drafts import SPAMMY
from harness import hints

# (fixture page, where to click to type, how the page reads its editor's text)
EDITORS = {
    "textarea": ("textarea.html", "#composer", "() => document.querySelector('#composer').value"),
    **{name: (f"{name}.html", '[contenteditable="true"]', "() => window.fixtureModelText()")
       for name in ["contenteditable", "draft", "lexical", "quill", "prosemirror"]},
}
TWO_PROBLEMS = "RT and follow to WIN a £50 voucher!!! See you at the shop"


def typed(page, site, editor: str, text: str) -> str:
    fixture, target, read = EDITORS[editor]
    page.goto(site.page(fixture))
    page.locator(target).first.click()
    page.keyboard.type(text)
    page.wait_for_function(f"text => ({read})() === text", arg=text)
    return read


@pytest.mark.parametrize("editor", EDITORS)
def test_rewrite_whole_post_is_one_undo_step_and_typing_continues_after_it(page, ui, site, service, editor):
    read = typed(page, site, editor, SPAMMY)
    expected, after = service.lint(SPAMMY), service.rewrite(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    first = expected[0]
    hints.click_underline(ui, first["matched"])
    card = hints.expect_card(ui)
    fix = first["suggestions"][0]["replacement"]
    assert f"{first['matched']} → {fix}" in card["text"]  # the preview: before and after
    assert "Rewrite whole post" in card["buttons"]
    page.wait_for_timeout(1100)  # past the editors' own merging of quick edits into one undo step
    hints.click(ui, ".card .rewrite-post")
    page.wait_for_function(f"text => ({read})() === text", arg=after)
    page.keyboard.type("!")
    page.wait_for_function(f"text => ({read})() === text", arg=after + "!")

    seen = []
    for _ in range(2):
        page.keyboard.press("Control+z")
        page.wait_for_timeout(150)
        seen.append(page.evaluate(read))
    assert SPAMMY in seen, seen
    assert all(text in (after, SPAMMY) for text in seen[:seen.index(SPAMMY)]), seen  # no half-undone rewrite


@pytest.mark.parametrize("editor", ["textarea", "lexical"])
def test_a_card_on_a_sentence_with_several_problems_leaves_its_words_visible(page, ui, site, service, editor):
    page.set_viewport_size({"width": 1366, "height": 650})
    typed(page, site, editor, TWO_PROBLEMS)
    (hint, *_) = service.lint(TWO_PROBLEMS)
    assert len(hint["rules"]) >= 2  # reward-for-sharing, shouting, ...: one card
    hints.expect_badge(ui, str(len(service.lint(TWO_PROBLEMS))))
    hints.click_underline(ui, hint["matched"])
    card = hints.expect_card(ui)
    assert card["findings"] == [hint["rule"]]
    words = [box for box in hints.state(ui)["lineBoxes"] if box["words"] == hint["matched"]]
    assert words
    overlapping = [box for box in words if card["box"]["left"] < box["right"] and box["left"] < card["box"]["right"]
                   and card["box"]["top"] < box["bottom"] and box["top"] < card["box"]["bottom"]]
    assert not overlapping, (card["box"], words)
