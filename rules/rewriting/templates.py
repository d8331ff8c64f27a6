"""Suggestion templates: `replace` and `append` texts with slots filled from the draft.

    replace: "We're giving {offer|something} to one of you[ {when}]. What would you do with it?"

`{name}` is a slot (slots.py says which there are); `{name|fallback}` gives the text to use when the
draft has nothing for it; a part in `[...]` is left out unless every slot inside it is filled.
`{{`, `}}`, `[[` and `]]` write the marks themselves. A slot with no fallback and nothing to fill it
is empty.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# A literal mark, an optional part, a slot, or plain text; nothing nests, so it reads in one pass.
_TOKEN = re.compile(r"(?P<literal>\{\{|\}\}|\[\[|\]\])|(?P<open>\[)|(?P<close>\])"
                    r"|\{(?P<slot>[a-z_][a-z0-9_]*)(?:\|(?P<fallback>[^{}\[\]]*))?\}|(?P<text>[^{}\[\]]+)|(?P<bad>.)",
                    re.IGNORECASE | re.DOTALL)


class TemplateError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class _Slot:
    name: str
    fallback: str | None


Part = str | _Slot
Piece = Part | tuple[Part, ...]  # a tuple is an optional part


@lru_cache(maxsize=1024)
def parse(template: str) -> tuple[Piece, ...]:
    """The template's pieces; TemplateError says what is wrong with it."""
    pieces: list[Piece] = []
    optional: list[Part] | None = None
    for match in _TOKEN.finditer(template):
        kind = "slot" if match["slot"] else match.lastgroup  # lastgroup would name the fallback
        if kind == "bad":
            raise TemplateError(f"unmatched {match.group()!r}; slots are {{name}} or {{name|fallback}}, "
                                "write {{ }} [[ ]] for the marks themselves")
        if kind == "open":
            if optional is not None:
                raise TemplateError("optional parts [...] do not nest")
            optional = []
            continue
        if kind == "close":
            if optional is None:
                raise TemplateError("']' closes no optional part; write ]] for the mark itself")
            pieces.append(tuple(optional))
            optional = None
            continue
        part: Part = (_Slot(match["slot"].lower(), match["fallback"]) if kind == "slot"
                      else match.group()[0] if kind == "literal" else match.group())
        (pieces if optional is None else optional).append(part)
    if optional is not None:
        raise TemplateError("'[' opens an optional part that is never closed")
    return tuple(pieces)


def slot_names(template: str) -> Iterator[str]:
    for piece in parse(template):
        for part in piece if isinstance(piece, tuple) else (piece,):
            if isinstance(part, _Slot):
                yield part.name


def fill(template: str, value: Callable[[str], str | None]) -> str:
    """The template with each slot's value (None: the draft has none) or its fallback."""
    out = []
    for piece in parse(template):
        if isinstance(piece, tuple):
            values = [_part(part, value) for part in piece]
            if all(v is not None for v in values):
                out.extend(values)  # type: ignore[arg-type]
        else:
            out.append(_part(piece, value) or "")
    return re.sub(r" {2,}", " ", "".join(out)).strip(" ")


def _part(part: Part, value: Callable[[str], str | None]) -> str | None:
    if isinstance(part, str):
        return part
    found = value(part.name)
    return found if found else part.fallback
