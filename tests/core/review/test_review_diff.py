"""Word-level diff between revisions: exact, minimal enough to read, and lossless."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor_app.core.review import diff_to_html, diff_to_text, word_diff
from editor_app.core.review.diff import diff_stats


def rebuild(ops):
    old = "".join(o.text for o in ops if o.kind != "insert")
    new = "".join(o.text for o in ops if o.kind != "delete")
    return old, new


def test_changed_word_is_marked():
    ops = word_diff("The cat sat.", "The dog sat.")
    assert diff_to_text(ops) == "The [-cat -]{+dog +}sat."
    assert diff_stats(ops) == {"added": 1, "removed": 1}


def test_identical_texts_have_no_changes():
    assert [o.kind for o in word_diff("same\ntext", "same\ntext")] == ["equal"]


def test_added_paragraph():
    ops = word_diff("One.\n\nTwo.\n", "One.\n\nNew one.\n\nTwo.\n")
    assert [o.text for o in ops if o.kind == "insert"] == ["New one.\n\n"]


def test_html_marks_and_escapes():
    html = diff_to_html(word_diff("a <b> c", "a <i> c"))
    assert "a &lt;" in html and "line-through" in html and "underline" in html
    assert "<b>" not in html


@given(st.text(alphabet="ab .\n", max_size=60), st.text(alphabet="ab .\n", max_size=60))
def test_diff_is_lossless(old, new):
    assert rebuild(word_diff(old, new)) == (old, new)
