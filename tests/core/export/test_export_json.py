"""article.json and manifest.json: orjson writes the bytes json.dumps would (#7)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.export import metadata

orjson = pytest.importorskip("orjson")


def reference(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
LEAF = st.one_of(TEXT, st.integers(min_value=-2**63, max_value=2**63 - 1), st.booleans(),
                 st.none())
TREE = st.recursive(LEAF, lambda inner: st.one_of(st.lists(inner), st.dictionaries(TEXT, inner)),
                    max_leaves=30)


@settings(max_examples=1500, deadline=None)
@given(TREE)
def test_same_bytes_as_json(data):
    assert metadata.dump_json(data) == reference(data)


@pytest.mark.parametrize("data", [
    {"big": 2**70}, {1: "int key"}, {"lone": "\ud800"}, {"tuple": (1, 2)},
])
def test_what_orjson_refuses_goes_through_json(data):
    try:
        expected = reference(data)
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            metadata.dump_json(data)
        return
    assert metadata.dump_json(data) == expected


def test_floats_may_be_spelled_differently_but_mean_the_same():
    data = {"float": 1e16, "nested": [1.5, {"x": 0.1}]}
    assert json.loads(metadata.dump_json(data)) == data


def test_orjson_is_used(monkeypatch):
    calls = []
    real = orjson.dumps
    monkeypatch.setattr(metadata.orjson, "dumps", lambda *a, **k: calls.append(1) or real(*a, **k))
    metadata.dump_json({"a": [1, "b"]})
    assert calls


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "é", " ", "\t", "\n", "\xa0", "\u2009", "\u3000",
                                         "\x1c", "\x85", "\u2028", "x", "\u200b"])))
def test_char_count_is_collapsed_text_length(text):
    import re

    assert metadata.char_count(text) == len(re.sub(r"\s+", " ", text).strip())
