"""Composers the extension must find beyond a plain field: open shadow roots, same-origin frames,
composers added after load; and the platform it reports for a site."""
from pathlib import Path

import pytest
from drafts import NO_REPLY, SPAMMY
from harness import hints

CONTENT = Path(__file__).resolve().parents[2] / "extension" / "content"


def test_composer_in_open_shadow_root(page, site, service):
    page.goto(site.page("contenteditable.html"))
    page.locator("#shadow-composer").click()  # CSS locators pierce open shadow roots
    page.keyboard.type(NO_REPLY)
    expected = service.lint(NO_REPLY)
    hints.wait_for_underlines(page, hints.span_texts(expected), "highlights")
    hints.expect_badge(page, str(len(expected)))


def test_composer_in_same_origin_frame(page, site, service):
    page.goto(site.page("contenteditable.html"))
    frame = page.frame_locator("#frame")
    frame.locator("#frame-composer").click()
    page.keyboard.type(SPAMMY)
    expected = service.lint(SPAMMY)
    inner = page.frame(url=site.page("frame.html"))
    hints.wait_for_underlines(inner, hints.span_texts(expected), "marks")
    hints.expect_badge(inner, str(len(expected)))


def test_composer_added_after_load(page, site, service):
    page.goto(site.page("contenteditable.html"))
    page.evaluate("() => window.addLateComposer()")
    page.locator("#late-composer").click()
    page.keyboard.type(NO_REPLY)
    hints.expect_badge(page, str(len(service.lint(NO_REPLY))))


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
def test_platform_from_hostname(page, site, hostname, platform):
    page.goto(site.page("frame.html"))
    for name in ("namespace.js", "platform.js"):  # the content scripts' own files, in the page's world
        page.add_script_tag(path=CONTENT / name)
    assert page.evaluate("host => Rapport.platformFor(host)", hostname) == platform
