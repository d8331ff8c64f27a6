"""Composers the extension must find beyond a plain field: open shadow roots, same-origin frames,
composers added after load; and the platform it reports for a site."""
import pytest
from drafts import NO_REPLY, SPAMMY
from harness import hints


def test_composer_in_open_shadow_root(page, ui, site, service):
    page.goto(site.page("contenteditable.html"))
    page.locator("#shadow-composer").click()  # CSS locators pierce open shadow roots
    page.keyboard.type(NO_REPLY)
    expected = service.lint(NO_REPLY)
    hints.wait_for_lines(ui, hints.span_texts(expected))
    hints.expect_badge(ui, str(len(expected)))


def test_composer_in_same_origin_frame(page, ui, site, service):
    page.goto(site.page("contenteditable.html"))
    frame = page.frame_locator("#frame")
    frame.locator("#frame-composer").click()
    page.keyboard.type(SPAMMY)
    expected = service.lint(SPAMMY)
    inner = site.page("frame.html")
    hints.wait_for_lines(ui, hints.span_texts(expected), frame=inner)
    hints.expect_badge(ui, str(len(expected)), frame=inner)


def test_composer_added_after_load(page, ui, site, service):
    page.goto(site.page("contenteditable.html"))
    page.evaluate("() => window.addLateComposer()")
    page.locator("#late-composer").click()
    page.keyboard.type(NO_REPLY)
    hints.expect_badge(ui, str(len(service.lint(NO_REPLY))))


@pytest.mark.parametrize("composer", ["#custom-editor", "#later-composer"])
def test_composer_in_a_shadow_root_attached_after_load(page, ui, site, service, composer):
    # A custom element defined later (as on Reddit), and a shadow root attached to a plain element later.
    page.goto(site.page("late-shadow.html"))
    page.wait_for_function("() => window.upgraded")
    page.locator(composer).click()
    page.keyboard.type(NO_REPLY)
    expected = service.lint(NO_REPLY)
    hints.wait_for_lines(ui, hints.span_texts(expected))
    hints.expect_badge(ui, str(len(expected)))


@pytest.mark.parametrize(
    ("hostname", "platform"),
    [
        ("x.com", "x"),
        ("mobile.twitter.com", "x"),
        ("www.linkedin.com", "linkedin"),
        ("www.facebook.com", "facebook"),
        ("www.instagram.com", "instagram"),
        ("www.threads.net", "threads"),
        ("www.threads.com", "threads"),
        ("bsky.app", "bluesky"),
        ("mastodon.social", "mastodon"),
        ("mastodon.example.org", "mastodon"),
        ("hachyderm.io", "mastodon"),
        ("notx.com", "generic"),
        ("127.0.0.1", "generic"),
    ],
)
def test_platform_from_hostname(chromium, hostname, platform):
    guessed = chromium.control.evaluate("host => import('/shared/platforms.js').then((m) => m.platformFor(host))", hostname)
    assert guessed == platform
