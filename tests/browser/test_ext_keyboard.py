"""Keyboard and screen readers: shortcuts open the hint at the caret and move between hints, arrows and
Tab move inside the card, Enter applies, Escape closes (and the site never sees it), focus goes back to
the editor where the caret was; the card is a labelled dialog that describes the editor, and a polite
live region says how many problems there are."""
import pytest
from drafts import SPAMMY, first_fix
from harness import hints
from playwright.sync_api import expect

CARET = "() => [document.activeElement.id, document.activeElement.selectionStart, document.activeElement.selectionEnd]"


def typed(page, ui, site, service, fixture="textarea.html", composer="#composer") -> list[dict]:
    page.goto(site.page(fixture))
    page.click(composer)
    page.keyboard.type(SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    return expected


def caret_to(page, offset: int) -> None:
    page.evaluate("at => document.querySelector('#composer').setSelectionRange(at, at)", offset)


def spans(findings: list[dict]) -> list[dict]:
    return sorted((f for f in findings if f["scope"] == "span" and f["length"]), key=lambda f: f["offset"])


def test_shortcut_opens_the_hint_at_the_caret_and_escape_puts_the_caret_back(page, ui, site, service):
    expected = typed(page, ui, site, service)
    inside = SPAMMY.index("Hurry") + 2
    caret_to(page, inside)
    page.keyboard.press("Alt+Shift+H")
    card = hints.expect_card(ui)
    # one problem: the hint over "Hurry", led by its most relevant rule
    assert card["findings"] == [f["rule"] for f in expected if f["offset"] <= inside < f["offset"] + f["length"]]
    assert len(card["findings"]) == 1
    assert card["focused"] == card["buttons"][0]  # keyboard opening puts focus in the card

    page.keyboard.press("Escape")
    hints.wait_for(ui, lambda shown: shown["card"] is None)
    assert page.evaluate(CARET) == ["composer", inside, inside]
    page.keyboard.type("x")
    expect(page.locator("#composer")).to_have_value(SPAMMY[:inside] + "x" + SPAMMY[inside:])


def test_next_and_previous_hint(page, ui, site, service):
    ordered = spans(typed(page, ui, site, service))
    caret_to(page, 0)
    opened = []
    for key in ["Alt+Shift+J", "Alt+Shift+J", "Alt+Shift+K"]:
        page.keyboard.press(key)
        opened.append(hints.wait_for(ui, lambda s: s["card"] and s["card"]["findings"] not in opened[-1:])["card"]["findings"])
    # a hint is the findings on the same words as the first one starting at the next offset
    starts = [next(f for f in ordered if f["offset"] == offset) for offset in sorted({f["offset"] for f in ordered})]
    on_words = lambda first: [f["rule"] for f in ordered if (f["offset"], f["length"]) == (first["offset"], first["length"])]
    assert opened == [on_words(starts[0]), on_words(starts[1]), on_words(starts[0])]


def test_arrows_move_between_buttons_and_enter_applies(page, ui, site, service):
    finding, replacement = first_fix(typed(page, ui, site, service))
    caret_to(page, finding["offset"])
    page.keyboard.press("Alt+Shift+H")
    card = hints.expect_card(ui)
    page.keyboard.press("ArrowDown")
    assert hints.state(ui)["card"]["focused"] == card["buttons"][1]
    page.keyboard.press("ArrowUp")
    assert hints.state(ui)["card"]["focused"] == card["buttons"][0]
    for _ in range(card["buttons"].index(replacement)):
        page.keyboard.press("ArrowDown")
    assert hints.state(ui)["card"]["focused"] == replacement
    page.keyboard.press("Enter")
    start, end = finding["offset"], finding["offset"] + finding["length"]
    expect(page.locator("#composer")).to_have_value(SPAMMY[:start] + replacement + SPAMMY[end:])
    page.keyboard.type("!")  # focus is back in the editor, right after the fix
    expect(page.locator("#composer")).to_have_value(SPAMMY[:start] + replacement + "!" + SPAMMY[end:])


def test_tab_from_the_editor_goes_into_the_open_card_and_stays_there(page, ui, site, service):
    expected = typed(page, ui, site, service)
    hints.click_underline(ui, spans(expected)[0]["matched"])
    card = hints.expect_card(ui)
    assert card["focused"] is None  # opened with the mouse: the editor keeps focus
    page.keyboard.press("Tab")
    assert hints.state(ui)["card"]["focused"] == card["buttons"][0]
    page.keyboard.press("Shift+Tab")
    assert hints.state(ui)["card"]["focused"] == card["buttons"][-1]  # round the card, not out to the page


def test_the_card_closes_when_focus_leaves(page, ui, site, service):
    expected = typed(page, ui, site, service)
    hints.click_underline(ui, spans(expected)[0]["matched"])
    hints.expect_card(ui)
    page.keyboard.press("Shift+Tab")  # out of the editor, back to the page's link
    hints.wait_for(ui, lambda shown: shown["card"] is None)
    assert page.evaluate("() => document.activeElement.id") == "back"


def test_a_click_elsewhere_closes_the_card_and_reaches_the_page(page, ui, site, service):
    expected = typed(page, ui, site, service)
    hints.click_underline(ui, spans(expected)[0]["matched"])
    hints.expect_card(ui)
    page.mouse.click(850, 650)
    hints.wait_for(ui, lambda shown: shown["card"] is None)
    page.click("#title")  # nothing of ours is left in the way
    assert page.evaluate("() => document.activeElement.id") == "title"


def test_escape_closes_the_card_and_not_the_sites_dialog(page, ui, site, service):
    page.goto(site.page("post-dialog.html"))
    page.click("#composer")
    page.keyboard.type(SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    hints.click_underline(ui, spans(expected)[0]["matched"])
    hints.expect_card(ui)
    page.keyboard.press("Escape")
    hints.wait_for(ui, lambda shown: shown["card"] is None)
    assert page.evaluate("() => [window.dialogClosed, document.getElementById('composer').innerText]") == [False, SPAMMY]
    page.keyboard.press("Escape")  # no card open: the key is the site's again
    assert page.evaluate("() => window.dialogClosed") is True


def test_escape_does_not_close_a_native_modal_dialog(page, ui, site, service):
    expected = typed(page, ui, site, service, "post-form.html")
    hints.click_underline(ui, spans(expected)[0]["matched"])  # our host sits inside the dialog, so it is not inert
    hints.expect_card(ui)
    page.keyboard.press("Escape")
    hints.wait_for(ui, lambda shown: shown["card"] is None)
    assert page.evaluate("() => document.getElementById('dialog').open") is True


def ax_nodes(page) -> list[dict]:
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


def value(node: dict, key: str) -> str:
    return str(node.get(key, {}).get("value", ""))


def text_of(node: dict, nodes: list[dict]) -> str:
    """What a screen reader reads inside a node: the text of its descendants."""
    by_id = {n["nodeId"]: n for n in nodes}
    pending, texts = list(node.get("childIds", [])), []
    while pending:
        child = by_id.get(pending.pop(0))
        if child:
            texts += [value(child, "name")] if value(child, "role") == "StaticText" else []
            pending = child.get("childIds", []) + pending
    return "".join(texts)


@pytest.mark.parametrize("opened_by", ["mouse", "keyboard"])
def test_screen_readers_get_a_labelled_dialog_a_description_and_a_count(page, ui, site, service, opened_by):
    expected = typed(page, ui, site, service)
    first = spans(expected)[0]
    count = f"{len(expected)} problems"
    nodes = ax_nodes(page)
    assert count in [text_of(n, nodes) for n in nodes if value(n, "role") == "status"]
    if opened_by == "mouse":
        hints.click_underline(ui, first["matched"])
    else:
        caret_to(page, first["offset"])
        page.keyboard.press("Alt+Shift+H")
    card = hints.expect_card(ui)
    nodes = ax_nodes(page)
    dialogs = [n for n in nodes if value(n, "role") == "dialog"]
    assert [value(n, "name") for n in dialogs] == [card["label"]] and card["label"].startswith("Rapport: ")
    editor = next(n for n in nodes if value(n, "role") == "textbox" and "Hurry" in value(n, "value"))
    assert first["message"] in value(editor, "description")
