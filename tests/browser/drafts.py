"""Drafts whose findings the tests take from the service itself, the fix a test applies, and what the
card's two rewrites should leave in the editor (in Chromium and Firefox alike)."""

SPAMMY = "RT and follow to WIN a £50 voucher!!! Hurry, today only #giveaway #win #free #contest"
NO_REPLY = "Do not reply to this account."
# One hint that merges several rules (sharing for a prize, chain forwarding, bait, ...) on words long enough
# to run over two or three lines of every fixture's composer: the card on it is about 400 px tall.
SEVERAL_PROBLEMS = ("Thanks for a lovely week with all of you here and see you soon. Like and share this post with all "
                    "your friends and family for your chance to win a brand new bike!!!")
CLEAN = "Thanks Sam, sorry about the delay. What time suits you for a call?"


def first_fix(findings):
    """The first span finding that offers a non-empty replacement, and that replacement."""
    for finding in findings:
        for suggestion in finding["suggestions"]:
            if finding["scope"] == "span" and suggestion.get("replacement"):
                return finding, suggestion["replacement"]
    raise AssertionError(f"the service offered no replacement: {findings}")


# The card's rewrite buttons: "Apply" a hint's fix, or "Rewrite whole post".
ACTIONS = ["apply", "rewrite-post"]


def rewrite_button(action: str, replacement: str) -> tuple[str, str]:
    """The selector and text of the card's button for `action`."""
    return (".card .suggestion", replacement) if action == "apply" else (".card .rewrite-post", "Rewrite whole post")


def rewritten(action: str, finding: dict, replacement: str, whole_post: str) -> tuple[str, int]:
    """What SPAMMY becomes after `action`, and where the caret should then be."""
    if action == "apply":
        start = finding["offset"]
        return SPAMMY[:start] + replacement + SPAMMY[start + finding["length"]:], start + len(replacement)
    return whole_post, len(whole_post)


def assert_one_undo_step(seen: list[str], after: str, typed_after: str) -> None:
    """`seen`, the text after each of two undos of the rewrite and a key typed after it, came back to
    SPAMMY with no half-undone rewrite on the way (the key may go first, or with the rewrite)."""
    assert SPAMMY in seen, seen
    assert all(text in (typed_after, after) for text in seen[:seen.index(SPAMMY)]), seen


# Trips findings about the whole draft (no underline; their replacement is appended).
ABOUT_US = "We are proud of our team. We have grown our reach and our revenue this year."
