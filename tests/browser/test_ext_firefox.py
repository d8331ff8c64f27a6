"""firefox-esr: the same extension tree installs and hints a textarea, a contenteditable and a Lexical
editor, a fix from the card reaches the field, and typing after it lands in place. Our UI is read from its
closed shadow roots through WebDriver BiDi, which serialises them for the test and for nothing else."""
import pytest
from drafts import SPAMMY, first_fix
from harness.firefox import BiDiFirefox
from harness.hints import STATE_SCRIPT, span_texts

CENTRE_OF = """(selector) => {
  const rect = document.querySelector(selector).getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}"""
HINTS_SHOWN = f"(shadowOf) => {{ const shown = ({STATE_SCRIPT})(shadowOf); return shown.badges.length ? shown : null; }}"
MODEL_IS = "(text) => window.fixtureModelText() === text"
PAGES = ["textarea.html", "contenteditable.html", "lexical.html"]


@pytest.fixture(scope="module")
def firefox(service):
    with BiDiFirefox() as browser:
        browser.install_extension(service.url)
        yield browser


@pytest.fixture
def tab(firefox):
    context = firefox.call("browsingContext.create", type="tab")["context"]
    yield context
    firefox.call("browsingContext.close", context=context)


def type_into_composer(firefox: BiDiFirefox, tab: str, page_url: str, text: str) -> dict:
    """Opens the page, clicks its composer, types; returns the hints once the badge shows."""
    firefox.call("browsingContext.navigate", context=tab, url=page_url, wait="complete")
    firefox.click(tab, CENTRE_OF, "#composer, #editor[contenteditable]")
    firefox.type_text(tab, text)
    shown = firefox.ui_wait_for(tab, HINTS_SHOWN)
    assert shown, "no hint in Firefox"
    return shown


@pytest.mark.parametrize("page", PAGES)
def test_firefox_hints(firefox, tab, site, service, page):
    shown = type_into_composer(firefox, tab, site.page(page), SPAMMY)
    expected = service.lint(SPAMMY)
    assert (shown["lines"], shown["badges"]) == (span_texts(expected), [str(len(expected))])


@pytest.mark.parametrize("page", PAGES)
def test_firefox_fix_reaches_the_field(firefox, tab, site, service, page):
    type_into_composer(firefox, tab, site.page(page), SPAMMY)
    finding, replacement = first_fix(service.lint(SPAMMY))
    firefox.click_ui(tab, ".line", finding["matched"])
    firefox.click_ui(tab, ".card .suggestion", replacement)

    start, end = finding["offset"], finding["offset"] + finding["length"]
    assert firefox.wait_for(tab, MODEL_IS, SPAMMY[:start] + replacement + SPAMMY[end:])
    firefox.type_text(tab, "!")  # the caret sits right after the replacement
    assert firefox.wait_for(tab, MODEL_IS, SPAMMY[:start] + replacement + "!" + SPAMMY[end:])
