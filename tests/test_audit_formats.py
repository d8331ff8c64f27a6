"""`rapport audit` on each platform's export: what it counts, how it decodes the text, what it flags.

The drafts have obvious verdicts (a share-to-win offer, a friendly reply, plain news), since the
rules themselves keep being tuned: these tests are about reading and counting.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.aggregate import Source
from audit.pipeline import read_posts
from audit.posts import Post
from audit.progress import Progress
from cli.main import main
from tests.exports import (
    FRIENDLY,
    PLAIN,
    SPAM,
    Item,
    at,
    facebook_export,
    instagram_export,
    linkedin_export,
    mastodon_archive,
    x_archive,
)


def audit_json(capsys, *argv: str) -> dict:
    code = main(["audit", *map(str, argv), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def posts_of(path: Path) -> list[Post]:
    with Progress(enabled=False) as progress:
        return list(read_posts([path], progress, []))


def flagged_texts(report: dict) -> dict[str, set[str]]:
    """Each flagged post's text -> the families that flagged it, from the worst-posts sample."""
    return {post["text"]: {f["category"] for f in post["findings"]} for post in report["worst_posts"]}


HISTORY = [
    Item(SPAM, at(2024, 1)),
    Item(FRIENDLY, at(2024, 1, 9), "reply"),
    Item("Part two: the new oven arrives on Monday.", at(2024, 2), "self-reply"),
    Item("Fresh bread at the market this morning", at(2024, 2), "repost"),
    Item("", at(2024, 3), "media"),
    Item(PLAIN, at(2024, 3)),
]


def test_x_archive_counts_posts_reposts_and_replies_and_flags_the_spam(tmp_path, capsys):
    report = audit_json(capsys, x_archive(tmp_path, HISTORY))
    # RT to win... is the account's own words (not "RT @name:"); the reply to itself is a thread, not a reply
    assert (report["posts"], report["replies"], report["reposts"], report["without_text"]) == (4, 1, 1, 1)
    assert report["reply_share"] == 0.25
    assert [m["month"] for m in report["months"]] == ["2024-01", "2024-02", "2024-03"]
    assert [(m["posts"], m["replies"], m["reposts"]) for m in report["months"]] == [(2, 1, 0), (1, 0, 1), (1, 0, 0)]
    assert flagged_texts(report) == {SPAM: {"spammy-incentive"}}
    assert report["families"]["spammy-incentive"] == 1 and report["flagged"] == 1
    assert report["worst_posts"][0]["url"] == "https://x.com/i/status/1700000000000000000"
    assert [s["format"] for s in report["sources"]] == ["x-archive"]


def test_a_long_history_counts_every_post_once(tmp_path, capsys):
    report = audit_json(capsys, x_archive(tmp_path, HISTORY * 200))  # 1,200 items: several batches
    assert (report["posts"], report["replies"], report["reposts"], report["without_text"]) == (800, 200, 200, 200)
    assert report["flagged"] == 200 and sum(m["posts"] for m in report["months"]) == 800


def test_x_archive_decodes_entities_drops_photo_links_and_reads_every_part(tmp_path):
    items = [Item("Fish & chips <3 tonight", at(2023, 6)), Item("Our new loaf", at(2023, 6), "media"),
             *[Item(PLAIN, at(2023, 7)) for _ in range(4)]]
    posts = {post.where.rsplit("/", 1)[1]: post for post in posts_of(x_archive(tmp_path, items, parts=3))}
    assert [posts["tweets.js#1"].text, posts["tweets.js#2"].text] == ["Fish & chips <3 tonight", "Our new loaf"]
    assert sorted(posts) == ["tweets-part1.js#1", "tweets-part1.js#2", "tweets-part2.js#1", "tweets-part2.js#2",
                             "tweets.js#1", "tweets.js#2"]


def test_x_archive_without_account_file_counts_every_reply(tmp_path):
    archive = x_archive(tmp_path, HISTORY, zipped=False)
    (archive / "data" / "account.js").unlink()  # tweets.js named alone, nothing tells whose thread it is
    kinds = [post.kind for post in posts_of(archive / "data" / "tweets.js")]
    assert kinds == ["post", "reply", "reply", "repost", "empty", "post"]


def test_mastodon_archive_reads_html_boosts_and_replies(tmp_path, capsys):
    link = ('<a href="https://example.com/menus/spring-2024" target="_blank" rel="nofollow noopener noreferrer" '
            'translate="no"><span class="invisible">https://</span><span class="ellipsis">example.com/menus/sprin'
            '</span><span class="invisible">g-2024</span></a>')
    mention = ('<span class="h-card" translate="no"><a href="https://other.example/@jo" class="u-url mention">'
               '@<span>jo</span></a></span>')
    items = [Item(f"<p>RT to win a &#163;50 voucher!</p><p>Details: {link}</p>", at(2024, 4)),
             Item(f"<p>{mention} Thanks Jo,<br>what time suits you?</p>", at(2024, 4), "reply"),
             Item("<p>Part two: which bread should we bake first?</p>", at(2024, 5), "self-reply"),
             Item("", at(2024, 5), "repost"), Item("", at(2024, 5), "media")]
    archive = mastodon_archive(tmp_path, items)
    report = audit_json(capsys, archive)
    assert (report["posts"], report["replies"], report["reposts"], report["without_text"]) == (3, 1, 1, 1)
    texts = [post.text for post in posts_of(archive) if post.kind in ("post", "reply")]
    assert texts == ["RT to win a £50 voucher!\n\nDetails: https://example.com/menus/spring-2024",
                     "@jo Thanks Jo,\nwhat time suits you?", "Part two: which bread should we bake first?"]
    assert set(flagged_texts(report)) == {texts[0]}
    assert report["worst_posts"][0]["url"].startswith("https://example.social/@bakery/")


