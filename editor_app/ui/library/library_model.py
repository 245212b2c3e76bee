"""The library as a table model that reads only the pages of rows on screen.

A newsroom library holds tens of thousands of articles. The model knows how many
rows there are (one count) and reads a page of rows when the view first asks for
one of them; at most ``MAX_PAGES`` pages are kept, the least recently used
dropped. Selecting an article far down the list asks the library for its
position (one indexed count) instead of reading every row before it, so opening
the window costs the same with 10 articles or 100,000 (#20).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt

from editor_app.core.library import ArticleSummary
from editor_app.ui.labels import kind_label, shown_title, status_label

if TYPE_CHECKING:
    from editor_app.core.library import Library

PAGE_SIZE = 200
#: pages of rows kept in memory (a screen shows a fraction of one)
MAX_PAGES = 25
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
        self._pages: OrderedDict[int, list[ArticleSummary]] = OrderedDict()
        self._total = 0
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
        """Count the rows again and forget the pages read (they are read again when shown)."""
        self.beginResetModel()
        self._pages.clear()
        self._total = self._count()
        self.endResetModel()

    def _count(self) -> int:
        # A search result or a queue of ids (a few hundred at most) is counted by
        # reading it: ids of articles deleted since must not become empty rows.
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

    def _page(self, number: int) -> list[ArticleSummary]:
        page = self._pages.get(number)
        if page is None:
            page = self._query(PAGE_SIZE, number * PAGE_SIZE)
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def _row(self, row: int) -> ArticleSummary | None:
        if not 0 <= row < self._total:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        # Short when articles were deleted since the count (the next reload fixes it).
        return page[offset] if offset < len(page) else None

    # -- Qt model API --------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.COLUMNS):
                return self.tr(self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self._row(index.row()) if index.isValid() else None
        if row is None:
            return None
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
        summary = self._row(row)
        return summary.id if summary is not None else None

    def row_of(self, article_id: int) -> int | None:
        """The row of ``article_id`` in the list as filtered and sorted; None if not listed."""
        for number, page in self._pages.items():
            for offset, summary in enumerate(page):
                if summary.id == article_id:
                    return number * PAGE_SIZE + offset
        if self._statuses is None:
            row = self._library.article_position(article_id, tag=self._tag, ids=self._ids,
                                                 order=self._order, descending=self._descending)
        else:  # a review queue: a few statuses, sorted here (see _query)
            row = next((n for n, s in enumerate(self._query(None, 0)) if s.id == article_id),
                       None)
        return row if row is not None and row < self._total else None

    @property
    def total(self) -> int:
        return self._total
