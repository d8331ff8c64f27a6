"""Underlines stay on their words while someone types, in every editor: they move with the edit at once
instead of vanishing until the service answers, and only words the edit touched lose theirs."""
import pytest
from drafts import SPAMMY
from harness import hints
from harness.site import COMPOSER, EDITORS

MORE = " see you there"


def start(page, ui, site, service, editor: str) -> list[str]:
    return hints.span_texts(typed(page, ui, site, service, editor))


def typed(page, ui, site, service, editor: str) -> list[dict]:
    page.goto(site.page(f"{editor}.html"))
    page.locator(COMPOSER).first.click()
    page.keyboard.type(SPAMMY)
    findings = service.lint(SPAMMY)
    hints.wait_for_lines(ui, hints.span_texts(findings))
    return findings


@pytest.mark.parametrize("editor", EDITORS)
def test_underlines_stay_through_every_keystroke(page, ui, site, service, editor):
    words = start(page, ui, site, service, editor)
    for char in MORE:
        page.keyboard.type(char)
        shown = hints.state(ui)  # straight after the key, long before the 300 ms pause is over
        assert set(words) <= set(shown["lines"]), f"after typing {char!r}: {shown['lines']}"


@pytest.mark.parametrize("editor", ["textarea", "lexical"])
def test_underlines_move_with_text_typed_before_them(page, ui, site, service, editor):
    words = start(page, ui, site, service, editor)
    before = {box["words"]: box["left"] for box in hints.state(ui)["lineBoxes"]}
    page.keyboard.press("Control+Home")
    page.keyboard.type("Hi ")
    shown = hints.state(ui)
    assert set(words) <= set(shown["lines"])
    moved = {box["words"]: box["left"] for box in shown["lineBoxes"]}
    opening = next(w for w in words if SPAMMY.startswith(w))  # the words that open the draft move right by "Hi "
    assert moved[opening] > before[opening] + 5, (before, moved)


def test_only_the_words_being_edited_lose_their_underline(page, ui, site, service):
    findings = typed(page, ui, site, service, "textarea")
    inside = SPAMMY.index("Hurry") + 3
    page.evaluate("at => document.querySelector('#composer').setSelectionRange(at, at)", inside)
    page.keyboard.type("r")  # "Hurry" becomes "Hurrry": findings over it no longer describe the text
    touched = [f for f in findings if f["offset"] < inside < f["offset"] + f["length"]]
    untouched = [f for f in findings if f not in touched]
    shown = hints.state(ui)
    assert any("Hurry" in words for words in hints.span_texts(touched))
    assert not set(hints.span_texts(touched)) & set(shown["lines"])
    assert set(hints.span_texts(untouched)) <= set(shown["lines"])