def test_facebook_repairs_metas_escapes_and_counts_comments_as_replies(tmp_path, capsys):
    items = [Item("RT to win a £50 voucher at the Café! 🎉", at(2024, 1)), Item("", at(2024, 1), "repost"),
             Item("", at(2024, 2), "media"), Item("Crème brûlée or tarte tatin on Friday? 😋", at(2024, 2))]
    export = facebook_export(tmp_path, items, comments=[Item("Thanks Zoë, see you then!", at(2024, 2))])
    raw = next(name for name in _zip_names(export) if name.endswith("videos_1.json"))
    assert "Caf\\u00c3\\u00a9" in _zip_text(export, raw)  # the export really has the byte-wise escapes
    report = audit_json(capsys, export)
    assert (report["posts"], report["replies"], report["reposts"], report["without_text"]) == (3, 1, 1, 1)
    assert sorted(post.text for post in posts_of(export) if post.text) == [
        "Crème brûlée or tarte tatin on Friday? 😋", "RT to win a £50 voucher at the Café! 🎉",
        "Thanks Zoë, see you then!"]
    assert flagged_texts(report) == {"RT to win a £50 voucher at the Café! 🎉": {"spammy-incentive"}}
    assert {s["format"] for s in report["sources"]} == {"facebook", "facebook-comments"}


def test_instagram_reads_captions_of_single_and_carousel_posts(tmp_path, capsys):
    items = [Item("Tag 3 friends to win our birthday cake! 🎂", at(2024, 3)), Item("", at(2024, 3), "media"),
             Item("Señora Ruiz made today's tarts 💛", at(2024, 4), "carousel")]
    export = instagram_export(tmp_path, items)
    report = audit_json(capsys, export)
    assert (report["posts"], report["replies"], report["reposts"], report["without_text"]) == (2, 0, 0, 1)
    assert [(post.text, post.month) for post in posts_of(export) if post.text] == [
        ("Tag 3 friends to win our birthday cake! 🎂", "2024-03"),
        ("Señora Ruiz made today's tarts 💛", "2024-04")]
    assert flagged_texts(report) == {"Tag 3 friends to win our birthday cake! 🎂": {"spammy-incentive"}}


def test_linkedin_reads_share_commentary_reposts_and_comments(tmp_path, capsys):
    items = [Item("RT to win a £50 voucher!\n\nShare this post, it ends Friday.", at(2024, 6)),
             Item("", at(2024, 6), "repost"), Item(PLAIN, at(2024, 7))]
    export = linkedin_export(tmp_path, items, comments=[Item(FRIENDLY, at(2024, 7))])
    report = audit_json(capsys, export)
    assert (report["posts"], report["replies"], report["reposts"]) == (3, 1, 1)
    assert [m["month"] for m in report["months"]] == ["2024-06", "2024-07"]
    assert set(flagged_texts(report)) == {items[0].text}
    assert report["worst_posts"][0]["where"].endswith("Shares.csv:2")  # where the row starts (it spans three)
    assert report["worst_posts"][0]["url"].startswith("https://www.linkedin.com/feed/update/")


@pytest.mark.parametrize(("name", "content"), [
    ("posts.txt", f"{SPAM}\n\n{FRIENDLY}\n"),
    ("posts.jsonl", json.dumps({"text": SPAM}) + "\n" + json.dumps({"text": FRIENDLY}) + "\n"),
    ("posts.csv", f'id,text\n1,"{SPAM}"\n2,"{FRIENDLY}"\n'),
])
def test_files_of_drafts_are_read_as_rapport_lint_reads_them(tmp_path, capsys, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    report = audit_json(capsys, tmp_path / name, "--platform", "x")
    assert (report["posts"], report["undated"], report["months"]) == (2, 2, [])
    assert flagged_texts(report) == {SPAM: {"spammy-incentive"}}
    assert report["worst_posts"][0]["platform"] == "x"


def test_several_exports_make_one_report(tmp_path, capsys):
    x = x_archive(tmp_path, [Item(SPAM, at(2024, 1))])
    linkedin = linkedin_export(tmp_path, [Item(PLAIN, at(2024, 1))])
    report = audit_json(capsys, x, linkedin)
    assert report["posts"] == 2
    assert [s["format"] for s in report["sources"]] == ["x-archive", "linkedin-comments", "linkedin"]
    assert report["worst_posts"][0]["platform"] == "x"


def test_source_counts_are_items_read(tmp_path):
    sources: list[Source] = []
    with Progress(enabled=False) as progress:
        posts = list(read_posts([x_archive(tmp_path, HISTORY, parts=2)], progress, sources))
    assert [source.items for source in sources] == [3, 3] and len(posts) == 6


def _zip_names(path: Path) -> list[str]:
    import zipfile
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def _zip_text(path: Path, name: str) -> str:
    import zipfile
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("ascii")
