"""The HTML report of `rapport audit` in Debian's Chromium: it renders, draws its charts, sorts its
tables, follows light and dark mode and print, and makes no network request."""
import contextlib
import io
from pathlib import Path

import pytest

from cli.main import main
from tests.exports import FRIENDLY, PLAIN, SPAM, Item, at, x_archive

# Five months with posts and one (2024-03) with none, which the month charts must show as a gap.
HISTORY = [Item(SPAM, at(2024, 1)), Item(PLAIN, at(2024, 1)), Item(FRIENDLY, at(2024, 2), "reply"),
           Item(FRIENDLY, at(2024, 2, 7), "reply"), Item("Tag 3 friends to enter our giveaway!", at(2024, 4)),
           Item(PLAIN, at(2024, 5)), Item("Fresh bread at the market", at(2024, 5), "repost"),
           Item(FRIENDLY, at(2024, 6), "reply"), Item(SPAM, at(2024, 6))]
MONTHS = 6


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("audit")
    page = folder / "report.html"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["audit", str(x_archive(folder, HISTORY)), "--html", str(page)]) == 0
    return page


@pytest.fixture
def opened(plain_chromium, report):
    """The report in a new page, with every request and console message it caused."""
    context = plain_chromium.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    requests, messages = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    yield page, requests, messages
    context.close()


def test_the_report_renders_its_figures_and_charts_without_a_request(opened, report):
    page, requests, messages = opened
    assert requests == [report.as_uri()]  # the file itself and nothing else
    assert messages == []  # no script error, no refused load
    assert page.locator('[data-figure="posts"]').inner_text() == "8"
    assert page.locator('[data-figure="reply-share"]').inner_text() == "37.5%"
    for chart in ("share", "replies", "rules"):
        box = page.locator(f'svg[data-chart="{chart}"]').bounding_box()
        assert box and box["width"] > 600 and box["height"] > 50, chart
    # Three layers a month in the share chart; each month with posts is filled to the top.
    heights = _bar_heights(page, "share")
    assert len(heights) == 3 * MONTHS
    per_month = [sum(heights[i:i + 3]) for i in range(0, len(heights), 3)]
    assert per_month[2] == 0 and all(abs(h - max(per_month)) < 0.1 for k, h in enumerate(per_month) if k != 2)
    replies = _bar_heights(page, "replies")
    assert len(replies) == MONTHS and replies[1] == max(replies) and replies[1] == 2 * replies[5] and replies[0] == 0
    # One bar per rule that flagged a post: the giveaway backstop, reward-for-sharing, engagement bait.
    assert page.locator('svg[data-chart="rules"] rect.bar').count() == 3


def test_tables_sort_by_a_column(opened):
    page, _, _ = opened
    months = page.locator('table[data-table="months"] tbody tr td:first-child')
    assert months.all_inner_texts() == ["2024-01", "2024-02", "2024-04", "2024-05", "2024-06"]
    replies = page.locator('table[data-table="months"] th', has_text="replies").first
    replies.locator("button").click()
    assert replies.get_attribute("aria-sort") == "ascending"
    column = page.locator('table[data-table="months"] tbody tr td:nth-child(3)')
    assert column.all_inner_texts() == ["0", "0", "0", "1", "2"]
    replies.locator("button").click()
    assert column.all_inner_texts() == ["2", "1", "0", "0", "0"]
    assert months.all_inner_texts()[0] == "2024-02"


def test_dark_mode_and_print_restyle_the_page(opened):
    page, _, _ = opened
    def background() -> str:
        return page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="light")
    assert background() == "rgb(255, 255, 255)"
    page.emulate_media(color_scheme="dark")
    dark = background()
    assert dark != "rgb(255, 255, 255)" and sum(map(int, dark[4:-1].split(","))) < 150
    bar_dark = page.eval_on_selector('rect.bar.broadcast', "bar => getComputedStyle(bar).fill")
    page.emulate_media(media="print", color_scheme="dark")
    assert background() == "rgb(255, 255, 255)"  # printed on white whatever the screen's mode
    assert page.eval_on_selector('rect.bar.broadcast', "bar => getComputedStyle(bar).fill") != bar_dark


def test_worst_posts_mark_the_words_found(opened):
    page, _, _ = opened
    marked = page.locator("article.post mark").first
    assert marked.inner_text() in SPAM and marked.get_attribute("title")


def _bar_heights(page, chart: str) -> list[float]:
    return page.eval_on_selector_all(f'svg[data-chart="{chart}"] rect.bar', "bars => bars.map(b => b.getBBox().height)")
