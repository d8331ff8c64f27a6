"""Word frequencies per language, read from the lists the `wordfreq` package ships (offline).

wordfreq keeps each language's list as a gzipped msgpack "cBpack": a header, then buckets of
words, bucket i holding the words whose frequency is 10^(-i/100) (i centibels below 1). The
buckets come most frequent first, so the head of a list is read without unpacking the rest, and
without importing wordfreq itself (which loads text-repair and language-tag libraries we do not
need). Read once per process, on first use.
"""
from __future__ import annotations

import gzip
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import msgpack

# How rare a word of no list is taken to be, in centibels (10^-7, below every word a list keeps).
UNLISTED_CB = 700
# Bytes the unpacker asks the gzip stream for at a time. Its default, a mebibyte, decompresses a whole
# list to read its head: 3,000 words of each of 23 lists took 65 ms of `rapport lint`'s start-up, 16 ms so.
READ_BYTES = 16 * 1024


@cache
def _data() -> Path:
    # find_spec locates the installed package without running its __init__, which importlib.resources
    # would do (a quarter of a second of `rapport lint`'s start-up).
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq's word lists are not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def list_file(language: str) -> Path:
    return _data() / f"small_{language}.msgpack.gz"


def _buckets(language: str) -> msgpack.Unpacker:
    unpacker = msgpack.Unpacker(gzip.open(list_file(language)), raw=False, read_size=READ_BYTES)
    unpacker.read_array_header()
    header = unpacker.unpack()
    if header.get("format") != "cB":
        raise ValueError(f"wordfreq's list for {language} is not in the cBpack format this reader knows")
    return unpacker


@cache
def head(language: str, words: int) -> dict[str, int]:
    """The `words` most frequent words of `language`, each with its rarity in centibels."""
    found: dict[str, int] = {}
    for rarity, bucket in enumerate(_buckets(language)):
        for word in bucket:
            found.setdefault(word, rarity)
        if len(found) >= words:
            break
    return found


@cache
def whole(language: str) -> dict[str, int]:
    """Every word of `language`'s small list (about 30,000) with its rarity in centibels."""
    return head(language, 10**6)
