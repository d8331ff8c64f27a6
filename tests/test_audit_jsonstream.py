"""The streaming JSON reader agrees with json.loads whatever the chunk size, and places damage as it does."""
from __future__ import annotations

import io
import json
import re
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import jsonstream
from audit.jsonstream import JsonError, array_items

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12)
PREFIX = re.compile(r"window\.YTD\.tweets\.part\d+\s*=\s*")


@settings(max_examples=150, deadline=None)
@given(items=st.lists(VALUES, max_size=6), chunk=st.integers(1, 9), indent=st.sampled_from([None, 1, 2]),
       ascii_only=st.booleans())
def test_items_are_those_json_loads_reads(items, chunk, indent, ascii_only):
    text = json.dumps(items, indent=indent, ensure_ascii=ascii_only)
    keyed = json.dumps({"@context": items, "totalItems": 12345, "orderedItems": items, "last": 6789}, indent=indent)
    prefixed = "window.YTD.tweets.part0 = " + text
    with patch.object(jsonstream, "CHUNK", chunk):
        assert list(array_items(io.StringIO(text), "f")) == items
        assert list(array_items(io.StringIO(keyed), "f", key="orderedItems")) == items
        assert list(array_items(io.StringIO(prefixed), "f", prefix=PREFIX, prefix_text="p")) == items


@settings(max_examples=150, deadline=None)
@given(items=st.lists(st.dictionaries(st.text(max_size=4), VALUES, min_size=1, max_size=3), min_size=1, max_size=5),
       cut=st.floats(0, 1), chunk=st.integers(1, 9))
def test_a_cut_file_is_an_error_never_a_shorter_list(items, cut, chunk):
    text = json.dumps(items, indent=2)
    short = text[:int(len(text.rstrip("]").rstrip()) * cut)]
    with patch.object(jsonstream, "CHUNK", chunk), pytest.raises(JsonError):
        list(array_items(io.StringIO(short), "f"))


@pytest.mark.parametrize("chunk", [3, 1 << 20])
def test_damage_is_placed_where_json_loads_places_it(chunk):
    text = json.dumps([{"a": n, "b": "é" * n} for n in range(40)], indent=2, ensure_ascii=False)
    damaged = text.replace('"a": 17', '"a": 17,,', 1)
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(damaged)
    with patch.object(jsonstream, "CHUNK", chunk), pytest.raises(JsonError) as found:
        list(array_items(io.StringIO(damaged), "f"))
    assert (found.value.line, found.value.column) == (expected.value.lineno, expected.value.colno)
    assert str(found.value).startswith(f"f:{expected.value.lineno}:{expected.value.colno}: not valid JSON")
    assert "ends too soon" not in str(found.value)  # damaged in the middle, not cut short

