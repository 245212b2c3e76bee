"""Headline quote and question insertion, without Qt."""

import pytest

from editor_app.core.errors import InputError
from editor_app.core.interview import (
    apply_insertion,
    clean_quote,
    headline_quote,
    question_insertion,
)


def test_headline_quote_uses_typographic_quotes():
    assert headline_quote("Dr. Jane Roe", "small newsrooms can win") == \
        "Dr. Jane Roe: \u201csmall newsrooms can win\u201d"


def test_headline_quote_cleans_the_selection():
    title = headline_quote("Dr. X", 'A: **nurses** should\n"live" where\u2029they work.')
    assert title == "Dr. X: \u201cnurses should \u2018live\u2019 where they work\u201d"


def test_question_mark_is_kept_and_wrapping_quotes_dropped():
    assert clean_quote("\u201cWhy not?\u201d") == "Why not?"


@pytest.mark.parametrize("interviewee, selection, words", [
    ("", "a quote", "interviewee"),
    ("Dr. X", "   ", "select"),
    ("Dr. X", "word " * 100, "too long"),
])
def test_headline_quote_refuses_with_a_reason(interviewee, selection, words):
    with pytest.raises(InputError, match=words):
        headline_quote(interviewee, selection)


@pytest.mark.parametrize("text, position, expected", [
    ("", 0, "Q: |"),
    ("Lede.", 2, "Lede.\n\nQ: |"),
    ("Lede.\n\nQ: x?\n\nA: y.", 8, "Lede.\n\nQ: x?\n\nQ: |\n\nA: y."),
    ("A\n\n\n\nB", 2, "A\n\nQ: |\n\nB"),
    ("Answer one.\nB", 3, "Answer one.\n\nQ: |\n\nB"),
])
def test_question_insertion(text, position, expected):
    insertion = question_insertion(text, position)
    result = apply_insertion(text, insertion)
    assert result[:insertion.cursor] + "|" + result[insertion.cursor:] == expected
