"""Real editors from npm (and a plain contenteditable): hints as highlights, a fix that reaches the
editor's own model, typing after it, and undo through the editor's history."""
import pytest
from drafts import SPAMMY, first_fix
from harness import hints

EDITORS = ["contenteditable", "draft", "lexical", "quill", "prosemirror"]


def model_text(page) -> str:
    return page.evaluate("() => window.fixtureModelText()")


@pytest.mark.parametrize("editor", EDITORS)
def test_fix_updates_editor_model(page, ui, site, service, editor):
    page.goto(site.page(f"{editor}.html"))
    page.locator('[contenteditable="true"]').first.click()
    page.keyboard.type(SPAMMY)
    page.wait_for_function("text => window.fixtureModelText() === text", arg=SPAMMY)

    expected = service.lint(SPAMMY)
    hints.wait_for_lines(ui, hints.span_texts(expected))
    hints.expect_badge(ui, str(len(expected)))

    finding, replacement = first_fix(expected)
    hints.click_underline(ui, finding["matched"])
    assert finding["message"] in hints.expect_card(ui)["text"]
    hints.click_suggestion(ui, replacement)

    start, end = finding["offset"], finding["offset"] + finding["length"]
    fixed = SPAMMY[:start] + replacement + SPAMMY[end:]
    page.wait_for_function("text => window.fixtureModelText() === text", arg=fixed)
    page.keyboard.type("!")  # must land right after the replacement, not where the caret was before
    page.wait_for_function("text => window.fixtureModelText() === text", arg=SPAMMY[:start] + replacement + "!" + SPAMMY[end:])
    hints.wait_for_lines(ui, hints.span_texts(service.lint(model_text(page))))

    seen = []
    for _ in range(4):
        page.keyboard.press("Control+z")
        page.wait_for_timeout(100)
        seen.append(model_text(page))
    assert SPAMMY in seen, seen


@pytest.mark.parametrize("editor", EDITORS)
def test_deleting_everything_clears_the_hints(page, ui, site, service, editor):
    # Rich editors apply Ctrl+A, Delete from their own key handlers: no input event reaches us.
    page.goto(site.page(f"{editor}.html"))
    page.locator('[contenteditable="true"]').first.click()
    page.keyboard.type(SPAMMY)
    hints.expect_badge(ui, str(len(service.lint(SPAMMY))))
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.wait_for_function("() => window.fixtureModelText().trim() === ''")
    hints.wait_for(ui, lambda shown: shown["badges"] == [] and shown["lines"] == [])
