"""Suggestion templates: `replace` and `append` texts with slots filled from the draft.

    replace: "We're giving {offer|something} to one of you[ {when}]. What would you do with it?"

`{name}` is a slot (slots.py says which there are); `{name|fallback}` gives the text to use when the
draft has nothing for it; a part in `[...]` is left out unless every slot of its own is filled (a
part inside it, one level deep, is judged by itself). A part in `[?...]` is the invitation: it is
left out when the draft already asks something outside the replaced words (a post asks once).
`{{`, `}}`, `[[` and `]]` write the marks themselves. A slot with no fallback and nothing to fill
it is empty.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# A literal mark, the start of an invitation or of an optional part, its end, a slot, or plain text.
_TOKEN = re.compile(r"(?P<literal>\{\{|\}\}|\[\[|\]\])|(?P<ask>\[\?)|(?P<open>\[)|(?P<close>\])"
                    r"|\{(?P<slot>[a-z_][a-z0-9_]*)(?:\|(?P<fallback>[^{}\[\]]*))?\}|(?P<text>[^{}\[\]]+)|(?P<bad>.)",
                    re.IGNORECASE | re.DOTALL)
MAX_DEPTH = 2  # an optional part inside an optional part or an invitation, no deeper


class TemplateError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class _Slot:
    name: str
    fallback: str | None


@dataclass(frozen=True, slots=True)
class _Part:
    """A part in `[...]` (or, with `ask`, in `[?...]`)."""
    pieces: tuple[Piece, ...]
    ask: bool = False


Piece = str | _Slot | _Part


@lru_cache(maxsize=1024)
def parse(template: str) -> tuple[Piece, ...]:
    """The template's pieces; TemplateError says what is wrong with it."""
    stack: list[tuple[list[Piece], bool]] = [([], False)]  # the parts being read, outermost first
    for match in _TOKEN.finditer(template):
        kind = "slot" if match["slot"] else match.lastgroup  # lastgroup would name the fallback
        if kind == "bad":
            raise TemplateError(f"unmatched {match.group()!r}; slots are {{name}} or {{name|fallback}}, "
                                "write {{ }} [[ ]] for the marks themselves")
        if kind in ("open", "ask"):
            if len(stack) > MAX_DEPTH:
                raise TemplateError(f"parts in [...] nest {MAX_DEPTH} deep at most")
            stack.append(([], kind == "ask"))
        elif kind == "close":
            if len(stack) == 1:
                raise TemplateError("']' closes no optional part; write ]] for the mark itself")
            pieces, ask = stack.pop()
            stack[-1][0].append(_Part(tuple(pieces), ask))
        else:
            stack[-1][0].append(_Slot(match["slot"].lower(), match["fallback"]) if kind == "slot"
                                else match.group()[0] if kind == "literal" else match.group())
    if len(stack) > 1:
        raise TemplateError("'[' opens an optional part that is never closed")
    return tuple(stack[0][0])


def slot_names(template: str) -> Iterator[str]:
    yield from _names(parse(template))


def _names(pieces: tuple[Piece, ...]) -> Iterator[str]:
    for piece in pieces:
        if isinstance(piece, _Slot):
            yield piece.name
        elif isinstance(piece, _Part):
            yield from _names(piece.pieces)


def invites(template: str) -> bool:
    """The template has an invitation, a part in `[?...]`."""
    return _invites(parse(template))


def _invites(pieces: tuple[Piece, ...]) -> bool:
    return any(isinstance(piece, _Part) and (piece.ask or _invites(piece.pieces)) for piece in pieces)


def fill(template: str, value: Callable[[str], str | None], asked: bool = False) -> str:
    """The template with each slot's value (None: the draft has none) or its fallback; with `asked`
    (the draft asks something outside the replaced words), without its invitation."""
    text = "".join(_filled(parse(template), value, asked) or ())
    # "Fancy a treat?. " when a slot that ends a question is followed by the template's full stop
    return re.sub(r"([?!])\.(?=\s|$)", r"\1", re.sub(r" {2,}", " ", text)).strip(" ")


def _filled(pieces: tuple[Piece, ...], value: Callable[[str], str | None], asked: bool,
            optional: bool = False) -> list[str] | None:
    """The pieces' text; None when `optional` and one of their own slots has nothing to fill it."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, _Part):
            if not (piece.ask and asked):
                out.extend(_filled(piece.pieces, value, asked, optional=not piece.ask) or ())
            continue
        found = _part(piece, value)
        if found is None and optional:
            return None
        out.append(found or "")
    return out


def _part(part: str | _Slot, value: Callable[[str], str | None]) -> str | None:
    if isinstance(part, str):
        return part
    found = value(part.name)
    return found if found else part.fallback
