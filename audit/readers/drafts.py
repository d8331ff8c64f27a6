"""Files of drafts as `rapport lint` reads them (cli/drafts.py): .txt (one a line), .jsonl and .csv
(a `text` field). They carry no date and no platform: `--platform` says which, `generic` by default."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TextIO

from cli.drafts import DraftFileError, read_drafts

from ..containers import Export, Member
from ..errors import ExportError
from ..posts import Post
from .format import Format


def read(stream: TextIO, member: Member, export: Export) -> Iterator[Post]:
    try:
        for draft in read_drafts(member.name, stream):
            yield Post(f"{draft.source}:{draft.line}", None, draft.text.strip(), "post", "")
    except DraftFileError as error:
        raise ExportError(str(error)) from None


def _suffix(suffix: str) -> Callable[[str], bool]:
    return lambda path: path.lower().endswith(suffix)


FORMATS = (
    Format("text", "a .txt file named directly, one post a line", _suffix(".txt"), read),
    Format("jsonl", 'a .jsonl file named directly, a "text" field a line', _suffix(".jsonl"), read),
    Format("csv", 'a .csv file named directly, with a "text" column', _suffix(".csv"), read),
)
