"""Small account exports shaped like the real ones, for the audit tests.

Each builder writes the files where the platform puts them, in its layout, field names and
quirks: X's `window.YTD.tweets.part0 = ` prefix and " : " separators, Mastodon's outbox.json
inside a .tar.gz, Meta's byte-wise \\u00XX escapes, LinkedIn's Shares.csv columns.
"""
from __future__ import annotations

import csv
import io
import json
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SPAM = "RT to win a £50 voucher! 🎉"
FRIENDLY = "Thanks Jo, what time suits you?"
PLAIN = "The café opens at nine on Saturday."
ACCOUNT_ID = "1500000000000000001"
ACTOR = "https://example.social/users/bakery"


@dataclass(frozen=True)
class Item:
    """One item of an export: its words, when, and what it is (post, reply, self-reply, repost, media)."""

    text: str
    when: datetime
    kind: str = "post"


def at(year: int, month: int, day: int = 5) -> datetime:
    return datetime(year, month, day, 10, 19, 24, tzinfo=UTC)


# --- X -----------------------------------------------------------------------------------------

def tweet(number: int, item: Item) -> dict:
    """One {"tweet": {...}} item of tweets.js, with the fields and value types of a 2024 archive."""
    status = str(1700000000000000000 + number)
    text = item.text.replace("&", "&amp;")  # the archive keeps the API's entities
    mentions, media = [], []
    if item.kind == "repost":
        text = f"RT @jo_bakes: {text}"
        mentions = [{"name": "Jo", "screen_name": "jo_bakes", "indices": ["3", "12"], "id_str": "42", "id": "42"}]
    if item.kind == "media":
        link = f"https://t.co/Ph{number:04d}"
        text = f"{text} {link}".strip()
        media = [{"expanded_url": f"https://x.com/bakery/status/{status}/photo/1", "indices": ["0", "23"],
                  "url": link, "media_url": "http://pbs.twimg.com/media/F1.jpg", "id_str": status, "id": status,
                  "media_url_https": "https://pbs.twimg.com/media/F1.jpg", "sizes": {},
                  "type": "photo", "display_url": "pic.x.com/Ph"}]
    tweet = {
        "edit_info": {"initial": {"editTweetIds": [status], "editableUntil": "2023-01-10T12:34:56.000Z",
                                  "editsRemaining": "5", "isEditEligible": True}},
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        "entities": {"hashtags": [], "symbols": [], "user_mentions": mentions, "urls": [],
                     **({"media": media} if media else {})},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": "2",
        "id_str": status,
        "truncated": False,
        "retweet_count": "0",
        "id": status,
        "created_at": item.when.strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorited": False,
        "full_text": text,
        "lang": "en",
    }
    if item.kind in ("reply", "self-reply"):
        to_user = ACCOUNT_ID if item.kind == "self-reply" else "42"
        tweet.update(in_reply_to_status_id_str="1690000000000000000", in_reply_to_status_id="1690000000000000000",
                     in_reply_to_user_id=to_user, in_reply_to_user_id_str=to_user,
                     in_reply_to_screen_name="bakery" if item.kind == "self-reply" else "jo_bakes")
    if media:
        tweet["extended_entities"] = {"media": media}
    return {"tweet": tweet}


def x_js(variable: str, items: Iterable[dict]) -> Iterator[str]:
    """The pieces of an archive's .js file, as X writes it: a prefix, then a pretty-printed list."""
    yield f"window.YTD.{variable} = ["
    for number, item in enumerate(items):
        body = json.dumps(item, indent=2, ensure_ascii=False, separators=(",", " : ")).replace("[]", "[ ]")
        yield ("," if number else "") + "\n  " + body.replace("\n", "\n  ")
    yield "\n]"


def _x_js(variable: str, items: list) -> str:
    return "".join(x_js(variable, items))


