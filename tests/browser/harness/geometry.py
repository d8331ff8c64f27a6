"""Boxes in viewport coordinates ({left, top, right, bottom}): whether two overlap, where the page lays
out some words, and how the hint card sits by the words it explains. The scripts run in Chromium and
Firefox alike; those taking `shadowOf` read our closed roots (see hints.py)."""

LAPTOP = {"width": 1366, "height": 650}
# Where the words sit in the window (top of their first line), and where the card must go there: at
# mid-height a card about 400 px tall fits on neither side of them, so it takes the roomier one and
# scrolls inside itself.
PLACES = {0.2: "below", 0.8: "above", 0.5: "scrolls"}
# A window's height of room above and below the page's content, so the words can be scrolled anywhere.
ROOM_TO_SCROLL = f"() => {{ document.body.style.padding = '{LAPTOP['height']}px 0'; }}"

# The rects of the first `words` in the editor `selector` finds, from a range over the editor's own text
# nodes; null for a textarea, whose text has no nodes (there the underline drawn over it stands for it).
WORD_RECTS = """(selector, words) => {
  const root = document.querySelector(selector);
  if (!root.isContentEditable) return null;
  const nodes = [], walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = "";
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  const at = (offset) => { const [node, base] = nodes.findLast(([, base]) => base <= offset); return [node, offset - base]; };
  const range = document.createRange(), start = text.indexOf(words);
  range.setStart(...at(start));
  range.setEnd(...at(start + words.length));
  return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
}"""

# How far the open card's content runs past its box, and whether a person can scroll it to the rest.
CARD_SCROLL = """(shadowOf) => { const card = [...document.querySelectorAll("rapport-card")].map((h) => shadowOf(h).querySelector(".card"))[0];
  return [card.scrollHeight - card.clientHeight, ["auto", "scroll"].includes(getComputedStyle(card).overflowY)]; }"""


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def placement(card: dict, words: list[dict], scroll: list) -> str:
    """How the card sits by its words: below or above them, or cut short and scrolling inside itself."""
    room, scrollable = scroll
    if room > 0:
        return "scrolls" if scrollable else "cut short"
    if card["top"] >= max(box["bottom"] for box in words):
        return "below"
    return "above" if card["bottom"] <= min(box["top"] for box in words) else "on the words"


def assert_card_by_words(where: str, card: dict, words: list[dict], scroll: list) -> None:
    """The card covers none of `words`, stays in a LAPTOP window, and sits `where` PLACES says."""
    assert not [box for box in words if overlaps(card, box)], (where, card, words)
    assert card["top"] >= 0 and card["bottom"] <= LAPTOP["height"], (where, card)
    assert placement(card, words, scroll) == where, (card, scroll, words)
