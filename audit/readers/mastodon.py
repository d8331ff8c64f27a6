"""Mastodon: outbox.json of the account archive (a .tar.gz), an ActivityStreams OrderedCollection.

`Create` activities carry the post as a `Note` (a poll is a `Question`) whose `content` is HTML;
`inReplyTo` marks a reply, except one to the account's own status (a thread). `Announce`
activities are boosts.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from ..containers import Export, Member
from ..errors import ExportError
from ..jsonstream import array_items
from ..posts import Post, PostKind, month_of_iso
from .format import Format, basename_matches
from .html_text import html_to_text

WRITTEN_TYPES = frozenset({"Note", "Question", "Article"})


def read(stream: TextIO, member: Member, export: Export) -> Iterator[Post]:
    for index, activity in enumerate(array_items(stream, member.name, key="orderedItems"), 1):
        if not isinstance(activity, dict):
            raise ExportError(f"{member.name}: item {index} of orderedItems is not an activity object")
        where = f"{member.name}#{index}"
        if activity.get("type") == "Announce":
            yield Post(where, month_of_iso(activity.get("published")), "", "repost", "mastodon")
        elif activity.get("type") == "Create" and isinstance(note := activity.get("object"), dict) \
                and note.get("type") in WRITTEN_TYPES:
            yield _post(note, activity, where)


def _post(note: dict[str, Any], activity: dict[str, Any], where: str) -> Post:
    text = html_to_text(note.get("content") or "")
    actor = activity.get("actor") or note.get("attributedTo") or ""
    replying_to = note.get("inReplyTo")
    kind: PostKind = "post"
    if not text:
        kind = "empty"
    elif isinstance(replying_to, str) and not (actor and replying_to.startswith(f"{actor}/")):
        kind = "reply"
    month = month_of_iso(note.get("published") or activity.get("published"))
    url = note.get("url") if isinstance(note.get("url"), str) else None
    return Post(where, month, text, kind, "mastodon", url)


OUTBOX = Format("mastodon", "Mastodon archive: outbox.json, in the folder or the .tar.gz",
                basename_matches(r"outbox\.json"), read)
