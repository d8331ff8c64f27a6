"""X (Twitter) archive: data/tweets.js, split into tweets-part1.js, ... in large archives.

Each file is JavaScript, `window.YTD.tweets.part0 = ` and a JSON list of {"tweet": {...}}
(archives from 2019 say `tweet` and may leave the wrapper out). A text starting "RT @name:" is a
repost; `in_reply_to_status_id_str` marks a reply, except a reply to the account itself (a
thread), known from data/account.js when the archive has it.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any, TextIO

from ..containers import Export, Member, text_stream
from ..errors import ExportError
from ..jsonstream import array_items
from ..posts import Post, PostKind
from .format import Format, basename_matches

PREFIX = re.compile(r"window\.YTD\.tweets?\.part\d+\s*=\s*")
ACCOUNT_PREFIX = re.compile(r"window\.YTD\.account\.part\d+\s*=\s*")
MONTHS = {name: f"{number:02d}" for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}


def read(stream: TextIO, member: Member, export: Export) -> Iterator[Post]:
    own_id = _own_account_id(export, member)
    items = array_items(stream, member.name, prefix=PREFIX, prefix_text="window.YTD.tweets.part0 = [")
    for index, item in enumerate(items, 1):
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tweet, dict) or not isinstance(tweet.get("full_text"), str):
            raise ExportError(f'{member.name}: item {index} is not a tweet ({{"tweet": {{"full_text": ...}}}})')
        yield _post(tweet, f"{member.name}#{index}", own_id)


def _post(tweet: dict[str, Any], where: str, own_id: str | None) -> Post:
    text = tweet["full_text"]
    if "&" in text:
        text = html.unescape(text)  # the archive keeps &amp; &lt; &gt; as the API gave them
    for media in (tweet.get("entities") or {}).get("media") or ():
        text = text.replace(media.get("url") or "\0", "")  # the t.co link X adds for a photo or video
    kind: PostKind = "post"
    if text.startswith("RT @"):
        kind = "repost"
    elif tweet.get("in_reply_to_status_id_str") and tweet.get("in_reply_to_user_id_str") != own_id:
        kind = "reply"
    if kind != "repost" and not text.strip():
        kind = "empty"
    status = tweet.get("id_str")
    return Post(where, _month(tweet.get("created_at")), text.strip(), kind, "x",
                f"https://x.com/i/status/{status}" if status else None)


def _month(created_at: object) -> str | None:
    """"Wed Oct 10 20:19:24 +0000 2018" -> "2018-10" (archives give UTC)."""
    if isinstance(created_at, str) and len(created_at) == 30 and created_at[-4:].isdigit():
        month = MONTHS.get(created_at[4:7])
        return f"{created_at[-4:]}-{month}" if month else None
    return None


def _own_account_id(export: Export, member: Member) -> str | None:
    account_file = export.sibling(member, "account.js")
    if account_file is None:
        return None
    with account_file.open() as raw:
        for item in array_items(text_stream(raw), account_file.name, prefix=ACCOUNT_PREFIX,
                                prefix_text="window.YTD.account.part0 = ["):
            account = item.get("account") if isinstance(item, dict) else None
            return str(account["accountId"]) if isinstance(account, dict) and "accountId" in account else None
    return None


TWEETS = Format("x-archive", "X archive: data/tweets.js (and tweets-part1.js, ...), in the folder or the .zip",
                basename_matches(r"tweets?(?:-part\d+)?\.js"), read)
