"""Real editors from npm (and a plain contenteditable): edits the editors make from their own key
handlers clear the hints. (A fix reaching each editor's model, typing after it and undo through the
editor's history: test_ext_rewrites.py.)"""
import pytest
from drafts import SPAMMY
from harness import hints
from harness.site import COMPOSER, EDITORS

RICH = [editor for editor in EDITORS if editor != "textarea"]


@pytest.mark.parametrize("editor", RICH)
def test_deleting_everything_clears_the_hints(page, ui, site, service, editor):
    # Rich editors apply Ctrl+A, Delete from their own key handlers: no input event reaches us.
    page.goto(site.page(f"{editor}.html"))
    page.locator(COMPOSER).first.click()
    page.keyboard.type(SPAMMY)
    hints.expect_badge(ui, str(len(service.lint(SPAMMY))))
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.wait_for_function("() => window.fixtureModelText().trim() === ''")
    hints.wait_for(ui, lambda shown: shown["badges"] == [] and shown["lines"] == [])
