"""Per-site settings and undo: a rule off on one site only, pausing a site, both undone from a toast;
the opt-in list mode; a platform chosen per site; the platform of an embedded composer is its tab's."""
from drafts import SPAMMY
from harness import hints
from harness.content_world import ContentWorld
from playwright.sync_api import expect


def typed(page, ui, url: str, text: str = SPAMMY) -> None:
    page.goto(url)
    page.click("#composer")
    page.keyboard.type(text)


def test_a_rule_off_on_this_site_only_and_undone(page, ui, site, service, chromium):
    typed(page, ui, site.page("textarea.html"), SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    rule, merged = expected[0]["rule"], expected[0]["rules"]  # one problem: all its rules go off
    hints.click_underline(ui, expected[0]["matched"])
    hints.click(ui, f'.card .finding[data-rule="{rule}"] button.disable-site')

    toast = hints.wait_for(ui, lambda s: s["toast"] is not None)["toast"]
    assert "off on 127.0.0.1" in toast["text"] and toast["buttons"] == ["Undo"]
    hints.expect_badge(ui, str(len(service.lint(SPAMMY, disabled_rules=merged))))
    assert chromium.storage()["siteRules"] == {"127.0.0.1": merged}

    elsewhere = page.context.new_page()  # the same draft on another site still gets that rule
    try:
        typed(elsewhere, ui, site.page("textarea.html").replace("127.0.0.1", "localhost"))
        other = ContentWorld(elsewhere)
        hints.expect_badge(other, str(len(expected)))
    finally:
        elsewhere.close()

    hints.click(ui, ".toast button", "Undo")
    assert "Undone" in hints.wait_for(ui, lambda s: s["toast"] and "Undone" in s["toast"]["text"])["toast"]["text"]
    hints.expect_badge(ui, str(len(expected)))
    assert chromium.storage()["siteRules"] == {}


def test_pause_is_undone_from_its_toast(page, ui, site, service, chromium):
    typed(page, ui, site.page("textarea.html"))
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    hints.click_badge(ui)
    hints.click(ui, ".card button.pause")
    shown = hints.wait_for(ui, lambda s: s["toast"] is not None and not s["badges"])
    assert "paused on 127.0.0.1" in shown["toast"]["text"]
    hints.click(ui, ".toast button", "Undo")
    hints.wait_for(ui, lambda s: s["toast"] and "Undone" in s["toast"]["text"])
    assert chromium.storage()["pausedSites"] == []
    page.click("#composer")
    page.keyboard.type(" ")  # the draft is checked again
    hints.expect_badge(ui, str(len(service.lint(SPAMMY + " "))))


def test_list_mode_checks_only_the_listed_sites(page, ui, site, chromium, stub):
    chromium.reset(stub.url)
    chromium.control.evaluate("() => chrome.storage.local.set({ siteMode: 'listed', listedSites: ['localhost'] })")
    typed(page, ui, site.page("textarea.html"), "Hello there")
    page.wait_for_timeout(800)
    assert stub.requests == [] and hints.state(ui)["badges"] == []
    chromium.control.evaluate("() => chrome.storage.local.set({ listedSites: ['localhost', '127.0.0.1'] })")
    hints.wait_for(ui, lambda shown: shown["live"])  # the composers are watched again
    page.keyboard.type("!")
    hints.expect_badge(ui, "✓")
    assert stub.requests[-1]["json"]["text"] == "Hello there!"


def test_a_platform_chosen_for_a_site_in_the_options(page, ui, site, chromium, stub):
    chromium.reset(stub.url)
    options = chromium.context.new_page()
    options.goto(chromium.url("options/options.html"))
    options.fill("#new-site", "127.0.0.1")
    options.click("#add-site button[type=submit]")
    options.locator('tr[data-site="127.0.0.1"] select[aria-label="Platform on 127.0.0.1"]').select_option("linkedin")
    expect(options.locator('tr[data-site="127.0.0.1"]')).to_be_visible()
    options.close()
    assert chromium.storage()["sitePlatforms"] == {"127.0.0.1": "linkedin"}

    typed(page, ui, site.page("textarea.html"), "Hello there")
    hints.expect_badge(ui, "✓")
    assert stub.requests[-1]["json"]["platform"] == "linkedin"


def test_an_embedded_composer_is_linted_for_its_tabs_site(page, site, chromium, stub):
    chromium.reset(stub.url)
    page.goto(site.page("embed.html").replace("127.0.0.1", "x.com"))  # x.com is mapped to the fixture site
    page.frame_locator("#frame").locator("#frame-composer").click()
    page.keyboard.type("Hello there")
    page.wait_for_timeout(1500)
    assert stub.requests, "the embedded composer was not linted"
    assert stub.requests[-1]["json"]["platform"] == "x"  # the frame itself is on 127.0.0.1
