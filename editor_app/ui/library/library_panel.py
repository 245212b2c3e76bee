"""The library sidebar: a search box over the FTS index and the lazily fetched list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.models import Kind, Status
from editor_app.core.new_article import NEW_KINDS
from editor_app.ui.background import BackgroundWork
from editor_app.ui.labels import counted, kind_label, new_kind_action_label, status_label
from editor_app.ui.library.library_model import ArticleListModel

if TYPE_CHECKING:
    from editor_app.core.library import Library

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 500
#: the headline column never shows fewer characters than this while other columns show
HEADLINE_CHARS = 30
HEADLINE_SAMPLE = "Harbour master: the quay reopen"[:HEADLINE_CHARS]
#: columns besides the headline, the first kept longest when the list is narrow
COLUMN_PRIORITY = (2, 3, 1, 4)  # status, date, kind, tags
#: the longest value each column shows (its width is measured, not guessed); kinds and
#: statuses are measured in the interface's language (column_samples)
DATE_SAMPLE, TAGS_SAMPLE = "2024-12-31", "harbour, transport, council"


def column_samples() -> dict[int, list[str]]:
    """Every value a column can show (kind, status) or a long one (date, tags)."""
    return {1: [kind_label(kind) for kind in Kind], 2: [status_label(s) for s in Status],
            3: [DATE_SAMPLE], 4: [TAGS_SAMPLE]}


def _search_ids(library: Library, query: str) -> list[int]:
    return [hit.id for hit in library.search(query, limit=SEARCH_LIMIT)]


class LibraryPanel(QWidget):
    """Search field above the article table; emits which article is selected or opened."""

    article_selected = Signal(int)
    article_activated = Signal(int)
    #: the context menu's New …: "interview", "news", "feature" or "opinion" (#17)
    new_article_requested = Signal(str)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self._library = library
        # Ctrl+F finds in the open article; the library's search has its own key (#17).
        self.search_box = QLineEdit(placeholderText=self.tr("Search the library (Ctrl+Shift+F)…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search the library"))
        self.model = ArticleListModel(library, self)
        self._samples = column_samples()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        # The headline is what people scan: it takes the room, the others get the width
        # of their longest value and are left out, least useful first, when the list is
        # too narrow for them and a headline of HEADLINE_CHARS characters (#20).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self._column_width(column))
        self.table.setAccessibleName(self.tr("Articles in the library"))
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._statuses: list[str] | None = None
        self._queue_ids: list[int] | None = None  # a queue of articles, not statuses (Conflicts)
        self._reselect: int | None = None
        # On a large library a search takes tens of milliseconds: never on the GUI thread.
        self._search = BackgroundWork(self, library=library)
        self._search.finished.connect(self._show_search_result)
        self._search.failed.connect(lambda _message: self._show_search_result([]))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(self._on_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._update_count()

    # -- columns ---------------------------------------------------------------------
    def _column_width(self, column: int) -> int:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        title = self.model.headerData(column, Qt.Orientation.Horizontal)
        widest = max(metrics.horizontalAdvance(text) for text in self._samples[column])
        return max(widest,
                   header.horizontalAdvance(title) + 16) + 14

    def headline_min_width(self) -> int:
        """The width a headline of HEADLINE_CHARS characters needs in the list."""
        return self.table.fontMetrics().horizontalAdvance(HEADLINE_SAMPLE) + 14

    def fit_columns(self) -> None:
        """Show the columns that leave the headline its HEADLINE_CHARS characters."""
        available = self.table.viewport().width()
        room = available - self.headline_min_width()
        shown = set()
        for column in COLUMN_PRIORITY:
            width = self.table.horizontalHeader().sectionSize(column) or self._column_width(column)
            if width <= room:
                shown.add(column)
                room -= width
        for column in COLUMN_PRIORITY:
            if self.table.isColumnHidden(column) == (column in shown):
                self.table.setColumnHidden(column, column not in shown)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit_columns()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.fit_columns()

    def set_statuses(self, statuses: list[str] | None) -> None:
        """Show one review queue (a set of statuses) or, with None, the whole library."""
        self._statuses = statuses
        self._queue_ids = None
        self.apply_filter()

    def set_article_ids(self, ids: list[int]) -> None:
        """Show only these articles (the Conflicts queue), narrowed by the search box too."""
        self._statuses = None
        self._queue_ids = list(ids)
        self.apply_filter()

    def apply_filter(self) -> None:
        """Show the current queue, narrowed by the search box (searched on a worker)."""
        query = self.search_box.text().strip()
        if query:
            self._search.submit(_search_ids, query)
            return
        self._search.cancel()  # an answer still on its way is stale now
        self._show(None)

    def _show_search_result(self, ids: list[int]) -> None:
        self._show(ids)

    def _show(self, ids: list[int] | None) -> None:
        if self._queue_ids is not None:
            queue = set(self._queue_ids)
            ids = list(self._queue_ids) if ids is None else [i for i in ids if i in queue]
        self.model.set_filter(statuses=self._statuses, ids=ids)
        self._update_count()
        reselect, self._reselect = self._reselect, None
        if reselect is not None:
            self.select_article(reselect)

    def shutdown(self) -> None:
        self._search.close()

    def reload(self) -> None:
        """Read the list again (after saves, imports, status changes), keeping the selection."""
        self._reselect = self.current_article_id()
        self.apply_filter()

    def _update_count(self) -> None:
        total = self.model.total
        self.count_label.setText(counted(self.tr("%Ln article(s)", None, total), total))

    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def selected_article_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [aid for aid in (self.model.article_id(r) for r in rows) if aid is not None]

    def select_article(self, article_id: int) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _on_current_changed(self, current, _previous) -> None:
        article_id = self.model.article_id(current.row()) if current.isValid() else None
        if article_id is not None:
            self.article_selected.emit(article_id)

    def context_menu(self) -> QMenu:
        """Open the article under the pointer, or start a new one (also the Menu key)."""
        menu = QMenu(self)
        current = self.current_article_id()
        open_action = menu.addAction(self.tr("&Open"), lambda: self.article_activated.emit(current))
        open_action.setEnabled(current is not None)
        menu.addSeparator()
        for kind, _name in NEW_KINDS:
            menu.addAction(new_kind_action_label(kind), lambda kind=kind: self.new_article_requested.emit(kind))
        return menu

    def _context_menu(self, position) -> None:
        self.context_menu().exec(self.table.viewport().mapToGlobal(position))

    def _on_activated(self, index) -> None:
        article_id = self.model.article_id(index.row())
        if article_id is not None:
            self.article_activated.emit(article_id)
