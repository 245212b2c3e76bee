from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.ui.desk.selection_layers import SelectionLayers


def selection(editor, start, end):
    sel = QTextEdit.ExtraSelection()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    sel.cursor = cursor
    return sel


def test_layers_do_not_overwrite_each_other(qtbot):
    editor = QPlainTextEdit("one two three four")
    qtbot.addWidget(editor)
    layers = SelectionLayers.of(editor)
    assert SelectionLayers.of(editor) is layers
    layers.set_layer("spelling", [selection(editor, 0, 3)])
    layers.set_layer("comments", [selection(editor, 4, 7), selection(editor, 8, 13)])
    assert len(editor.extraSelections()) == 3
    layers.set_layer("spelling", [])
    spans = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in editor.extraSelections()]
    assert spans == [(4, 7), (8, 13)]
