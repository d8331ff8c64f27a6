"""Property tests: no Unicode draft gives a 5xx, and every finding's offsets are sane UTF-16.

Drafts are built from arbitrary code points (lone surrogates included, sent as JSON escapes
such as \\ud800) mixed with the pieces that tend to break offset arithmetic: emoji, ZWJ
sequences, flags, RTL and bidi marks, combining marks, control characters, and phrases the
default pack flags, so that findings actually appear. derandomize=True keeps CI deterministic.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from server.app import create_app
from tests.conftest import EXTENSION_ORIGIN

HEADERS = {"Origin": EXTENSION_ORIGIN}
KIB = 1024

PIECES = [
    "😀", "👍🏽", "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇬🇧", "❤️", "\u200d", "\u200b", "\ufeff", "\ufe0f",
    "\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "مرحبا", "שלום",  # RTL marks, bidi overrides, RTL text
    "e\u0301", "a\u0308\u0323", "\u0301", "Z\u0351\u0360\u035b",  # combining marks, incl. a leading one
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\r\n", "\t", "\u2028",  # control characters, separators
    "\ud800", "\udfff", "\udbff", "\udc00",  # lone surrogates
    "𝕎𝕚𝕟", "ſ", "\u212a", "İ", "ı", "ﬃ",  # astral letters, case-folding oddities
    "RT to win", " a £50 voucher! ", "Do not reply.", "SHOP NOW!!!", "#giveaway", "@brand",
    "https://example.com", " we ", "Our", "?", "...", " ", "\n",
]

drafts = st.lists(st.one_of(st.sampled_from(PIECES),
                            st.text(st.characters(exclude_categories=()), max_size=8)),  # () keeps surrogates
                  max_size=40).map("".join)
platforms = st.sampled_from(["generic", "x", "linkedin", "facebook", "instagram", "threads", "bluesky", "mastodon"])


@pytest.fixture(scope="module")
def client():
    return create_app({"TESTING": True}).test_client()


def _post(client, payload: object, body: bytes | None = None):
    # ensure_ascii (the default) writes lone surrogates as \udXXX escapes, as a browser's JSON.stringify does.
    data = body if body is not None else json.dumps(payload).encode("ascii")
    return client.post("/v1/lint", data=data, content_type="application/json", headers=HEADERS)


def _check_offsets(text: str, findings: list[dict]) -> None:
    units = text.encode("utf-16-le", "surrogatepass")  # a lone surrogate is one unit
    codes = [int.from_bytes(units[i:i + 2], "little") for i in range(0, len(units), 2)]

    def splits_pair(position: int) -> bool:
        return 0 < position < len(codes) and 0xD800 <= codes[position - 1] <= 0xDBFF \
            and 0xDC00 <= codes[position] <= 0xDFFF

    for finding in findings:
        start, length = finding["offset"], finding["length"]
        assert isinstance(start, int) and isinstance(length, int), finding
        assert 0 <= start and 0 <= length and start + length <= len(codes), (finding, len(codes))
        assert not splits_pair(start) and not splits_pair(start + length), finding
        if finding["scope"] == "draft":
            assert (start, length) == (len(codes), 0), finding


def _still_answers(client) -> None:
    response = _post(client, {"text": "RT to win a voucher!"})
    assert response.status_code == 200
    assert "reward-for-sharing" in {f["rule"] for f in response.get_json()["findings"]}
    assert client.get("/healthz").status_code == 200


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=drafts, platform=platforms)
@example(text="a" * (64 * KIB), platform="generic")  # 64 KiB exactly: the largest accepted draft
@example(text="😀" * (16 * KIB), platform="x")  # 64 KiB of 4-byte characters, 32 Ki UTF-16 units
@example(text=("👩‍👩‍👧‍👦 RT to win! \u202e\ud800 " * 2000)[:30000], platform="x")
@example(text="\ud800" * (64 * KIB // 3), platform="generic")  # lone surrogates: 3 bytes each
@example(text="a" * (64 * KIB + 1), platform="generic")  # one byte over: 413, not 5xx
@example(text="", platform="generic")
def test_any_draft_gets_a_sane_answer(client, text, platform):
    response = _post(client, {"text": text, "platform": platform})
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    if len(text.encode("utf-8", "surrogatepass")) > 64 * KIB:
        assert response.status_code == 413
        return
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    # The server sees the text after a JSON round trip (an escaped surrogate pair becomes one code point).
    seen = json.loads(json.dumps(text))
    _check_offsets(seen, body["findings"])
    assert body["stats"]["characters"] == len(seen)  # code points, as the rules' `characters` feature counts
    _still_answers(client)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(st.characters(exclude_categories=())),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(body=st.dictionaries(st.sampled_from(["text", "platform", "disabled_rules", "extra"]), json_values, max_size=4)
       | json_values)
def test_any_json_body_gets_a_4xx_or_an_answer(client, body):
    response = _post(client, body)
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert response.status_code == 200 or "error" in response.get_json()
    if response.status_code == 200:
        _check_offsets(json.loads(json.dumps(body["text"])), response.get_json()["findings"])


@settings(max_examples=100, deadline=None, derandomize=True)
@given(raw=st.binary(max_size=200) | st.text(st.characters(exclude_categories=()), max_size=60).map(
    lambda s: s.encode("utf-8", "surrogatepass")))
def test_any_bytes_get_a_4xx_or_an_answer(client, raw):
    response = _post(client, None, body=raw)
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    _still_answers(client)