def x_archive(folder: Path, items: list[Item], parts: int = 1, zipped: bool = True) -> Path:
    """twitter-2024-05-01-<hash>.zip with data/account.js and data/tweets.js (tweets-part1.js, ...)."""
    files = {"data/account.js": _x_js("account.part0", [{"account": {
        "email": "bakery@example.com", "createdVia": "web", "username": "bakery", "accountId": ACCOUNT_ID,
        "createdAt": "2011-01-01T00:00:00.000Z", "accountDisplayName": "The Bakery"}}]),
        "data/manifest.js": 'window.__THAR_CONFIG = {\n  "userInfo" : {\n    "accountId" : "'
                            + ACCOUNT_ID + '"\n  }\n}',
        "Your archive.html": "<!DOCTYPE html><html><body>Your archive</body></html>"}
    tweets = [tweet(number, item) for number, item in enumerate(items)]
    size = -(-len(tweets) // parts)
    for part in range(parts):
        name = "data/tweets.js" if part == 0 else f"data/tweets-part{part}.js"
        files[name] = _x_js(f"tweets.part{part}", tweets[part * size:(part + 1) * size])
    return _write(folder, "twitter-2024-05-01-a1b2c3d4e5f6.zip" if zipped else "twitter-archive", files)


# --- Mastodon ----------------------------------------------------------------------------------

def _activity(number: int, item: Item) -> dict:
    status = f"{ACTOR}/statuses/{110000000000000000 + number}"
    published = item.when.strftime("%Y-%m-%dT%H:%M:%SZ")
    public = {"to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [f"{ACTOR}/followers"]}
    if item.kind == "repost":
        return {"id": f"{status}/activity", "type": "Announce", "actor": ACTOR, "published": published, **public,
                "object": f"https://other.example/users/jo/statuses/{number}"}
    reply_to = {"reply": "https://other.example/users/jo/statuses/7",
                "self-reply": f"{ACTOR}/statuses/1"}.get(item.kind)
    note = {"id": status, "type": "Note", "summary": None, "inReplyTo": reply_to, "published": published,
            "url": f"https://example.social/@bakery/{110000000000000000 + number}", "attributedTo": ACTOR, **public,
            "sensitive": False, "atomUri": status, "inReplyToAtomUri": reply_to,
            "conversation": f"tag:example.social,2024-03-05:objectId={number}:objectType=Conversation",
            "content": item.text, "contentMap": {"en": item.text},
            "attachment": [{"type": "Document", "mediaType": "image/jpeg", "url": "media_attachments/files/1.jpg",
                            "name": None}] if item.kind == "media" else [],
            "tag": [], "replies": {"id": f"{status}/replies", "type": "Collection", "first": {
                "type": "CollectionPage", "next": f"{status}/replies?only_other_accounts=true&page=true",
                "partOf": f"{status}/replies", "items": []}}}
    return {"id": f"{status}/activity", "type": "Create", "actor": ACTOR, "published": published, **public,
            "object": note, "signature": {"type": "RsaSignature2017", "creator": f"{ACTOR}#main-key",
                                          "created": published, "signatureValue": "c2lnbmF0dXJl"}}


def mastodon_archive(folder: Path, items: list[Item]) -> Path:
    """archive-<time>-<hex>.tar.gz as Mastodon's BackupService writes it; each item's text is the HTML content."""
    outbox = {"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection",
              "totalItems": len(items), "orderedItems": [_activity(n, item) for n, item in enumerate(items)]}
    actor = {"@context": ["https://www.w3.org/ns/activitystreams"], "id": ACTOR, "type": "Person",
             "preferredUsername": "bakery", "outbox": "outbox.json", "likes": "likes.json",
             "bookmarks": "bookmarks.json"}
    empty = {"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollection", "totalItems": 0,
             "orderedItems": []}
    path = folder / "archive-20240501101924-0123456789abcdef0123456789abcdef.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, content in (("media_attachments/files/1.jpg", b"\xff\xd8\xff\xe0 not really a jpeg"),
                              ("outbox.json", json.dumps(outbox).encode()),  # Oj.dump: one line, UTF-8
                              ("likes.json", json.dumps(empty | {"id": "likes.json"}).encode()),
                              ("bookmarks.json", json.dumps(empty | {"id": "bookmarks.json"}).encode()),
                              ("actor.json", json.dumps(actor).encode())):
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(content), 0o444
            tar.addfile(info, io.BytesIO(content))
    return path


# --- Meta --------------------------------------------------------------------------------------

def meta_bytes(text: str) -> str:
    """A string as Meta writes it: each UTF-8 byte one code point, so json.dumps gives \\u00XX per byte."""
    return text.encode("utf-8").decode("latin-1")


def _meta_json(value: object) -> str:
    return json.dumps(value, indent=2)  # ensure_ascii: the \u00XX escapes of the real files


def facebook_export(folder: Path, items: list[Item], comments: list[Item] = ()) -> Path:
    """facebook-bakery-2024-05-01-AbCdEf.zip in the 2024 layout (your_facebook_activity/...)."""
    posts = []
    for item in items:
        entry: dict = {"timestamp": int(item.when.timestamp())}
        if item.kind == "repost":
            entry |= {"attachments": [{"data": [{"external_context": {"url": "https://news.example/story"}}]}],
                      "data": [{"update_timestamp": int(item.when.timestamp())}],
                      "title": meta_bytes("The Bakery shared a link.")}
        elif item.kind == "media":
            entry |= {"attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/1.jpg",
                                                           "creation_timestamp": int(item.when.timestamp())}}]}],
                      "title": meta_bytes("The Bakery added a new photo.")}
        else:
            entry |= {"data": [{"post": meta_bytes(item.text)}, {"update_timestamp": int(item.when.timestamp())}],
                      "title": meta_bytes("The Bakery updated their status.")}
        posts.append(entry)
    comment_entries = [{"timestamp": int(item.when.timestamp()), "data": [{"comment": {
        "timestamp": int(item.when.timestamp()), "comment": meta_bytes(item.text), "author": "The Bakery"}}],
        "title": meta_bytes("The Bakery replied to Zoë Martín's comment.")} for item in comments]
    files = {
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": _meta_json(posts),
        "your_facebook_activity/comments_and_reactions/comments.json": _meta_json({"comments_v2": comment_entries}),
        "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json": _meta_json([]),
        "personal_information/profile_information/profile_information.json": _meta_json(
            {"profile_v2": {"name": {"full_name": meta_bytes("The Bakery")}}}),
        "your_facebook_activity/posts/media/1.jpg": b"\xff\xd8\xff\xe0",
    }
    return _write(folder, "facebook-bakery-2024-05-01-AbCdEf.zip", files)


