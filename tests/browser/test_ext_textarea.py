"""The extension on plain fields (textarea, text input): hints from the service, fixes, undo, ignore, rule off."""
from drafts import ABOUT_US, CLEAN, NO_REPLY, SPAMMY, first_fix
from harness import hints
from playwright.sync_api import expect


def open_textarea(page, site, text):
    page.goto(site.page("textarea.html"))
    page.click("#composer")
    page.keyboard.type(text)


def test_hints_match_service_and_fix_applies_with_undo(page, site, service, chromium):
    open_textarea(page, site, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.wait_for_underlines(page, hints.span_texts(expected), "marks")
    hints.expect_badge(page, str(len(expected)))
    assert chromium.toolbar_count(page.url) == str(len(expected))

    finding, replacement = first_fix(expected)
    hints.click_underline(page, finding["matched"])
    card = hints.card(page)
    expect(card).to_contain_text(finding["message"])
    card.locator(f'button.suggestion[data-replacement="{replacement}"]').first.click()

    start, end = finding["offset"], finding["offset"] + finding["length"]
    fixed = SPAMMY[:start] + replacement + SPAMMY[end:]
    expect(page.locator("#composer")).to_have_value(fixed)
    page.keyboard.type("!")  # the caret sits right after the replacement
    expect(page.locator("#composer")).to_have_value(SPAMMY[:start] + replacement + "!" + SPAMMY[end:])

    undone = []
    for _ in range(3):
        page.keyboard.press("Control+z")
        undone.append(page.locator("#composer").input_value())
    assert SPAMMY in undone, undone


def test_text_input_gets_hints(page, site, service):
    page.goto(site.page("textarea.html"))
    page.click("#title")
    page.keyboard.type(NO_REPLY)
    expected = service.lint(NO_REPLY)
    assert expected, "the service should flag this draft"
    hints.wait_for_underlines(page, hints.span_texts(expected), "marks")
    hints.expect_badge(page, str(len(expected)))


def test_clean_draft_shows_clean_badge(page, site, service):
    assert service.lint(CLEAN) == []
    open_textarea(page, site, CLEAN)
    hints.expect_badge(page, "✓")
    assert hints.state(page)["marks"] == []


def ignore_first_finding(page, site, service) -> tuple[list[dict], dict]:
    """Types SPAMMY, ignores its first finding from the card; returns its findings and the ignored one."""
    open_textarea(page, site, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(page, str(len(expected)))
    ignored = expected[0]
    hints.click_underline(page, ignored["matched"])
    hints.card(page).locator(f'.finding[data-rule="{ignored["rule"]}"] button.ignore').click()
    return expected, ignored


def not_ignored(findings: list[dict], ignored: dict) -> list[dict]:
    return [f for f in findings if (f["rule"], f["matched"]) != (ignored["rule"], ignored["matched"])]


def test_ignore_survives_further_edits(page, site, service):
    _, ignored = ignore_first_finding(page, site, service)
    page.keyboard.press("Control+End")
    page.keyboard.type(" see you there")
    edited = service.lint(SPAMMY + " see you there")
    remaining = not_ignored(edited, ignored)
    assert len(remaining) < len(edited)
    hints.expect_badge(page, str(len(remaining)))


def test_an_ignore_lasts_for_this_draft_only(page, site, service):
    expected, ignored = ignore_first_finding(page, site, service)
    hints.expect_badge(page, str(len(not_ignored(expected, ignored))))
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")  # the post went out: the composer is empty again
    expect(hints.badge(page)).to_be_hidden(timeout=10_000)
    page.keyboard.type(SPAMMY)
    hints.expect_badge(page, str(len(expected)))


def test_turning_a_rule_off_sends_it_as_disabled(page, site, service, chromium):
    open_textarea(page, site, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(page, str(len(expected)))
    rule = expected[0]["rule"]
    hints.click_underline(page, expected[0]["matched"])
    hints.card(page).locator(f'.finding[data-rule="{rule}"] button.disable-rule').first.click()

    without = service.lint(SPAMMY, disabled_rules=[rule])
    assert len(without) < len(expected)
    hints.expect_badge(page, str(len(without)))
    assert chromium.storage()["disabledRules"] == [rule]


def test_badge_lists_every_finding(page, site, service):
    open_textarea(page, site, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(page, str(len(expected)))
    hints.badge(page).click()
    items = hints.card(page).locator(".finding")
    expect(items).to_have_count(len(expected))
    for finding in expected:
        expect(hints.card(page)).to_contain_text(finding["message"])


def test_draft_finding_is_listed_not_underlined_and_appends(page, site, service):
    open_textarea(page, site, ABOUT_US)
    expected = service.lint(ABOUT_US)
    draft_wide = [f for f in expected if f["scope"] == "draft"]
    assert draft_wide, f"the service should flag the whole draft: {expected}"
    hints.expect_badge(page, str(len(expected)))
    assert hints.state(page)["marks"] == hints.span_texts(expected)

    hints.badge(page).click()
    finding = draft_wide[0]
    replacement = next(s["replacement"] for s in finding["suggestions"] if s.get("replacement"))
    item = hints.card(page).locator(f'.finding[data-rule="{finding["rule"]}"]')
    item.locator("button.suggestion").filter(has_text=replacement.strip()).click()
    expect(page.locator("#composer")).to_have_value(ABOUT_US + replacement)
