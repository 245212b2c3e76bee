"""The wavy underlines of spell-check, for the part of the text on screen.

Underlines are extra selections in the editor's "spelling" layer, drawn for the visible
part of the document plus a margin of half a screen each side. A QTextCursor per issue
would cost ~40 µs each to create and slow every keystroke (Qt moves every live cursor on
each edit), so only what can be seen is drawn, again when the view scrolls past it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.core.spelling import REPEAT
from editor_app.core.spelling.tracking import IssueIndex, shift_offset
from editor_app.ui.desk.selection_layers import SelectionLayers

#: Most underlines drawn at once (a screenful rarely holds more than a few dozen).
MAX_UNDERLINES = 600
LAYER = "spelling"
SPELLING_COLOR = QColor("red")
REPEAT_COLOR = QColor("#d97706")


def _wavy(color: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(color)
    return fmt


class SpellUnderlines:
    """Underlines the issues of ``issues`` that are on screen in ``editor``."""

    def __init__(self, editor: QPlainTextEdit, issues: IssueIndex):
        self._editor = editor
        self._issues = issues
        self._layers = SelectionLayers.of(editor)
        self._window = (0, -1)  # the span drawn now
        self._selections: list[QTextEdit.ExtraSelection] = []  # recycled
        self._spelling_format = _wavy(SPELLING_COLOR)
        self._repeat_format = _wavy(REPEAT_COLOR)

    def shift(self, pos: int, removed: int, added: int) -> None:
        """An edit: the drawn span moves with the text (Qt moves the underlines themselves)."""
        low, high = self._window
        self._window = (shift_offset(low, pos, removed, added), shift_offset(high, pos, removed, added))

    def draw(self, *, force: bool = False) -> None:
        """Underline what is on screen; without ``force`` only when the view left the drawn span."""
        if not len(self._issues):
            if force or self._window != (0, -1):
                self._window = (0, -1)
                self._layers.set_layer(LAYER, [])
            return
        first, last = self._visible_span()
        low, high = self._window
        if not force and low <= first and last <= high:
            return
        margin = max(500, (last - first) // 2)
        low, high = max(0, first - margin), last + margin
        self._window = (low, high)
        issues = self._issues.in_range(low, high, MAX_UNDERLINES)
        # Constructing Qt objects lets a busy worker thread take the GIL (up to 5 ms
        # each time); one cursor and recycled selections keep this loop free of them.
        pool = self._selections
        while len(pool) < len(issues):
            pool.append(QTextEdit.ExtraSelection())
        cursor = QTextCursor(self._editor.document())
        keep = QTextCursor.MoveMode.KeepAnchor
        for selection, issue in zip(pool, issues, strict=False):
            cursor.setPosition(issue.start)
            cursor.setPosition(issue.end, keep)
            selection.cursor = cursor  # copied: Qt moves the copy with later edits
            selection.format = self._repeat_format if issue.kind == REPEAT else self._spelling_format
        self._layers.set_layer(LAYER, pool[:len(issues)])

    def _visible_span(self) -> tuple[int, int]:
        viewport = self._editor.viewport()
        first = self._editor.cursorForPosition(QPoint(0, 0)).position()
        last = self._editor.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return first, max(first, last)
