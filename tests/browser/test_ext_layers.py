"""Our UI is in the top layer, yet it must not paint over what the page puts above the composer: a
sticky header it scrolls under, the site's own modal, the edge of a scroll container that clips it."""
from drafts import NO_REPLY, SPAMMY
from harness import hints
from harness.geometry import overlaps

RECT = "(selector) => { const r = document.querySelector(selector).getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }"


def rect(page, selector: str) -> dict:
    return page.evaluate(RECT, selector)


def inside(a: dict, b: dict) -> bool:
    return a["left"] >= b["left"] - 1 and a["right"] <= b["right"] + 1 and a["top"] >= b["top"] - 1 and a["bottom"] <= b["bottom"] + 1


def typed(page, ui, site, service, selector: str, text: str) -> dict:
    page.goto(site.page("layers.html"))
    page.click(selector)
    page.keyboard.type(text)
    return hints.expect_badge(ui, str(len(service.lint(text))))


def test_underlines_and_badge_stay_under_a_sticky_header(page, ui, site, service):
    typed(page, ui, site, service, "#composer", SPAMMY)
    header = rect(page, "header")
    # Scroll until the composer's first line of text is under the header and the second one is not.
    page.mouse.wheel(0, rect(page, "#composer")["top"] - header["bottom"] + 20)
    page.wait_for_function("bottom => document.querySelector('#composer').getBoundingClientRect().top < bottom", arg=header["bottom"])
    shown = hints.wait_for(ui, lambda s: s["lineBoxes"] and not any(overlaps(b, header) for b in s["lineBoxes"]))
    assert all(b["top"] >= header["bottom"] - 1 for b in shown["lineBoxes"]), shown["lineBoxes"]

    page.mouse.wheel(0, rect(page, "#composer")["bottom"] - header["bottom"] + 5)  # the whole composer under it
    shown = hints.wait_for(ui, lambda s: not s["lineBoxes"] and not s["badges"])
    assert not any(overlaps(b, header) for b in shown["badgeBoxes"])


def test_a_site_modal_covers_underlines_and_badge(page, ui, site, service):
    assert typed(page, ui, site, service, "#composer", SPAMMY)["lineBoxes"]
    page.evaluate("() => { document.getElementById('modal').hidden = false; }")  # no scroll, no resize: nothing to hear
    hints.wait_for(ui, lambda s: not s["lineBoxes"] and not s["badges"])
    page.evaluate("() => { document.getElementById('modal').hidden = true; }")
    hints.wait_for(ui, lambda s: s["lineBoxes"] and s["badges"])


def test_a_scroll_container_clips_underlines(page, ui, site, service):
    assert typed(page, ui, site, service, "#inner", NO_REPLY)["lineBoxes"]
    scroller = page.evaluate("""() => { const s = document.getElementById('scroller'); const r = s.getBoundingClientRect();
      return { left: r.left + s.clientLeft, top: r.top + s.clientTop, right: r.left + s.clientLeft + s.clientWidth,
               bottom: r.top + s.clientTop + s.clientHeight }; }""")
    shown = hints.state(ui)
    assert all(inside(b, scroller) for b in shown["lineBoxes"]), (shown["lineBoxes"], scroller)
    page.evaluate("() => { document.getElementById('scroller').scrollTop += 120; }")  # the draft scrolls out of it
    shown = hints.wait_for(ui, lambda s: not s["lineBoxes"] and not s["badges"])
    page.evaluate("() => { document.getElementById('scroller').scrollTop -= 90; }")  # its top half back
    shown = hints.wait_for(ui, lambda s: bool(s["badges"]) or bool(s["lineBoxes"]))
    assert all(inside(b, scroller) for b in shown["lineBoxes"] + shown["badgeBoxes"]), (shown, scroller)
