"""The pre-publish check: the composer's own Post button (found by role and label) or Ctrl+Enter, with
errors left, shows what is left with Review and Post anyway; Post anyway posts once, the draft intact;
clean drafts post with one click; "off" and "review" modes per site."""
from drafts import CLEAN, SPAMMY
from harness import hints

POSTS = "() => window.posts"


def errors_of(service, text: str) -> list[dict]:
    return [f for f in service.lint(text) if f["severity"] == "error"]


def summary(errors: list[dict]) -> str:
    names = list(dict.fromkeys(f["rule"].replace("-", " ") for f in errors))
    return f"{len(errors)} problem{'s' if len(errors) != 1 else ''}: {', '.join(names)}"


def draft(page, ui, site, service, fixture="post-dialog.html", text=SPAMMY) -> None:
    page.goto(site.page(fixture))
    page.click("#composer")
    page.keyboard.type(text)
    hints.expect_badge(ui, str(len(service.lint(text))) if service.lint(text) else "✓")


def confirmation(ui) -> dict:
    return hints.wait_for(ui, lambda shown: shown["confirm"] is not None)["confirm"]


def test_post_with_errors_left_asks_first_and_post_anyway_posts_once(page, ui, site, service):
    draft(page, ui, site, service)
    page.click(".x-post")  # the site's own button: a div with role=button and aria-label="Post"
    shown = confirmation(ui)
    assert shown["text"].startswith(summary(errors_of(service, SPAMMY)))
    assert shown["buttons"] == ["Review", "Post anyway"] and shown["focused"] == "Review"
    assert page.evaluate(POSTS) == []
    hints.click(ui, ".confirm button", "Post anyway")
    page.wait_for_function("() => window.posts.length > 0")
    page.wait_for_timeout(300)
    assert page.evaluate(POSTS) == [SPAMMY]
    assert hints.state(ui)["confirm"] is None


def test_review_opens_the_card_on_what_is_left(page, ui, site, service):
    draft(page, ui, site, service)
    page.click(".x-post")
    confirmation(ui)
    hints.click(ui, ".confirm button", "Review")
    card = hints.expect_card(ui)
    assert card["findings"] == [f["rule"] for f in errors_of(service, SPAMMY)]
    assert card["focused"] == card["buttons"][0]
    assert page.evaluate(POSTS) == [] and page.evaluate("() => document.getElementById('composer').innerText") == SPAMMY


def test_ctrl_enter_is_checked_and_escape_keeps_the_draft_and_the_dialog(page, ui, site, service):
    draft(page, ui, site, service)
    page.keyboard.press("Control+Enter")
    confirmation(ui)
    assert page.evaluate(POSTS) == []
    page.keyboard.press("Escape")
    hints.wait_for(ui, lambda shown: shown["confirm"] is None)
    assert page.evaluate("() => [window.dialogClosed, document.activeElement.id]") == [False, "composer"]
    page.keyboard.press("Control+Enter")
    confirmation(ui)
    page.keyboard.press("ArrowRight")  # to Post anyway
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.posts.length > 0")
    assert page.evaluate(POSTS) == [SPAMMY]


def test_a_clean_draft_posts_with_one_click(page, ui, site, service):
    draft(page, ui, site, service, "post-form.html", CLEAN)  # a native modal dialog with a form
    page.click("button[type=submit]")
    page.wait_for_function("() => window.posts.length > 0")
    assert page.evaluate(POSTS) == [CLEAN] and hints.state(ui)["confirm"] is None


def test_a_draft_typed_just_now_is_checked_before_it_goes(page, ui, site, service):
    page.goto(site.page("post-form.html"))
    page.click("#composer")
    page.keyboard.type(SPAMMY)
    page.click("button[type=submit]")  # well within the 300 ms pause: no reply shown yet
    assert confirmation(ui)["text"].startswith(summary(errors_of(service, SPAMMY)))
    assert page.evaluate(POSTS) == []


def test_off_on_this_site_lets_the_post_go(page, ui, site, service, chromium):
    chromium.control.evaluate("() => chrome.storage.local.set({ sitePrePublish: { '127.0.0.1': 'off' } })")
    draft(page, ui, site, service)
    page.click(".x-post")
    page.wait_for_function("() => window.posts.length > 0")
    assert page.evaluate(POSTS) == [SPAMMY] and hints.state(ui)["confirm"] is None


def test_review_mode_offers_post_anyway_only_after_a_review(page, ui, site, service, chromium):
    chromium.control.evaluate("() => chrome.storage.local.set({ prePublish: 'review' })")
    draft(page, ui, site, service)
    page.click(".x-post")
    assert confirmation(ui)["buttons"] == ["Review"]
    hints.click(ui, ".confirm button", "Review")
    hints.expect_card(ui)
    page.keyboard.press("Escape")
    hints.wait_for(ui, lambda shown: shown["card"] is None)
    page.click(".x-post")
    assert confirmation(ui)["buttons"] == ["Review", "Post anyway"]
    hints.click(ui, ".confirm button", "Post anyway")
    page.wait_for_function("() => window.posts.length > 0")
    assert page.evaluate(POSTS) == [SPAMMY]
