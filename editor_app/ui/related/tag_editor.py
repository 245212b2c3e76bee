"""The tag editor of the metadata panel, and the dialog that tags many articles at once.

Tags show as chips with a remove button; a line edit with autocomplete from
the vocabulary (names and aliases) adds one on Enter; suggested tags appear as
one-click chips. Every change is written at once through core (one
transaction) and announced with ``signals.tags_changed``: tags are metadata the
editor does not hold in its text, so there is nothing to autosave later.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QPoint,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.core.related import suggest_tags, tag_articles
from editor_app.ui.background import BackgroundWork
from editor_app.ui.focus_order import set_focus_order

if TYPE_CHECKING:
    from editor_app.core.library import Library

SUGGESTIONS = 6

#: why core/related/tagging suggests a tag (its English reasons), translated where shown
_REASON = re.compile(r"(?:(?P<hits>\d+)× in the body|in the (?P<field>title|summary)"
                     r"|on (?P<carriers>\d+) of (?P<similar>\d+) similar articles)"
                     r"(?: as (?P<aliases>.+))?")
_REASONS = {
    "title": QT_TRANSLATE_NOOP("TagEditor", "in the title"),
    "summary": QT_TRANSLATE_NOOP("TagEditor", "in the summary"),
    "hits": QT_TRANSLATE_NOOP("TagEditor", "{hits}× in the body"),
    "similar": QT_TRANSLATE_NOOP("TagEditor", "on {carriers} of {similar} similar articles"),
    "aliases": QT_TRANSLATE_NOOP("TagEditor", "{found} as {aliases}"),
}


def suggestion_reason(reason: str) -> str:
    """One of core's reasons for a suggested tag in the interface's language
    ("on 3 of 8 similar articles"); a reason of another shape as core wrote it."""
    match = _REASON.fullmatch(reason)
    if not match:
        return reason

    def translated(key: str) -> str:
        return QCoreApplication.translate("TagEditor", _REASONS[key])

    key = "hits" if match["hits"] else match["field"] or "similar"
    text = translated(key).format(**match.groupdict())
    if match["aliases"]:  # the aliases are the vocabulary's words, shown as written
        text = translated("aliases").format(found=text, aliases=match["aliases"])
    return text


class FlowLayout(QLayout):
    """Lays chips out left to right and wraps them, like words in a paragraph."""

    def __init__(self, parent=None, spacing: int = 4):
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


class TagChip(QFrame):
    """One tag with a small × that removes it."""

    remove_requested = Signal(str)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.name = name
        self.setObjectName("tagChip")
        self.setStyleSheet("QFrame#tagChip { background: #e8eef7; border: 1px solid #b8c7de;"
                           " border-radius: 9px; }")
        self.label = QLabel(name)
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove the tag “{name}”").format(name=name))
        self.remove_button.setAccessibleName(self.tr("Remove tag {name}").format(name=name))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.name))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)


def vocabulary_completer(library: Library, parent) -> tuple[QCompleter, QStringListModel]:
    """A case-insensitive completer over every tag name and alias."""
    model = QStringListModel(library.tag_names_for_completion(), parent)
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer, model


class TagEditor(QWidget):
    """Chips, an autocompleting line edit, and suggested tags as one-click chips."""

    #: the article's tags after a change made here
    tags_edited = Signal(list)

    def __init__(self, library: Library, signals, parent=None):
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self._library = library
        self._signals = signals
        self.article_id: int | None = None
        self.tags: list[str] = []
        self.suggested: list[str] = []

        self.chips = QWidget()
        self.chip_layout = FlowLayout(self.chips)
        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(self.tr("Add a tag and press Enter"))
        self.line_edit.setAccessibleName(self.tr("Add a tag"))
        #: where Tab comes from and goes to around the tags (set by the article's tab)
        self.focus_before: QWidget | None = None
        self.focus_after: Callable[[], list[QWidget]] = list
        self.completer, self._completion_model = vocabulary_completer(library, self)
        self.line_edit.setCompleter(self.completer)
        self.line_edit.returnPressed.connect(self._add_from_line_edit)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #a12622;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.suggestion_box = QWidget()
        self.suggestion_layout = FlowLayout(self.suggestion_box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.chips)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.error)
        layout.addWidget(self.suggestion_box)

        self._query = BackgroundWork(self, library=library)
        self._query.finished.connect(self._show_suggestions)
        self._query.failed.connect(lambda _msg: self._show_suggestions([]))
        signals.tags_changed.connect(self._on_tags_changed)
        self.setEnabled(False)

    # -- public ------------------------------------------------------------
    def set_article(self, article_id: int | None) -> None:
        self.article_id = article_id or None
        self.setEnabled(self.article_id is not None)
        self.line_edit.clear()
        self._show_error("")
        self.reload()

    def reload(self) -> None:
        """Re-read the tags, the vocabulary for completion, and ask for suggestions."""
        self.tags = self._library.article_tags(self.article_id) if self.article_id else []
        self._completion_model.setStringList(self._library.tag_names_for_completion())
        self._rebuild_chips()
        self._show_suggestions([])
        if self.article_id is not None:
            self._query.submit(suggest_tags, self.article_id, SUGGESTIONS)

    def add_tag(self, name: str) -> bool:
        return self._apply(add=[name])

    def remove_tag(self, name: str) -> bool:
        return self._apply(remove=[name])

    def chip_names(self) -> list[str]:
        return [self.chip_layout.itemAt(i).widget().name for i in range(self.chip_layout.count())]

    def suggestion_buttons(self) -> list[QPushButton]:
        return [self.suggestion_layout.itemAt(i).widget()
                for i in range(self.suggestion_layout.count())
                if isinstance(self.suggestion_layout.itemAt(i).widget(), QPushButton)]

    def shutdown(self) -> None:
        self._query.close()

    # -- internals ---------------------------------------------------------
    def _add_from_line_edit(self) -> None:
        text = self.line_edit.text()
        if not text.strip():
            return
        # A comma separates several tags typed at once ("harbour, fisheries").
        names = [part for part in text.split(",") if part.strip()]
        if self._apply(add=names):
            self.line_edit.clear()

    def _apply(self, *, add=(), remove=()) -> bool:
        if self.article_id is None:
            return False
        try:
            result = tag_articles(self._library, [self.article_id], add=list(add), remove=list(remove))
        except BylineError as exc:
            self._show_error(str(exc))
            return False
        self._show_error("")
        self.tags = result[self.article_id]
        self.tags_edited.emit(list(self.tags))
        self._signals.tags_changed.emit(self.article_id)  # reloads us through _on_tags_changed
        return True

    def _on_tags_changed(self, article_id: int) -> None:
        if self.article_id is not None and article_id in (0, self.article_id):
            self.reload()

    def _clear(self, layout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                # deleteLater, not setParent(None): the chip being removed may be
                # the sender of the click we are handling.
                widget.hide()
                widget.deleteLater()

    def _rebuild_chips(self) -> None:
        self._clear(self.chip_layout)
        for name in self.tags:
            chip = TagChip(name)
            chip.remove_requested.connect(self.remove_tag)
            self.chip_layout.addWidget(chip)
        self.chips.updateGeometry()
        self.order_focus()

    def _show_suggestions(self, found) -> None:
        self._clear(self.suggestion_layout)
        self.suggested = [s.tag for s in found]
        if found:
            self.suggestion_layout.addWidget(QLabel(self.tr("Suggested:")))
        for s in found:
            button = QPushButton(f"+ {s.tag}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("score {score}: {why}").format(
                score=f"{s.score:.2f}", why="; ".join(suggestion_reason(r) for r in s.reasons)))
            button.clicked.connect(lambda _checked=False, name=s.tag: self.add_tag(name))
            self.suggestion_layout.addWidget(button)
        self.suggestion_box.setVisible(bool(found))
        self.order_focus()

    def order_focus(self) -> None:
        """Tab: the field before, the tag input, each chip's remove button, the suggestions,
        then what follows (chips and suggestions are made anew on every change)."""
        chips = [self.chip_layout.itemAt(i).widget() for i in range(self.chip_layout.count())]
        removes = [chip.remove_button for chip in chips if isinstance(chip, TagChip)]
        set_focus_order([self.focus_before, self.line_edit, *removes,
                         *self.suggestion_buttons(), *self.focus_after()])

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class BulkTagDialog(QDialog):
    """Add and remove tags on several selected articles in one transaction."""

    def __init__(self, library: Library, signals, article_ids: list[int], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag %n article(s)", "", len(article_ids)))
        self._library = library
        self._signals = signals
        self.article_ids = list(article_ids)
        self.result_tags: dict[int, list[str]] = {}
        self.add_edit = QLineEdit()
        self.add_edit.setPlaceholderText(self.tr("harbour, fisheries"))
        self.remove_edit = QLineEdit()
        self.remove_edit.setPlaceholderText(self.tr("tags to take off, comma-separated"))
        completer, _model = vocabulary_completer(library, self)
        self.add_edit.setCompleter(completer)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #a12622;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Add"), self.add_edit)
        form.addRow(self.tr("&Remove"), self.remove_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n article(s) selected. Tags they do not have are "
                                        "simply skipped when removing.", "", len(article_ids))))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @staticmethod
    def _names(text: str) -> list[str]:
        return [part for part in text.split(",") if part.strip()]

    def apply(self) -> bool:
        add, remove = self._names(self.add_edit.text()), self._names(self.remove_edit.text())
        if not add and not remove:
            self.error.setText(self.tr("Type tags to add or remove."))
            return False
        try:
            self.result_tags = tag_articles(self._library, self.article_ids, add=add, remove=remove)
        except BylineError as exc:
            self.error.setText(str(exc))
            return False
        for aid in self.result_tags:
            self._signals.tags_changed.emit(aid)
        self.accept()
        return True
