"""The card follows its words as the page scrolls, never covers them, and fits small frames; the badge
keeps clear of the text in a composer without padding."""
from drafts import SPAMMY
from harness import hints
from harness.geometry import overlaps

LAST_HINT = SPAMMY[SPAMMY.index("Hurry"):]  # the second sentence: one problem, several rules

TEXT_RECTS = """(selector) => { const range = document.createRange(); range.selectNodeContents(document.querySelector(selector));
  return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })); }"""


def open_card_on(page, ui, site, service, fixture: str, words: str) -> tuple[dict, dict]:
    page.goto(site.page(fixture))
    page.click("#composer")
    page.keyboard.type(SPAMMY)
    hints.expect_badge(ui, str(len(service.lint(SPAMMY))))
    hints.click_underline(ui, words)
    card = hints.expect_card(ui)
    line = next(box for box in hints.state(ui)["lineBoxes"] if box["words"] == words)
    return card, line


def test_the_card_follows_its_words_when_the_page_scrolls(page, ui, site, service):
    card, line = open_card_on(page, ui, site, service, "long.html", LAST_HINT)
    page.mouse.wheel(0, 200)
    page.wait_for_function("() => scrollY >= 200")
    moved = hints.wait_for(ui, lambda s: s["card"] and abs(s["card"]["box"]["top"] - (card["box"]["top"] - 200)) <= 2)
    new_line = next(box for box in moved["lineBoxes"] if box["words"] == LAST_HINT)
    assert abs((moved["card"]["box"]["top"] - new_line["bottom"]) - (card["box"]["top"] - line["bottom"])) <= 2

    page.mouse.wheel(0, 600)  # the words leave the view: the card goes with them
    hints.wait_for(ui, lambda s: s["card"] is None)


def test_the_card_never_covers_its_words_when_there_is_no_room(page, ui, site, service):
    page.set_viewport_size({"width": 900, "height": 330})
    page.goto(site.page("long.html"))
    page.evaluate("() => scrollTo(0, 130)")  # the composer in the middle of a short window
    page.click("#composer")
    page.keyboard.type(SPAMMY)
    hints.expect_badge(ui, str(len(service.lint(SPAMMY))))
    hints.click_badge(ui)  # the list of every finding: far taller than the window
    card = hints.expect_card(ui)
    words = hints.state(ui)["lineBoxes"]
    badge = hints.state(ui)["badgeBoxes"][0]
    assert not any(overlaps(card["box"], box) for box in words + [badge]), (card["box"], badge)
    assert card["box"]["top"] >= 0 and card["box"]["bottom"] <= 330


def test_the_card_fits_a_small_frame(page, ui, site, service):
    page.goto(site.page("small-frame.html"))
    page.frame_locator("#frame").locator("#frame-composer").click()
    page.keyboard.type(SPAMMY)
    inner = site.page("frame.html")
    hints.expect_badge(ui, str(len(service.lint(SPAMMY))), frame=inner)
    hints.click(ui, ".badge", frame=inner)
    card = hints.expect_card(ui, frame=inner)
    width, height = ui.evaluate("() => [innerWidth, innerHeight]", frame=inner)
    box = card["box"]
    assert box["left"] >= 0 and box["right"] <= width and box["top"] >= 0 and box["bottom"] <= height, (box, width, height)
    assert ui.evaluate(hints.in_chromium("""(shadowOf) => { const card = [...document.querySelectorAll("rapport-card")]
      .map((h) => shadowOf(h).querySelector(".card"))[0]; return card.scrollWidth <= card.clientWidth; }"""), frame=inner)


def test_the_badge_keeps_clear_of_the_last_line(page, ui, site, service):
    page.goto(site.page("x-like.html"))
    page.click("#composer")
    page.keyboard.type(SPAMMY)
    # Type on until the last line runs into the composer's bottom-right corner.
    right = page.evaluate("() => document.querySelector('#composer').getBoundingClientRect().right")
    while page.evaluate(TEXT_RECTS, "#composer")[-1]["right"] < right - 40:
        page.keyboard.type(" more")
    text = page.evaluate("() => document.querySelector('#composer').innerText")
    shown = hints.expect_badge(ui, str(len(service.lint(text))))
    lines = page.evaluate(TEXT_RECTS, "#composer")
    assert not any(overlaps(shown["badgeBoxes"][0], line) for line in lines), (shown["badgeBoxes"], lines[-1])
