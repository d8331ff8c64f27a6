"""Drafts whose findings the tests take from the service itself, and the fix a test applies."""

SPAMMY = "RT and follow to WIN a £50 voucher!!! See you at the market on Saturday"
NO_REPLY = "Do not reply to this account."
CLEAN = "Thanks Sam, sorry about the delay. What time suits you for a call?"


def first_fix(findings):
    """The first span finding that offers a non-empty replacement, and that replacement."""
    for finding in findings:
        for suggestion in finding["suggestions"]:
            if finding["scope"] == "span" and suggestion.get("replacement"):
                return finding, suggestion["replacement"]
    raise AssertionError(f"the service offered no replacement: {findings}")

# Trips findings about the whole draft (no underline; their replacement is appended).
ABOUT_US = "We are proud of our team. We have grown our reach and our revenue this year."
