"""The library as a table model that fetches rows lazily, page by page.

A newsroom library holds tens of thousands of articles; the view asks for more
rows only as it scrolls (``canFetchMore``/``fetchMore``), so opening the window
costs one page, not the whole table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt

from editor_app.core.library import ArticleSummary
from editor_app.ui.labels import kind_label, shown_title, status_label

if TYPE_CHECKING:
    from editor_app.core.library import Library

PAGE_SIZE = 200
_ROOT = QModelIndex()  # Qt's default argument: the invisible root


class ArticleListModel(QAbstractTableModel):
    #: the headers, translated where shown (headerData)
    COLUMNS = (QT_TRANSLATE_NOOP("ArticleListModel", "Title"),
               QT_TRANSLATE_NOOP("ArticleListModel", "Kind"),
               QT_TRANSLATE_NOOP("ArticleListModel", "Status"),
               QT_TRANSLATE_NOOP("ArticleListModel", "Date"),
               QT_TRANSLATE_NOOP("ArticleListModel", "Tags"))
    ORDER_KEYS = ("title", "kind", "status", "date", None)
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    SlugRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self._library = library
        self._rows: list[ArticleSummary] = []
        self._total = 0
        self._fetching = False
        self._statuses: list[str] | None = None
        self._tag: str | None = None
        self._ids: list[int] | None = None
        self._order = "date"
        self._descending = True
        self.reload()

    # -- filters -----------------------------------------------------------
    def set_filter(self, *, statuses: list[str] | None = None, tag: str | None = None,
                   ids: list[int] | None = None) -> None:
        """Show only these statuses / this tag / these ids (a search result); None = all."""
        self._statuses, self._tag, self._ids = statuses, tag, ids
        self.reload()

    def reload(self) -> None:
        # No fetchMore while the reset is announced: listeners of modelReset may
        # ask for more rows before the reset is complete.
        self._fetching = True
        try:
            self.beginResetModel()
            self._rows = []
            self._total = self._count()
            self._fetch(PAGE_SIZE)
            self.endResetModel()
        finally:
            self._fetching = False

    def _count(self) -> int:
        if self._ids is not None and not self._statuses and not self._tag:
            return len(self._ids)
        if self._statuses is None and self._ids is None:
            return self._library.count_articles(tag=self._tag)
        return len(self._query(None, 0))

    def _query(self, limit: int | None, offset: int) -> list[ArticleSummary]:
        if self._statuses is None:
            return self._library.list_articles(tag=self._tag, ids=self._ids, order=self._order,
                                               descending=self._descending, limit=limit,
                                               offset=offset)
        rows: list[ArticleSummary] = []
        for status in self._statuses:
            rows += self._library.list_articles(status=status, tag=self._tag, ids=self._ids,
                                                order=self._order, descending=self._descending)
        key = {"title": lambda r: r.title.casefold(), "kind": lambda r: r.kind,
               "status": lambda r: r.status, "date": lambda r: (r.date, r.id)}[self._order]
        rows.sort(key=key, reverse=self._descending)
        return rows[offset: None if limit is None else offset + limit]

    def _fetch(self, count: int) -> list[ArticleSummary]:
        page = self._query(count, len(self._rows))
        self._rows.extend(page)
        return page

    # -- Qt model API --------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=_ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent=_ROOT) -> None:  # noqa: N802
        # Views (and the model tester) may call back into fetchMore from the
        # rowsAboutToBeInserted signal; a nested fetch would insert a page twice.
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        try:
            self._fetch_page()
        finally:
            self._fetching = False

    def _fetch_page(self) -> None:
        remaining = min(PAGE_SIZE, self._total - len(self._rows))
        if remaining <= 0:
            return
        page = self._query(remaining, len(self._rows))
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.COLUMNS):
                return self.tr(self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return shown_title(row.title)
            if column == 1:
                return kind_label(row.kind)
            if column == 2:
                return status_label(row.status)
            if column == 3:
                return row.date
            if column == 4:
                return ", ".join(row.tags)
        elif role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return self.tr("{title}\n{slug} · updated {when}").format(
                title=shown_title(row.title), slug=row.slug,
                when=row.updated_at[:16].replace("T", " "))
        elif role == self.ArticleIdRole:
            return row.id
        elif role == self.SlugRole:
            return row.slug
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.ORDER_KEYS[column] if 0 <= column < len(self.ORDER_KEYS) else None
        if key is None:
            return
        self._order = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- helpers for views ---------------------------------------------------
    def article_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == article_id:
                return number
        return None

    @property
    def total(self) -> int:
        return self._total
