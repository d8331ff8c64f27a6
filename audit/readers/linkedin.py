"""LinkedIn: Shares.csv of the data export (Shares_<member id>.csv in the complete export).

Columns Date ("2024-03-05 10:00:00"), ShareLink, ShareCommentary (the post's words), SharedUrl,
MediaUrl, Visibility. A row with no commentary that shares a URL is a repost. Comments.csv (Date,
Link, Message) holds the account's comments, counted as replies.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from ..containers import Export, Member
from ..errors import ExportError
from ..posts import Post, PostKind, month_of_iso
from .format import Format, basename_matches


def _rows(stream: TextIO, member: Member, needed: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    reader = csv.DictReader(stream)
    missing = [column for column in needed if column not in (reader.fieldnames or ())]
    if missing:
        raise ExportError(f"{member.name}:1: expected the columns {', '.join(needed)} in the header row; "
                          f"missing {', '.join(missing)}")
    try:
        first_line = 2
        for row in reader:
            yield f"{member.name}:{first_line}", row  # where the row starts: its text may span lines
            first_line = reader.line_num + 1
    except csv.Error as error:
        raise ExportError(f"{member.name}:{reader.line_num}: not readable as CSV ({error})") from None


def read_shares(stream: TextIO, member: Member, export: Export) -> Iterator[Post]:
    for where, row in _rows(stream, member, ("Date", "ShareCommentary")):
        text = (row["ShareCommentary"] or "").strip()
        kind: PostKind = "post" if text else ("repost" if (row.get("SharedUrl") or "").strip() else "empty")
        yield Post(where, month_of_iso(row["Date"]), text, kind, "linkedin", (row.get("ShareLink") or None))


def read_comments(stream: TextIO, member: Member, export: Export) -> Iterator[Post]:
    for where, row in _rows(stream, member, ("Date", "Message")):
        text = (row["Message"] or "").strip()
        yield Post(where, month_of_iso(row["Date"]), text, "reply" if text else "empty", "linkedin",
                   (row.get("Link") or None))


SHARES = Format("linkedin", "LinkedIn: Shares.csv (ShareCommentary, Date), in the folder or the .zip",
                basename_matches(r"Shares(?:_\d+)?\.csv"), read_shares)
COMMENTS = Format("linkedin-comments", "LinkedIn: Comments.csv (counted as replies)",
                  basename_matches(r"Comments(?:_\d+)?\.csv"), read_comments)
