"""A post as every export reader gives it: where it came from, when, its words and what kind it is."""
from __future__ import annotations

import re
import time
from typing import Literal, NamedTuple

# post: the account's own words; reply: own words answering someone else; repost: someone else's
# post passed on (a retweet, a boost, a bare share), counted apart and not linted; empty: nothing
# written (a photo without a caption), counted apart.
PostKind = Literal["post", "reply", "repost", "empty"]
WRITTEN: frozenset[str] = frozenset({"post", "reply"})

MONTH_RE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")


class Post(NamedTuple):  # a tuple: made once per item of a 200,000-item export, it must be cheap
    where: str  # the file and item, e.g. "archive.zip:data/tweets.js#12"
    month: str | None  # "2024-03"; None when the export gives no date
    text: str
    kind: PostKind
    platform: str  # "" for files of drafts: the platform given with --platform
    url: str | None = None  # the post on the platform, where the export says


def month_of_timestamp(seconds: object) -> str | None:
    """The UTC month of a Unix time, as Meta's exports give it; None for anything else."""
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not 0 < seconds < 1e11:
        return None
    moment = time.gmtime(seconds)
    return f"{moment.tm_year:04d}-{moment.tm_mon:02d}"


def month_of_iso(stamp: object) -> str | None:
    """The month of an ISO 8601 date ("2024-03-05T10:00:00Z", "2024-03-05 10:00:00")."""
    if isinstance(stamp, str) and MONTH_RE.match(stamp):
        return stamp[:7]
    return None
