"""The Related panel beside the editor: suggestions with reasons, and the pinned list.

Suggestions are computed on a worker thread with its own library connection
(``library.reopen()``): on a big library a query takes tens of milliseconds and
the editor must not stutter. Each request carries a generation number; a
result that comes back after a newer request was made is dropped.

The pinned list is what runs as "Related news" under the story: drag to
reorder (saved through ``Library.reorder_related``), unpin, or add any
article by searching for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.core.related import suggest_related
from editor_app.ui.background import BackgroundWork

if TYPE_CHECKING:
    from editor_app.core.library import Library

REFRESH_DELAY_MS = 400
SUGGESTIONS = 20
ID_ROLE = Qt.ItemDataRole.UserRole
REASONS_ROLE = Qt.ItemDataRole.UserRole + 1


class AddBySearchDialog(QDialog):
    """Find any article by full-text search; ``chosen_id`` is set on accept."""

    def __init__(self, library: Library, exclude_id: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add related article"))
        self.resize(520, 380)
        self._library = library
        self._exclude = exclude_id
        self.chosen_id: int | None = None
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search headlines and text…"))
        self.query.setAccessibleName(self.tr("Search"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.results.itemDoubleClicked.connect(lambda _i: self._accept())

    def run_search(self) -> None:
        # Full-text search is budgeted at 20 ms on 100,000 articles: fine on this thread.
        self.results.clear()
        try:
            hits = self._library.search(self.query.text(), limit=30)
        except BylineError as exc:
            self.results.addItem(str(exc))
            return
        for hit in hits:
            if hit.id == self._exclude:
                continue
            item = QListWidgetItem(hit.title)
            item.setData(ID_ROLE, hit.id)
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _accept(self) -> None:
        item = self.results.currentItem()
        if item is None or item.data(ID_ROLE) is None:
            return
        self.chosen_id = int(item.data(ID_ROLE))
        self.accept()


class RelatedPanel(QWidget):
    """Suggestions (score, title, date, reasons) with Pin and Ban, and the pinned list."""

    #: the suggestions on display were replaced (number of suggestions)
    suggestions_updated = Signal(int)

    def __init__(self, library: Library, signals, parent=None):
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self._library = library
        self._signals = signals
        self.article_id: int | None = None
        self._saved_order: list[int] = []

        self.include_newer = QCheckBox(self.tr("Include newer articles"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        # The reason under each title, wrapped: in a column of its own it sat off-screen
        # in a narrow dock (#17).
        self.suggestions = QTreeWidget()
        self.suggestions.setHeaderLabels([self.tr("Article and why"), self.tr("Score")])
        self.suggestions.setAccessibleName(self.tr("Related news suggestions"))
        self.suggestions.setRootIsDecorated(False)
        self.suggestions.setAlternatingRowColors(True)
        self.suggestions.setWordWrap(True)
        self.suggestions.setUniformRowHeights(False)
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.suggestions.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.pin_button = QPushButton(self.tr("Pin"))
        self.pin_button.setToolTip(self.tr("Run the selected suggestion under the story"))
        self.ban_button = QPushButton(self.tr("Ban"))
        self.ban_button.setToolTip(self.tr("Never suggest the selected article for this story"))
        self.pinned = QListWidget()
        self.pinned.setAccessibleName(self.tr("Related news"))
        self.pinned.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.pinned.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.unpin_button = QPushButton(self.tr("Unpin"))
        self.add_button = QPushButton(self.tr("Add by search…"))

        row = QHBoxLayout()
        row.addWidget(self.pin_button)
        row.addWidget(self.ban_button)
        row.addStretch(1)
        row.addWidget(self.include_newer)
        pinned_row = QHBoxLayout()
        pinned_row.addWidget(self.unpin_button)
        pinned_row.addStretch(1)
        pinned_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Suggestions</b>")))
        layout.addWidget(self.suggestions, 3)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("<b>Related news</b> (drag to reorder)")))
        layout.addWidget(self.pinned, 2)
        layout.addLayout(pinned_row)

        self._query = BackgroundWork(self, library=library)
        self._query.finished.connect(self.show_suggestions)
        self._query.failed.connect(self._show_error)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

        self.pin_button.clicked.connect(self.pin_selected)
        self.ban_button.clicked.connect(self.ban_selected)
        self.unpin_button.clicked.connect(self.unpin_selected)
        self.add_button.clicked.connect(self.add_by_search)
        self.include_newer.toggled.connect(lambda _on: self.refresh())
        self.pinned.model().rowsMoved.connect(lambda *_a: self._save_order())
        self.pinned.model().layoutChanged.connect(lambda *_a: self._save_order())
        signals.tags_changed.connect(self._on_changed)
        signals.article_saved.connect(self._on_changed)
        self._update_buttons()
        self.suggestions.itemSelectionChanged.connect(self._update_buttons)
        self.pinned.itemSelectionChanged.connect(self._update_buttons)

    # -- public ------------------------------------------------------------
    def set_article(self, article_id: int | None) -> None:
        self.article_id = article_id or None
        self.suggestions.clear()
        self.load_pinned()
        self.refresh()

    def refresh(self) -> None:
        """Ask the worker for fresh suggestions (the newest request wins)."""
        self._timer.stop()
        if self.article_id is None:
            self.status.setText("")
            return
        self.status.setText(self.tr("Looking for related articles…"))
        self._query.submit(_suggest, self.article_id, self.include_newer.isChecked())

    def suggestion_ids(self) -> list[int]:
        return [self.suggestions.topLevelItem(i).data(0, ID_ROLE)
                for i in range(self.suggestions.topLevelItemCount())]

    def pinned_ids(self) -> list[int]:
        return [self.pinned.item(i).data(ID_ROLE) for i in range(self.pinned.count())]

    def pin_article(self, other_id: int) -> bool:
        return self._change(lambda: self._library.pin_related(self.article_id, other_id))

    def pin_selected(self) -> bool:
        item = self.suggestions.currentItem()
        return item is not None and self.pin_article(int(item.data(0, ID_ROLE)))

    def ban_selected(self) -> bool:
        item = self.suggestions.currentItem()
        if item is None:
            return False
        return self._change(lambda: self._library.ban_related(self.article_id, int(item.data(0, ID_ROLE))))

    def unpin_selected(self) -> bool:
        item = self.pinned.currentItem()
        if item is None:
            return False
        return self._change(lambda: self._library.unpin_related(self.article_id, int(item.data(ID_ROLE))))

    def add_by_search(self) -> None:
        if self.article_id is None:
            return
        dialog = AddBySearchDialog(self._library, self.article_id, self)
        if dialog.exec() and dialog.chosen_id is not None:
            self.pin_article(dialog.chosen_id)

    def load_pinned(self) -> None:
        blocker = self.pinned.blockSignals(True)
        self.pinned.clear()
        if self.article_id is not None:
            for art in self._library.pinned_related(self.article_id):
                item = QListWidgetItem(f"{art.date or '—'}  {art.title}")
                item.setData(ID_ROLE, art.id)
                item.setToolTip(art.slug)
                self.pinned.addItem(item)
        self.pinned.blockSignals(blocker)
        self._saved_order = self.pinned_ids()
        self._update_buttons()

    def shutdown(self) -> None:
        """Wait for the worker and close its connection (the window calls this on close)."""
        self._timer.stop()
        self._query.close()

    # -- internals ---------------------------------------------------------
    def _on_changed(self, article_id: int) -> None:
        if self.article_id is not None and article_id in (0, self.article_id):
            self._timer.start()

    def _change(self, action) -> bool:
        if self.article_id is None:
            return False
        try:
            action()
        except BylineError as exc:
            self._show_error(str(exc))
            return False
        self.load_pinned()
        self._signals.tags_changed.emit(self.article_id)
        self.refresh()
        return True

    def _save_order(self) -> None:
        order = self.pinned_ids()
        if self.article_id is None or order == self._saved_order or None in order:
            return
        try:
            self._library.reorder_related(self.article_id, order)
        except BylineError as exc:
            self._show_error(str(exc))
            self.load_pinned()
            return
        self._saved_order = order
        self._signals.tags_changed.emit(self.article_id)

    def show_suggestions(self, found) -> None:
        self.suggestions.clear()
        # A suggestion with nothing to say for it (a score that rounds to 0, no reason)
        # is not offered.
        found = [s for s in found if round(s.score, 2) > 0 and s.reasons]
        for s in found:
            title = s.title + (self.tr("  (pinned)") if s.pinned else "")
            why = "; ".join(s.reasons)
            item = QTreeWidgetItem([f"{title}\n{s.date or '—'} · {why}", f"{s.score:.2f}"])
            item.setData(0, ID_ROLE, s.id)
            item.setData(0, REASONS_ROLE, why)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("{title}, {date}, score {score}: {why}").format(
                             title=title, date=s.date or self.tr("no date"),
                             score=f"{s.score:.2f}", why=why))
            item.setToolTip(0, f"{s.title}\n" + "\n".join(s.reasons))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.suggestions.addTopLevelItem(item)
        self.status.setText("" if found else self.tr("No related articles found."))
        self._update_buttons()
        self.suggestions_updated.emit(len(found))

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        self._signals.message.emit(message, 5000)

    def _update_buttons(self) -> None:
        has_article = self.article_id is not None
        self.pin_button.setEnabled(has_article and self.suggestions.currentItem() is not None)
        self.ban_button.setEnabled(has_article and self.suggestions.currentItem() is not None)
        self.unpin_button.setEnabled(has_article and self.pinned.currentItem() is not None)
        self.add_button.setEnabled(has_article)


def _suggest(library: Library, article_id: int, include_newer: bool):
    return suggest_related(library, article_id, limit=SUGGESTIONS, include_newer=include_newer)
