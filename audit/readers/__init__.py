"""One reader per export format; `format_for` picks the reader of a file from its name.

Inside a folder or an archive only the files of a platform's export are read (an export holds many
other files); a .txt, .csv or .jsonl file is read like `rapport lint` reads it when it is named directly.
"""
from __future__ import annotations

from ..containers import Member
from . import drafts, linkedin, mastodon, meta, x_archive
from .format import Format

EXPORT_FORMATS: tuple[Format, ...] = (
    x_archive.TWEETS, mastodon.OUTBOX, meta.FACEBOOK_POSTS, meta.FACEBOOK_COMMENTS, meta.INSTAGRAM_POSTS,
    linkedin.SHARES, linkedin.COMMENTS,
)
DRAFT_FORMATS: tuple[Format, ...] = drafts.FORMATS


def format_for(member: Member, named_directly: bool) -> Format | None:
    candidates = EXPORT_FORMATS + (DRAFT_FORMATS if named_directly else ())
    return next((known for known in candidates if known.claims(member.path)), None)


def known_formats() -> str:
    """The formats, one a line, for error messages."""
    return "\n".join(f"  {known.name}: {known.description}" for known in EXPORT_FORMATS + DRAFT_FORMATS)


__all__ = ["DRAFT_FORMATS", "EXPORT_FORMATS", "Format", "format_for", "known_formats"]
