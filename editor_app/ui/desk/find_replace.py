"""The find and replace bar under the editor (Ctrl+F, Ctrl+H; Escape closes it).

Searching uses QTextDocument.find (C++), and "replace all" is one edit block, so
a single Ctrl+Z brings every replaced word back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

MATCH_HIGHLIGHT_LIMIT = 2000
MIN_BOX_WIDTH = 120


def _button(text: str, tip: str, name: str) -> QToolButton:
    """A small face with its tooltip (which names the key) and a screen reader's name."""
    button = QToolButton(text=text, autoRaise=True)
    button.setToolTip(tip)
    button.setAccessibleName(name)
    return button


def _toggle(text: str, name: str) -> QToolButton:
    """A checkable option with a short face ("Aa") and its full name for tooltips and
    screen readers; ``isChecked``/``setChecked``/``toggled`` as a check box has them."""
    button = QToolButton(text=text, checkable=True, autoRaise=True)
    button.setToolTip(name)
    button.setAccessibleName(name)
    return button


class FindReplaceBar(QWidget):
    """Find/replace over one editor; shows all matches and the count."""

    closed = Signal()

    def __init__(self, editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("findReplaceBar")
        # Compact controls: the bar spans the article tab under editor and preview and
        # must fit a 1280 px screen with the panels open without squeezing either (#17).
        self.find_box = QLineEdit(placeholderText=self.tr("Find"))
        self.find_box.setAccessibleName(self.tr("Find"))
        self.find_box.setMinimumWidth(MIN_BOX_WIDTH)
        self.replace_box = QLineEdit(placeholderText=self.tr("Replace with"))
        self.replace_box.setAccessibleName(self.tr("Replace with"))
        self.replace_box.setMinimumWidth(MIN_BOX_WIDTH)
        self.case_box = _toggle("Aa", self.tr("Match case"))
        self.words_box = _toggle("“ab”", self.tr("Whole words"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Matches"))
        self.next_button = _button("↓", self.tr("Next match (Enter)"), self.tr("Next match"))
        self.previous_button = _button("↑", self.tr("Previous match"), self.tr("Previous match"))
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_button.setAccessibleName(self.tr("Replace"))
        self.replace_all_button = QPushButton(self.tr("All"))
        self.replace_all_button.setToolTip(self.tr("Replace all (one undo step)"))
        self.replace_all_button.setAccessibleName(self.tr("Replace all"))
        close_button = _button("✕", self.tr("Close (Esc)"), self.tr("Close the find bar"))

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 3, 6, 3)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.find_box, 0, 0)
        grid.addWidget(self.previous_button, 0, 1)
        grid.addWidget(self.next_button, 0, 2)
        grid.addWidget(self.case_box, 0, 3)
        grid.addWidget(self.words_box, 0, 4)
        grid.addWidget(self.count_label, 0, 5)
        grid.addWidget(close_button, 0, 6)
        grid.addWidget(self.replace_box, 1, 0)
        grid.addWidget(self.replace_button, 1, 1, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 3, 1, 2)
        grid.setColumnStretch(0, 1)
        self.setTabOrder(self.find_box, self.replace_box)
        self.setTabOrder(self.replace_box, self.previous_button)

        self._highlight_timer = QTimer(self, singleShot=True, interval=120)
        self._highlight_timer.timeout.connect(self.highlight_matches)
        self.find_box.textChanged.connect(self._on_find_text_changed)
        self.find_box.returnPressed.connect(self.find_next)
        self.replace_box.returnPressed.connect(self.replace_current)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.case_box.toggled.connect(lambda _on: self._highlight_timer.start())
        self.words_box.toggled.connect(lambda _on: self._highlight_timer.start())
        close_button.clicked.connect(self.close_bar)
        self.hide()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # Escape from either field reaches the bar (line edits do not use it).
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    # -- showing -------------------------------------------------------------
    def open_find(self, *, replace: bool = False) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_box.setText(selected)
        self._set_replace_visible(replace)
        self.show()
        (self.replace_box if replace and self.find_box.text() else self.find_box).setFocus()
        self.find_box.selectAll()
        self.highlight_matches()

    def _set_replace_visible(self, visible: bool) -> None:
        for widget in (self.replace_box, self.replace_button, self.replace_all_button):
            widget.setVisible(visible)

    def close_bar(self) -> None:
        self.hide()
        self.editor.clear_selection_layer("find")
        self.editor.setFocus()
        self.closed.emit()

    # -- finding -------------------------------------------------------------
    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.words_box.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _on_find_text_changed(self, _text: str) -> None:
        self._highlight_timer.start()
        # Find as you type, from where the current match starts.
        cursor = self.editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.editor.setTextCursor(cursor)
        self.find_next()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, *, backward: bool) -> bool:
        needle = self.find_box.text()
        if not needle:
            return False
        document = self.editor.document()
        found = document.find(needle, self.editor.textCursor(), self._flags(backward))
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, self._flags(backward))
        if found.isNull():
            self.count_label.setText(self.tr("Not found"))
            return False
        self.editor.setTextCursor(found)
        self.editor.ensureCursorVisible()
        return True

    def _matches(self, limit: int | None = None) -> list[QTextCursor]:
        needle = self.find_box.text()
        if not needle:
            return []
        document = self.editor.document()
        cursor = QTextCursor(document)
        found = []
        flags = self._flags()
        while True:
            cursor = document.find(needle, cursor, flags)
            if cursor.isNull():
                break
            found.append(QTextCursor(cursor))
            if limit is not None and len(found) >= limit:
                break
        return found

    def highlight_matches(self) -> None:
        matches = self._matches(MATCH_HIGHLIGHT_LIMIT)
        selections = []
        for match in matches:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(255, 210, 80, 140))
            selection.cursor = match
            selections.append(selection)
        self.editor.set_selection_layer("find", selections)
        if not self.find_box.text():
            self.count_label.setText("")
        elif not matches:
            self.count_label.setText(self.tr("Not found"))
        else:
            # Two sources so that English reads right without a translator; each is a
            # plural form (%n) for languages with more forms than English.
            n = len(matches)
            if n >= MATCH_HIGHLIGHT_LIMIT:
                text = self.tr("%n+ matches", "", n)
            elif n == 1:
                text = self.tr("%n match", "", n)
            else:
                text = self.tr("%n matches", "", n)
            self.count_label.setText(text)

    # -- replacing -----------------------------------------------------------
    def _current_is_match(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_box.text()
        if not selected or not needle:
            return False
        if self.case_box.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace_current(self) -> bool:
        """Replace the selected match and move to the next one."""
        if not self._current_is_match() and not self.find_next():
            return False
        cursor = self.editor.textCursor()
        cursor.insertText(self.replace_box.text())
        self.editor.setTextCursor(cursor)
        self.find_next()
        self._highlight_timer.start()
        return True

    def replace_all(self) -> int:
        """Replace every match in one undo step; returns how many."""
        matches = self._matches()
        if not matches:
            self.count_label.setText(self.tr("Not found"))
            return 0
        replacement = self.replace_box.text()
        edit = QTextCursor(self.editor.document())
        edit.beginEditBlock()
        # Back to front, so earlier positions stay valid.
        for match in reversed(matches):
            edit.setPosition(match.selectionStart())
            edit.setPosition(match.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(replacement)
        edit.endEditBlock()
        self.count_label.setText(self.tr("Replaced %n", "", len(matches)))
        self.editor.set_selection_layer("find", [])
        return len(matches)