def instagram_export(folder: Path, items: list[Item]) -> Path:
    """instagram-bakery-2024-05-01-AbCdEf.zip: your_instagram_activity/content/posts_1.json."""
    posts = []
    for number, item in enumerate(items):
        stamp = int(item.when.timestamp())
        photo = {"uri": f"media/posts/{item.when:%Y%m}/{number}.jpg", "creation_timestamp": stamp,
                 "media_metadata": {"camera_metadata": {"has_camera_metadata": False}},
                 "title": "" if item.kind in ("media", "carousel") else meta_bytes(item.text),
                 "cross_post_source": {"source_app": "FB"}}
        if item.kind == "carousel":  # several photos: the caption and time are the post's own
            posts.append({"media": [photo, dict(photo, uri=photo["uri"] + "2")], "title": meta_bytes(item.text),
                          "creation_timestamp": stamp})
        else:
            posts.append({"media": [photo]})
    return _write(folder, "instagram-bakery-2024-05-01-AbCdEf.zip",
                  {"your_instagram_activity/content/posts_1.json": _meta_json(posts),
                   "media/posts/202403/0.jpg": b"\xff\xd8\xff\xe0"})


# --- LinkedIn ----------------------------------------------------------------------------------

def linkedin_export(folder: Path, items: list[Item], comments: list[Item] = ()) -> Path:
    """Basic_LinkedInDataExport_05-01-2024.zip with Shares.csv and Comments.csv."""
    shares = io.StringIO()
    writer = csv.writer(shares)
    writer.writerow(["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"])
    for number, item in enumerate(items):
        link = f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A71{number:016d}"
        writer.writerow([item.when.strftime("%Y-%m-%d %H:%M:%S"), link, "" if item.kind == "repost" else item.text,
                         "https://news.example/story" if item.kind == "repost" else "", "", "MEMBER_NETWORK"])
    said = io.StringIO()
    writer = csv.writer(said)
    writer.writerow(["Date", "Link", "Message"])
    for number, item in enumerate(comments):
        writer.writerow([item.when.strftime("%Y-%m-%d %H:%M:%S"),
                         f"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A72{number:016d}", item.text])
    return _write(folder, "Basic_LinkedInDataExport_05-01-2024.zip",
                  {"Shares.csv": shares.getvalue(), "Comments.csv": said.getvalue(),
                   "Connections.csv": "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,"
                                      "Connected On\n"})


def _write(folder: Path, name: str, files: dict[str, str | bytes]) -> Path:
    """The files as a .zip (name ends .zip) or as a folder."""
    target = folder / name
    if name.endswith(".zip"):
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for inside, content in files.items():
                archive.writestr(inside, content)
        return target
    for inside, content in files.items():
        path = target / inside
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return target
