"""The audit's counting: what invites a reply, what is broadcast, the bounded samples, the rewrites."""
from __future__ import annotations

from dataclasses import replace

from audit.aggregate import WORST_POSTS, Audit, Period
from audit.posts import Post
from audit.rewrite import rewrite
from rules import Finding, Replacement
from rules.measuring.text import Span
from tests.conftest import rule_named
from tests.exports import FRIENDLY, PLAIN, SPAM


def _post(text: str, kind: str = "post", month: str | None = "2024-01") -> Post:
    return Post("test#1", month, text, kind, "generic")


def _audit(linter, posts: list[Post], period: Period | None = None) -> Audit:
    audit = Audit(linter, "generic", period or Period())
    for post in posts:
        audit.add(post)
    return audit


def test_a_question_or_an_invitation_phrase_invites_a_reply(linter):
    invite = ["What do you think of the new rye loaf?", "Our rye loaf is back. Let us know how you like it."]
    report = _audit(linter, [_post(text) for text in [*invite, PLAIN]]).report()
    assert (report.total.posts, report.total.inviting, report.total.conversation) == (3, 2, 2)


def test_broadcast_and_conversation_exclude_each_other(linter):
    posts = [_post(SPAM), _post(f"{SPAM} What do you think?"), _post(FRIENDLY, "reply"), _post(PLAIN)]
    total = _audit(linter, posts).report().total
    assert (total.broadcast, total.conversation, total.replies, total.flagged) == (2, 1, 1, 2)
    assert total.families["spammy-incentive"] == 2 and total.rules["reward-for-sharing"] == 2


def test_reposts_and_posts_without_text_are_counted_but_not_linted(linter):
    posts = [_post("", "repost"), _post("", "empty"), _post(SPAM, "repost")]
    total = _audit(linter, posts).report().total
    assert (total.posts, total.reposts, total.without_text, total.flagged) == (0, 2, 1, 0)


def test_the_samples_stay_bounded_and_keep_the_heaviest_and_the_shortest(linter):
    heavy = [f"RT to win a voucher! Tag {n % 5 + 2} friends to enter our giveaway!" for n in range(30)]
    light = [f"{'Hello friends, ' * (n % 7)}RT to win a voucher!" for n in range(150)]
    posts = [_post(text) for text in heavy + light] + [_post(FRIENDLY, "reply")] * 300
    report = _audit(linter, posts).report()
    assert len(report.worst) == WORST_POSTS
    assert [example.post.text for example in report.worst] == heavy[:WORST_POSTS]  # the heaviest, earliest first
    assert report.examples["reward-for-sharing"].post.text == "RT to win a voucher!"  # the shortest it flagged
    assert set(report.examples) == set(report.total.rules)  # one example per rule that flagged something


def test_months_and_the_period(linter):
    posts = [_post(SPAM, month="2023-12"), _post(PLAIN, month="2024-01"), _post(PLAIN, month=None)]
    report = _audit(linter, posts, Period(since="2024-01")).report()
    assert list(report.months) == ["2024-01"] and report.total.posts == 1
    assert (report.outside_period, report.undated) == (1, 1)


def test_rewrite_replaces_spans_from_the_end_and_appends_sentences(linter):
    share = rule_named(linter.pack, "reward-for-sharing")
    tag, follow, question = (replace(share, id=rule) for rule in ("tag", "follow", "question"))
    text = "RT to win! Also RT to win."
    findings = [Finding(share, "m", Span(0, 9), "span",
                        (Replacement("advice only", None), Replacement("a", "Tell us"))),
                Finding(tag, "m", Span(16, 25), "span", (Replacement("b", "Reply"),)),
                Finding(follow, "m", Span(5, 12), "span", (Replacement("overlaps the first", "X"),)),
                Finding(share, "m", Span(16, 18), "span", (Replacement("the rule's second finding", "Y"),)),
                Finding(question, "m", Span(26, 26), "draft", (Replacement("c", " What do you think?"),))]
    assert rewrite(text, findings) == "Tell us! Also Reply. What do you think?"
