"""Facebook and Instagram, from Meta's "Download your information" export in JSON.

- Facebook posts: your_posts__check_ins__photos_and_videos_1.json (your_posts_1.json before 2024,
  profile_posts_1.json for a Page), a list of {"timestamp", "data": [{"post": ...}], "title"}.
  An entry without words of its own whose title says it "shared" something is a repost.
- Facebook comments: comments_and_reactions/comments.json, {"comments_v2": [...]}: the account's
  comments, counted as replies.
- Instagram posts: content/posts_1.json (media/posts_1.json in some exports), a list of
  {"media": [{"title", "creation_timestamp", ...}], "title"?, "creation_timestamp"?}.

Meta writes UTF-8 as one \\u00XX escape per byte ("Caf\\u00c3\\u00a9"); `repair` turns those
code points back into bytes and decodes them, so "Café" and emoji come out right.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..containers import Export, Member
from ..errors import ExportError
from ..jsonstream import array_items
from ..posts import Post, PostKind, month_of_timestamp
from .format import Format, basename_matches


def repair(text: str) -> str:
    """Undo Meta's byte-wise escapes; text that is not such mojibake is returned as it is."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):  # a real character above U+00FF, or not UTF-8 bytes
        return text


def _entries(stream: TextIO, member: Member, key: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    for index, entry in enumerate(array_items(stream, member.name, key=key), 1):
        if not isinstance(entry, dict):
            raise ExportError(f"{member.name}: item {index} is not an object")
        yield f"{member.name}#{index}", entry


def _first_text(items: Iterable[Any], field: str) -> str:
    for item in items:
        if isinstance(item, dict) and isinstance(item.get(field), str) and item[field].strip():
            return repair(item[field]).strip()
    return ""


def read_facebook_posts(stream: TextIO, member: Member, export: Export) -> Iterator[Post]:
    for where, entry in _entries(stream, member):
        text = _first_text(entry.get("data") or (), "post")
        kind: PostKind = "post"
        if not text:
            kind = "repost" if " shared " in repair(entry.get("title") or "") else "empty"
        yield Post(where, month_of_timestamp(entry.get("timestamp")), text, kind, "facebook")


def read_facebook_comments(stream: TextIO, member: Member, export: Export) -> Iterator[Post]:
    for where, entry in _entries(stream, member, key="comments_v2"):
        comments = [item.get("comment") for item in entry.get("data") or () if isinstance(item, dict)]
        text = _first_text(comments, "comment")
        yield Post(where, month_of_timestamp(entry.get("timestamp")), text, "reply" if text else "empty", "facebook")


def read_instagram_posts(stream: TextIO, member: Member, export: Export) -> Iterator[Post]:
    for where, entry in _entries(stream, member):
        media = [item for item in entry.get("media") or () if isinstance(item, dict)]
        text = _first_text([entry, *media], "title")  # a post with several photos has its own title
        stamp = entry.get("creation_timestamp") or next((m.get("creation_timestamp") for m in media), None)
        yield Post(where, month_of_timestamp(stamp), text, "post" if text else "empty", "instagram")


FACEBOOK_POSTS = Format(
    "facebook", "Facebook: posts/your_posts__check_ins__photos_and_videos_1.json (your_posts_1.json, "
    "profile_posts_1.json), in the folder or the .zip",
    basename_matches(r"(?:your_posts(?:__check_ins__photos_and_videos)?|profile_posts)_\d+\.json"),
    read_facebook_posts)
FACEBOOK_COMMENTS = Format(
    "facebook-comments", "Facebook: comments_and_reactions/comments.json (counted as replies)",
    basename_matches(r"comments\.json", folders=("comments_and_reactions",)), read_facebook_comments)
INSTAGRAM_POSTS = Format(
    "instagram", "Instagram: content/posts_1.json (or media/posts_1.json), in the folder or the .zip",
    basename_matches(r"posts_\d+\.json", folders=("content", "media")), read_instagram_posts)
