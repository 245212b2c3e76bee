"""The markdown editor: highlighting, formatting commands, interview tools, find/replace."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor_app.ui.desk.editor import MarkdownEditor
from editor_app.ui.desk.find_replace import FindReplaceBar
from editor_app.ui.desk.highlighter import QUESTION


@pytest.fixture
def editor(qtbot):
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    return widget


def _format_at(editor, line: int, column: int):
    from PySide6.QtGui import QTextCharFormat

    block = editor.document().findBlockByNumber(line)
    ranges = block.layout().formats()
    for fmt_range in ranges:
        if fmt_range.start <= column < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)
    return None


def test_highlighter_marks_a_question_line(editor):
    editor.set_text("Lede.\n\nQ: Why now?\nstill the question\n\nA: Because.")
    question = editor.document().findBlockByNumber(2)
    continued = editor.document().findBlockByNumber(3)
    answer = editor.document().findBlockByNumber(5)
    assert question.userState() == QUESTION and continued.userState() == QUESTION
    assert answer.userState() != QUESTION
    fmt = _format_at(editor, 2, 5)
    assert fmt is not None and fmt.fontWeight() >= 700
    assert _format_at(editor, 0, 1) is None  # plain prose stays plain


def test_highlighter_marks_headings_emphasis_code_links_and_fact_boxes(editor):
    editor.set_text('# Title\n\nSome **bold** and `code` and [a link](https://x.org).\n\n'
                    '!!! aside "About"\n    Boxed text.')
    assert _format_at(editor, 0, 3).fontWeight() >= 700
    line = editor.document().findBlockByNumber(2).text()
    assert _format_at(editor, 2, line.index("bold")).fontWeight() >= 700
    assert _format_at(editor, 2, line.index("code")).fontFixedPitch()
    assert _format_at(editor, 2, line.index("a link")).fontUnderline()
    assert _format_at(editor, 4, 0) is not None
    assert _format_at(editor, 5, 6) is not None  # the box body is tinted


def test_typing_rehighlights_only_near_the_edit(editor):
    editor.set_text("\n\n".join(f"Paragraph {i} with *emphasis*." for i in range(2000)))
    calls = []
    original = editor.highlighter.highlightBlock
    editor.highlighter.highlightBlock = lambda text: (calls.append(text), original(text))
    cursor = editor.textCursor()
    cursor.setPosition(10)
    editor.setTextCursor(cursor)
    editor.insertPlainText("x")
    assert 0 < len(calls) <= 3


def test_bold_italic_and_link_wrap_the_selection(editor, qtbot):
    editor.set_text("make this strong")
    cursor = editor.textCursor()
    cursor.setPosition(10)
    cursor.setPosition(16, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.toggle_bold()
    assert editor.toPlainText() == "make this **strong**"
    editor.toggle_italic()
    assert editor.toPlainText() == "make this ***strong***"
    editor.undo()
    editor.toggle_bold()  # selection is "strong" again inside ** **: unwraps when selected with them
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.insert_link("https://example.org")
    assert editor.toPlainText().startswith("[make](https://example.org)")


def test_insert_question_starts_a_paragraph(editor):
    editor.set_text("Lede.\n\nA: An answer.")
    cursor = editor.textCursor()
    cursor.setPosition(2)
    editor.setTextCursor(cursor)
    editor.insert_question()
    editor.insertPlainText("Why?")
    assert editor.toPlainText() == "Lede.\n\nQ: Why?\n\nA: An answer."
    editor.undo()
    editor.undo()
    assert editor.toPlainText() == "Lede.\n\nA: An answer."


def test_go_to_line(editor):
    editor.set_text("\n".join(f"line {i}" for i in range(1, 101)))
    editor.go_to_line(50)
    assert editor.textCursor().blockNumber() == 49


def test_selection_layers_are_merged(editor):
    from PySide6.QtWidgets import QTextEdit

    editor.set_text("alpha beta gamma")
    first = QTextEdit.ExtraSelection()
    first.cursor = editor.textCursor()
    editor.set_selection_layer("comments", [first])
    editor.set_selection_layer("spelling", [QTextEdit.ExtraSelection()])
    count = len(editor.extraSelections())
    editor.clear_selection_layer("spelling")
    assert len(editor.extraSelections()) == count - 1


def test_find_and_replace(editor, qtbot):
    editor.set_text("The council met. The council voted. the Council left.")
    bar = FindReplaceBar(editor)
    qtbot.addWidget(bar)
    bar.open_find(replace=True)
    bar.find_box.setText("council")
    bar.highlight_matches()
    assert bar.count_label.text() == "3 matches"
    assert editor.textCursor().selectedText().lower() == "council"
    bar.case_box.setChecked(True)
    bar.replace_box.setText("board")
    assert bar.replace_all() == 2
    assert editor.toPlainText() == "The board met. The board voted. the Council left."
    editor.undo()  # one undo step brings all of them back
    assert editor.toPlainText().count("council") == 2
    bar.case_box.setChecked(False)
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    assert bar.replace_current()
    assert editor.toPlainText().startswith("The board met. The council")
    qtbot.keyClick(bar.find_box, Qt.Key.Key_Escape)
    assert not bar.isVisible()
