"""The text of a Mastodon post's HTML content, as a reader sees it.

Paragraphs are separated by a blank line and <br> is a line break. Mastodon writes a link as
<span class="invisible">https://</span><span class="ellipsis">example.com/pa</span><span
class="invisible">th</span>; the invisible parts are kept, so the text holds the link as written
(and the linter counts it as a link). Mentions and hashtags keep their @ and #. Entities are decoded.
"""
from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset({"p", "div", "blockquote", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.pieces.append("\n")
        elif tag in _BLOCKS and self.pieces:
            self.pieces.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


def html_to_text(content: str) -> str:
    if "<" not in content and "&" not in content:
        return content.strip()
    collector = _TextCollector()
    collector.feed(content)
    collector.close()
    lines = "".join(collector.pieces).split("\n")
    return "\n".join(line.strip() for line in lines).strip()
