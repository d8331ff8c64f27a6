"""A plain textarea and text input: hints shown, ignore, turning a rule off, the badge's list, and
findings about the whole draft. (A fix applied with undo: test_ext_rewrites.py, per editor.)"""
from drafts import ABOUT_US, CLEAN, NO_REPLY, SPAMMY
from harness import hints
from playwright.sync_api import expect


def open_textarea(page, site, text):
    page.goto(site.page("textarea.html"))
    page.click("#composer")
    page.keyboard.type(text)


def test_hints_match_the_service(page, ui, site, service, chromium):
    open_textarea(page, site, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.wait_for_lines(ui, hints.span_texts(expected))
    hints.expect_badge(ui, str(len(expected)))
    assert chromium.toolbar_count(page.url) == str(len(expected))


def test_text_input_gets_hints(page, ui, site, service):
    page.goto(site.page("textarea.html"))
    page.click("#title")
    page.keyboard.type(NO_REPLY)
    expected = service.lint(NO_REPLY)
    assert expected, "the service should flag this draft"
    hints.wait_for_lines(ui, hints.span_texts(expected))
    hints.expect_badge(ui, str(len(expected)))


def test_clean_draft_shows_clean_badge(page, ui, site, service):
    assert service.lint(CLEAN) == []
    open_textarea(page, site, CLEAN)
    assert hints.expect_badge(ui, "✓")["lines"] == []


def test_a_draft_in_a_language_the_rules_do_not_read_is_not_shown_clean(page, ui, site, service):
    german = "Vielen Dank für euren Besuch gestern, wir freuen uns schon auf das nächste Mal!"
    assert service.lint(german) == []
    open_textarea(page, site, german)
    assert hints.expect_badge(ui, "not checked: language")["lines"] == []


def test_the_card_names_the_policy_a_finding_rests_on(page, ui, site, service):
    bait = "Like and share if you love Fridays"
    linked = [f for f in service.lint(bait) if f["link"]]
    assert linked and linked[0]["link"].startswith("https://about.fb.com/")
    open_textarea(page, site, bait)
    hints.wait_for_lines(ui, hints.span_texts(service.lint(bait)))
    hints.click_underline(ui, linked[0]["matched"])
    assert "Policy: about.fb.com" in hints.expect_card(ui)["buttons"]


def ignore_first_finding(page, ui, site, service) -> tuple[list[dict], dict]:
    """Types SPAMMY, ignores its first finding from the card; returns its findings and the ignored one."""
    open_textarea(page, site, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    ignored = expected[0]
    hints.click_underline(ui, ignored["matched"])
    hints.click(ui, f'.card .finding[data-rule="{ignored["rule"]}"] button.ignore')
    return expected, ignored


def not_ignored(findings: list[dict], ignored: dict) -> list[dict]:
    return [f for f in findings if (f["rule"], f["matched"]) != (ignored["rule"], ignored["matched"])]


def test_ignore_survives_further_edits(page, ui, site, service):
    _, ignored = ignore_first_finding(page, ui, site, service)
    page.keyboard.press("Control+End")
    page.keyboard.type(" see you there")
    edited = service.lint(SPAMMY + " see you there")
    remaining = not_ignored(edited, ignored)
    assert len(remaining) < len(edited)
    hints.expect_badge(ui, str(len(remaining)))


def test_an_ignore_lasts_for_this_draft_only(page, ui, site, service):
    expected, ignored = ignore_first_finding(page, ui, site, service)
    hints.expect_badge(ui, str(len(not_ignored(expected, ignored))))
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")  # the post went out: the composer is empty again
    hints.wait_for(ui, lambda shown: shown["badges"] == [])
    page.keyboard.type(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))


def test_turning_a_rule_off_everywhere_sends_it_as_disabled(page, ui, site, service, chromium):
    open_textarea(page, site, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    rule, merged = expected[0]["rule"], expected[0]["rules"]
    assert len(merged) > 1  # one problem, several rules: turning it off turns each of them off
    hints.click_underline(ui, expected[0]["matched"])
    hints.click(ui, f'.card .finding[data-rule="{rule}"] button.disable-rule')

    without = service.lint(SPAMMY, disabled_rules=merged)
    assert len(without) < len(expected)
    hints.expect_badge(ui, str(len(without)))
    assert sorted(chromium.storage()["disabledRules"]) == sorted(merged)


def test_badge_lists_every_finding(page, ui, site, service):
    open_textarea(page, site, SPAMMY)
    expected = service.lint(SPAMMY)
    hints.expect_badge(ui, str(len(expected)))
    hints.click_badge(ui)
    card = hints.expect_card(ui)
    assert card["findings"] == [f["rule"] for f in expected]
    for finding in expected:
        assert finding["message"] in card["text"]


def test_draft_finding_is_listed_not_underlined_and_appends(page, ui, site, service):
    open_textarea(page, site, ABOUT_US)
    expected = service.lint(ABOUT_US)
    draft_wide = [f for f in expected if f["scope"] == "draft"]
    assert draft_wide, f"the service should flag the whole draft: {expected}"
    assert hints.expect_badge(ui, str(len(expected)))["lines"] == hints.span_texts(expected)

    hints.click_badge(ui)
    finding = draft_wide[0]
    replacement = next(s["replacement"] for s in finding["suggestions"] if s.get("replacement"))
    hints.click(ui, f'.card .finding[data-rule="{finding["rule"]}"] button.suggestion', replacement.strip())
    expect(page.locator("#composer")).to_have_value(ABOUT_US + replacement)
