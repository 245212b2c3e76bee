"""Headline quote, question and answer insertion, Enter after a question, without Qt."""

import pytest

from editor_app.core.errors import InputError
from editor_app.core.interview import (
    answer_insertion,
    apply_insertion,
    clean_quote,
    enter_in_question,
    headline_quote,
    question_insertion,
    whole_words,
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


# -- #17: Enter after a question, Insert Answer, whole words -----------------------------


def test_enter_at_the_end_of_a_question_starts_a_separate_paragraph():
    text = "Lede.\n\nQ: Why now?"
    insertion = enter_in_question(text, len(text))
    assert apply_insertion(text, insertion) == "Lede.\n\nQ: Why now?\n\n"
    assert insertion.cursor == len(text) + 2
    bold = "**Q:** Why now?\n\nA: Because."
    assert enter_in_question(bold, bold.index("\n")) is not None


def test_enter_elsewhere_is_an_ordinary_line_break():
    text = "Lede.\n\nQ: Why now?\n\nA: Because."
    assert enter_in_question(text, len(text)) is None  # in an answer
    assert enter_in_question(text, text.index("now")) is None  # inside the question's line
    assert enter_in_question("Quarterly figures are out", 25) is None  # not a Q: paragraph


def test_insert_answer_makes_an_a_paragraph_after_the_line():
    text = "Q: Why now?\n\nQ: And then?"
    insertion = answer_insertion(text, 3)
    assert apply_insertion(text, insertion) == "Q: Why now?\n\nA: \n\nQ: And then?"
    assert apply_insertion(text, insertion)[insertion.cursor - 3: insertion.cursor] == "A: "


def test_a_loose_selection_takes_whole_words():
    text = "A: It was a long winter for the harbour."
    start, end = text.index("as a"), text.index("inter") + 3  # "as a long wint"
    assert text[slice(*whole_words(text, start, end))] == "was a long winter"
    assert whole_words(text, end, start) == whole_words(text, start, end)
    assert text[slice(*whole_words(text, text.index(" a "), text.index(" a ") + 3))] == " a "
